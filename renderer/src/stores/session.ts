import { defineStore } from 'pinia'
import { reactive, toRefs } from 'vue'
import type { CredentialDocument, Profile } from '@shared/api/schemas'
import type { KioskError } from '@shared/errors'
import { kiosk } from '../kiosk'
import { clearErrorOnEdit, useAction } from './action'
import { useAppStore } from './app'

const initial = () => ({
  form: { email: '', password: '' },
  profile: undefined as Profile | undefined,
  documents: [] as CredentialDocument[],
  busy: false,
  error: undefined as KioskError | undefined,
})

/** Sign in, the signed-in screen, sign out. */
export const useSessionStore = defineStore('session', () => {
  const app = useAppStore()
  const state = reactive(initial())
  // Sign-in is three calls in one busy spell; each tells the service banner on its own.
  const run = useAction(state, { tracked: false })
  clearErrorOnEdit(state, () => ({ ...state.form }))

  async function signIn() {
    const result = await run(async () => {
      const signedIn = await app.track(
        kiosk().session.signIn({ email: state.form.email, password: state.form.password }),
      )
      if (!signedIn.ok) return signedIn
      state.form.password = ''
      const [me, docs] = await Promise.all([
        app.track(kiosk().account.profile()),
        app.track(kiosk().account.documents()),
      ])
      if (me.ok) state.profile = me.data
      if (docs.ok) state.documents = docs.data
      return me
    })
    return result.ok
  }

  function prefill(email: string) {
    state.form.email = email
  }

  function reset() {
    Object.assign(state, initial())
  }

  return { ...toRefs(state), signIn, prefill, reset }
})
