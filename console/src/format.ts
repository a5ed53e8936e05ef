import type { Composer } from 'vue-i18n'

/** Dates and durations as the person reads them, in their language and time zone. */
export function dateTime(locale: string, iso: string | undefined): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  )
}

export function ago(t: Composer['t'], iso: string | undefined, now: number): string {
  if (!iso) return ''
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000)
  if (minutes < 1) return t('time.justNow')
  if (minutes < 120) return t('time.minutesAgo', { n: minutes })
  if (minutes < 48 * 60) return t('time.hoursAgo', { n: Math.floor(minutes / 60) })
  return t('time.daysAgo', { n: Math.floor(minutes / 1440) })
}

export function uptime(t: Composer['t'], seconds: number | undefined): string {
  if (seconds === undefined) return ''
  const d = Math.floor(seconds / 86_400)
  const h = Math.floor((seconds % 86_400) / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  if (d > 0) return t('time.uptimeDays', { d, h })
  if (h > 0) return t('time.uptimeHours', { h, m })
  return t('time.uptimeMinutes', { m })
}

/** A local calendar day, `YYYY-MM-DD`, of an instant. */
export function localDay(instant: number): string {
  const date = new Date(instant)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The instant a local day starts. */
export const startOfLocalDay = (day: string) => new Date(`${day}T00:00:00`).getTime()
