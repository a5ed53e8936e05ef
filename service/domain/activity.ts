import {
  activityMetrics,
  type ActivityCounts,
  type ActivityHour,
  type ActivityMetric,
} from '@shared/api/console/activity'
import { HOUR, iso } from '../clock'
import type { ServiceContext } from '../context'

/**
 * How the kiosks are used, without personal data (docs/console.md): one counter per device, hour
 * and metric, never a row naming a person. Each count is one statement that adds 1 where the row
 * is — `INSERT … ON CONFLICT … DO UPDATE SET n = n + 1` — so increments from overlapping requests
 * (and from several service processes) are never lost; it runs inside the caller's transaction,
 * so a count stands or falls with what it counts.
 */
export function countActivity(ctx: ServiceContext, deviceId: string, metric: ActivityMetric): void {
  const hourStart = Math.floor(ctx.clock.now() / HOUR) * HOUR
  ctx.db
    .prepare(
      `INSERT INTO activity_counts (hour_start, device_id, metric, n) VALUES (?, ?, ?, 1)
       ON CONFLICT (hour_start, device_id, metric) DO UPDATE SET n = activity_counts.n + 1`,
    )
    .run(hourStart, deviceId, metric)
}

const noCounts = (): ActivityCounts =>
  Object.fromEntries(activityMetrics.map((metric) => [metric, 0])) as ActivityCounts

/**
 * The counts of every device and hour from `from` (inclusive) to `to` (exclusive), oldest first;
 * hours with nothing counted are left out. Devices are named as IT named them.
 */
export function readActivity(
  ctx: ServiceContext,
  range: { from: number; to: number },
): { devices: string[]; hours: ActivityHour[] } {
  const rows = ctx.db
    .prepare(
      `SELECT a.hour_start, d.name AS device, a.metric, a.n FROM activity_counts a
       JOIN devices d ON d.id = a.device_id
       WHERE a.hour_start >= ? AND a.hour_start < ? ORDER BY a.hour_start, d.name`,
    )
    .all(range.from, range.to) as {
    hour_start: number
    device: string
    metric: string
    n: number
  }[]
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
    ctx.db.prepare('SELECT DISTINCT name FROM devices ORDER BY name').all() as { name: string }[]
  ).map((row) => row.name)
  return { devices, hours: [...hours.values()] }
}
