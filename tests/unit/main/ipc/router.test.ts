import { describe, expect, it, vi } from 'vitest'
import { createEventLog } from '@main/event-log'
import { createIpcRouter, originOf, type IpcHandlers } from '@main/ipc/router'
import { ipcChannels } from '@shared/ipc/channels'

const APP_ORIGIN = 'app://kiosk'
const appFrame = { url: 'app://kiosk/index.html', parent: null }

function setup(overrides: Partial<IpcHandlers> = {}) {
  const lines: string[] = []
  const handlers = Object.fromEntries(
    ipcChannels.map((channel) => [channel, vi.fn(async () => ({ ok: true, data: {} }))]),
  ) as unknown as IpcHandlers
  handlers['registration.verify'] = vi.fn(async () => ({
    ok: true as const,
    data: { status: 'active' as const },
  }))
  Object.assign(handlers, overrides)
  const router = createIpcRouter({
    appOrigin: APP_ORIGIN,
    handlers,
    log: createEventLog({ write: (_l, line) => lines.push(line) }),
    humanSpeed: { take: () => 0 },
  })
  return { router, handlers, lines }
}

describe('IPC router', () => {
  it('calls the handler for the app frame with a valid payload', async () => {
    const { router, handlers } = setup()
    const result = await router.dispatch('registration.verify', appFrame, { code: '123456' })
    expect(result).toEqual({ ok: true, data: { status: 'active' } })
    expect(handlers['registration.verify']).toHaveBeenCalledWith({ code: '123456' })
  })

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', parent: null }],
    ['a look-alike prefix', { url: 'app://kiosk.evil.example/index.html', parent: null }],
    ['a file URL', { url: 'file:///etc/passwd', parent: null }],
    ['a sub-frame of the app', { url: 'app://kiosk/index.html', parent: {} }],
    ['an unparsable URL', { url: 'not a url', parent: null }],
    ['a missing frame', null],
  ])('refuses %s with forbidden_sender and never calls the handler', async (_name, frame) => {
    const { router, handlers } = setup()
    const result = await router.dispatch('registration.verify', frame, { code: '123456' })
    expect(result).toEqual({ ok: false, error: { code: 'forbidden_sender' } })
    expect(handlers['registration.verify']).not.toHaveBeenCalled()
  })

  it.each([
    ['a wrong type', { code: 123456 }],
    ['a short code', { code: '12345' }],
    ['an unknown field', { code: '123456', extra: true }],
    ['no payload', undefined],
    ['a string payload', 'code=123456'],
  ])('answers validation_failed for %s and never calls the handler', async (_name, payload) => {
    const { router, handlers } = setup()
    const result = await router.dispatch('registration.verify', appFrame, payload)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('validation_failed')
    expect(handlers['registration.verify']).not.toHaveBeenCalled()
  })

  it('turns a handler that throws into internal_error, logged without the message', async () => {
    const { router, lines } = setup({
      'registration.verify': async () => {
        throw new TypeError('secret detail alice@example.ca')
      },
    })
    const result = await router.dispatch('registration.verify', appFrame, { code: '123456' })
    expect(result).toEqual({ ok: false, error: { code: 'internal_error' } })
    expect(lines.join('\n')).toContain('ipc.handler_threw')
    expect(lines.join('\n')).not.toContain('alice')
  })

  it('refuses a response that breaks the contract', async () => {
    const { router } = setup({
      'registration.verify': async () => ({ ok: true, data: { status: 'pending' } as never }),
    })
    expect(await router.dispatch('registration.verify', appFrame, { code: '123456' })).toEqual({
      ok: false,
      error: { code: 'internal_error' },
    })
  })

  it('refuses a channel that is not in the contract', async () => {
    const { router } = setup()
    expect(await router.dispatch('shell.openExternal', appFrame, 'https://evil.example')).toEqual({
      ok: false,
      error: { code: 'forbidden_sender' },
    })
  })

  it('parses origins instead of comparing prefixes', () => {
    expect(originOf('app://kiosk/a/b?c#d')).toBe('app://kiosk')
    expect(originOf('app://kiosk.evil/')).toBe('app://kiosk.evil')
    expect(originOf('nonsense')).toBeUndefined()
  })

  it.each([
    ['a missing field', 'registration.verify', {}, { code: 'required' }],
    ['a field of the wrong type', 'registration.verify', { code: 123456 }, { code: 'invalid' }],
    [
      'a field too long',
      'session.signIn',
      { email: 'a'.repeat(321), password: 'x' },
      { email: 'too_long' },
    ],
    [
      'no payload where one is needed',
      'registration.verify',
      undefined,
      { '(payload)': 'required' },
    ],
    [
      'an unknown field',
      'registration.verify',
      { code: '123456', x: 1 },
      { '(payload)': 'invalid' },
    ],
    [
      'a payload that is not plain data',
      'registration.verify',
      new Map(),
      { '(payload)': 'invalid' },
    ],
  ])('names the field of %s for the form', async (_name, channel, payload, fields) => {
    const { router } = setup()
    expect(await router.dispatch(channel, appFrame, payload)).toEqual({
      ok: false,
      error: { code: 'validation_failed', fields },
    })
  })

  it('keeps only the fields the form knows in a handler’s error', async () => {
    const { router } = setup({
      'registration.verify': async () => ({
        ok: false,
        error: { code: 'invalid_code', fields: { code: 'invalid', resetToken: 'invalid' } },
      }),
    })
    expect(await router.dispatch('registration.verify', appFrame, { code: '123456' })).toEqual({
      ok: false,
      error: { code: 'invalid_code', fields: { code: 'invalid' } },
    })
  })

  it('logs what it refuses with the channel, never the payload', async () => {
    const { router, lines } = setup({
      'registration.verify': async () => ({ ok: true, data: { status: 'pending' } as never }),
      'recovery.verify': async () => {
        throw new TypeError('boom')
      },
      'recovery.resend': async () => {
        throw 'a@example.ca is not an Error'
      },
    })
    await router.dispatch('registration.verify', { url: 'https://evil.example/', parent: null }, {})
    await router.dispatch('registration.verify', appFrame, { code: '123456' })
    await router.dispatch('recovery.verify', appFrame, { code: '123456' })
    expect(await router.dispatch('recovery.resend', appFrame, undefined)).toEqual({
      ok: false,
      error: { code: 'internal_error' },
    })
    expect(lines).toEqual([
      'ipc.rejected_sender channel=registration.verify',
      'ipc.bad_response channel=registration.verify',
      'ipc.handler_threw channel=recovery.verify error=TypeError',
      'ipc.handler_threw channel=recovery.resend error=unknown',
    ])
  })
})
