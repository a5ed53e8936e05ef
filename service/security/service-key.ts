import { randomBytes } from 'node:crypto'
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

const KEY_BYTES = 32

/**
 * The service key (32 random bytes) keys the MACs of codes and idempotency fingerprints. It lives
 * in its own file, readable by the service account only, never in the database: a copy of the
 * database alone then holds nothing a guess can be checked against. Losing it is harmless: codes
 * issued under the old key stop working and people ask for a new one (docs/account-service.md).
 */
export function loadOrCreateServiceKey(file: string): Buffer {
  const draft = `${file}.${process.pid}.new`
  writeFileSync(draft, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600 })
  try {
    // A hard link appears whole or not at all, and never replaces a key another start wrote.
    linkSync(draft, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    rmSync(draft, { force: true })
  }
  return readServiceKey(file)
}

/**
 * Reads a key that must exist already: with several instances (PostgreSQL) each reads the one key
 * IT made once (`head -c 32 /dev/urandom | base64`, docs/deployment.md) and none makes its own,
 * or a code mailed by one instance would fail at another.
 */
export function readServiceKey(file: string): Buffer {
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
  if (key.length !== KEY_BYTES) throw new Error(`the service key file is not valid: ${file}`)
  return key
}
