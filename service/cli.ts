import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { InvitationRequest } from '@shared/api/schemas'
import { EmailAddress } from '@shared/email'
import {
  addDeviceCommand,
  auditCommand,
  CommandError,
  deviceCommand,
  deviceRoleCommand,
  devicesCommand,
  staffCommand,
} from './commands/office-commands'
import { consoleCommand } from './commands/console-commands'
import { lookUpAccount } from './domain/account-lookup'
import { readStartupSecrets, refusedSecretOptions } from './commands/startup-secrets'
import { DEMO_DEVICE_TOKEN, seedDemo } from './demo-seed'
import { createInvitation } from './domain/invitations'
import { migrateCommand } from './commands/migrate-command'
import { ApiError } from './errors'
import { createService, type Service } from './server'

const usage = `MesCertif account service (reference implementation)

  npm run service -- [--demo] [--host 127.0.0.1] [--port 4010] [--db FILE|URL]
                     [--admin-token-file FILE] [--device-token-file FILE]
                     [--counter-device-token-file FILE] [--portal-url URL]
                     [--key-file FILE] [--pool-size N]
                     [--mail-from "Name <address>"] [--dkim-domain D --dkim-selector S
                      --dkim-key-file FILE] [--device-requests-per-minute N]   (default 600)
  npm run service -- migrate [--db FILE|URL]       apply the schema migrations this version has
                     [--trust-proxy] [--console-url URL]
                     the console is at /console/ (build it with npm run build); --trust-proxy
                     behind a TLS reverse proxy, so its session cookie is marked Secure
  npm run service -- invite EMAIL --institution NAME [--first-name F] [--last-name L]
                     [--locale fr-CA|en-CA] [--document-title T --document-date YYYY-MM-DD] [--db FILE]
  npm run service -- add-device NAME [--counter] [--db FILE]
                     prints a new device token once; --counter: staff may sign in on it
  npm run service -- device-role NAME counter|public [--db FILE]
  npm run service -- device disable NAME [--db FILE]
                     a stolen or retired kiosk: its token and sessions stop working now
  npm run service -- device token NAME [--db FILE]
                     prints a new token once (re-imaged kiosk, copied token, disabled device
                     back in service): the old one and its sessions stop working now
  npm run service -- devices [--json] [--db FILE]    fleet health: ok, stale, crash-looping, …
  npm run service -- lookup EMAIL [--db FILE]        status and recorded consent of one address
  npm run service -- staff add EMAIL --name "First Last" [--db FILE]
                     prints a one-time enrolment code (72 h) for the counter
  npm run service -- staff reset|disable|unlock EMAIL [--db FILE]
  npm run service -- staff list [--db FILE]
  npm run service -- console add EMAIL --role it|registrar [--name "First Last"] [--db FILE]
                     prints a one-time enrolment code (72 h) for the web console
  npm run service -- console reset|disable EMAIL [--db FILE]   (disable ends their sessions)
  npm run service -- console list [--db FILE]
  npm run service -- audit --since 2026-11-01|24h|7d [--until T] [--json] [--db FILE]

--db is a SQLite file (the default, mescertif-service.db: one machine) or a PostgreSQL URL,
postgres://user@host:5432/db?sslmode=verify-full&sslrootcert=FILE (several instances; run
\`migrate\` first at each upgrade). The service key (it keys codes; keep it out of database
backups) is FILE.key beside a SQLite file; with PostgreSQL --key-file names the key every instance
shares (docs/deployment.md, "More than one machine").

Secrets never go on the command line (every local account can read it): token files (mode
600, one token a line), or MESCERTIF_ADMIN_TOKEN, MESCERTIF_DEVICE_TOKENS and
MESCERTIF_COUNTER_DEVICE_TOKENS, or systemd credentials (admin-token, device-tokens,
counter-device-tokens in $CREDENTIALS_DIRECTORY). Tokens need 32 random bytes (the token
add-device prints; openssl rand -base64 32). Tokens at start only add new devices: the database
keeps each device's role and disabled state, and a replaced token adds nothing.

Environment: DATABASE_URL (--db when not given), SMTP_URL (send mail over SMTP; otherwise mail
stays in the database outbox), MESCERTIF_KEY_FILE (--key-file when not given).`

