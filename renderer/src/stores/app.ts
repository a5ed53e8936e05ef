import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { KioskError } from '@shared/errors'
import type { AppInfo } from '@shared/ipc/app-info'
import { DEFAULT_LOCALE, type Locale } from '@shared/locale-codes'
import type { Result } from '@shared/result'
import { setLocale } from '../i18n'
import { kiosk } from '../kiosk'

const CONNECTION_CODES = new Set<KioskError['code']>([
  'service_unreachable',
  'timeout',
  'server_error',
])

/** The kiosk's setup, the current language and whether the service is answering. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo>()
  const locale = ref<Locale>(DEFAULT_LOCALE)
  const serviceTrouble = ref(false)

  async function load() {
    const result = await kiosk().app.info()
    if (result.ok) {
      info.value = result.data
      await switchLocale(result.data.defaultLocale)
      document.documentElement.style.setProperty('--accent', result.data.accentColor)
    }
  }

  /** The store's language at once (what is sent to main); the screen's once its messages are in. */
  function switchLocale(next: Locale): Promise<void> {
    locale.value = next
    return setLocale(next)
  }

  /** Every call to main goes through here, so the banner knows when the service is away. */
  async function track<T>(call: Promise<Result<T>>): Promise<Result<T>> {
    const result = await call
    if (!result.ok && CONNECTION_CODES.has(result.error.code)) serviceTrouble.value = true
    else serviceTrouble.value = false
    return result
  }

  /** After a wipe: back to the kiosk's default language, no banner. */
  async function reset() {
    serviceTrouble.value = false
    const result = await kiosk().app.info()
    if (result.ok) info.value = result.data
    await switchLocale(info.value?.defaultLocale ?? DEFAULT_LOCALE)
  }

  const institution = computed(() => info.value?.institution[locale.value])
  return { info, locale, serviceTrouble, institution, load, switchLocale, track, reset }
})
