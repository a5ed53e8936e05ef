import { createHash } from 'node:crypto'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { AccountClient } from '@main/account/http-client'
import { createEventLog } from '@main/event-log'
import type { HandlerDeps } from '@main/ipc/handler-deps'
import { createHandlers } from '@main/ipc/handlers'
import { createIpcRouter } from '@main/ipc/router'
import { createKioskState } from '@main/kiosk-state'
import type { KioskError } from '@shared/errors'
import type { IpcChannel } from '@shared/ipc/channels'
import type { Result } from '@shared/result'

const PASSWORD = 'Rivière-Bleue#2026!'
const TOKEN = 'q3xZ0_-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'
const registration = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Alex',
  lastName: 'Roy',
  email: 'alex.roy@example.ca',
  password: PASSWORD,
  locale: 'fr-CA',
  acceptTerms: true,
  acceptPrivacy: true,
  ...overrides,
})

/** The real router and handlers over a client that records what it was asked and answers as told. */
function setup(answers: { register?: Result<unknown>; resetPassword?: Result<unknown> } = {}) {
  const state = createKioskState()
  const registered: { body: unknown; idempotencyKey: string }[] = []
  let keys = 0
  const client = {
    register: async (body: unknown, idempotencyKey: string) => {
      registered.push({ body, idempotencyKey })
      return (
        answers.register ?? {
          ok: true,
          data: { registrationId: 'r1', maskedEmail: 'a•••@example.ca', resendAfterSeconds: 60 },
        }
      )
    },
    resetPassword: async () => answers.resetPassword ?? { ok: true, data: {} },
  } as unknown as AccountClient
  const deps = {
    client,
    state,
    log: createEventLog({ write: () => undefined }),
    newIdempotencyKey: () => `key-${++keys}`,
  } as unknown as HandlerDeps
  const router = createIpcRouter({
    appOrigin: 'app://kiosk',
    handlers: createHandlers(deps),
    log: deps.log,
    humanSpeed: { take: () => 0 },
  })
  const call = (channel: IpcChannel, payload?: unknown) =>
    router.dispatch(channel, { url: 'app://kiosk/index.html', parent: null }, payload)
  return { state, registered, call }
}

describe('registration.submit', () => {
  it('sends the same registration again under the same Idempotency-Key, a changed one under a new key', async () => {
    const { registered, call } = setup({ register: { ok: false, error: { code: 'timeout' } } })
    await call('registration.submit', registration())
    await call('registration.submit', registration({ email: '  alex.roy@example.ca ' }))
    await call('registration.submit', registration({ password: 'Autre-Mot#De-Passe2026' }))
    await call('registration.submit', registration({ password: 'Autre-Mot#De-Passe2026' }))
    expect(registered.map((r) => r.idempotencyKey)).toEqual(['key-1', 'key-1', 'key-2', 'key-2'])
  })

  it('keeps neither the password nor a fast hash of it to recognise a repeat', async () => {
    const { state, registered, call } = setup()
    await call('registration.submit', registration())
    const attempt = state.person.registrationAttempt!
    const sha256 = (text: string) => createHash('sha256').update(text).digest()
    const body = JSON.stringify(registered[0]!.body)
    expect(attempt.fingerprint.equals(sha256(body))).toBe(false)
    expect(inspect(attempt, { depth: 5 })).not.toContain(PASSWORD)
    expect(attempt.fingerprintKey).toHaveLength(32)
  })

  it('an invitation link locks the address: another one is refused in main', async () => {
    const { state, registered, call } = setup()
    state.pendingLink = { kind: 'invite', token: TOKEN, email: 'invited@example.ca' }
    expect(await call('links.follow')).toEqual({ ok: true, data: {} })

    expect(await call('registration.submit', registration())).toEqual({
      ok: false,
      error: { code: 'validation_failed', fields: { email: 'invalid' } },
    })
    expect(registered).toEqual([])
    const result = await call(
      'registration.submit',
      registration({ email: ' Invited@Example.CA ' }),
    )
    expect(result.ok).toBe(true)
  })
})

describe("the service's field names reach the renderer only as the form's own", () => {
  it('keeps the fields of the request and drops a header, the body and nested keys', async () => {
    const error: KioskError = {
      code: 'validation_failed',
      fields: {
        firstName: 'too_long',
        'Idempotency-Key': 'invalid',
        '(body)': 'invalid',
        'consent.termsVersion': 'required',
        ['__proto__']: 'invalid',
      },
    }
    const { call } = setup({ register: { ok: false, error } })
    expect(await call('registration.submit', registration())).toEqual({
      ok: false,
      error: { code: 'validation_failed', fields: { firstName: 'too_long' } },
    })
  })

  it('drops `fields` when none is a field of the form, so the general message shows', async () => {
    const { state, call } = setup({
      resetPassword: {
        ok: false,
        error: { code: 'validation_failed', fields: { resetToken: 'invalid' } },
      },
    })
    state.person.resetToken = TOKEN
    expect(await call('password.reset', { newPassword: PASSWORD })).toEqual({
      ok: false,
      error: { code: 'validation_failed' },
    })
  })
})
