import {
  activityMetrics,
  type ActivityCounts,
  type ActivityHour,
} from '@shared/api/console/activity'
import { localDay, startOfLocalDay } from './format'

/** The activity page's arithmetic: the service's hours summed into the reader's days and kiosks. */
const DAY_MS = 86_400_000

const zero = (): ActivityCounts =>
  Object.fromEntries(activityMetrics.map((metric) => [metric, 0])) as ActivityCounts

function add(into: ActivityCounts, from: ActivityCounts): void {
  for (const metric of activityMetrics) into[metric] += from[metric]
}

export function sumOf(counts: readonly ActivityCounts[]): ActivityCounts {
  const sum = zero()
  for (const entry of counts) add(sum, entry)
  return sum
}

/**
 * Every local day from `fromDay` to `toDay` (`YYYY-MM-DD`), those with nothing too (a gap is
 * information); an hour counts on the day it starts in. A day is found from its noon, so a
 * 23- or 25-hour day (daylight saving) is neither skipped nor counted twice.
 */
export function countsByDay(
  hours: readonly ActivityHour[],
  fromDay: string,
  toDay: string,
): { day: string; counts: ActivityCounts }[] {
  const days: { day: string; counts: ActivityCounts }[] = []
  for (let at = startOfLocalDay(fromDay); localDay(at + DAY_MS / 2) <= toDay; at += DAY_MS) {
    const day = localDay(at + DAY_MS / 2)
    if (days.at(-1)?.day !== day) days.push({ day, counts: zero() })
  }
  for (const hour of hours) {
    const entry = days.find((d) => d.day === localDay(Date.parse(hour.hour)))
    if (entry) add(entry.counts, hour.counts)
  }
  return days
}

/** Each kiosk's sums, by name. */
export function countsByDevice(hours: readonly ActivityHour[]): [string, ActivityCounts][] {
  const devices = new Map<string, ActivityCounts>()
  for (const hour of hours) {
    const counts = devices.get(hour.device) ?? zero()
    add(counts, hour.counts)
    devices.set(hour.device, counts)
  }
  return [...devices.entries()].sort(([a], [b]) => a.localeCompare(b))
}
