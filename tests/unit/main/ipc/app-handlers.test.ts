import { describe, expect, it } from 'vitest'
import { handlerSetup } from './handler-fakes'

describe('app handlers', () => {
  it('app.info answers what the public screens show', async () => {
    const { call } = handlerSetup({ demo: true })
    expect(await call('app.info')).toEqual({ ok: true, data: { demo: true } })
  })

  it('app.ready tells main the renderer listens', async () => {
    const { call, done } = handlerSetup()
    expect(await call('app.ready')).toEqual({ ok: true, data: {} })
    expect(done).toEqual(['rendererReady'])
  })

  it('kiosk.activity tells main someone is at the kiosk', async () => {
    const { call, done } = handlerSetup()
    expect(await call('kiosk.activity')).toEqual({ ok: true, data: {} })
    expect(done).toEqual(['activity'])
  })

  it('kiosk.wipe wipes for its reason, dropping a pending link unless asked to keep it', async () => {
    const { call, done } = handlerSetup()
    expect(await call('kiosk.wipe', { reason: 'idle' })).toEqual({ ok: true, data: {} })
    await call('kiosk.wipe', { reason: 'finished', keepPendingLink: true })
    expect(done).toEqual(['wipe:idle:false', 'wipe:finished:true'])
  })

  it('the demo mailbox reads the typed address as the service stores it, in the demo only', async () => {
    const demo = handlerSetup({ demo: true, answers: { outbox: { ok: true, data: [] } } })
    expect(await demo.call('demo.outbox', { to: ' Alex@Example.CA ' })).toEqual({
      ok: true,
      data: [],
    })
    expect(demo.calls).toEqual([{ method: 'outbox', args: ['alex@example.ca'] }])

    const production = handlerSetup({ demo: false })
    expect(await production.call('demo.outbox', { to: 'alex@example.ca' })).toEqual({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(production.calls).toEqual([])
  })
})
