import type { Locale } from '@shared/locales'

export interface MailContent {
  subject: string
  text: string
  html: string
}

export type MailTemplate =
  | { kind: 'invitation'; institution: string; appLink: string; webLink: string }
  | { kind: 'registrationCode'; code: string; appLink: string; webLink: string }
  | { kind: 'notInvited' }
  | { kind: 'alreadyActive' }
  | { kind: 'registrationPending' }
  | { kind: 'recoveryActivation'; code: string; appLink: string; webLink: string }
  | { kind: 'recoveryReset'; code: string; appLink: string; webLink: string }

interface Wording {
  subject: string
  intro: string
  codeLabel?: string
  button?: string
  outro: string
}

const signature = {
  'fr-CA': "L'équipe MesCertif",
  'en-CA': 'The MyCreds team',
} as const

const wordings: Record<Locale, Record<MailTemplate['kind'], (t: MailTemplate) => Wording>> = {
  'fr-CA': {
    invitation: (t) => ({
      subject: 'Créez votre compte MesCertif',
      intro: `${t.kind === 'invitation' ? t.institution : ''} vous donne accès à un document dans MesCertif. Créez votre compte pour le consulter.`,
      button: "M'inscrire",
      outro: 'Ce lien est valide pendant 30 jours.',
    }),
    registrationCode: () => ({
      subject: 'Votre code de vérification MesCertif',
      intro: 'Voici le code pour vérifier votre adresse courriel :',
      codeLabel: 'Code de vérification',
      button: 'Activer mon compte',
      outro:
        "Le code est valide pendant 60 minutes. Si vous n'avez pas demandé ce compte, ignorez ce courriel.",
    }),
    notInvited: () => ({
      subject: 'Votre demande de compte MesCertif',
      intro:
        "Quelqu'un a demandé un compte MesCertif avec cette adresse, mais aucun établissement ne l'a encore invitée.",
      outro:
        "Communiquez avec votre établissement d'enseignement ou votre organisme émetteur : il doit d'abord vous envoyer une invitation à cette adresse. Si vous n'avez rien demandé, ignorez ce courriel.",
    }),
    alreadyActive: () => ({
      subject: 'Vous avez déjà un compte MesCertif',
      intro: 'Un compte MesCertif actif existe déjà pour cette adresse.',
      outro:
        'Connectez-vous avec votre mot de passe. Si vous l’avez oublié, choisissez « Vous ne pouvez vous connecter? » à la borne ou sur le portail.',
    }),
    registrationPending: () => ({
      subject: 'Une inscription MesCertif est déjà en cours',
      intro:
        "Quelqu'un vient de demander un compte MesCertif avec cette adresse, mais une inscription attend déjà d'être vérifiée. Rien n'a été changé.",
      outro:
        "Si c'est vous, utilisez le lien du premier courriel (à la borne : « J'ai un lien ou un code »), ou recommencez l'inscription quand son code aura expiré, 60 minutes après son envoi. Si vous n'avez rien demandé, ignorez ce courriel.",
    }),
    recoveryActivation: () => ({
      subject: 'Activez votre compte MesCertif',
      intro: "Votre compte n'est pas encore activé. Voici le code pour l'activer :",
      codeLabel: "Code d'activation",
      button: 'Activer mon compte',
      outro:
        "Le code est valide pendant 60 minutes. Si vous n'avez rien demandé, ignorez ce courriel.",
    }),
    recoveryReset: () => ({
      subject: 'Réinitialisez votre mot de passe MesCertif',
      intro: 'Voici le code pour choisir un nouveau mot de passe :',
      codeLabel: 'Code de réinitialisation',
      button: 'Choisir un nouveau mot de passe',
      outro:
        "Le code est valide pendant 60 minutes. Si vous n'avez rien demandé, ignorez ce courriel : votre mot de passe ne change pas.",
    }),
  },
  'en-CA': {
    invitation: (t) => ({
      subject: 'Create your MyCreds account',
      intro: `${t.kind === 'invitation' ? t.institution : ''} has given you access to a document in MyCreds. Create your account to see it.`,
      button: 'Sign me up',
      outro: 'This link is valid for 30 days.',
    }),
    registrationCode: () => ({
      subject: 'Your MyCreds verification code',
      intro: 'Here is the code to verify your email address:',
      codeLabel: 'Verification code',
      button: 'Activate my account',
      outro:
        'The code is valid for 60 minutes. If you did not ask for this account, ignore this email.',
    }),
    notInvited: () => ({
      subject: 'Your MyCreds account request',
      intro:
        'Someone asked for a MyCreds account with this address, but no institution has invited it yet.',
      outro:
        'Contact your school or issuing organization: it must first send an invitation to this address. If you did not ask for anything, ignore this email.',
    }),
    alreadyActive: () => ({
      subject: 'You already have a MyCreds account',
      intro: 'An active MyCreds account already exists for this address.',
      outro:
        'Sign in with your password. If you forgot it, choose “I can’t sign in” at the kiosk or on the portal.',
    }),
    registrationPending: () => ({
      subject: 'A MyCreds registration is already waiting',
      intro:
        'Someone just asked for a MyCreds account with this address, but a registration for it is already waiting to be verified. Nothing was changed.',
      outro:
        'If that was you, use the link in the first email (at the kiosk: “I have a link or a code”), or register again once its code has expired, 60 minutes after it was sent. If you did not ask for anything, ignore this email.',
    }),
    recoveryActivation: () => ({
      subject: 'Activate your MyCreds account',
      intro: 'Your account is not activated yet. Here is the code to activate it:',
      codeLabel: 'Activation code',
      button: 'Activate my account',
      outro:
        'The code is valid for 60 minutes. If you did not ask for anything, ignore this email.',
    }),
    recoveryReset: () => ({
      subject: 'Reset your MyCreds password',
      intro: 'Here is the code to choose a new password:',
      codeLabel: 'Reset code',
      button: 'Choose a new password',
      outro:
        'The code is valid for 60 minutes. If you did not ask for anything, ignore this email: your password stays the same.',
    }),
  },
}

