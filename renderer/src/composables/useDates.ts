import { useI18n } from 'vue-i18n'
import type { Locale } from '@shared/locale-codes'

const NBSP = '\u00a0'
const TIME = new Set<Intl.DateTimeFormatPartTypes>(['hour', 'minute', 'second', 'dayPeriod'])

/**
 * A date as the kiosk shows it, from Intl's parts with what Intl leaves to the editor: the first
 * of the month is "1er" in French (Intl says "1 juin"), and neither a time ("14 h 05",
 * "2:05 p.m.") nor a day and its month ("1er juin", "Jun 1") is ever broken across two lines.
 */
export function formatDate(
  date: Date,
  locale: Locale,
  options: Intl.DateTimeFormatOptions,
): string {
  const parts = new Intl.DateTimeFormat(locale, options).formatToParts(date)
  const kind = (type: Intl.DateTimeFormatPartTypes | undefined) =>
    type && TIME.has(type) ? 'time' : type === 'day' || type === 'month' ? 'dayMonth' : type
  return parts
    .map((part, i) => {
      if (part.type === 'day' && part.value === '1' && locale.startsWith('fr')) return '1er'
      if (part.type !== 'literal') return part.value
      const before = kind(parts[i - 1]?.type)
      const glued =
        before === kind(parts[i + 1]?.type) && (before === 'time' || before === 'dayMonth')
      return glued ? part.value.replace(/ /g, NBSP) : part.value
    })
    .join('')
}

/** A calendar date (YYYY-MM-DD) as it is, never shifted by the time zone. */
export function calendarDay(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number)
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1)
}

/** The service's dates and times in the screen's language: "1er juin 2026", "28 nov. 2026, 12 h 05". */
export function useDates() {
  const { locale } = useI18n()
  const current = () => locale.value as Locale
  return {
    /** An ISO time, as a local date and time. */
    dateTime: (iso: string) =>
      formatDate(new Date(iso), current(), {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
    /** A calendar date (YYYY-MM-DD), its month in words. */
    calendarDate: (isoDate: string) =>
      formatDate(calendarDay(isoDate), current(), {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
      }),
  }
}
