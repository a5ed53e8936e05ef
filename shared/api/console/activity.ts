import { z } from 'zod'
import { IsoDateTime } from '../schemas'

/**
 * Activity without personal data (docs/console.md): counts per kiosk and hour. The funnel is
 * registrations started → code sent → account activated.
 */
export const activityMetrics = [
  'registrationsStarted',
  'codesSent',
  'accountsActivated',
  'signIns',
  'recoveriesStarted',
  'recoveriesFinished',
  'staffActions',
] as const
export type ActivityMetric = (typeof activityMetrics)[number]
export const funnelMetrics = [
  'registrationsStarted',
  'codesSent',
  'accountsActivated',
] as const satisfies readonly ActivityMetric[]

/** At most a little over a year at once (the counters are kept 400 days). */
export const ACTIVITY_MAX_RANGE_DAYS = 400

export const ActivityQuery = z
  .strictObject({ from: IsoDateTime, to: IsoDateTime })
  .refine(
    ({ from, to }) =>
      Date.parse(to) > Date.parse(from) &&
      Date.parse(to) - Date.parse(from) <= ACTIVITY_MAX_RANGE_DAYS * 86_400_000,
    { path: ['to'] },
  )

const count = z.number().int().nonnegative()
export const ActivityCounts = z.object({
  registrationsStarted: count,
  codesSent: count,
  accountsActivated: count,
  signIns: count,
  recoveriesStarted: count,
  recoveriesFinished: count,
  staffActions: count,
}) satisfies z.ZodType<Record<ActivityMetric, number>>
export type ActivityCounts = z.infer<typeof ActivityCounts>

/** One kiosk's hour; hours with nothing counted are left out. */
export const ActivityHour = z.object({
  hour: IsoDateTime,
  device: z.string(),
  counts: ActivityCounts,
})
export type ActivityHour = z.infer<typeof ActivityHour>

export const ActivityReport = z.object({
  from: IsoDateTime,
  to: IsoDateTime,
  devices: z.array(z.string()),
  hours: z.array(ActivityHour),
})
export type ActivityReport = z.infer<typeof ActivityReport>

/** The CSV's columns, in order: the same numbers as the report. */
export const activityCsvColumns = [
  'hour_utc',
  'device',
  'registrations_started',
  'codes_sent',
  'accounts_activated',
  'sign_ins',
  'recoveries_started',
  'recoveries_finished',
  'staff_actions',
] as const
