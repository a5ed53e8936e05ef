import type { LinkKind } from '../../shared/mail-link'

/**
 * What main holds for the person at the kiosk. The renderer never sees these ids and tokens; a
 * wipe replaces the whole object.
 */
export interface PersonState {
  registration?: { id: string }
  /** Reused while the same registration is re-sent (a retry after a timeout creates one account). */
  registrationAttempt?: { fingerprint: string; idempotencyKey: string }
  recovery?: { id: string }
  sessionToken?: string
  /** A mail link resolved but not yet acted on. */
  link?: { kind: LinkKind; token: string; email?: string }
  /** From a reset link or a verified reset code: allows one password change. */
  resetToken?: string
}

export interface KioskState {
  person: PersonState
}

export function createKioskState(): KioskState {
  return { person: {} }
}

/** Drops everything about the current person (the wipe's main-side part). */
export function forgetPerson(state: KioskState, keepPendingLink = false): PersonState {
  const previous = state.person
  state.person =
    keepPendingLink && previous.link
      ? {
          link: previous.link,
          ...(previous.link.kind === 'reset' ? { resetToken: previous.link.token } : {}),
        }
      : {}
  return previous
}
