import type { FastifyRequest } from 'fastify'
import { describe, expect, it } from 'vitest'
import type { ServiceContext } from '@service/context'
import { requireDevice } from '@service/http'

/** A context whose database fails any question, and says whether it was asked one. */
let asked = false
const noDatabase = {
  db: new Proxy(
    {},
    {
      get: () => {
        asked = true
        throw new Error('asked the database')
      },
    },
  ),
} as unknown as ServiceContext

const request = (enabledDevice: FastifyRequest['enabledDevice']) =>
  ({
    headers: { authorization: 'Bearer 2ajZSTNR4KbeBsbYs9CP1gkrxZquSESvjwupPmu8pCM' },
    enabledDevice,
  }) as FastifyRequest

describe('requireDevice after the quota found the device (PostgreSQL: one statement)', () => {
  it('takes the device the quota’s statement found, without asking again', async () => {
    asked = false
    const found = request({ id: 'd1', name: 'hall-a-1', counter: 0, disabled: 0, role_version: 0 })
    await expect(requireDevice(noDatabase, found)).resolves.toBe('d1')
    expect(found.deviceId).toBe('d1')
    expect(asked).toBe(false)
  })

  it('refuses at once when the statement found none (unknown or disabled)', async () => {
    asked = false
    await expect(requireDevice(noDatabase, request(null))).rejects.toMatchObject({
      status: 401,
      body: { code: 'unknown_device' },
    })
    expect(asked).toBe(false)
  })

  it('asks the database itself when nothing was found before (SQLite)', async () => {
    asked = false
    await expect(requireDevice(noDatabase, request(undefined))).rejects.toThrow(
      'asked the database',
    )
    expect(asked).toBe(true)
  })
})
