import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchService } from '../service/launch'
import { legalDocuments } from '@shared/legal-documents'

export interface RecoveryTiming {
  samplesPerKind: number
  knownMs: { p25: number; p50: number; p75: number }
  unknownMs: { p25: number; p50: number; p75: number }
  /** known − unknown, per percentile: what a caller timing the answers could learn. */
  differenceMs: { p25: number; p50: number; p75: number }
}

const DEVICE = 'bench-timing-device-token-0123'
const ADMIN = 'bench-timing-admin-token-0123'
const PASSWORD = 'Rivière-Bleue#2026!'

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
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
  const dbFile = join(mkdtempSync(join(tmpdir(), 'bench-timing-')), 'timing.db')
  const { child, url } = await launchService([
    '--demo',
    '--port',
    '0',
    '--db',
    dbFile,
    '--device-token',
    DEVICE,
    '--admin-token',
    ADMIN,
    '--device-requests-per-minute',
    '100000000',
  ])
  const call = async (path: string, body: unknown, token = DEVICE) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    })
    return (await response.json()) as Record<string, unknown>
  }
  const activate = async (email: string) => {
    await call('/v1/invitations', { email, institution: 'Banc' }, ADMIN)
    const { registrationId } = await call('/v1/registrations', {
      firstName: 'Banc',
      lastName: 'Essai',
      email,
      password: PASSWORD,
      locale: 'fr-CA',
      acceptTerms: true,
      acceptPrivacy: true,
      termsVersion: legalDocuments.terms.version,
      privacyVersion: legalDocuments.privacy.version,
    })
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
    child.kill('SIGTERM')
  }
}
