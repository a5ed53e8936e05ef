import type { Locale } from '@shared/locales'

/** Every kind of mail the service sends, with what each needs. */
export type MailTemplate =
  | { kind: 'invitation'; institution: string; appLink: string; webLink: string }
  | { kind: 'registrationCode'; code: string; appLink: string; webLink: string }
  | { kind: 'notInvited' }
  | { kind: 'alreadyActive' }
  | { kind: 'registrationPending' }
  | { kind: 'recoveryActivation'; code: string; appLink: string; webLink: string }
  | { kind: 'recoveryReset'; code: string; appLink: string; webLink: string }

/**
 * The languages a mail is written in, in order. A recipient whose language the service knows gets
 * theirs; one it does not know (an invitation without a locale) gets both, French first, as
 * Canadian institutions write.
 */
export const mailLocales = (locale: Locale | undefined): readonly Locale[] =>
  locale ? [locale] : ['fr-CA', 'en-CA']
