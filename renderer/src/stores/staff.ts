import { defineStore } from 'pinia'
import { reactive, toRefs } from 'vue'
import type { KioskError } from '@shared/errors'
import type { StaffStatus } from '@shared/ipc/contract'
import type { Locale } from '@shared/locale-codes'
import { kiosk } from '../kiosk'
import { useAction } from './action'
import { useAppStore } from './app'

const initial = () => ({
  view: 'closed' as 'closed' | 'pin' | 'panel',
  status: undefined as StaffStatus | undefined,
  busy: false,
  error: undefined as KioskError | undefined,
  notice: undefined as 'resent' | 'localeSaved' | undefined,
})

/** Staff mode: the PIN pad, then the panel. Main decides; this only shows. */
export const useStaffStore = defineStore('staff', () => {
  const state = reactive(initial())
  const run = useAction(state, {
    tracked: false,
    onError: (error) => {
      if (error.code === 'staff_required') state.view = 'closed'
    },
  })

  function open() {
    if (state.view === 'closed') {
      state.error = undefined
      state.view = 'pin'
    }
  }

  async function unlock(pin: string) {
    const result = await run(() => kiosk().staff.unlock({ pin }))
    if (!result.ok) return false
    // The panel opens whole, its status read: nothing moves under a reader or audio guidance.
    await refresh()
    state.view = 'panel'
    return true
  }

  async function refresh() {
    const result = await run(() => kiosk().staff.status())
    if (result.ok) state.status = result.data
  }

  async function resend(email: string, locale: Locale) {
    const result = await run(() => kiosk().staff.resend({ email, locale }))
    if (result.ok) state.notice = 'resent'
  }

  async function setDefaultLocale(locale: Locale) {
    const result = await run(() => kiosk().staff.setDefaultLocale({ locale }))
    if (!result.ok) return
    state.notice = 'localeSaved'
    await useAppStore().reset()
  }

  const resetKiosk = () => run(() => kiosk().staff.resetKiosk())
  const quit = () => run(() => kiosk().staff.quit())

  function reset() {
    Object.assign(state, initial())
  }

  async function leave() {
    reset()
    await kiosk().staff.leave()
  }

  return {
    ...toRefs(state),
    open,
    unlock,
    refresh,
    resend,
    setDefaultLocale,
    resetKiosk,
    quit,
    reset,
    leave,
  }
})
