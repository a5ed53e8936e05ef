import { describe, expect, it } from 'vitest'
import { forgetPerson } from '@main/kiosk-state'
import { handlerSetup } from './handler-fakes'

const TOKEN = 'q3xZ0_-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789'
const INFO = {
  kind: 'activate',
  maskedEmail: 'a•••@example.ca',
  expiresAt: '2026-11-29T12:00:00.000Z',
} as const
const NO_FLOW = { ok: false, error: { code: 'no_pending_flow' } }

describe('link handlers', () => {
  it('a typed link waits, like one from the OS, until the person follows it', async () => {
    const { call, calls, state } = handlerSetup({
      answers: { resolveLink: { ok: true, data: INFO } },
    })
    expect(await call('links.submit', { raw: ` mescertif://activate/${TOKEN}\n` })).toEqual({
      ok: true,
      data: INFO,
    })
    expect(calls).toEqual([{ method: 'resolveLink', args: [TOKEN] }])
    expect(state.pendingLink).toEqual({ kind: 'activate', token: TOKEN })
    expect(state.person.link).toBeUndefined()

    expect(await call('links.follow')).toEqual({ ok: true, data: {} })
    expect(state.person.link).toEqual({ kind: 'activate', token: TOKEN })
    expect(await call('links.follow')).toEqual(NO_FLOW)
  })

  it('a link outside the grammar is link_invalid without asking the service', async () => {
    const { call, calls, state } = handlerSetup()
    expect(
      await call('links.submit', { raw: `https://evil.example/kiosk/activate/${TOKEN}` }),
    ).toEqual({ ok: false, error: { code: 'link_invalid' } })
    expect(calls).toEqual([])
    expect(state.pendingLink).toBeUndefined()
  })

  it('a link the service refuses is refused with its reason, and nothing waits', async () => {
    const used = { ok: false, error: { code: 'link_used' } } as const
    const { call, state } = handlerSetup({ answers: { resolveLink: used } })
    expect(await call('links.submit', { raw: `mescertif://activate/${TOKEN}` })).toEqual(used)
    expect(state.pendingLink).toBeUndefined()
  })

  it('a link resolved after a wipe is not left waiting for the next person', async () => {
    const { call, state } = handlerSetup({ answers: { resolveLink: { ok: true, data: INFO } } })
    const submitting = call('links.submit', { raw: `mescertif://activate/${TOKEN}` })
    forgetPerson(state, { keepPendingLink: false })
    expect(await submitting).toEqual(NO_FLOW)
    expect(state.pendingLink).toBeUndefined()
  })

  it('activates only with an activation link followed, then forgets it', async () => {
    const { call, calls, state, lines } = handlerSetup({
      answers: { activate: { ok: true, data: { status: 'active' } } },
    })
    expect(await call('links.activate')).toEqual(NO_FLOW)
    state.person.link = { kind: 'reset', token: TOKEN }
    expect(await call('links.activate')).toEqual(NO_FLOW)
    expect(calls).toEqual([])

    state.person.link = { kind: 'activate', token: TOKEN }
    expect(await call('links.activate')).toEqual({ ok: true, data: { status: 'active' } })
    expect(calls).toEqual([{ method: 'activate', args: [TOKEN] }])
    expect(state.person.link).toBeUndefined()
    expect(lines).toEqual(['link.activated ok=true'])
  })

  it('a refused activation keeps the link, so the screen can say why', async () => {
    const expired = { ok: false, error: { code: 'link_expired' } } as const
    const { call, state } = handlerSetup({ answers: { activate: expired } })
    state.person.link = { kind: 'activate', token: TOKEN }
    expect(await call('links.activate')).toEqual(expired)
    expect(state.person.link).toEqual({ kind: 'activate', token: TOKEN })
  })
})
