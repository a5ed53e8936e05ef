import { fileURLToPath } from 'node:url'
import fastifyCookie from '@fastify/cookie'
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import nodemailer from 'nodemailer'
import { systemClock, type Clock } from './clock'
import type { ServiceContext } from './context'
import { openDatabase } from './db/database'
import { apiError } from './errors'
import { bearerToken } from './http'
import { answerClientError, answerUnmetExpectation, sendApiError, toApiError } from './http-errors'
import { limits } from './limits'
import { dkimSigning, type DkimOptions } from './mail/dkim'
import { createMailer } from './mail/mailer'
import { startFleetWatch } from './fleet-watch'
import { createPasswordHasher, DEFAULT_SCRYPT_COST } from './security/passwords'
import { createRateLimiter } from './security/rate-limit'
import { loadOrCreateServiceKey } from './security/service-key'
import { scheduleRetention } from './retention'
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
  dbFile: string
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
  /** The service key file (docs/account-service.md); default: beside the database, `<db>.key`. */
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
  close(): Promise<void>
}

export async function createService(options: ServiceOptions): Promise<Service> {
  const clock = options.clock ?? systemClock
  const db = openDatabase(options.dbFile)
  const transport = options.smtpUrl
    ? nodemailer.createTransport({
        url: options.smtpUrl,
        ...(options.dkim ? { dkim: dkimSigning(options.dkim) } : {}),
      })
    : undefined
  const demo = options.demo ?? false
  if (demo) markDemoDatabase(db)
  const keepMailBodies = demo || isDemoDatabase(db)
  // Outside the demo, tokens are secrets stored as unsalted SHA-256: only random ones will do.
  if (!demo) assertStrongToken(options.adminToken, 'the admin token')
  const ctx: ServiceContext = {
    db,
    clock,
    hasher: createPasswordHasher(options.scryptCost ?? DEFAULT_SCRYPT_COST),
    mailer: createMailer(db, clock, {
      transport,
      from: options.mailFrom ?? 'MesCertif <no-reply@mescertif.example.ca>',
      keepBodies: keepMailBodies,
    }),
    portalUrl: options.portalUrl ?? 'https://mescertif.example.ca',
    demo,
    keepMailBodies,
    adminTokenHash: sha256(options.adminToken),
    serviceKey: loadOrCreateServiceKey(options.keyFile ?? `${options.dbFile}.key`),
    newCode: options.newCode ?? newCode,
    ...(options.consoleUrl ? { consoleUrl: options.consoleUrl } : {}),
  }
  registerDevicesAtStart(ctx, options.deviceTokens ?? [], { counter: false, requireStrong: !demo })
  registerDevicesAtStart(ctx, options.counterDeviceTokens ?? [], {
    counter: true,
    requireStrong: !demo,
  })
  const stopRetention = scheduleRetention(ctx)

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
  const deviceLimiter = createRateLimiter(
    clock,
    options.deviceRequestsPerMinute ?? limits.deviceRequestsPerMinute,
    60_000,
  )

  app.addHook('preHandler', async (request) => {
    // Rate-limited by the token itself, before any database work, so that a flood is cut early.
    // A header that is not exactly `Bearer <token>` names no token: every check refuses it.
    const token = bearerToken(request.headers.authorization)
    if (request.deviceId === undefined && token !== undefined) {
      const retryAfterSeconds = deviceLimiter.take(sha256(token))
      if (retryAfterSeconds > 0) throw apiError(429, 'rate_limited', { retryAfterSeconds })
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
    async close() {
      stopRetention()
      fleetWatch.stop()
      await app.close()
      await ctx.mailer.close()
      db.close()
    },
  }
}
