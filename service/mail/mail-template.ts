import type { Locale } from '@shared/locales'
import type { FleetMailTemplate } from './fleet-templates'

/** The mails to students (and the invited), with what each needs. */
export type StudentMailTemplate =
  | { kind: 'invitation'; institution: string; appLink: string; webLink: string }
  | { kind: 'registrationCode'; code: string; appLink: string; webLink: string }
  | { kind: 'notInvited' }
  | { kind: 'alreadyActive' }
  | { kind: 'registrationPending' }
  | { kind: 'recoveryActivation'; code: string; appLink: string; webLink: string }
  | { kind: 'recoveryReset'; code: string; appLink: string; webLink: string }

/** Every kind of mail the service sends: the fleet's alerts are in ./fleet-templates.ts. */
export type MailTemplate = StudentMailTemplate | FleetMailTemplate

/**
 * The languages a mail is written in, in order. A recipient whose language the service knows gets
 * theirs; one it does not know (an invitation without a locale) gets both, French first, as
 * Canadian institutions write.
 */
export const mailLocales = (locale: Locale | undefined): readonly Locale[] =>
  locale ? [locale] : ['fr-CA', 'en-CA']
