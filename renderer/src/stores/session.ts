import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { CredentialDocument, Profile } from '../../../shared/api/schemas'
import type { KioskError } from '../../../shared/errors'
import { kiosk } from '../kiosk'
import { useAppStore } from './app'

/** Seed step 05: sign in, the signed-in screen, sign out. */
export const useSessionStore = defineStore('session', () => {
  const app = useAppStore()
  const form = reactive({ email: '', password: '' })
  const profile = ref<Profile>()
  const documents = ref<CredentialDocument[]>([])
  const busy = ref(false)
  const error = ref<KioskError>()

  async function signIn() {
    error.value = undefined
    busy.value = true
    try {
      const result = await app.track(
        kiosk().session.signIn({ email: form.email, password: form.password }),
      )
      if (!result.ok) {
        error.value = result.error
        return false
      }
      form.password = ''
      const [me, docs] = await Promise.all([
        app.track(kiosk().account.profile()),
        app.track(kiosk().account.documents()),
      ])
      if (me.ok) profile.value = me.data
      if (docs.ok) documents.value = docs.data
      if (!me.ok) error.value = me.error
      return me.ok
    } finally {
      busy.value = false
    }
  }

  function prefill(email: string) {
    form.email = email
  }

  function reset() {
    form.email = ''
    form.password = ''
    profile.value = undefined
    documents.value = []
    busy.value = false
    error.value = undefined
  }

  return { form, profile, documents, busy, error, signIn, prefill, reset }
})
