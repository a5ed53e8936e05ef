import { computed, onBeforeUnmount, onMounted, ref } from 'vue'
import { kiosk } from '../kiosk'
import { useAccessibilityStore } from '../stores/accessibility'
import { secondsUntil, useNow } from './useNow'

/**
 * A finished flow goes back to Welcome (with a wipe) after 20 s (docs/product.md, "Kiosk
 * behaviour").
 */
export const FINISHED_RETURN_SECONDS = 20

/** When the finished screen on show returns to Welcome: audio guidance says it on request. */
export const finishedReturnAt = ref<number>()

export function useAutoReturn() {
  const now = useNow()
  // Someone listening or reading large text gets more time (docs/accessibility.md).
  const seconds = FINISHED_RETURN_SECONDS * useAccessibilityStore().timeMultiplier
  let deadline = Date.now() + seconds * 1000
  let timer: ReturnType<typeof setTimeout> | undefined
  const finish = () => kiosk().kiosk.wipe({ reason: 'finished' })
  onMounted(() => {
    deadline = Date.now() + seconds * 1000
    finishedReturnAt.value = deadline
    timer = setTimeout(finish, seconds * 1000)
  })
  onBeforeUnmount(() => {
    clearTimeout(timer)
    finishedReturnAt.value = undefined
  })
  return {
    secondsLeft: computed(() => Math.min(seconds, secondsUntil(deadline, now.value))),
    finish,
  }
}
