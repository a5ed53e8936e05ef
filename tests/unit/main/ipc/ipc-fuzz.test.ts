import { describe, expect, it } from 'vitest'
import { createEventLog } from '@main/event-log'
import { createIpcRouter, type IpcHandlers } from '@main/ipc/router'
import { ipcChannels } from '@shared/ipc/channels'
import { ipcContract } from '@shared/ipc/contract'

function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 4294967296
  }
}

const keys = [
  'code',
  'email',
  'password',
  'raw',
  'reason',
  'locale',
  'pin',
  'to',
  'firstName',
  'lastName',
  'acceptTerms',
  'acceptPrivacy',
  'newPassword',
  'keepPendingLink',
  '__proto__',
  'constructor',
]
const atoms = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  NaN,
  123456,
  '123456',
  '',
  'fr-CA',
  'idle',
  'a@b.ca',
  'x'.repeat(5000),
  '\u0000',
  [],
  {},
  () => 1,
  Symbol('s'),
  10n,
]

function randomPayload(rand: () => number, depth = 0): unknown {
  const pick = rand()
  if (depth < 2 && pick < 0.35) {
    const object: Record<string, unknown> = {}
    for (let i = Math.floor(rand() * 5); i > 0; i--)
      object[keys[Math.floor(rand() * keys.length)]!] = randomPayload(rand, depth + 1)
    return object
  }
  if (depth < 2 && pick < 0.45) return [randomPayload(rand, depth + 1)]
  return atoms[Math.floor(rand() * atoms.length)]
}

describe('IPC fuzz', () => {
  it('6,000 random payloads over every channel: no exception, every invalid one is validation_failed', async () => {
    const called: string[] = []
    const handlers = Object.fromEntries(
      ipcChannels.map((channel) => [
        channel,
        async () => {
          called.push(channel)
          throw new Error('handlers are not reached by invalid payloads; valid ones may throw here')
        },
      ]),
    ) as unknown as IpcHandlers
    const router = createIpcRouter({
      appOrigin: 'app://kiosk',
      handlers,
      log: createEventLog({ write: () => undefined }),
      humanSpeed: { take: () => 0 },
    })
    const rand = prng(41)
    const frame = { url: 'app://kiosk/index.html', parent: null }
    let invalid = 0
    for (let i = 0; i < 6000; i++) {
      const channel = ipcChannels[i % ipcChannels.length]!
      const payload = randomPayload(rand)
      const valid = ipcContract[channel].request.safeParse(payload).success
      const result = await router.dispatch(channel, frame, payload)
      expect(result.ok).toBe(false)
      if (valid) {
        expect(!result.ok && result.error.code).toBe('internal_error')
      } else {
        invalid++
        expect(!result.ok && result.error.code, `${channel} (${typeof payload})`).toBe(
          'validation_failed',
        )
      }
    }
    expect(invalid).toBeGreaterThan(5000)
    expect(called.length).toBe(6000 - invalid)
  })
})
