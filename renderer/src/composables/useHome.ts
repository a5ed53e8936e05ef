import { computed, ref } from 'vue'
import { kiosk } from '../kiosk'
import { useLinkStore } from '../stores/link'
import { useRecoveryStore } from '../stores/recovery'
import { useRegistrationStore } from '../stores/registration'
import { useSessionStore } from '../stores/session'

/** Whether the "back to the start?" question is on screen (one for the whole kiosk). */
const asking = ref(false)

/**
 * Home, from the header or a first step's Back: straight to Welcome (through the wipe) when the
 * person has entered nothing, after a yes when they have, since the wipe erases it.
 */
export function useHome() {
  const registration = useRegistrationStore()
  const recovery = useRecoveryStore()
  const session = useSessionStore()
  const link = useLinkStore()
  const somethingEntered = computed(
    () =>
      registration.inProgress ||
      recovery.inProgress ||
      Boolean(session.form.email || session.form.password || session.profile || link.raw),
  )
  const wipe = () => kiosk().kiosk.wipe({ reason: 'start_over' })

  return {
    asking,
    goHome() {
      if (somethingEntered.value) asking.value = true
      else void wipe()
    },
    confirm() {
      asking.value = false
      void wipe()
    },
    cancel() {
      asking.value = false
    },
  }
}
