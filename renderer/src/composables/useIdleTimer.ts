import { onBeforeUnmount, onMounted, ref } from 'vue'

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const

/**
 * Idle detection (docs/product.md, "Kiosk behaviour"): after `warnAfterSeconds` without input,
 * `warning` turns on and `secondsLeft` counts the grace period down; at zero, `onExpire` runs. Any
 * input, or `stay()`, starts over.
 */
export function useIdleTimer(options: {
  enabled: () => boolean
  warnAfterSeconds: () => number
  graceSeconds: () => number
  onExpire: () => void
}) {
  const warning = ref(false)
  const secondsLeft = ref(0)
  let lastActivity = Date.now()
  let timer: ReturnType<typeof setInterval> | undefined

  function stay() {
    lastActivity = Date.now()
    warning.value = false
  }

  function onActivity() {
    // While the dialog shows, only its button counts: a stray touch must not hide it silently.
    if (!warning.value) lastActivity = Date.now()
  }

  function tick() {
    if (!options.enabled()) {
      stay()
      return
    }
    const idleSeconds = (Date.now() - lastActivity) / 1000
    const warnAt = options.warnAfterSeconds()
    if (idleSeconds < warnAt) {
      warning.value = false
      return
    }
    const left = Math.ceil(warnAt + options.graceSeconds() - idleSeconds)
    if (left <= 0) {
      stay()
      options.onExpire()
      return
    }
    warning.value = true
    secondsLeft.value = left
  }

  onMounted(() => {
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { capture: true, passive: true })
    timer = setInterval(tick, 250)
  })
  onBeforeUnmount(() => {
    for (const name of ACTIVITY_EVENTS)
      window.removeEventListener(name, onActivity, { capture: true })
    clearInterval(timer)
  })
  return { warning, secondsLeft, stay }
}
