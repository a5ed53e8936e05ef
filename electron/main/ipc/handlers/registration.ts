import { normalizeEmail } from '@shared/email'
import {
  lockedRegistrationEmail,
  registrationAccepted,
  registrationAttempted,
  registrationVerified,
} from '../../kiosk-state'
import { isSameRegistration, newRegistrationAttempt } from '../registration-fingerprint'
import { legalDocuments } from '@shared/legal-documents'
import type { HandlerDeps } from '../handler-deps'
import { logOutcome } from '../log-outcome'
import { forPerson } from '../person-bound'
import type { IpcHandlers } from '../router'

type Channels = 'registration.submit' | 'registration.verify' | 'registration.resend'

export function registrationHandlers(deps: HandlerDeps): Pick<IpcHandlers, Channels> {
  return {
    'registration.submit': forPerson(deps.state, async (request, person) => {
      const { acceptTerms, acceptPrivacy, ...identity } = request
      if (!acceptTerms || !acceptPrivacy) {
        const fields = {
          ...(acceptTerms ? {} : { acceptTerms: 'must_accept' as const }),
          ...(acceptPrivacy ? {} : { acceptPrivacy: 'must_accept' as const }),
        }
        return { ok: false, error: { code: 'validation_failed', fields } }
      }
      // An invitation link, or staff's hand-over, locks the address: main enforces it, not only
      // the disabled field.
      const invitation = lockedRegistrationEmail(person)
      if (invitation && normalizeEmail(identity.email) !== invitation) {
        return { ok: false, error: { code: 'validation_failed', fields: { email: 'invalid' } } }
      }
      const body = {
        ...identity,
        email: identity.email.trim(),
        acceptTerms: true as const,
        acceptPrivacy: true as const,
        termsVersion: legalDocuments.terms.version,
        privacyVersion: legalDocuments.privacy.version,
      }
      let attempt = person.registrationAttempt
      if (!attempt || !isSameRegistration(attempt, body)) {
        attempt = newRegistrationAttempt(body, deps.newIdempotencyKey())
        registrationAttempted(person, attempt)
      }
      const result = await deps.client.register(body, attempt.idempotencyKey)
      logOutcome(deps.log, 'registration.submitted', result)
      if (!result.ok) return result
      registrationAccepted(person, result.data.registrationId)
      return {
        ok: true,
        data: {
          maskedEmail: result.data.maskedEmail,
          resendAfterSeconds: result.data.resendAfterSeconds,
        },
      }
    }),
    'registration.verify': forPerson(deps.state, async ({ code }, person) => {
      if (!person.registration) return { ok: false, error: { code: 'no_pending_flow' } }
      const result = await deps.client.verifyRegistration(person.registration.id, code)
      logOutcome(deps.log, 'registration.verified', result)
      if (result.ok) registrationVerified(person)
      return result
    }),
    'registration.resend': forPerson(deps.state, async (_request, person) => {
      if (!person.registration) return { ok: false, error: { code: 'no_pending_flow' } }
      const result = await deps.client.resendRegistration(person.registration.id)
      logOutcome(deps.log, 'registration.resent', result)
      return result
    }),
  }
}
