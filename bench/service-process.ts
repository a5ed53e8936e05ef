import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchService } from '@service/launch'
import { DEVICE_TOKEN } from '../tests/e2e/harness/reference-service'

export const BENCH_ADMIN_TOKEN = 'hKROAdY8ansqEx7lmcsYC2erUz_zZE_6c9iwem-OBKE'

/**
 * The service as its own process with production settings (scrypt N=2^17), a fresh SQLite
 * database unless `storage` names one (PostgreSQL, with the key file its instances share), and
 * the per-device request cap lifted so that the load measures the work, not the cap.
 */
export async function launchBenchService(
  extra: string[] = [],
  storage: { database: string; keyFile?: string } = {
    database: join(mkdtempSync(join(tmpdir(), 'bench-svc-')), 'bench.db'),
  },
) {
  const { child, url } = await launchService(
    [
      '--port',
      '0',
      '--db',
      storage.database,
      ...(storage.keyFile ? ['--key-file', storage.keyFile] : []),
      '--device-requests-per-minute',
      '100000000',
      ...extra,
    ],
    { MESCERTIF_DEVICE_TOKENS: DEVICE_TOKEN, MESCERTIF_ADMIN_TOKEN: BENCH_ADMIN_TOKEN },
  )
  return {
    url,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DEVICE_TOKEN}` },
    adminHeaders: {
      'content-type': 'application/json',
      authorization: `Bearer ${BENCH_ADMIN_TOKEN}`,
    },
    stop: () => child.kill('SIGTERM'),
  }
}
