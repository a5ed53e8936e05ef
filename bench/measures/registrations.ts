import { randomBytes, scrypt } from 'node:crypto'
import { legalDocuments } from '@shared/legal-documents'
import { generateLoad } from '../load-generator'
import type { Measure } from '../report'
import { launchBenchService } from '../service-process'
import { ratio, ratioSpread, spread } from '../stats'

const SECONDS = 10
const REPEATS = 3
const BAR = 0.9

/** scrypt N=2^17 hashes per second with the same 4-thread libuv pool the service uses. */
async function rawHashRate(seconds: number): Promise<number> {
  let done = 0
  const end = performance.now() + seconds * 1000
  const worker = async () => {
    while (performance.now() < end) {
      await new Promise((ok, fail) =>
        scrypt(
          'Rivière-Bleue#2026!',
          randomBytes(16),
          32,
          { N: 2 ** 17, r: 8, p: 1, maxmem: 2 ** 28 },
          (e) => (e ? fail(e) : ok(undefined)),
        ),
      )
      done++
    }
  }
  const start = performance.now()
  await Promise.all([worker(), worker(), worker(), worker()])
  return done / ((performance.now() - start) / 1000)
}

/** New registrations per second (a new address each) against raw hashes per second, alternating. */
export const registrationsMeasure: Measure = {
  name: 'registrations',
  async run() {
    const service = await launchBenchService()
    const body = JSON.stringify({
      firstName: 'Banc',
      lastName: 'Essai',
      email: 'load[<id>]@example.ca',
      password: 'Rivière-Bleue#2026!',
      locale: 'fr-CA',
      acceptTerms: true,
      acceptPrivacy: true,
      termsVersion: legalDocuments.terms.version,
      privacyVersion: legalDocuments.privacy.version,
    })
    try {
      const repeats = []
      for (let r = 0; r < REPEATS; r++) {
        const registrations = await generateLoad({
          url: `${service.url}/v1/registrations`,
          connections: 8,
          seconds: SECONDS,
          headers: service.headers,
          body,
          uniqueIds: true,
        })
        const hashes = await rawHashRate(SECONDS)
        repeats.push({
          registrationsPerSecond: registrations.requests.average,
          hashesPerSecond: hashes,
        })
      }
      const ratios = spread(repeats.map((r) => r.registrationsPerSecond / r.hashesPerSecond))
      const mid = spread(repeats.map((r) => r.registrationsPerSecond)).median
      const hashMid = spread(repeats.map((r) => r.hashesPerSecond)).median
      return {
        json: { seconds: SECONDS, repeats, ratio: ratios },
        rows: [
          {
            measurement: 'registrations/s vs raw scrypt (N=2^17) hashes/s, 4 libuv threads',
            value: `${mid.toFixed(2)} vs ${hashMid.toFixed(2)}`,
            note: ratioSpread(ratios),
            bar: { text: `≥ ${ratio(BAR)}`, met: ratios.median >= BAR },
          },
        ],
      }
    } finally {
      service.stop()
    }
  },
}