const options = {
  demo: { type: 'boolean' },
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '4010' },
  db: { type: 'string' },
  'key-file': { type: 'string' },
  'pool-size': { type: 'string' },
  'admin-token-file': { type: 'string' },
  'device-token-file': { type: 'string' },
  'counter-device-token-file': { type: 'string' },
  // Refused with a pointer to what replaces them (refusedSecretOptions).
  'device-token': { type: 'string', multiple: true },
  'counter-device-token': { type: 'string', multiple: true },
  'admin-token': { type: 'string' },
  'portal-url': { type: 'string' },
  'mail-from': { type: 'string' },
  'dkim-domain': { type: 'string' },
  'dkim-selector': { type: 'string' },
  'dkim-key-file': { type: 'string' },
  'device-requests-per-minute': { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  'console-url': { type: 'string' },
  role: { type: 'string' },
  institution: { type: 'string' },
  'first-name': { type: 'string' },
  'last-name': { type: 'string' },
  locale: { type: 'string' },
  'document-title': { type: 'string' },
  'document-date': { type: 'string' },
  counter: { type: 'boolean' },
  name: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

type CommandValues = {
  institution?: string
  'first-name'?: string
  'last-name'?: string
  locale?: string
  'document-title'?: string
  'document-date'?: string
  counter?: boolean
  name?: string
  role?: string
  since?: string
  until?: string
  json?: boolean
}

/** Commands run against the database, then exit: each returns what to print. */
const officeCommands: Record<
  string,
  (
    service: Service,
    argument: string | undefined,
    extra: string | undefined,
    values: CommandValues,
  ) => Promise<string>
> = {
  async invite(service, argument, _extra, values) {
    const input = InvitationRequest.safeParse({
      email: argument,
      institution: values.institution,
      ...(values['first-name'] ? { firstName: values['first-name'] } : {}),
      ...(values['last-name'] ? { lastName: values['last-name'] } : {}),
      ...(values.locale ? { locale: values.locale } : {}),
      ...(values['document-title']
        ? { document: { title: values['document-title'], issuedOn: values['document-date'] } }
        : {}),
    })
    if (!input.success)
      throw new CommandError(
        `invalid invitation: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      )
    try {
      return `invited: ${await createInvitation(service.ctx, input.data)}`
    } catch (error) {
      if (error instanceof ApiError && error.body.code === 'rate_limited')
        throw new CommandError('this address had 5 mails in the last hour: invite it again later')
      throw error
    }
  },
  async lookup(service, argument) {
    const email = EmailAddress.safeParse(argument)
    if (!email.success) throw new CommandError('lookup needs an EMAIL')
    return JSON.stringify(await lookUpAccount(service.ctx, email.data), null, 2)
  },
  'add-device': (service, argument, _extra, values) =>
    addDeviceCommand(service.ctx, argument, values.counter ?? false),
  'device-role': (service, argument, extra) => deviceRoleCommand(service.ctx, argument, extra),
  device: (service, argument, extra) => deviceCommand(service.ctx, argument, extra),
  devices: (service, _argument, _extra, values) =>
    devicesCommand(service.ctx, values.json ?? false),
  staff: (service, argument, extra, values) =>
    staffCommand(service.ctx, {
      action: argument,
      ...(extra ? { email: extra } : {}),
      ...(values.name ? { name: values.name } : {}),
    }),
  console: (service, argument, extra, values) =>
    consoleCommand(service.ctx, {
      action: argument,
      ...(extra ? { email: extra } : {}),
      ...(values.name ? { name: values.name } : {}),
      ...(values.role ? { role: values.role } : {}),
    }),
  audit: (service, _argument, _extra, values) =>
    auditCommand(service.ctx, {
      ...(values.since ? { since: values.since } : {}),
      ...(values.until ? { until: values.until } : {}),
      json: values.json ?? false,
    }),
}

/** `--dkim-domain`, `--dkim-selector` and `--dkim-key-file`: all three, or none. */
function dkimOptions(values: {
  'dkim-domain'?: string
  'dkim-selector'?: string
  'dkim-key-file'?: string
}) {
  const given = [values['dkim-domain'], values['dkim-selector'], values['dkim-key-file']]
  if (given.every((value) => value === undefined)) return undefined
  if (given.some((value) => value === undefined))
    fail('DKIM needs --dkim-domain, --dkim-selector and --dkim-key-file together')
  return {
    domainName: values['dkim-domain']!,
    keySelector: values['dkim-selector']!,
    privateKeyFile: values['dkim-key-file']!,
  }
}

async function main() {
  let parsed
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: true })
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`)
  }
  const { values, positionals } = parsed
  if (values.help) {
    console.log(usage)
    return
  }
  for (const [option, instead] of Object.entries(refusedSecretOptions))
    if (values[option as keyof typeof refusedSecretOptions] !== undefined)
      fail(`--${option} is refused: every local account can read the command line. Use ${instead}.`)
  const demo = values.demo ?? false
  // The demo keeps to its own file: a DATABASE_URL set for something else is not its database.
  const database =
    values.db ??
    (demo
      ? join(tmpdir(), 'mescertif-demo.db')
      : (process.env.DATABASE_URL ?? 'mescertif-service.db'))
  const keyFile = values['key-file'] ?? process.env.MESCERTIF_KEY_FILE
  const storage = {
    database,
    ...(keyFile ? { keyFile } : {}),
    ...(values['pool-size'] ? { poolSize: Number(values['pool-size']) } : {}),
  }
  let secrets: ReturnType<typeof readStartupSecrets>
  try {
    secrets = readStartupSecrets(values, process.env)
  } catch (error) {
    fail((error as Error).message)
  }
  const adminToken = secrets.adminToken ?? (demo ? 'demo-admin-token' : undefined)
  const deviceTokens = secrets.deviceTokens
  // The demo's kiosk is a counter device, so the counter desk can be tried with the demo staff.
  const counterDeviceTokens =
    secrets.counterDeviceTokens.length > 0 || !demo
      ? secrets.counterDeviceTokens
      : [DEMO_DEVICE_TOKEN]
  const [command, argument, extra] = positionals

  if (command === 'migrate') {
    console.log(await migrateCommand(database))
    return
  }
  if (command !== undefined && Object.hasOwn(officeCommands, command)) {
    const service = await createService({
      ...storage,
      // Office commands serve no request: the admin token is never asked for.
      adminToken: randomBytes(32).toString('hex'),
      smtpUrl: process.env.SMTP_URL,
    })
    try {
      // The output is the command's answer (a device token or enrolment code is shown once, for
      // IT to hand over; never logged).
      const answer = await officeCommands[command]!(service, argument, extra, values)
      process.stdout.write(`${answer}\n`)
    } catch (error) {
      await service.close()
      fail(error instanceof CommandError ? error.message : (error as Error).name)
    }
    await service.close()
    return
  }
  if (command !== undefined) fail(`unknown command "${command}"\n\n${usage}`)
  if (!adminToken)
    fail(
      'an admin token is required: --admin-token-file FILE, MESCERTIF_ADMIN_TOKEN, or the systemd credential admin-token',
    )
  const dkim = dkimOptions(values)

  const service = await createService({
    ...storage,
    demo,
    adminToken,
    deviceTokens,
    counterDeviceTokens,
    portalUrl: values['portal-url'],
    smtpUrl: process.env.SMTP_URL,
    ...(values['mail-from'] ? { mailFrom: values['mail-from'] } : {}),
    ...(dkim ? { dkim } : {}),
    ...(values['device-requests-per-minute']
      ? { deviceRequestsPerMinute: Number(values['device-requests-per-minute']) }
      : {}),
    ...(values['trust-proxy'] ? { trustProxy: true } : {}),
    ...(values['console-url'] ? { consoleUrl: values['console-url'] } : {}),
  })
  if (demo) await seedDemo(service.ctx)
  const address = await service.app.listen({ host: values.host, port: Number(values.port) })
  // Alert mails link to the console at the address the service answers on, unless told otherwise.
  service.ctx.consoleUrl ??= `${address}/console/`
  console.log(`listening on ${address}`)

  const shutdown = () => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
}

main().catch((error: unknown) => {
  console.error(`service failed to start: ${(error as Error).message}`)
  process.exit(1)
})