/** French puts a (non-breaking) space before a colon. */
const colon = { 'fr-CA': '\u00a0:', 'en-CA': ':' } as const

const linkHint = {
  'fr-CA': 'À la borne, vous pouvez aussi coller ou balayer ce lien :',
  'en-CA': 'At the kiosk, you can also paste or scan this link:',
} as const

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

/** Text and HTML in the recipient's language; the code alone on its line, every link in full. */
export function renderMail(template: MailTemplate, locale: Locale): MailContent {
  const wording = wordings[locale][template.kind](template)
  const code = 'code' in template ? template.code : undefined
  const links = 'appLink' in template ? { app: template.appLink, web: template.webLink } : undefined

  const text = [
    wording.intro,
    '',
    ...(code ? [`${wording.codeLabel}${colon[locale]}`, code, ''] : []),
    ...(links
      ? [`${wording.button}${colon[locale]} ${links.web}`, '', linkHint[locale], links.app, '']
      : []),
    wording.outro,
    '',
    signature[locale],
    '',
  ].join('\n')

  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:Arial,sans-serif;color:#1a1a1a">`,
    `<p>${escapeHtml(wording.intro)}</p>`,
    code
      ? `<p>${escapeHtml(wording.codeLabel ?? '')}</p><p style="font-size:32px;font-weight:bold;letter-spacing:6px">${code}</p>`
      : '',
    links
      ? `<p><a href="${escapeHtml(links.web)}" style="display:inline-block;background:#1d4f91;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">${escapeHtml(wording.button ?? '')}</a></p>` +
        `<p>${escapeHtml(links.web)}</p><p>${escapeHtml(linkHint[locale])}<br>${escapeHtml(links.app)}</p>`
      : '',
    `<p>${escapeHtml(wording.outro)}</p><p>${escapeHtml(signature[locale])}</p>`,
    '</body></html>',
  ].join('')

  return { subject: wording.subject, text, html }
}
