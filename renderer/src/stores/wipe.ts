import { useAccessibilityStore } from './accessibility'
import { useAppStore } from './app'
import { useCounterStore } from './counter'
import { useLinkStore } from './link'
import { useRecoveryStore } from './recovery'
import { useRegistrationStore } from './registration'
import { useSessionStore } from './session'
import { useStaffStore } from './staff'

/** The renderer's part of the wipe: every store back to its first state. */
export async function resetAllStores(): Promise<void> {
  useRegistrationStore().reset()
  useSessionStore().reset()
  useRecoveryStore().reset()
  useLinkStore().reset()
  useStaffStore().reset()
  useAccessibilityStore().reset()
  useCounterStore().reset()
  await useAppStore().reset()
}
