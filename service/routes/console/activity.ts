import type { FastifyInstance } from 'fastify'
import { activityCsvColumns, activityMetrics, ActivityQuery } from '@shared/api/console/activity'
import type { ServiceContext } from '../../context'
import { readActivity } from '../../domain/activity'
import { toCsv } from '../../csv'
import { parseInput, send } from '../../http'
import { consoleCaller } from './console-http'

/** The activity page's API (docs/console.md): hourly counts per kiosk, as JSON or CSV. */
export function consoleActivityRoutes(app: FastifyInstance, ctx: ServiceContext) {
  const report = async (query: unknown) => {
    const { from, to } = parseInput(ActivityQuery, query)
    return {
      from,
      to,
      ...(await readActivity(ctx, { from: Date.parse(from), to: Date.parse(to) })),
    }
  }

  app.get('/v1/console/activity', async (request, reply) => {
    await consoleCaller(ctx, request, 'activity')
    return send(reply, 200, await report(request.query))
  })

  app.get('/v1/console/activity.csv', async (request, reply) => {
    await consoleCaller(ctx, request, 'activity')
    const { hours } = await report(request.query)
    const csv = toCsv(
      activityCsvColumns,
      hours.map((hour) => [
        hour.hour,
        hour.device,
        ...activityMetrics.map((metric) => hour.counts[metric]),
      ]),
    )
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="activity.csv"')
    return send(reply, 200, csv)
  })
}
