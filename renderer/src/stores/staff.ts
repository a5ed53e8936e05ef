import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { KioskError } from '../../../shared/errors'
import type { StaffStatus } from '../../../shared/ipc/contract'
import type { Locale } from '../../../shared/locales'
import { kiosk } from '../kiosk'
import { useAppStore } from './app'

/** Staff mode (SPEC §5): the PIN pad, then the panel. Main decides; this only shows. */
export const useStaffStore = defineStore('staff', () => {
  const view = ref<'closed' | 'pin' | 'panel'>('closed')
  const status = ref<StaffStatus>()
  const error = ref<KioskError>()
  const notice = ref<'resent' | 'localeSaved'>()
  const busy = ref(false)

  function open() {
    if (view.value === 'closed') {
      error.value = undefined
      view.value = 'pin'
    }
  }

  async function unlock(pin: string) {
    busy.value = true
    error.value = undefined
    const result = await kiosk().staff.unlock({ pin })
    busy.value = false
    if (!result.ok) {
      error.value = result.error
      return false
    }
    view.value = 'panel'
    await refresh()
    return true
  }

  async function act<T>(call: () => Promise<import('../../../shared/result').Result<T>>) {
    busy.value = true
    error.value = undefined
    notice.value = undefined
    const result = await call()
    busy.value = false
    if (!result.ok) {
      error.value = result.error
      if (result.error.code === 'staff_required') view.value = 'closed'
    }
    return result.ok
  }

  async function refresh() {
    await act(async () => {
      const result = await kiosk().staff.status()
      if (result.ok) status.value = result.data
      return result
    })
  }

  async function resend(email: string, locale: Locale) {
    if (await act(() => kiosk().staff.resend({ email, locale }))) notice.value = 'resent'
  }

  async function setDefaultLocale(locale: Locale) {
    if (await act(() => kiosk().staff.setDefaultLocale({ locale }))) {
      notice.value = 'localeSaved'
      await useAppStore().reset()
    }
  }

  const resetKiosk = () => act(() => kiosk().staff.resetKiosk())
  const quit = () => act(() => kiosk().staff.quit())

  async function leave() {
    view.value = 'closed'
    status.value = undefined
    error.value = undefined
    notice.value = undefined
    await kiosk().staff.leave()
  }

  return {
    view,
    status,
    error,
    notice,
    busy,
    open,
    unlock,
    refresh,
    resend,
    setDefaultLocale,
    resetKiosk,
    quit,
    leave,
  }
})
