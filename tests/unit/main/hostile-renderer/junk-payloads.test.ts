import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { inspectPayload, PAYLOAD_LIMITS } from '@main/ipc/payload-guard'
import { ipcChannels } from '@shared/ipc/channels'
import { ipcContract } from '@shared/ipc/contract'
import { KioskError } from '@shared/errors'
import { startHostileKiosk, startReferenceService, type HostileKiosk } from './hostile-kiosk'
import { junkPayloads } from './junk'

let close: () => Promise<void>
let kiosk: HostileKiosk
beforeAll(async () => {
  const service = await startReferenceService({ deviceRequestsPerMinute: 100_000 })
  kiosk = await startHostileKiosk(service)
  close = async () => {
    await kiosk.close()
    await service.close()
  }
})
afterAll(() => close())

const { notPlain, plainButWrong } = junkPayloads()

describe('every channel answers junk with a typed error, and nothing reaches the service', () => {
  it.each(ipcChannels)(
    '%s: anything that is not small plain data, before its schema',
    async (channel) => {
      const schema = vi.spyOn(ipcContract[channel].request, 'safeParse')
      const exchanges = kiosk.proxy.exchanges.length
      for (const [name, payload] of notPlain) {
        const result = await kiosk.call(channel, payload)
        expect(result, name).toEqual({
          ok: false,
          error: { code: 'validation_failed', fields: { '(payload)': 'invalid' } },
        })
      }
      expect(schema).not.toHaveBeenCalled()
      schema.mockRestore()
      expect(kiosk.proxy.exchanges.length).toBe(exchanges)
    },
  )

  it.each(ipcChannels)(
    '%s: small plain data of the wrong shape, by its schema',
    async (channel) => {
      const exchanges = kiosk.proxy.exchanges.length
      for (const [name, payload] of plainButWrong) {
        const result = await kiosk.call(channel, payload)
        expect(result.ok, name).toBe(false)
        expect(!result.ok && KioskError.parse(result.error).code, name).toBe('validation_failed')
      }
      expect(kiosk.proxy.exchanges.length).toBe(exchanges)
    },
  )

  it('the guard looks at no more than its limit of values, whatever the size of the payload', () => {
    for (const [name, payload] of notPlain) {
      const verdict = inspectPayload(payload)
      expect(verdict.ok, name).toBe(false)
      expect(!verdict.ok && verdict.visited, name).toBeLessThanOrEqual(PAYLOAD_LIMITS.maxValues + 1)
    }
  })

  it('the prototype of plain objects is untouched after all of it', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
