import type { Measure } from '../report'
import { launchBenchService } from '../service-process'
import { percentile } from '../stats'
import { registrationBody } from '../../tests/fixtures/registration-body'

export interface RecoveryTiming {
  samplesPerKind: number
  knownMs: { p25: number; p50: number; p75: number }
  unknownMs: { p25: number; p50: number; p75: number }
  /** known − unknown, per percentile: what a caller timing the answers could learn. */
  differenceMs: { p25: number; p50: number; p75: number }
}

const quartiles = (values: number[]) => ({
  p25: percentile(values, 25),
  p50: percentile(values, 50),
  p75: percentile(values, 75),
})

/**
 * docs/account-service.md: recovery answers are the same for addresses with and without an account,
 * in body, status and (within noise) time. This times `POST /v1/recovery` against the service as
 * its own process: `samples` addresses with an active account and as many without, each asked once
 * (a first ask is the only one that does mail work: a repeat within the cooldown returns the same
 * recovery, and past 5 mails an hour nothing is sent), one request at a time, in shuffled order.
 */
export async function measureRecoveryTiming(samples = 100): Promise<RecoveryTiming> {
  const service = await launchBenchService(['--demo'])
  const { url } = service
  const call = async (path: string, body: unknown, admin = false) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: admin ? service.adminHeaders : service.headers,
      body: JSON.stringify(body),
    })
    return (await response.json()) as Record<string, unknown>
  }
  const activate = async (email: string) => {
    await call('/v1/invitations', { email, institution: 'Banc' }, true)
    const { registrationId } = await call(
      '/v1/registrations',
      registrationBody(email, { firstName: 'Banc', lastName: 'Essai' }),
    )
    const outbox = (await (
      await fetch(`${url}/dev/outbox?to=${encodeURIComponent(email)}`)
    ).json()) as { text: string }[]
    const code = /^\d{6}$/m.exec(outbox.at(-1)!.text)![0]
    await call(`/v1/registrations/${String(registrationId)}/verify`, { code })
  }
  try {
    const known = Array.from({ length: samples }, (_, i) => `known${i}@timing.example.ca`)
    const unknown = Array.from({ length: samples }, (_, i) => `unknown${i}@timing.example.ca`)
    for (let i = 0; i < known.length; i += 8) await Promise.all(known.slice(i, i + 8).map(activate))
    // Warm both paths up, then interleave at random.
    for (let i = 0; i < 20; i++)
      await call('/v1/recovery', { email: `warm${i}@x.ca`, locale: 'fr-CA' })
    const order = [
      ...known.map((email) => ({ email, known: true })),
      ...unknown.map((email) => ({ email, known: false })),
    ]
      .map((item) => ({ item, key: Math.random() }))
      .sort((a, b) => a.key - b.key)
      .map(({ item }) => item)
    const times = { known: [] as number[], unknown: [] as number[] }
    for (const { email, known: isKnown } of order) {
      const start = performance.now()
      await call('/v1/recovery', { email, locale: 'fr-CA' })
      ;(isKnown ? times.known : times.unknown).push(performance.now() - start)
    }
    const knownMs = quartiles(times.known)
    const unknownMs = quartiles(times.unknown)
    return {
      samplesPerKind: samples,
      knownMs,
      unknownMs,
      differenceMs: {
        p25: knownMs.p25 - unknownMs.p25,
        p50: knownMs.p50 - unknownMs.p50,
        p75: knownMs.p75 - unknownMs.p75,
      },
    }
  } finally {
    service.stop()
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`

export const recoveryTimingMeasure: Measure = {
  name: 'recovery-timing',
  async run() {
    const timing = await measureRecoveryTiming()
    return {
      json: { ...timing },
      rows: [
        {
          measurement: `POST /v1/recovery, known vs unknown address, p25 (n = ${timing.samplesPerKind} each)`,
          value: `${ms(timing.knownMs.p25)} vs ${ms(timing.unknownMs.p25)}`,
          note: `Δ p25 ${timing.differenceMs.p25.toFixed(2)} ms, p50 ${timing.differenceMs.p50.toFixed(2)} ms`,
        },
      ],
    }
  },
}
