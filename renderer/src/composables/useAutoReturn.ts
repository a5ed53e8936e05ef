import { computed, onBeforeUnmount, onMounted } from 'vue'
import { kiosk } from '../kiosk'
import { secondsUntil, useNow } from './useNow'

/**
 * A finished flow goes back to Welcome (with a wipe) after 20 s (docs/product.md, "Kiosk
 * behaviour").
 */
export const FINISHED_RETURN_SECONDS = 20

export function useAutoReturn() {
  const now = useNow()
  let deadline = Date.now() + FINISHED_RETURN_SECONDS * 1000
  let timer: ReturnType<typeof setTimeout> | undefined
  const finish = () => kiosk().kiosk.wipe({ reason: 'finished' })
  onMounted(() => {
    deadline = Date.now() + FINISHED_RETURN_SECONDS * 1000
    timer = setTimeout(finish, FINISHED_RETURN_SECONDS * 1000)
  })
  onBeforeUnmount(() => clearTimeout(timer))
  return {
    secondsLeft: computed(() =>
      Math.min(FINISHED_RETURN_SECONDS, secondsUntil(deadline, now.value)),
    ),
    finish,
  }
}
