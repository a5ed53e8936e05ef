import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ConsoleSession } from '@shared/api/console/accounts'
import { mayUse, type ConsolePermission } from '@shared/api/console/roles'
import type { Locale } from '@shared/locale-codes'
import { request, setCsrfToken } from '../api'

export type EndedReason = 'idle' | 'expired' | 'signedOut'

/**
 * Who is signed in, and the CSRF token of their session (memory only: a reload asks the service
 * again, which answers from the HttpOnly cookie).
 */
export const useSessionStore = defineStore('session', () => {
  const session = ref<ConsoleSession>()
  const ended = ref<EndedReason>()
  /** When the person last made a request: the idle warning counts from here. */
  const lastActivityAt = ref(Date.now())

  const account = computed(() => session.value?.account)
  const may = (permission: ConsolePermission) =>
    account.value !== undefined && mayUse(account.value.role, permission)

  /** `byThePerson`: the answer to something they did, which restarts the idle count. */
  function adopt(next: ConsoleSession, byThePerson = true) {
    session.value = next
    ended.value = undefined
    setCsrfToken(next.csrfToken)
    if (byThePerson) lastActivityAt.value = Date.now()
  }

  function end(reason: EndedReason) {
    if (!session.value) return
    session.value = undefined
    ended.value = reason
    setCsrfToken('')
  }

  async function load() {
    const answer = await request('GET', '/v1/console/session', { schema: ConsoleSession })
    if (answer.ok) adopt(answer.data)
    return answer.ok
  }

  /**
   * The session the browser's cookie holds now, when this page's has ended or its CSRF token went
   * stale: a password change in another tab renews the session of every tab, cookie and token,
   * but only that tab learns the new token. Adopted when it is still this person's; another
   * person's (signed in meanwhile in another tab), or none, is not.
   */
  async function adoptRenewed(): Promise<boolean> {
    const current = session.value
    if (current === undefined) return false
    const answer = await request('GET', '/v1/console/session', {
      schema: ConsoleSession,
      quiet: true,
    })
    // Ended meanwhile on this page (the idle limit, sign-out): it stays ended.
    if (session.value !== current) return false
    if (!answer.ok || answer.data.account.email !== current.account.email) return false
    // Asked by the page, not the person: their idle count goes on.
    adopt(answer.data, false)
    return true
  }

  async function signIn(email: string, password: string) {
    const answer = await request('POST', '/v1/console/session', {
      body: { email, password },
      schema: ConsoleSession,
    })
    if (answer.ok) adopt(answer.data)
    return answer
  }

  async function signOut() {
    await request('DELETE', '/v1/console/session')
    end('signedOut')
  }

  async function savePreferences(preferences: { locale?: Locale; alerts?: boolean }) {
    const answer = await request('POST', '/v1/console/preferences', {
      body: preferences,
      schema: ConsoleSession,
    })
    if (answer.ok) adopt(answer.data)
    return answer
  }

  /** One's own password: the service answers with a new session (its CSRF token adopted here). */
  async function changePassword(passwords: { currentPassword: string; newPassword: string }) {
    const answer = await request('POST', '/v1/console/password', {
      body: passwords,
      schema: ConsoleSession,
    })
    if (answer.ok) adopt(answer.data)
    return answer
  }

  return {
    session,
    account,
    ended,
    lastActivityAt,
    may,
    load,
    adoptRenewed,
    signIn,
    signOut,
    end,
    savePreferences,
    changePassword,
    touched: () => {
      lastActivityAt.value = Date.now()
    },
  }
})
