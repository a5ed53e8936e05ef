import {
  activityMetrics,
  type ActivityCounts,
  type ActivityHour,
  type ActivityMetric,
} from '@shared/api/console/activity'
import { HOUR, iso } from '../clock'
import type { ServiceContext } from '../context'
import { sql } from 'kysely'

/**
 * How the kiosks are used, without personal data (docs/console.md): one counter per device, hour
 * and metric, never a row naming a person. Each count is one statement that adds 1 where the row
 * is — `INSERT … ON CONFLICT … DO UPDATE SET n = n + 1` — so increments from overlapping requests
 * (and from several service processes) are never lost; it runs inside the caller's transaction,
 * so a count stands or falls with what it counts.
 */
export async function countActivity(
  ctx: ServiceContext,
  deviceId: string,
  metric: ActivityMetric,
): Promise<void> {
  const hourStart = Math.floor(ctx.clock.now() / HOUR) * HOUR
  await ctx.db
    .insertInto('activity_counts')
    .values({ hour_start: hourStart, device_id: deviceId, metric, n: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['hour_start', 'device_id', 'metric'])
        .doUpdateSet({ n: sql`${sql.table('activity_counts')}.n + 1` }),
    )
    .execute()
}

const noCounts = (): ActivityCounts =>
  Object.fromEntries(activityMetrics.map((metric) => [metric, 0])) as ActivityCounts

/**
 * The counts of every device and hour from `from` (inclusive) to `to` (exclusive), oldest first;
 * hours with nothing counted are left out. Devices are named as IT named them.
 */
export async function readActivity(
  ctx: ServiceContext,
  range: { from: number; to: number },
): Promise<{ devices: string[]; hours: ActivityHour[] }> {
  const rows = await ctx.db
    .selectFrom('activity_counts as a')
    .innerJoin('devices as d', 'd.id', 'a.device_id')
    .select(['a.hour_start', 'd.name as device', 'a.metric', 'a.n'])
    .where('a.hour_start', '>=', range.from)
    .where('a.hour_start', '<', range.to)
    .orderBy('a.hour_start')
    .orderBy('d.name')
    .execute()
  const hours = new Map<string, ActivityHour>()
  for (const row of rows) {
    const key = `${row.hour_start} ${row.device}`
    let hour = hours.get(key)
    if (!hour) {
      hour = { hour: iso(row.hour_start), device: row.device, counts: noCounts() }
      hours.set(key, hour)
    }
    if ((activityMetrics as readonly string[]).includes(row.metric))
      hour.counts[row.metric as ActivityMetric] += row.n
  }
  const devices = (
    await ctx.db.selectFrom('devices').select('name').distinct().orderBy('name').execute()
  ).map((row) => row.name)
  return { devices, hours: [...hours.values()] }
}
