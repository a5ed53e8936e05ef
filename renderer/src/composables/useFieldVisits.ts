import { reactive, ref } from 'vue'

/**
 * When a form's own checks may speak: about a field once the person has left it with something in
 * it, about every field once they have pressed the step's button. From then on each problem
 * shows and clears live as they type: an error never outlives its fix, and nothing is red before
 * the person had a chance.
 */
export function useFieldVisits() {
  const left = reactive(new Set<string>())
  const submitted = ref(false)

  function onFocusOut(event: FocusEvent) {
    const field = event.target
    if (field instanceof HTMLInputElement && field.type !== 'checkbox' && field.value)
      left.add(field.id)
  }

  return {
    onFocusOut,
    /** Marks the form as submitted: from now on every field's problem shows. */
    submit() {
      submitted.value = true
    },
    /** A fresh start for the form (a new code was sent): nothing judged yet. */
    reset() {
      submitted.value = false
      left.clear()
    },
    /** Whether the problem of the field with this id may show. */
    judged: (id: string) => submitted.value || left.has(id),
  }
}
