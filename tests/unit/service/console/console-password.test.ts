import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { consoleCommand } from '@service/commands/console-commands'
import { readAudit } from '@service/domain/audit'
import {
  CONSOLE_PASSWORD,
  IT_EMAIL,
  REGISTRAR_EMAIL,
  openConsoleService,
  type ConsoleService,
  type ConsoleSignedIn,
} from './console-harness'

let t: ConsoleService
beforeEach(async () => {
  t = await openConsoleService()
})
afterEach(() => t.close())

const NEW_PASSWORD = 'Nouveau-Quai#2027?'

const change = (session: ConsoleSignedIn, currentPassword: string, newPassword = NEW_PASSWORD) =>
  t.request('POST', '/v1/console/password', { session, body: { currentPassword, newPassword } })
const me = (session: ConsoleSignedIn) => t.request('GET', '/v1/console/session', { session })
const signInWith = (password: string) =>
  t.request('POST', '/v1/console/session', { body: { email: REGISTRAR_EMAIL, password } })

describe('changing one’s own console password', () => {
  it('with the current password: the new one signs in, the old one no longer does', async () => {
    const session = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
    expect((await change(session, CONSOLE_PASSWORD)).status).toBe(200)
    expect((await signInWith(CONSOLE_PASSWORD)).body.error?.code).toBe('invalid_credentials')
    expect((await signInWith(NEW_PASSWORD)).status).toBe(200)
  })

  it('ends every session of the account, and only those; the person goes on in a new one', async () => {
    const here = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
    const elsewhere = await t.signIn(REGISTRAR_EMAIL)
    const someoneElse = await t.signedIn(IT_EMAIL, 'it')
    const before = (await me(here)).body.expiresAt
    t.clock.at += 10 * 60_000
    const answer = await change(here, CONSOLE_PASSWORD)
    expect(answer.status).toBe(200)
    // A new cookie and CSRF token; a copy of the old cookie, wherever it is, no longer works.
    const renewed = {
      cookie: String(answer.headers['set-cookie']).split(';')[0]!,
      csrf: answer.body.csrfToken as string,
    }
    expect(renewed.cookie).not.toBe(here.cookie)
    expect(renewed.csrf).not.toBe(here.csrf)
    expect((await me(here)).body.error?.code).toBe('session_expired')
    expect((await me(elsewhere)).body.error?.code).toBe('session_expired')
    expect((await me(someoneElse)).status).toBe(200)
    // The new session keeps the old one's absolute end (8 h from sign-in, not from the change).
    expect((await me(renewed)).body).toMatchObject({ expiresAt: before })
    const saved = await t.request('POST', '/v1/console/preferences', {
      session: renewed,
      body: { locale: 'en-CA' },
    })
    expect(saved.status).toBe(200)
  })

  it('a wrong current password is a 422 on the field, not a 401 (which would sign the page out), and changes nothing', async () => {
    const session = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
    const wrong = await change(session, 'Pas-Le-Bon#2026!!')
    expect(wrong.status).toBe(422)
    expect(wrong.body.error).toMatchObject({
      code: 'invalid_credentials',
      fields: { currentPassword: 'invalid' },
    })
    expect((await me(session)).status).toBe(200)
    expect((await signInWith(CONSOLE_PASSWORD)).status).toBe(200)
  })

  it('ten wrong current passwords lock the account’s sign-in, as ten wrong sign-ins would', async () => {
    const session = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
    for (let i = 0; i < 9; i++)
      expect((await change(session, `Pas-Le-Bon#${i}xxxxxx`)).body.error?.code).toBe(
        'invalid_credentials',
      )
    expect((await change(session, 'Pas-Le-Bon#10xxxxx')).body.error?.code).toBe('account_locked')
    // Locked: even the right one is refused, here and at sign-in.
    expect((await change(session, CONSOLE_PASSWORD)).body.error?.code).toBe('account_locked')
    expect((await signInWith(CONSOLE_PASSWORD)).body.error?.code).toBe('account_locked')
  })

  it('a right current password forgets the failures counted before it', async () => {
    const session = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
    for (let i = 0; i < 9; i++) await change(session, `Pas-Le-Bon#${i}xxxxxx`)
    expect((await change(session, CONSOLE_PASSWORD)).status).toBe(200)
    expect((await signInWith('Pas-Le-Bon#9xxxxxx')).body.error?.code).toBe('invalid_credentials')
    expect((await signInWith(NEW_PASSWORD)).status).toBe(200)
  })

  it('the new password follows the enrolment’s policy, names every rule it fails, and counts no attempt', async () => {
    const session = await t.signedIn(REGISTRAR_EMAIL, 'registrar', 'Sam Tremblay')
    const weak = await change(session, CONSOLE_PASSWORD, 'court')
    expect(weak.status).toBe(422)
    expect(weak.body.error).toMatchObject({ code: 'password_policy' })
    expect(weak.body.error?.rules).toEqual(expect.arrayContaining(['minLength', 'digit']))
    const named = await change(session, CONSOLE_PASSWORD, 'Tremblay-Registre#2027')
    expect(named.body.error?.rules).toEqual(['personalInfo'])
    expect(
      await t.sql.get('SELECT count(*) AS n FROM console_sign_in_throttle WHERE failures > 0'),
    ).toEqual({ n: 0 })
  })

  it('refuses the current password as the new one', async () => {
    const session = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
    const same = await change(session, CONSOLE_PASSWORD, CONSOLE_PASSWORD)
    expect(same.status).toBe(422)
    expect(same.body.error).toMatchObject({
      code: 'validation_failed',
      fields: { newPassword: 'invalid' },
    })
  })

  it('needs the session’s CSRF token, like every change', async () => {
    const session = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
    const refused = await t.request('POST', '/v1/console/password', {
      session,
      csrf: false,
      body: { currentPassword: CONSOLE_PASSWORD, newPassword: NEW_PASSWORD },
    })
    expect(refused.status).toBe(403)
    expect((await signInWith(CONSOLE_PASSWORD)).status).toBe(200)
  })

  it('a reset while the current password is checked wins: no new password lands', async () => {
    const session = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
    const { checking, release } = t.holdNextPasswordCheck()
    const changing = change(session, CONSOLE_PASSWORD)
    await checking
    // IT resets the account from another session (the same service, as `service console reset`).
    await consoleCommand(t.ctx, { action: 'reset', email: REGISTRAR_EMAIL })
    release()
    expect((await changing).body.error?.code).toBe('invalid_credentials')
    expect(
      await t.sql.get(
        'SELECT password_hash FROM console_accounts WHERE email = ?',
        REGISTRAR_EMAIL,
      ),
    ).toEqual({ password_hash: null })
    expect((await me(session)).body.error?.code).toBe('session_expired')
  })

  it('is audited, right and wrong, without either password', async () => {
    const session = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
    await change(session, 'Pas-Le-Bon#2026!!')
    await change(session, CONSOLE_PASSWORD)
    const entries = await readAudit(t.ctx, { since: 0 })
    expect(
      entries
        .filter((entry) => entry.action === 'console_password_change')
        .map((entry) => entry.result),
    ).toEqual(['invalid_credentials', 'ok'])
    const written = JSON.stringify(entries)
    for (const secret of [CONSOLE_PASSWORD, NEW_PASSWORD, 'Pas-Le-Bon#2026!!'])
      expect(written).not.toContain(secret)
  })

  it('a current password that cannot be checked (a damaged hash) gives the throttle’s place back', async () => {
    const session = await t.signedIn(REGISTRAR_EMAIL, 'registrar')
    const hasher = t.ctx.hasher
    t.ctx.hasher = { ...hasher, verify: () => Promise.reject(new Error('damaged hash')) }
    expect((await change(session, CONSOLE_PASSWORD)).status).toBe(500)
    t.ctx.hasher = hasher
    expect(
      await t.sql.get(
        'SELECT in_flight, failures FROM console_sign_in_throttle WHERE email = ?',
        REGISTRAR_EMAIL,
      ),
    ).toEqual({ in_flight: 0, failures: 0 })
  })
})
