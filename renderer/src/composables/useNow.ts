import { onScopeDispose, ref } from 'vue'

/** The current time, updated every second while the calling component lives (countdowns). */
export function useNow() {
  const now = ref(Date.now())
  const timer = setInterval(() => {
    now.value = Date.now()
  }, 1000)
  onScopeDispose(() => clearInterval(timer))
  return now
}

export const secondsUntil = (at: number, now: number) => Math.max(0, Math.ceil((at - now) / 1000))
