import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  newAddress,
  NEW_PASSWORD,
  PASSWORD,
  startHostileKiosk,
  startReferenceService,
  type HostileKiosk,
  type ReferenceService,
} from './hostile-kiosk'

const GONE = { ok: false, error: { code: 'no_pending_flow' } }

let service: ReferenceService
let kiosk: HostileKiosk
beforeAll(async () => {
  service = await startReferenceService({ deviceRequestsPerMinute: 100_000 })
})
afterAll(() => service.close())
beforeEach(async () => {
  kiosk = await startHostileKiosk(service)
})
afterEach(() => kiosk.close())

/** The session tokens the service handed out, read off the wire. */
const issuedSessions = () =>
  kiosk.proxy.exchanges
    .filter((e) => e.method === 'POST' && e.path === '/v1/sessions' && e.status < 300)
    .map((e) => (JSON.parse(e.body) as { sessionToken: string }).sessionToken)

async function expectSignedOutAtService(token: string) {
  expect(await service.client.profile(token)).toEqual({
    ok: false,
    error: { code: 'session_expired' },
  })
}

describe('an answer that lands after a wipe is not given to the next person', () => {
  it('session.signIn: discarded, and the session it created is signed out at the service', async () => {
    const email = newAddress()
    await service.activeAccount(email)
    const held = kiosk.proxy.holdNext('POST', /^\/v1\/sessions$/)
    const answer = kiosk.call('session.signIn', { email, password: PASSWORD })
    await held.arrival
    await kiosk.call('kiosk.wipe', { reason: 'start_over' })
    held.release()

    expect(await answer).toEqual(GONE)
    expect(kiosk.core.state.person).toEqual({})
    expect(await kiosk.call('account.profile')).toEqual({
      ok: false,
      error: { code: 'session_expired' },
    })
    expect(await kiosk.call('account.documents')).toEqual({
      ok: false,
      error: { code: 'session_expired' },
    })
    const [token] = issuedSessions()
    expect(token).toBeDefined()
    await expectSignedOutAtService(token!)
  })

  it.each(['account.profile', 'account.documents'] as const)(
    '%s: the previous person’s answer is dropped even when the service gave it',
    async (channel) => {
      const email = newAddress()
      await service.activeAccount(email)
      expect((await kiosk.call('session.signIn', { email, password: PASSWORD })).ok).toBe(true)
      const read = kiosk.proxy.holdNext('GET', /^\/v1\/me/)
      const answer = kiosk.call(channel)
      await read.arrival
      // The wipe's sign-out is held too, so the service still answers the read with their data.
      const signOut = kiosk.proxy.holdNext('DELETE', /^\/v1\/sessions\/current$/)
      const wipe = kiosk.call('kiosk.wipe', { reason: 'idle' })
      await signOut.arrival
      read.release()

      const result = await answer
      expect(result).toEqual(GONE)
      expect(JSON.stringify(result)).not.toContain(email)
      const served = kiosk.proxy.exchanges.find((e) => e.path.startsWith('/v1/me'))
      expect(served?.status).toBe(200)
      signOut.release()
      await wipe
      await expectSignedOutAtService(issuedSessions()[0]!)
    },
  )

  it('recovery.verify: the reset token does not survive, so the previous password stays', async () => {
    const email = newAddress()
    await service.activeAccount(email)
    expect((await kiosk.call('recovery.request', { email, locale: 'fr-CA' })).ok).toBe(true)
    const code = await service.lastCode(email)
    const held = kiosk.proxy.holdNext('POST', /^\/v1\/recovery\/[^/]+\/verify$/)
    const answer = kiosk.call('recovery.verify', { code })
    await held.arrival
    await kiosk.call('kiosk.wipe', { reason: 'start_over' })
    held.release()

    expect(await answer).toEqual(GONE)
    expect(kiosk.core.state.person).toEqual({})
    expect(await kiosk.call('password.reset', { newPassword: NEW_PASSWORD })).toEqual(GONE)
    expect((await service.client.signIn(email, PASSWORD)).ok).toBe(true)
  })

  it('links.submit with a reset link: the link does not survive, so the previous password stays', async () => {
    const email = newAddress()
    await service.activeAccount(email)
    expect((await service.client.requestRecovery(email, 'fr-CA')).ok).toBe(true)
    const link = await service.lastLink(email, 'reset')
    const held = kiosk.proxy.holdNext('GET', /^\/v1\/links\//)
    const answer = kiosk.call('links.submit', { raw: link })
    await held.arrival
    await kiosk.call('kiosk.wipe', { reason: 'start_over' })
    held.release()

    expect(await answer).toEqual(GONE)
    expect(kiosk.core.state.pendingLink).toBeUndefined()
    expect(await kiosk.call('links.follow')).toEqual(GONE)
    expect(await kiosk.call('password.reset', { newPassword: NEW_PASSWORD })).toEqual(GONE)
    expect((await service.client.signIn(email, PASSWORD)).ok).toBe(true)
  })

  it('recovery.request: the previous recovery does not stay', async () => {
    const email = newAddress()
    await service.activeAccount(email)
    const held = kiosk.proxy.holdNext('POST', /^\/v1\/recovery$/)
    const answer = kiosk.call('recovery.request', { email, locale: 'fr-CA' })
    await held.arrival
    await kiosk.call('kiosk.wipe', { reason: 'start_over' })
    held.release()

    expect(await answer).toEqual(GONE)
    expect(kiosk.core.state.person).toEqual({})
    const code = await service.lastCode(email)
    expect(await kiosk.call('recovery.verify', { code })).toEqual(GONE)
    expect(await kiosk.call('recovery.resend')).toEqual(GONE)
  })

  it('registration.submit: the previous registration does not stay', async () => {
    const email = newAddress()
    await service.invite(email)
    const held = kiosk.proxy.holdNext('POST', /^\/v1\/registrations$/)
    const answer = kiosk.call('registration.submit', {
      firstName: 'Alex',
      lastName: 'Roy',
      email,
      password: PASSWORD,
      locale: 'fr-CA',
      acceptTerms: true,
      acceptPrivacy: true,
    })
    await held.arrival
    await kiosk.call('kiosk.wipe', { reason: 'start_over' })
    held.release()

    expect(await answer).toEqual(GONE)
    expect(kiosk.core.state.person).toEqual({})
    const code = await service.lastCode(email)
    expect(await kiosk.call('registration.verify', { code })).toEqual(GONE)
  })
})

describe('keepPendingLink keeps only a link nobody has followed yet', () => {
  it('a reset link the previous person followed does not survive a wipe that keeps the pending link', async () => {
    const email = newAddress()
    await service.activeAccount(email)
    expect((await service.client.requestRecovery(email, 'fr-CA')).ok).toBe(true)
    const link = await service.lastLink(email, 'reset')
    expect((await kiosk.call('links.submit', { raw: link })).ok).toBe(true)
    expect(await kiosk.call('links.follow')).toEqual({ ok: true, data: {} })

    await kiosk.call('kiosk.wipe', { reason: 'start_over', keepPendingLink: true })

    expect(kiosk.core.state.person).toEqual({})
    expect(await kiosk.call('links.follow')).toEqual(GONE)
    expect(await kiosk.call('password.reset', { newPassword: NEW_PASSWORD })).toEqual(GONE)
    expect((await service.client.signIn(email, PASSWORD)).ok).toBe(true)
  })

  it('the next person’s link from the OS survives it, and nothing of the signed-in person does', async () => {
    const signedIn = newAddress()
    await service.activeAccount(signedIn)
    expect((await kiosk.call('session.signIn', { email: signedIn, password: PASSWORD })).ok).toBe(
      true,
    )
    const next = newAddress('next')
    await service.invite(next)
    kiosk.core.intake.handleMailLink(await service.lastLink(next, 'invite'))
    await kiosk.core.intake.idle()
    expect(kiosk.events.at(-1)).toMatchObject({ type: 'mailLink', link: { kind: 'invite' } })

    await kiosk.call('kiosk.wipe', { reason: 'start_over', keepPendingLink: true })
    expect(await kiosk.call('links.follow')).toEqual({ ok: true, data: {} })

    expect(kiosk.core.state.person.sessionToken).toBeUndefined()
    expect(kiosk.core.state.person.link).toMatchObject({ kind: 'invite', email: next })
    await expectSignedOutAtService(issuedSessions()[0]!)
  })

  it('a link that arrives mid-registration waits: the invitation lock stays the current person’s', async () => {
    const current = newAddress()
    await service.invite(current)
    expect(
      (await kiosk.call('links.submit', { raw: await service.lastLink(current, 'invite') })).ok,
    ).toBe(true)
    await kiosk.call('links.follow')
    const next = newAddress('next')
    await service.invite(next)
    kiosk.core.intake.handleMailLink(await service.lastLink(next, 'invite'))
    await kiosk.core.intake.idle()

    const submit = (email: string) =>
      kiosk.call('registration.submit', {
        firstName: 'Alex',
        lastName: 'Roy',
        email,
        password: PASSWORD,
        locale: 'fr-CA',
        acceptTerms: true,
        acceptPrivacy: true,
      })
    expect(await submit(next)).toEqual({
      ok: false,
      error: { code: 'validation_failed', fields: { email: 'invalid' } },
    })
    expect((await submit(current)).ok).toBe(true)
  })
})
