import type { ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import { AddDeviceRequest, DeviceParams, DeviceRoleRequest } from '@shared/api/console/fleet'
import type { ServiceContext } from '../../context'
import { audited } from '../../domain/audit'
import { readConsoleSession } from '../../domain/console-sessions'
import {
  addDevice,
  deviceById,
  deviceNamed,
  disableDevice,
  replaceDeviceToken,
  setDeviceRole,
} from '../../domain/device-admin'
import { apiError } from '../../errors'
import type { FleetWatch } from '../../fleet-watch'
import { parseInput, send } from '../../http'
import { consoleCaller, sessionToken } from './console-http'
import { openFleetStream } from './fleet-stream'
import { consoleHeaders } from './security-headers'
import { AUDIT_DETAIL, auditDetail } from '@shared/api/console/audit-detail'

/**
 * The fleet page's API (docs/console.md): the fleet, its live stream (server-sent events: a new
 * fleet whenever it changes, and `session-ended` when the session does), and IT's actions on
 * devices, each audited.
 */
export function consoleFleetRoutes(app: FastifyInstance, ctx: ServiceContext, watch: FleetWatch) {
  const streams = new Set<ServerResponse>()
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end()
  })

  app.get('/v1/console/fleet', async (request, reply) => {
    await consoleCaller(ctx, request, 'fleet')
    return send(reply, 200, await watch.current())
  })

  app.get('/v1/console/fleet/events', async (request, reply) => {
    // The stream is not the person: it does not keep the session awake.
    await consoleCaller(ctx, request, 'fleet', false)
    const token = sessionToken(request)
    reply.hijack()
    const raw = reply.raw
    raw.writeHead(200, {
      ...consoleHeaders,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    streams.add(raw)
    raw.once('close', () => streams.delete(raw))
    await openFleetStream({
      raw,
      watch,
      sessionHolds: () => readConsoleSession(ctx, token),
    })
  })

  app.post('/v1/console/devices', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'fleet')
    const input = parseInput(AddDeviceRequest, request.body)
    const added = await audited(
      ctx,
      caller.actor,
      { action: 'device_add', target: input.name, detail: input.role },
      async (tx) => {
        // Names are how IT tells devices apart: one name, one device.
        if (await deviceNamed(tx, input.name))
          throw apiError(409, 'validation_failed', { fields: { name: 'invalid' } })
        return addDevice(tx, input.name, input.role)
      },
    )
    watch.poke()
    return send(reply, 201, { id: added.id, name: input.name, token: added.token })
  })

  app.post('/v1/console/devices/:id/role', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'fleet')
    const { id } = parseInput(DeviceParams, request.params)
    const { role } = parseInput(DeviceRoleRequest, request.body)
    const device = await deviceById(ctx, id)
    if (!device) throw apiError(404, 'not_found')
    await audited(
      ctx,
      caller.actor,
      { action: 'device_role', target: device.name, detail: role },
      (tx) => setDeviceRole(tx, id, role),
    )
    watch.poke()
    return send(reply, 204)
  })

  app.post('/v1/console/devices/:id/disable', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'fleet')
    const { id } = parseInput(DeviceParams, request.params)
    const device = await deviceById(ctx, id)
    if (!device) throw apiError(404, 'not_found')
    await audited(
      ctx,
      caller.actor,
      { action: 'device_disable', target: device.name },
      async (tx) => {
        if (!(await disableDevice(tx, id))) throw apiError(409, 'not_applicable')
      },
    )
    watch.poke()
    return send(reply, 204)
  })

  app.post('/v1/console/devices/:id/token', async (request, reply) => {
    const caller = await consoleCaller(ctx, request, 'fleet')
    const { id } = parseInput(DeviceParams, request.params)
    const device = await deviceById(ctx, id)
    if (!device) throw apiError(404, 'not_found')
    const replaced = await audited(
      ctx,
      caller.actor,
      { action: 'device_token', target: device.name },
      async (tx) => {
        const done = await replaceDeviceToken(tx, id)
        if (!done) throw apiError(404, 'not_found')
        return done
      },
      (done) => auditDetail(done.reenabled && AUDIT_DETAIL.reenabled),
    )
    watch.poke()
    return send(reply, 201, { id, name: device.name, token: replaced.token })
  })
}
