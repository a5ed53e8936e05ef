import type { Locale } from '@shared/locales'
import type { StudentMailTemplate } from './mail-template'

/**
 * What each mail says, per language (the layout is in templates.ts and mail-layout.ts). French
 * follows the OQLF: a non-breaking space before a colon and inside « », none before ?.
 */
export interface Wording {
  subject: string
  intro: string
  codeLabel?: string
  /** Where the code goes at the kiosk, in the kiosk's own words. */
  codeHint?: string
  button?: string
  outro: string
}

export const signature = {
  'fr-CA': "L'équipe MesCertif",
  'en-CA': 'The MyCreds team',
} as const

export const wordings: Record<
  Locale,
  Record<StudentMailTemplate['kind'], (t: StudentMailTemplate) => Wording>
> = {
  'fr-CA': {
    invitation: (t) => ({
      subject: 'Créez votre compte MesCertif',
      intro: `${t.kind === 'invitation' ? t.institution : ''} vous donne accès à un document dans MesCertif. Créez votre compte pour le consulter.`,
      button: 'Créer mon compte',
      outro: 'Ce lien est valide pendant 30\u00a0jours.',
    }),
    registrationCode: () => ({
      subject: 'Votre code de vérification MesCertif',
      intro: 'Voici le code pour vérifier votre adresse courriel.',
      codeLabel: 'Code de vérification',
      codeHint: "À la borne, entrez ce code à l'étape «\u00a0Vérification\u00a0».",
      button: 'Activer mon compte',
      outro:
        "Le code et le lien sont valides pendant 60\u00a0minutes. Si vous n'avez pas demandé ce compte, ignorez ce courriel.",
    }),
    notInvited: () => ({
      subject: 'Votre demande de compte MesCertif',
      intro:
        "Quelqu'un a demandé un compte MesCertif avec cette adresse, mais aucun établissement ne l'a encore invitée.",
      outro:
        "Communiquez avec votre établissement d'enseignement ou votre organisme émetteur\u00a0: il doit d'abord vous envoyer une invitation à cette adresse. Si vous n'avez rien demandé, ignorez ce courriel.",
    }),
    alreadyActive: () => ({
      subject: 'Vous avez déjà un compte MesCertif',
      intro: 'Un compte MesCertif actif existe déjà pour cette adresse.',
      outro:
        'Connectez-vous avec votre mot de passe. Si vous l’avez oublié, choisissez «\u00a0Vous ne pouvez vous connecter?\u00a0» à la borne ou sur le portail.',
    }),
    registrationPending: () => ({
      subject: 'Une inscription MesCertif est déjà en cours',
      intro:
        "Quelqu'un vient de demander un compte MesCertif avec cette adresse, mais une inscription attend déjà d'être vérifiée. Rien n'a été changé.",
      outro:
        "Si c'est vous, utilisez le lien ou le code QR du premier courriel (à la borne\u00a0: «\u00a0J'ai un lien ou un code\u00a0»), ou recommencez l'inscription quand son code aura expiré, 60\u00a0minutes après son envoi. Si vous n'avez rien demandé, ignorez ce courriel.",
    }),
    recoveryActivation: () => ({
      subject: 'Activez votre compte MesCertif',
      intro: "Votre compte n'est pas encore activé. Voici le code pour l'activer.",
      codeLabel: "Code d'activation",
      codeHint: "À la borne, entrez ce code à l'étape «\u00a0Vérification\u00a0».",
      button: 'Activer mon compte',
      outro:
        "Le code et le lien sont valides pendant 60\u00a0minutes. Si vous n'avez rien demandé, ignorez ce courriel.",
    }),
    recoveryReset: () => ({
      subject: 'Réinitialisez votre mot de passe MesCertif',
      intro: 'Voici le code pour choisir un nouveau mot de passe.',
      codeLabel: 'Code de réinitialisation',
      codeHint: "À la borne, entrez ce code à l'étape «\u00a0Vérification\u00a0».",
      button: 'Choisir un nouveau mot de passe',
      outro:
        "Le code et le lien sont valides pendant 60\u00a0minutes. Si vous n'avez rien demandé, ignorez ce courriel\u00a0: votre mot de passe ne change pas.",
    }),
  },
  'en-CA': {
    invitation: (t) => ({
      subject: 'Create your MyCreds account',
      intro: `${t.kind === 'invitation' ? t.institution : ''} has given you access to a document in MyCreds. Create your account to see it.`,
      button: 'Create my account',
      outro: 'This link is valid for 30 days.',
    }),
    registrationCode: () => ({
      subject: 'Your MyCreds verification code',
      intro: 'Here is the code to verify your email address.',
      codeLabel: 'Verification code',
      codeHint: 'At the kiosk, enter this code at the “Verification” step.',
      button: 'Activate my account',
      outro:
        'The code and the link are valid for 60 minutes. If you did not ask for this account, ignore this email.',
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
        'If that was you, use the link or the QR code in the first email (at the kiosk: “I have a link or a code”), or register again once its code has expired, 60 minutes after it was sent. If you did not ask for anything, ignore this email.',
    }),
    recoveryActivation: () => ({
      subject: 'Activate your MyCreds account',
      intro: 'Your account is not activated yet. Here is the code to activate it.',
      codeLabel: 'Activation code',
      codeHint: 'At the kiosk, enter this code at the “Verification” step.',
      button: 'Activate my account',
      outro:
        'The code and the link are valid for 60 minutes. If you did not ask for anything, ignore this email.',
    }),
    recoveryReset: () => ({
      subject: 'Reset your MyCreds password',
      intro: 'Here is the code to choose a new password.',
      codeLabel: 'Reset code',
      codeHint: 'At the kiosk, enter this code at the “Verification” step.',
      button: 'Choose a new password',
      outro:
        'The code and the link are valid for 60 minutes. If you did not ask for anything, ignore this email: your password stays the same.',
    }),
  },
}

