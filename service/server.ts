import { fileURLToPath } from 'node:url'
import fastifyCookie from '@fastify/cookie'
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import nodemailer from 'nodemailer'
import { systemClock, type Clock } from './clock'
import type { ServiceContext } from './context'
import { prepareSchema } from './db/migrator'
import { openStore } from './db/open-store'
import { isPostgresUrl } from './db/store'
import { createSharedRateLimiter } from './domain/request-quota'
import { apiError } from './errors'
import { bearerToken } from './http'
import { answerClientError, answerUnmetExpectation, sendApiError, toApiError } from './http-errors'
import { limits } from './limits'
import { dkimSigning, type DkimOptions } from './mail/dkim'
import { createMailer } from './mail/mailer'
import { startFleetWatch } from './fleet-watch'
import { createPasswordHasher, DEFAULT_SCRYPT_COST } from './security/passwords'
import { createRateLimiter } from './security/rate-limit'
import { loadOrCreateServiceKey, readServiceKey } from './security/service-key'
import { scheduleRetention, type RetentionSchedule } from './retention'
import { newCode, sha256 } from './security/secrets'
import { assertStrongToken } from './security/token-strength'
import { registerDevicesAtStart } from './domain/devices'
import { isDemoDatabase, markDemoDatabase } from './domain/service-settings'
import { adminRoutes } from './routes/admin'
import { consoleRoutes } from './routes/console'
import { devRoutes } from './routes/dev'
import { deviceRoutes } from './routes/devices'
import { healthRoutes } from './routes/health'
import { invitationRoutes } from './routes/invitations'
import { linkRoutes } from './routes/links'
import { recoveryRoutes } from './routes/recovery'
import { registrationRoutes } from './routes/registrations'
import { sessionRoutes } from './routes/sessions'
import { staffRoutes } from './routes/staff'
import { staffStudentRoutes } from './routes/staff-students'

export interface ServiceOptions {
  /** A SQLite file path (the default: one machine), or a `postgres://` URL (several instances). */
  database: string
  /** PostgreSQL: the connections this instance may hold (docs/deployment.md). */
  poolSize?: number
  demo?: boolean
  /**
   * Device tokens to accept: each adds its device if the database does not know it yet, and
   * changes nothing about one it knows (a role or a disabled flag IT set stays).
   */
  deviceTokens?: string[]
  /** Tokens of counter devices (staff may sign in on them), added to the database at start. */
  counterDeviceTokens?: string[]
  adminToken: string
  portalUrl?: string
  smtpUrl?: string
  mailFrom?: string
  /**
   * DKIM signing of every mail (nodemailer's `dkim` option), for an institution that sends
   * straight to the recipients' servers rather than through its own relay (docs/deployment.md).
   */
  dkim?: DkimOptions
  clock?: Clock
  /** scrypt N; tests may lower it, production keeps the OWASP default. */
  scryptCost?: number
  /**
   * The service key file (docs/account-service.md). SQLite: by default `<db>.key` beside the
   * database, made at first start. PostgreSQL: required, and never made by an instance: every
   * instance must read the same key (docs/deployment.md, "More than one machine").
   */
  keyFile?: string
  /** Tests only: scripted codes, so that "the old code dies" never depends on chance. */
  newCode?: () => string
  deviceRequestsPerMinute?: number
  /** Where the console's build is (default: `out/console` in this checkout). */
  consoleRoot?: string
  /** The console's address for alert mails' links, when it differs from what the service sees. */
  consoleUrl?: string
  /**
   * Behind the institution's TLS reverse proxy: believe its X-Forwarded-* headers, so the console's
   * cookie is marked Secure (Fastify's `trustProxy`: true, or the proxy's addresses).
   */
  trustProxy?: boolean | string
  /** How often the fleet is looked at when no heartbeat arrives; tests shorten it. */
  fleetWatchMs?: number
}

const DEFAULT_CONSOLE_ROOT = fileURLToPath(new URL('../out/console', import.meta.url))

export interface Service {
  app: FastifyInstance
  ctx: ServiceContext
  /** The hourly retention job of this instance (service/retention.ts). */
  retention: RetentionSchedule
  close(): Promise<void>
}

function serviceKeyOf(options: ServiceOptions): Buffer {
  if (!isPostgresUrl(options.database))
    return loadOrCreateServiceKey(options.keyFile ?? `${options.database}.key`)
  if (!options.keyFile)
    throw new Error('with PostgreSQL, --key-file must name the service key every instance shares')
  return readServiceKey(options.keyFile)
}

