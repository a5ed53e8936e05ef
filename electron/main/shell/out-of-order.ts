/** The static page a person sees when the kiosk cannot serve anyone (renderer/public). */
export const OUT_OF_ORDER_PAGE = '/out-of-order.html'

/**
 * Why the kiosk is out of order, when IT can do something about it: shown under the page's own
 * text, in its two languages. Fixed sentences only; a page URL can ask for one by name, never
 * bring its own.
 */
export const OUT_OF_ORDER_REASONS = {
  sandbox_off: {
    'fr-CA':
      "Le bac à sable de Chromium est désactivé (lancement avec --no-sandbox ou ELECTRON_DISABLE_SANDBOX ; le lanceur de l'AppImage le fait là où les espaces de noms utilisateur sont restreints, comme sous Ubuntu 23.10 et suivants). Installez le paquet .deb, ou autorisez les espaces de noms utilisateur. Voir docs/deployment.md.",
    'en-CA':
      "Chromium's sandbox is off (started with --no-sandbox or ELECTRON_DISABLE_SANDBOX; the AppImage's launcher does this where user namespaces are restricted, as on Ubuntu 23.10 and later). Install the .deb package, or allow user namespaces. See docs/deployment.md.",
  },
  state_unwritable: {
    'fr-CA':
      "La borne n'a pas pu écrire dans son dossier de données (%APPDATA%\\MesCertif Kiosk) pour compter ses démarrages ratés ; sans ce compte, Shell Launcher la relancerait sans fin. Vérifiez l'espace disque et les droits du compte de la borne sur ce dossier, puis redémarrez la session. Voir docs/deployment.md.",
    'en-CA':
      "The kiosk could not write to its data folder (%APPDATA%\\MesCertif Kiosk) to count its failed starts; without that count, Shell Launcher would restart it without end. Check the disk space and the kiosk account's rights on that folder, then restart the session. See docs/deployment.md.",
  },
} as const

export type OutOfOrderReason = keyof typeof OUT_OF_ORDER_REASONS

export const isOutOfOrderReason = (value: string | null): value is OutOfOrderReason =>
  value !== null && Object.hasOwn(OUT_OF_ORDER_REASONS, value)

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)

/** The out-of-order page with IT's reason added at the end of its main text. */
export function withOutOfOrderReason(page: string, reason: OutOfOrderReason): string {
  const text = OUT_OF_ORDER_REASONS[reason]
  const section = [
    '<section aria-labelledby="for-it-fr">',
    `<h2 id="for-it-fr">Pour le service informatique</h2><p>${escapeHtml(text['fr-CA'])}</p>`,
    `<h2 lang="en-CA">For IT</h2><p lang="en-CA">${escapeHtml(text['en-CA'])}</p>`,
    '</section>',
  ].join('')
  return page.replace('</main>', `${section}</main>`)
}
