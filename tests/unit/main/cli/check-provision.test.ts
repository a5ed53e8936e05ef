import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '@main/cli'
import { demoConfig } from '@main/config/demo'
import {
  KeychainUnavailableError,
  type SecretName,
  type SecretStore,
} from '@main/secrets/secret-store'
import { verifyStaffPin } from '@main/staff/pin'
import { DEVICE, openTestService, type TestService } from '../../service/service-harness'

function memoryStore(
  initial: Partial<Record<SecretName, string>> = {},
): SecretStore & { values: Partial<Record<SecretName, string>> } {
  const values = { ...initial }
  return {
    values,
    get: async (name) => values[name],
    set: async (name, value) => {
      values[name] = value
    },
    delete: async (name) => delete values[name],
  }
}

const unavailable: SecretStore = {
  get: async () => {
    throw new KeychainUnavailableError('no secret service')
  },
  set: async () => {
    throw new KeychainUnavailableError('no secret service')
  },
  delete: async () => {
    throw new KeychainUnavailableError('no secret service')
  },
}

let service: TestService
let serviceUrl: string
beforeAll(async () => {
  service = await openTestService()
  await service.service.app.listen({ host: '127.0.0.1', port: 0 })
  serviceUrl = `http://127.0.0.1:${(service.service.app.server.address() as AddressInfo).port}`
})
afterAll(() => service.close())

async function check(files: Record<string, string>, secrets: SecretStore, sandboxOff = false) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['kiosk', '--check', '--config', '/c.json'], {
    secrets,
    sandboxOff,
    environment: { env: {}, platform: 'linux', readFile: (path) => files[path] },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    timeoutMs: 1000,
  })
  return { code, out, err }
}

const config = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({ ...demoConfig(serviceUrl), ...overrides })
const provisioned = () => memoryStore({ 'device-token': DEVICE, 'staff-pin-hash': 'scrypt$x' })

describe('--check', () => {
  it('a good config, a reachable keychain and an accepted token: exit 0, no problem lines', async () => {
    const result = await check({ '/c.json': config() }, provisioned())
    expect(result.err).toEqual([])
    expect(result.code).toBe(0)
    expect(result.out.join('\n')).toContain('accepts this kiosk')
  })

  it.each([
    ['a missing file', {}, 'config /c.json: (whole file): does not exist'],
    ['bad JSON', { '/c.json': '{' }, 'not valid JSON'],
    [
      'a bad key',
      { '/c.json': config({ idle: { warnAfterSeconds: 90, graceSeconds: 5 } }) },
      'idle.graceSeconds: must be at least 20 seconds',
    ],
    ['an unknown key', { '/c.json': config({ extra: 1 }) }, 'unknown key "extra"'],
  ])('%s: one line naming it, exit ≠ 0', async (_name, files, expected) => {
    const result = await check(files, provisioned())
    expect(result.code).not.toBe(0)
    expect(result.err.some((line) => line.includes(expected))).toBe(true)
  })

  it('an unreachable service is named with its address', async () => {
    const result = await check(
      { '/c.json': config({ serviceUrl: 'http://127.0.0.1:9' }) },
      provisioned(),
    )
    expect(result.code).toBe(1)
    expect(result.err).toEqual(['service: http://127.0.0.1:9 did not answer (service_unreachable)'])
  })

  it('a rejected device token is named', async () => {
    const result = await check(
      { '/c.json': config() },
      memoryStore({ 'device-token': 'not-a-known-token-123', 'staff-pin-hash': 'x' }),
    )
    expect(result.code).toBe(1)
    expect(result.err).toEqual([
      'service: the device token was rejected (unknown or disabled device)',
    ])
  })

  it("Chromium's sandbox off (the AppImage where user namespaces are restricted): one line, exit 1", async () => {
    const result = await check({ '/c.json': config() }, provisioned(), true)
    expect(result.code).toBe(1)
    expect(result.err).toEqual([
      "sandbox: Chromium's sandbox is off (--no-sandbox): the kiosk will show out of order; install the .deb, or allow unprivileged user namespaces (docs/deployment.md)",
    ])
    const allowed = await check(
      { '/c.json': config({ runWithoutChromiumSandbox: true }) },
      provisioned(),
      true,
    )
    expect(allowed.code).toBe(0)
    expect(allowed.out).toContain(
      "warning: Chromium's sandbox is off (--no-sandbox) and runWithoutChromiumSandbox lets the kiosk run",
    )
  })

  it('an unavailable keychain and unprovisioned secrets are each one line', async () => {
    expect((await check({ '/c.json': config() }, unavailable)).err[0]).toMatch(
      /^keychain: the OS keychain is not available/,
    )
    const empty = await check({ '/c.json': config() }, memoryStore())
    expect(empty.err).toEqual([
      'device token: not provisioned (run --provision)',
      'staff PIN: not provisioned (run --provision)',
    ])
  })
})

describe('--provision', () => {
  const provision = (
    store: SecretStore,
    stdin: string,
    answers: string[],
    env: NodeJS.ProcessEnv = {},
  ) => {
    const err: string[] = []
    return runCli(['kiosk', '--provision'], {
      secrets: store,
      environment: { env },
      readStdin: async () => stdin,
      prompt: async () => answers.shift() ?? '',
      out: () => undefined,
      err: (line) => err.push(line),
    }).then((code) => ({ code, err }))
  }

  it('stores the token from stdin and the PIN only as a scrypt hash', async () => {
    const store = memoryStore()
    expect(
      (await provision(store, 'device-token-from-it-0123\n', ['24681357', '24681357'])).code,
    ).toBe(0)
    expect(store.values['device-token']).toBe('device-token-from-it-0123')
    expect(store.values['staff-pin-hash']).toMatch(/^scrypt\$/)
    expect(store.values['staff-pin-hash']).not.toContain('24681357')
    expect(await verifyStaffPin('24681357', store.values['staff-pin-hash']!)).toBe(true)
    expect(await verifyStaffPin('24681358', store.values['staff-pin-hash']!)).toBe(false)
  })

  it('refuses two different PINs, a short PIN and a bad token, storing nothing', async () => {
    for (const [stdin, answers] of [
      ['device-token-from-it-0123', ['24681357', '24681358']],
      ['device-token-from-it-0123', ['1234', '1234']],
      ['short', ['24681357', '24681357']],
    ] as const) {
      const store = memoryStore()
      const result = await provision(store, stdin, [...answers])
      expect(result.code).toBe(2)
      expect(store.values).toEqual({})
    }
  })

  it('takes the PIN from the environment for unattended deployment', async () => {
    const store = memoryStore()
    expect(
      (
        await provision(store, 'device-token-from-it-0123', [], {
          MESCERTIF_KIOSK_STAFF_PIN: '97531864',
        })
      ).code,
    ).toBe(0)
    expect(await verifyStaffPin('97531864', store.values['staff-pin-hash']!)).toBe(true)
  })

  it('with no keychain, says so and stores nothing anywhere', async () => {
    const result = await provision(unavailable, 'device-token-from-it-0123', [
      '24681357',
      '24681357',
    ])
    expect(result.code).toBe(1)
    expect(result.err[0]).toContain(
      'the OS keychain is not available; nothing was stored elsewhere',
    )
  })
})
