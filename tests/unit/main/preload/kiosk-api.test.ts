import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL } from '@main/shell/app-protocol'
import { askedAsThePageStarts, createKioskApi } from '@preload/api'
import type { IpcChannel } from '@shared/ipc/channels'
import type { KioskTransport } from '@shared/ipc/kiosk-api'
import type { Result } from '@shared/result'

/** A transport that records each call and answers from a queue per channel (then a default). */
function recordingTransport(answers: Partial<Record<IpcChannel, Result<unknown>[]>> = {}) {
  const calls: IpcChannel[] = []
  const transport: KioskTransport = {
    invoke: (channel) => {
      calls.push(channel)
      return Promise.resolve(
        answers[channel]?.shift() ?? { ok: true, data: { call: calls.length } },
      )
    },
    subscribe: () => () => undefined,
  }
  return { calls, transport }
}

describe('window.kiosk, as the preload builds it', () => {
  it('asks for app.info as it is built, and hands that answer to the page’s first call', async () => {
    const { calls, transport } = recordingTransport()
    const api = createKioskApi(transport, { askAtOnce: ['app.info'] })
    expect(calls).toEqual(['app.info'])

    expect(await api.app.info()).toEqual({ ok: true, data: { call: 1 } })
    expect(calls).toEqual(['app.info'])
    // Every later call is a new question: the language or the config may have changed since.
    expect(await api.app.info()).toEqual({ ok: true, data: { call: 2 } })
    expect(calls).toEqual(['app.info', 'app.info'])
  })

  it('asks again when the early answer is a refusal, and the page sees only the second', async () => {
    const { calls, transport } = recordingTransport({
      'app.info': [{ ok: false, error: { code: 'forbidden_sender' } }],
    })
    const api = createKioskApi(transport, { askAtOnce: ['app.info'] })
    expect(await api.app.info()).toEqual({ ok: true, data: { call: 2 } })
    expect(calls).toEqual(['app.info', 'app.info'])
  })

  it('asks nothing early without being told to, and other channels are never asked early', async () => {
    const { calls, transport } = recordingTransport()
    const api = createKioskApi(transport)
    expect(calls).toEqual([])
    await api.app.ready()
    expect(calls).toEqual(['app.ready'])

    const early = recordingTransport()
    await createKioskApi(early.transport, { askAtOnce: ['app.info'] }).app.ready()
    expect(early.calls).toEqual(['app.info', 'app.ready'])
  })

  it('a broken bridge is an internal error, early or not', async () => {
    const transport: KioskTransport = {
      invoke: () => Promise.reject(new Error('bridge down')),
      subscribe: () => () => undefined,
    }
    const api = createKioskApi(transport, { askAtOnce: ['app.info'] })
    expect(await api.app.info()).toEqual({ ok: false, error: { code: 'internal_error' } })
    expect(await api.app.ready()).toEqual({ ok: false, error: { code: 'internal_error' } })
  })

  it('asks early only on the app’s own page, never on the static out-of-order page', () => {
    // The page main loads: if its address changed, the early question would silently stop.
    expect(askedAsThePageStarts(new URL(APP_ENTRY_URL).pathname)).toEqual(['app.info'])
    expect(askedAsThePageStarts('/out-of-order.html')).toEqual([])
  })
})
