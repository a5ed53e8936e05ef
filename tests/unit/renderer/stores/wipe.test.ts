import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { AppInfo } from '@shared/ipc/app-info'
import { useAccessibilityStore } from '@renderer/stores/accessibility'
import { useAppStore } from '@renderer/stores/app'
import { useLinkStore } from '@renderer/stores/link'
import { useRecoveryStore } from '@renderer/stores/recovery'
import { useRegistrationStore } from '@renderer/stores/registration'
import { useSessionStore } from '@renderer/stores/session'
import { useStaffStore } from '@renderer/stores/staff'
import { resetAllStores } from '@renderer/stores/wipe'
import { installFakeKiosk, ok } from '../fake-kiosk'

const info = { defaultLocale: 'fr-CA' } as AppInfo
const stores = () => [
  useRegistrationStore(),
  useSessionStore(),
  useRecoveryStore(),
  useLinkStore(),
  useStaffStore(),
  useAccessibilityStore(),
]

beforeEach(() => setActivePinia(createPinia()))

describe('resetAllStores: the renderer’s part of the wipe', () => {
  it('brings every flow store, staff mode included, back to its first state', async () => {
    installFakeKiosk({ 'app.info': () => ok(info) })
    const fresh = stores().map((store) => JSON.stringify(store.$state))
    useRegistrationStore().draft.email = 'elise@example.ca'
    useSessionStore().form.password = 'Rivière-Bleue#2026!'
    useRecoveryStore().email = 'elise@example.ca'
    useLinkStore().raw = 'mescertif://invite/abc'
    useStaffStore().open()
    Object.assign(useAccessibilityStore(), { audio: true, largeText: true, highContrast: true })
    useAccessibilityStore().lowered = true
    useAppStore().switchLocale('en-CA')
    expect(stores().map((store) => JSON.stringify(store.$state))).not.toEqual(fresh)

    await resetAllStores()
    expect(stores().map((store) => JSON.stringify(store.$state))).toEqual(fresh)
    expect(useStaffStore().view).toBe('closed')
    expect(useAppStore().locale).toBe('fr-CA')
  })
})
