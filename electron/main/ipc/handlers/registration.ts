import { createHash } from 'node:crypto'
import { normalizeEmail } from '../../../../shared/email'
import { legalDocuments } from '../../../../shared/legal-documents'
import type { HandlerDeps } from '../handler-deps'
import type { IpcHandlers } from '../router'

type Channels = 'registration.submit' | 'registration.verify' | 'registration.resend'

export function registrationHandlers(deps: HandlerDeps): Pick<IpcHandlers, Channels> {
  return {
    'registration.submit': async (request) => {
      const { acceptTerms, acceptPrivacy, ...person } = request
      if (!acceptTerms || !acceptPrivacy) {
        const fields = {
          ...(acceptTerms ? {} : { acceptTerms: 'must_accept' as const }),
          ...(acceptPrivacy ? {} : { acceptPrivacy: 'must_accept' as const }),
        }
        return { ok: false, error: { code: 'validation_failed', fields } }
      }
      const state = deps.state.person
      // An invitation link locks the address: main enforces it, not only the disabled field.
      if (
        state.link?.kind === 'invite' &&
        state.link.email &&
        normalizeEmail(person.email) !== state.link.email
      ) {
        return { ok: false, error: { code: 'validation_failed', fields: { email: 'invalid' } } }
      }
      const body = {
        ...person,
        email: person.email.trim(),
        acceptTerms: true as const,
        acceptPrivacy: true as const,
        termsVersion: legalDocuments.terms.version,
        privacyVersion: legalDocuments.privacy.version,
      }
      const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('hex')
      if (state.registrationAttempt?.fingerprint !== fingerprint) {
        state.registrationAttempt = { fingerprint, idempotencyKey: deps.newIdempotencyKey() }
      }
      const result = await deps.client.register(body, state.registrationAttempt.idempotencyKey)
      deps.log.info('registration.submitted', {
        ok: result.ok,
        ...(result.ok ? {} : { code: result.error.code }),
      })
      if (!result.ok) return result
      state.registration = { id: result.data.registrationId }
      return {
        ok: true,
        data: {
          maskedEmail: result.data.maskedEmail,
          resendAfterSeconds: result.data.resendAfterSeconds,
        },
      }
    },
    'registration.verify': async ({ code }) => {
      const registration = deps.state.person.registration
      if (!registration) return { ok: false, error: { code: 'no_pending_flow' } }
      const result = await deps.client.verifyRegistration(registration.id, code)
      deps.log.info('registration.verified', {
        ok: result.ok,
        ...(result.ok ? {} : { code: result.error.code }),
      })
      if (result.ok) {
        delete deps.state.person.registration
        delete deps.state.person.registrationAttempt
        delete deps.state.person.link
      }
      return result
    },
    'registration.resend': async () => {
      const registration = deps.state.person.registration
      if (!registration) return { ok: false, error: { code: 'no_pending_flow' } }
      const result = await deps.client.resendRegistration(registration.id)
      deps.log.info('registration.resent', {
        ok: result.ok,
        ...(result.ok ? {} : { code: result.error.code }),
      })
      return result
    },
  }
}
