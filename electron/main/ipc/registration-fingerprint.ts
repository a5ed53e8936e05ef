import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { RegistrationAttempt } from '../kiosk-state'

/*
 * Main recognises "the same registration sent again" (a retry after a timeout must reuse its
 * Idempotency-Key, or the service would see two registrations). The body holds the password, so
 * its fingerprint must not be a fast unkeyed hash: one leaked from memory or a heap snapshot
 * would be a password verifier anyone can test guesses against at GPU speed. An HMAC under a
 * random key made for this attempt is useless without that key, keeps no plaintext password in
 * main after the call, and links nothing across attempts or people; the key and fingerprint go
 * with the person at the wipe.
 */

const fingerprintOf = (key: Buffer, body: unknown) =>
  createHmac('sha256', key).update(JSON.stringify(body)).digest()

export function newRegistrationAttempt(body: unknown, idempotencyKey: string): RegistrationAttempt {
  const fingerprintKey = randomBytes(32)
  return { fingerprintKey, fingerprint: fingerprintOf(fingerprintKey, body), idempotencyKey }
}

export function isSameRegistration(attempt: RegistrationAttempt, body: unknown): boolean {
  return timingSafeEqual(attempt.fingerprint, fingerprintOf(attempt.fingerprintKey, body))
}