export async function createService(options: ServiceOptions): Promise<Service> {
  const clock = options.clock ?? systemClock
  const demo = options.demo ?? false
  // Outside the demo, tokens are secrets stored as unsalted SHA-256: only random ones will do.
  if (!demo) assertStrongToken(options.adminToken, 'the admin token')
  const serviceKey = serviceKeyOf(options)
  const store = openStore(options.database, { poolSize: options.poolSize })
  try {
    await prepareSchema(store)
  } catch (error) {
    await store.close()
    throw error
  }
  const transport = options.smtpUrl
    ? nodemailer.createTransport({
        url: options.smtpUrl,
        ...(options.dkim ? { dkim: dkimSigning(options.dkim) } : {}),
      })
    : undefined
  if (demo) await markDemoDatabase(store.db)
  const keepMailBodies = demo || (await isDemoDatabase(store.db))
  const ctx: ServiceContext = {
    store,
    db: store.db,
    clock,
    hasher: createPasswordHasher(options.scryptCost ?? DEFAULT_SCRYPT_COST),
    mailer: createMailer(store, clock, {
      transport,
      from: options.mailFrom ?? 'MesCertif <no-reply@mescertif.example.ca>',
      keepBodies: keepMailBodies,
    }),
    portalUrl: options.portalUrl ?? 'https://mescertif.example.ca',
    demo,
    keepMailBodies,
    adminTokenHash: sha256(options.adminToken),
    serviceKey,
    newCode: options.newCode ?? newCode,
    ...(options.consoleUrl ? { consoleUrl: options.consoleUrl } : {}),
  }
  await registerDevicesAtStart(ctx, options.deviceTokens ?? [], {
    counter: false,
    requireStrong: !demo,
  })
  await registerDevicesAtStart(ctx, options.counterDeviceTokens ?? [], {
    counter: true,
    requireStrong: !demo,
  })
  const retention = scheduleRetention(ctx)

  const app = Fastify({
    logger: false,
    bodyLimit: limits.bodyLimitBytes,
    return503OnClosing: true,
    // Errors raised before a route runs (bad URL encoding, an over-long path parameter) and by
    // Node's HTTP parser (headers too large, a malformed request) get our shape too.
    frameworkErrors: (error, _request, reply) => sendApiError(reply, toApiError(error)),
    clientErrorHandler: answerClientError,
    // Node would answer a missing Host itself, with an empty body; the hook below answers it.
    http: { requireHostHeader: false },
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  })
  await app.register(fastifyCookie)
  app.server.on('checkExpectation', answerUnmetExpectation)
  app.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined)
      throw apiError(400, 'validation_failed', { fields: { host: 'required' } })
  })
  // One instance counts in memory; instances sharing PostgreSQL count together in it.
  const perMinute = options.deviceRequestsPerMinute ?? limits.deviceRequestsPerMinute
  const sharedQuota =
    store.engine === 'postgres'
      ? createSharedRateLimiter(store.db, clock, perMinute, limits.deviceRequestWindowMs)
      : undefined
  const localQuota = createRateLimiter(clock, perMinute, limits.deviceRequestWindowMs)

  app.addHook('preHandler', async (request) => {
    // Rate-limited by the token itself, before any other database work, so that a flood is cut
    // early. A header that is not exactly `Bearer <token>` names no token: every check refuses it.
    const token = bearerToken(request.headers.authorization)
    if (request.deviceId === undefined && token !== undefined) {
      // On PostgreSQL the same statement finds the token's device, for requireDevice.
      const { retryAfterSeconds, device } = sharedQuota
        ? await sharedQuota.takeForDevice(sha256(token))
        : { retryAfterSeconds: await localQuota.take(sha256(token)), device: undefined }
      if (retryAfterSeconds > 0) throw apiError(429, 'rate_limited', { retryAfterSeconds })
      request.enabledDevice = device
    }
  })
  // Answers carry tokens (sessions, reset tokens) and personal data (records, profiles): no
  // browser, proxy or kiosk cache may keep one (OWASP ASVS 5.0, V14.3).
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
  })
  app.setErrorHandler((error, _request, reply) => {
    const mapped = toApiError(error as FastifyError)
    if (mapped.status >= 500) console.error(`service error: ${(error as Error).name}`)
    return sendApiError(reply, mapped)
  })
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: apiError(404, 'not_found').body }),
  )

  healthRoutes(app, ctx)
  invitationRoutes(app, ctx)
  registrationRoutes(app, ctx)
  linkRoutes(app, ctx)
  sessionRoutes(app, ctx)
  recoveryRoutes(app, ctx)
  staffRoutes(app, ctx)
  staffStudentRoutes(app, ctx)
  deviceRoutes(app, ctx)
  adminRoutes(app, ctx)
  if (ctx.demo) devRoutes(app, ctx)
  const fleetWatch = startFleetWatch(ctx, options.fleetWatchMs ?? limits.fleetWatchEveryMs)
  // A beat may change a device's state: the console and the alerts hear at once.
  app.addHook('onResponse', async (request) => {
    if (request.routeOptions.url === '/v1/devices/heartbeat') fleetWatch.poke()
  })
  await consoleRoutes(app, ctx, {
    watch: fleetWatch,
    root: options.consoleRoot ?? DEFAULT_CONSOLE_ROOT,
  })

  return {
    app,
    ctx,
    retention,
    async close() {
      await retention.stop()
      await fleetWatch.stop()
      await app.close()
      await ctx.mailer.close()
      await store.close()
    },
  }
}
