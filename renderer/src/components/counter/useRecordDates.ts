import { useI18n } from 'vue-i18n'

/** How the counter shows the service's times: local date and time in the screen's language. */
export function useRecordDates() {
  const { d } = useI18n()
  /** An ISO time → "28 nov. 2026, 12 h 05" / "Nov 28, 2026, 12:05 p.m.". */
  const dateTime = (iso: string) =>
    d(new Date(iso), {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })
  /** A calendar date (YYYY-MM-DD) as it is, never shifted by the time zone. */
  const calendarDate = (isoDate: string) => {
    const [year, month, day] = isoDate.split('-').map(Number)
    return d(new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1), {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    })
  }
  return { dateTime, calendarDate }
}
