import type { LinkKind } from '@shared/mail-link'

/** A mail link resolved through the service; its token never leaves main. */
export interface ResolvedLink {
  kind: LinkKind
  token: string
  email?: string
}

/**
 * What main holds for the person at the kiosk. The renderer never sees these ids and tokens. A
 * wipe replaces the whole object, so the object itself is the person's identity: a handler keeps
 * the object it started with and writes its answer there, and `isCurrent` tells whether that
 * person is still at the kiosk when the service answers.
 */
export interface PersonState {
  registration?: { id: string }
  /** Reused while the same registration is re-sent (a retry after a timeout creates one account). */
  registrationAttempt?: RegistrationAttempt
  recovery?: { id: string }
  sessionToken?: string
  /** The mail link this person followed. */
  link?: ResolvedLink
  /** From a reset link or a verified reset code: allows one password change. */
  resetToken?: string
  /** The named staff member signed in at the counter desk; the wipe signs them out. */
  staffSessionToken?: string
  /** The student the counter desk has open (normalised address): staff actions apply to them. */
  counterStudent?: string
  /** Staff handed the kiosk to this invited student: registration is locked to the address. */
  handedOverEmail?: string
}

/**
 * `fingerprint` is an HMAC of the registration body under `fingerprintKey`, a random key made for
 * this attempt: equal bodies are recognised without keeping the password or a fast hash of it.
 */
export interface RegistrationAttempt {
  fingerprintKey: Buffer
  fingerprint: Buffer
  idempotencyKey: string
}

export interface KioskState {
  person: PersonState
  /**
   * The last link that arrived (from the OS or typed in) and has not been followed yet. It belongs
   * to nobody until the renderer follows it (`links.follow`), so a wipe that keeps it for the next
   * person cannot carry anything the previous person had in hand.
   */
  pendingLink?: ResolvedLink
}

export function createKioskState(): KioskState {
  return { person: {} }
}

/** True while `person` is still the one at the kiosk (no wipe since a handler started). */
export function isCurrent(state: KioskState, person: PersonState): boolean {
  return state.person === person
}

/**
 * Drops everything about the current person (the wipe's main-side part). A link that arrived
 * for the next person and was not followed yet survives only when asked (`keepPendingLink`).
 */
export function forgetPerson(
  state: KioskState,
  options: { keepPendingLink: boolean },
): PersonState {
  const previous = state.person
  state.person = {}
  if (!options.keepPendingLink) delete state.pendingLink
  return previous
}

export function linkPending(state: KioskState, link: ResolvedLink): void {
  state.pendingLink = link
}

/** The person follows the link that arrived: it becomes theirs (and the flow it starts). */
export function followPendingLink(state: KioskState): boolean {
  const link = state.pendingLink
  if (!link) return false
  delete state.pendingLink
  const person = state.person
  person.link = link
  if (link.kind === 'reset') person.resetToken = link.token
  else delete person.resetToken
  return true
}

export function registrationAttempted(person: PersonState, attempt: RegistrationAttempt): void {
  person.registrationAttempt = attempt
}

export function registrationAccepted(person: PersonState, registrationId: string): void {
  person.registration = { id: registrationId }
}

export function registrationVerified(person: PersonState): void {
  delete person.registration
  delete person.registrationAttempt
  delete person.link
  delete person.handedOverEmail
}

/** The address a registration must use: an invitation link's, or the one staff handed over. */
export function lockedRegistrationEmail(person: PersonState): string | undefined {
  if (person.link?.kind === 'invite') return person.link.email
  return person.handedOverEmail
}

export function staffSignedIn(person: PersonState, token: string): void {
  person.staffSessionToken = token
}

/** Returns the staff session token to end at the service, if there was one. */
export function staffSignedOut(person: PersonState): string | undefined {
  const token = person.staffSessionToken
  delete person.staffSessionToken
  delete person.counterStudent
  return token
}

export function studentOpened(person: PersonState, email: string): void {
  person.counterStudent = email
}

/**
 * Staff hand the screen to the student: the service has ended the staff session, and what the
 * counter desk held goes with it; the student's registration is locked to the invited address.
 */
export function handedOver(person: PersonState, email: string): void {
  delete person.staffSessionToken
  delete person.counterStudent
  person.handedOverEmail = email
}

export function recoveryRequested(person: PersonState, recoveryId: string): void {
  person.recovery = { id: recoveryId }
}

export function recoveryVerified(person: PersonState, resetToken: string | undefined): void {
  delete person.recovery
  if (resetToken) person.resetToken = resetToken
}

export function passwordResetDone(person: PersonState): void {
  delete person.resetToken
  delete person.link
}

export function linkActivated(person: PersonState): void {
  delete person.link
}

export function signedIn(person: PersonState, sessionToken: string): void {
  person.sessionToken = sessionToken
}

/** Returns the token to sign out at the service, if there was one. */
export function signedOut(person: PersonState): string | undefined {
  const token = person.sessionToken
  delete person.sessionToken
  return token
}
