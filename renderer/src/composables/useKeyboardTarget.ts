import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'

/**
 * What the on-screen keyboards share: the text field they type into, whether the person hid the
 * keyboard, and how many modal dialogs are open. The page has one keyboard and each dialog its
 * own (a modal dialog sits in the browser's top layer and makes the page inert, so only a keyboard
 * inside it can be seen and touched).
 */
const target = shallowRef<HTMLInputElement | null>(null)
const hidden = ref(false)
const openDialogs = ref(0)
let listening = 0

const isTextField = (element: EventTarget | null): element is HTMLInputElement =>
  element instanceof HTMLInputElement &&
  ['text', 'email', 'password'].includes(element.type) &&
  !element.disabled

/** A field that takes focus brings the keyboard back: touching a field means wanting to type. */
function onFocusIn(event: FocusEvent) {
  if (!isTextField(event.target)) return
  target.value = event.target
  hidden.value = false
}

/** Touching the field that already has focus brings back a keyboard the person had hidden. */
function onPointerDown(event: PointerEvent) {
  if (event.target === target.value) hidden.value = false
}

export function useKeyboardTarget() {
  onMounted(() => {
    if (listening++ > 0) return
    document.addEventListener('focusin', onFocusIn)
    document.addEventListener('pointerdown', onPointerDown)
  })
  onBeforeUnmount(() => {
    if (--listening > 0) return
    document.removeEventListener('focusin', onFocusIn)
    document.removeEventListener('pointerdown', onPointerDown)
  })
  return {
    target,
    hidden,
    openDialogs,
    /** Drops a field that left the page (a new screen), so no keyboard types into nothing. */
    forgetDetached() {
      if (target.value && !target.value.isConnected) target.value = null
    },
  }
}

/** Counts an open modal dialog for as long as the calling component lives. */
export function useModalPresence() {
  onMounted(() => openDialogs.value++)
  onBeforeUnmount(() => openDialogs.value--)
}
