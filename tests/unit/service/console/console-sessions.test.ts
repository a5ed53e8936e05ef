import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UNATTENDED_HEADER } from '@shared/api/console/accounts'
import { MINUTE, HOUR } from '@service/clock'
import { consoleCommand } from '@service/commands/console-commands'
import { readAudit } from '@service/domain/audit'
import {
  CONSOLE_PASSWORD,
  IT_EMAIL,
  openConsoleService,
  type ConsoleService,
} from './console-harness'

let t: ConsoleService
beforeEach(async () => {
  t = await openConsoleService()
})
afterEach(() => t.close())

const me = (session: { cookie: string; csrf: string }) =>
  t.request('GET', '/v1/console/session', { session })

describe('console enrolment and sign-in', () => {
  it('enrols with the code `service console add` printed, under the students’ password policy', async () => {
    const printed = await consoleCommand(t.ctx, { action: 'add', email: IT_EMAIL, role: 'it' })
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(printed)![1]!
    const weak = await t.enrol(IT_EMAIL, code, 'short')
    expect(weak.body.error?.code).toBe('password_policy')
    expect((await t.enrol(IT_EMAIL, code)).status).toBe(204)
    // Single use.
    expect((await t.enrol(IT_EMAIL, code)).body.error?.code).toBe('code_expired')
    const session = await t.signIn(IT_EMAIL)
    expect((await me(session)).body.account).toMatchObject({ email: IT_EMAIL, role: 'it' })
  })

  it('sets an HttpOnly, SameSite=Strict session cookie for the console API only, not Secure over plain HTTP', async () => {
    await t.enrol(IT_EMAIL, await t.addAccount(IT_EMAIL, 'it'))
    const answer = await t.request('POST', '/v1/console/session', {
      body: { email: IT_EMAIL, password: CONSOLE_PASSWORD },
    })
    const cookie = String(answer.headers['set-cookie'])
    expect(cookie).toMatch(/^mescertif-console=[\w-]{43};/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Strict/)
    expect(cookie).toMatch(/; Path=\/v1\/console/)
    expect(cookie).not.toMatch(/Secure|Max-Age|Expires/)
    expect(answer.raw).not.toContain(cookie.split(';')[0]!.split('=')[1])
  })

  it('behind a TLS proxy it trusts, the cookie is Secure and __Secure- prefixed', async () => {
    const behindProxy = await openConsoleService({ trustProxy: true })
    try {
      await behindProxy.enrol(IT_EMAIL, await behindProxy.addAccount(IT_EMAIL, 'it'))
      const answer = await behindProxy.request('POST', '/v1/console/session', {
        body: { email: IT_EMAIL, password: CONSOLE_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      })
      expect(String(answer.headers['set-cookie'])).toMatch(
        /^__Secure-mescertif-console=.*; Secure; SameSite=Strict$/,
      )
    } finally {
      await behindProxy.close()
    }
  })

  it('locks an address after ten wrong passwords, as for students, and IT lifts the lock', async () => {
    const it_ = await t.signedIn('chef.ti@cegep.example.ca', 'it')
    await t.enrol(IT_EMAIL, await t.addAccount(IT_EMAIL, 'it'))
    for (let i = 0; i < 9; i++) {
      const wrong = await t.request('POST', '/v1/console/session', {
        body: { email: IT_EMAIL, password: `Wrong-Password#${i}xx` },
      })
      expect(wrong.body.error?.code).toBe('invalid_credentials')
    }
    const tenth = await t.request('POST', '/v1/console/session', {
      body: { email: IT_EMAIL, password: 'Wrong-Password#10x' },
    })
    expect(tenth.body.error?.code).toBe('account_locked')
    const right = await t.request('POST', '/v1/console/session', {
      body: { email: IT_EMAIL, password: CONSOLE_PASSWORD },
    })
    expect(right.body.error?.code).toBe('account_locked')
    const listed = await t.request('GET', '/v1/console/accounts', { session: it_ })
    expect(
      (listed.body.accounts as { email: string; lockedUntil?: string }[]).find(
        (a) => a.email === IT_EMAIL,
      )?.lockedUntil,
    ).toBeDefined()
    const lifted = await t.request('POST', '/v1/console/accounts/unlock', {
      session: it_,
      body: { email: IT_EMAIL },
    })
    expect(lifted.status).toBe(204)
    await expect(t.signIn(IT_EMAIL)).resolves.toBeDefined()
  })

  it('audits sign-in (right and wrong) and sign-out', async () => {
    const session = await t.signedIn(IT_EMAIL, 'it')
    await t.request('POST', '/v1/console/session', {
      body: { email: IT_EMAIL, password: 'Wrong-Password#1xx' },
    })
    expect((await t.request('DELETE', '/v1/console/session', { session })).status).toBe(204)
    expect((await me(session)).body.error?.code).toBe('session_expired')
    expect(
      (await readAudit(t.ctx, { since: 0 })).map((entry) => [
        entry.action,
        entry.result,
        entry.via,
      ]),
    ).toEqual([
      ['console_enrol', 'ok', 'console'],
      ['console_sign_in', 'ok', 'console'],
      ['console_sign_in', 'invalid_credentials', 'console'],
      ['console_sign_out', 'ok', 'console'],
    ])
  })
})

describe('console sessions', () => {
  it('a disable while a sign-in checks the password leaves no session (sessions revoked stay revoked)', async () => {
    await t.enrol(IT_EMAIL, await t.addAccount(IT_EMAIL, 'it'))
    const { checking, release } = t.holdNextPasswordCheck()
    const signIn = t.request('POST', '/v1/console/session', {
      body: { email: IT_EMAIL, password: CONSOLE_PASSWORD },
    })
    await checking
    await consoleCommand(t.ctx, { action: 'disable', email: IT_EMAIL })
    release()
    expect((await signIn).body.error?.code).toBe('invalid_credentials')
    expect(
      await t.sql.get('SELECT count(*) AS n FROM console_sessions WHERE revoked_at IS NULL'),
    ).toEqual({ n: 0 })
  })

  it('end after 15 minutes without a request from the person; each request moves the clock', async () => {
    const session = await t.signedIn(IT_EMAIL, 'it')
    t.clock.at += 14 * MINUTE
    expect((await me(session)).status).toBe(200)
    t.clock.at += 14 * MINUTE
    expect((await me(session)).status).toBe(200)
    t.clock.at += 15 * MINUTE
    expect((await me(session)).body.error?.code).toBe('session_expired')
  })

  it('a read the page makes on its own (X-Console-Unattended: 1) does not keep the session awake', async () => {
    const session = await t.signedIn(IT_EMAIL, 'it')
    const unattended = (path: string) =>
      t.request('GET', path, { session, headers: { [UNATTENDED_HEADER]: '1' } })
    t.clock.at += 10 * MINUTE
    expect((await unattended('/v1/console/session')).status).toBe(200)
    expect((await unattended('/v1/console/fleet')).status).toBe(200)
    // 16 minutes after the person's last request: ended, whatever the page read meanwhile.
    t.clock.at += 6 * MINUTE
    expect((await unattended('/v1/console/session')).body.error?.code).toBe('session_expired')
  })

  it('any other value of the header is the person’s own read, which moves the clock', async () => {
    const session = await t.signedIn(IT_EMAIL, 'it')
    t.clock.at += 10 * MINUTE
    const read = await t.request('GET', '/v1/console/session', {
      session,
      headers: { [UNATTENDED_HEADER]: 'yes' },
    })
    expect(read.status).toBe(200)
    t.clock.at += 10 * MINUTE
    expect((await me(session)).status).toBe(200)
  })

  it('a change is always the person’s: the header does not stop it moving the clock', async () => {
    const session = await t.signedIn(IT_EMAIL, 'it')
    t.clock.at += 10 * MINUTE
    const saved = await t.request('POST', '/v1/console/preferences', {
      session,
      body: { alerts: true },
      headers: { [UNATTENDED_HEADER]: '1' },
    })
    expect(saved.status).toBe(200)
    t.clock.at += 10 * MINUTE
    expect((await me(session)).status).toBe(200)
  })

  it('end 8 hours after sign-in however busy', async () => {
    const session = await t.signedIn(IT_EMAIL, 'it')
    for (let i = 0; i < 8 * 6 - 1; i++) {
      t.clock.at += 10 * MINUTE
      expect((await me(session)).status, `after ${(i + 1) * 10} min`).toBe(200)
    }
    t.clock.at += 10 * MINUTE
    expect((await me(session)).body.error?.code).toBe('session_expired')
    expect(8 * HOUR).toBe(48 * 10 * MINUTE)
  })

  it('`service console disable` ends the person’s sessions at once', async () => {
    const session = await t.signedIn(IT_EMAIL, 'it')
    await consoleCommand(t.ctx, { action: 'disable', email: IT_EMAIL })
    expect((await me(session)).body.error?.code).toBe('session_expired')
    const again = await t.request('POST', '/v1/console/session', {
      body: { email: IT_EMAIL, password: CONSOLE_PASSWORD },
    })
    expect(again.body.error?.code).toBe('invalid_credentials')
  })
})

describe('CSRF', () => {
  it('refuses a change without the session’s CSRF token, or with another session’s', async () => {
    const session = await t.signedIn(IT_EMAIL, 'it')
    const other = await t.signedIn('autre.ti@cegep.example.ca', 'it')
    const add = (headers: Record<string, string>, csrf: boolean) =>
      t.request('POST', '/v1/console/devices', {
        session,
        csrf,
        headers,
        body: { name: 'hall-b-2', role: 'public' },
      })
    for (const [headers, csrf] of [
      [{}, false],
      [{ 'x-csrf-token': other.csrf }, false],
      [{ 'x-csrf-token': '' }, false],
    ] as const) {
      const refused = await add(headers, csrf)
      expect(refused.status).toBe(403)
      expect(refused.body.error).toMatchObject({
        code: 'forbidden',
        fields: { 'x-csrf-token': 'invalid' },
      })
    }
    expect((await add({}, true)).status).toBe(201)
    // One name, one device.
    const again = await add({}, true)
    expect([again.status, again.body.error?.fields]).toEqual([409, { name: 'invalid' }])
  })

  it('refuses a change from another origin, even with the token', async () => {
    const session = await t.signedIn(IT_EMAIL, 'it')
    const answer = await t.request('POST', '/v1/console/devices', {
      session,
      headers: { origin: 'https://evil.example.net' },
      body: { name: 'hall-b-2', role: 'public' },
    })
    expect(answer.status).toBe(403)
    const signIn = await t.request('POST', '/v1/console/session', {
      headers: { 'sec-fetch-site': 'cross-site' },
      body: { email: IT_EMAIL, password: CONSOLE_PASSWORD },
    })
    expect(signIn.status).toBe(403)
  })
})
