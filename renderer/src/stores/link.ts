import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LinkInfo } from '../../../shared/api/schemas'
import type { KioskError } from '../../../shared/errors'
import { kiosk } from '../kiosk'
import { useAppStore } from './app'

/** Mail links, whether pasted, scanned or opened from the OS. */
export const useLinkStore = defineStore('link', () => {
  const app = useAppStore()
  const raw = ref('')
  const busy = ref(false)
  const error = ref<KioskError>()
  /** A link that arrived while someone's session was in progress: waiting for a yes or no. */
  const waiting = ref<LinkInfo>()
  const activated = ref(false)

  async function submit(text: string): Promise<LinkInfo | undefined> {
    error.value = undefined
    busy.value = true
    try {
      const result = await app.track(kiosk().links.submit({ raw: text }))
      if (!result.ok) {
        error.value = result.error
        return undefined
      }
      return result.data
    } finally {
      busy.value = false
    }
  }

  async function activate() {
    error.value = undefined
    busy.value = true
    try {
      const result = await app.track(kiosk().links.activate())
      if (!result.ok) error.value = result.error
      else activated.value = true
      return result.ok
    } finally {
      busy.value = false
    }
  }

  function reset() {
    raw.value = ''
    busy.value = false
    error.value = undefined
    waiting.value = undefined
    activated.value = false
  }

  return { raw, busy, error, waiting, activated, submit, activate, reset }
})
