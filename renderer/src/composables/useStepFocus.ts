import { nextTick, onMounted, ref } from 'vue'

/** Moves focus to the step's heading when it appears, so a screen reader announces the new step. */
export function useStepFocus() {
  const heading = ref<HTMLElement | null>(null)
  onMounted(async () => {
    await nextTick()
    heading.value?.focus()
  })
  return heading
}
