import type { DeviceState } from '@shared/api/fleet'
import type { Locale } from '@shared/locales'
import type { MailBodies } from './mail-content'

/** One device's change of state, as an alert mail tells it. */
export interface FleetChange {
  device: string
  state: DeviceState
  previous: DeviceState
  at: number
}

export type FleetMailTemplate =
  | { kind: 'fleetAlert'; change: FleetChange; consoleUrl?: string }
  | { kind: 'fleetDigest'; changes: FleetChange[]; consoleUrl?: string }

const stateNames: Record<Locale, Record<DeviceState, string>> = {
  'fr-CA': {
    ok: 'en service',
    stale: 'silencieuse (aucun signal depuis 5\u00a0minutes)',
    never_seen: 'jamais vue',
    crash_looping: 'en boucle de plantages',
    config_problem: 'problème de configuration',
    keychain_problem: 'trousseau du système inaccessible',
    disabled: 'désactivée',
  },
  'en-CA': {
    ok: 'working',
    stale: 'silent (no heartbeat for 5 minutes)',
    never_seen: 'never seen',
    crash_looping: 'crash-looping',
    config_problem: 'config problem',
    keychain_problem: 'OS keychain unavailable',
    disabled: 'disabled',
  },
}

const words = {
  'fr-CA': {
    kiosk: 'Borne',
    recovered: 'de nouveau en service',
    was: 'avant',
    since: 'depuis',
    digestSubject: (n: number) => `Bornes MesCertif\u00a0: ${n}\u00a0changements d'état`,
    digestIntro:
      "Plusieurs bornes ont changé d'état en peu de temps\u00a0; pour ne pas vous inonder, voici le résumé (un par heure au plus pendant une telle vague).",
    open: 'Ouvrir la console',
    why: 'Vous recevez ce courriel parce que vous avez demandé les alertes de la flotte dans la console MesCertif. Vous pouvez les désactiver dans la console, page «\u00a0Mon compte\u00a0».',
    colon: '\u00a0:',
  },
  'en-CA': {
    kiosk: 'Kiosk',
    recovered: 'working again',
    was: 'was',
    since: 'since',
    digestSubject: (n: number) => `MyCreds kiosks: ${n} state changes`,
    digestIntro:
      'Several kiosks changed state within a short time; so as not to flood you, here is a summary (at most one an hour during such a wave).',
    open: 'Open the console',
    why: 'You get this email because you asked for fleet alerts in the MyCreds console. You can turn them off in the console, on the “My account” page.',
    colon: ':',
  },
} as const

/** `2026-11-28 14:05 UTC`: the service does not know the reader's time zone, so it says which. */
const when = (at: number) => `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  )

function line(change: FleetChange, locale: Locale): string {
  const w = words[locale]
  const now =
    change.state === 'ok' && change.previous !== 'never_seen'
      ? w.recovered
      : stateNames[locale][change.state]
  return `${w.kiosk} ${change.device}${w.colon} ${now} (${w.was}${w.colon} ${stateNames[locale][change.previous]}; ${w.since} ${when(change.at)})`
}

/**
 * An alert (one device, one change) or a digest (the changes of a storm), in the recipient's
 * language: no personal data, a link to the console when the service knows its address.
 */
export function renderFleetMail(template: FleetMailTemplate, locale: Locale): MailBodies {
  const w = words[locale]
  const changes = template.kind === 'fleetAlert' ? [template.change] : template.changes
  const first = changes[0]!
  const subject =
    template.kind === 'fleetAlert'
      ? `${w.kiosk} ${first.device}${w.colon} ${first.state === 'ok' ? w.recovered : stateNames[locale][first.state]}`
      : w.digestSubject(changes.length)
  const lines = changes.map((change) => line(change, locale))
  const intro = template.kind === 'fleetDigest' ? [w.digestIntro, ''] : []
  const link = template.consoleUrl ? [`${w.open}${w.colon} ${template.consoleUrl}`, ''] : []
  const text = [...intro, ...lines, '', ...link, w.why, ''].join('\n')
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:Arial,sans-serif;color:#1a1a1a">`,
    template.kind === 'fleetDigest' ? `<p>${escapeHtml(w.digestIntro)}</p>` : '',
    `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    template.consoleUrl
      ? `<p><a href="${escapeHtml(template.consoleUrl)}">${escapeHtml(w.open)}</a></p>`
      : '',
    `<p style="color:#555">${escapeHtml(w.why)}</p>`,
    '</body></html>',
  ].join('')
  return { subject, text, html }
}