/** French puts a non-breaking space before a colon (OQLF). */
export const colon = { 'fr-CA': '\u00a0:', 'en-CA': ':' } as const

/** The kiosk's scanner reads the QR code from the phone's screen (the kiosk's link screen says the same). */
export const qrHint = {
  'fr-CA':
    "Vous êtes à la borne avec votre téléphone? Tenez ce code QR devant le lecteur de codes de la borne, à environ 10\u00a0cm\u00a0: elle le lit et continue d'elle-même.",
  'en-CA':
    "At the kiosk with your phone? Hold this QR code in front of the kiosk's code scanner, about 10 cm away: it reads it and carries on by itself.",
} as const

export const qrAlt = {
  'fr-CA': 'Code QR du lien MesCertif, à présenter au lecteur de la borne',
  'en-CA': "QR code of the MyCreds link, to hold up to the kiosk's scanner",
} as const

export const linkHint = {
  'fr-CA':
    "À la borne, vous pouvez aussi entrer ce lien à l'écran «\u00a0J'ai un lien ou un code\u00a0»\u00a0:",
  'en-CA': 'At the kiosk, you can also enter this link on the “I have a link or a code” screen:',
} as const

/**
 * Why the mail came and where to get help: an automatic mail says it is one (RFC 3834's
 * `Auto-Submitted` says it to machines) and that nobody reads replies.
 */
export const footer = {
  'fr-CA':
    "Ce courriel automatique vous est envoyé par le service de comptes MesCertif de votre établissement d'enseignement. Ne répondez pas à ce courriel\u00a0: personne ne lit les réponses. Pour de l'aide, adressez-vous au bureau du registraire de votre établissement.",
  'en-CA':
    "This automatic email was sent by your school's MyCreds account service. Please do not reply: nobody reads the replies. For help, contact your school's registrar's office.",
} as const

/** Over the French part of a mail in both languages: the English reader knows to scroll. */
export const englishFollows = '(English follows)'
