import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { InvitationRequest } from '@shared/api/schemas'
import { EmailAddress } from '@shared/email'
import { lookUpAccount } from './domain/account-lookup'
import { seedDemo } from './demo-seed'
import { createInvitation } from './domain/invitations'
import { newId, sha256 } from './security/secrets'
import { createService } from './server'

const usage = `MesCertif account service (reference implementation)

  npm run service -- [--demo] [--host 127.0.0.1] [--port 4010] [--db FILE]
                     [--device-token T]... [--admin-token T] [--portal-url URL]
                     [--device-requests-per-minute N]   (default 600)
  npm run service -- invite EMAIL --institution NAME [--first-name F] [--last-name L]
                     [--locale fr-CA|en-CA] [--document-title T --document-date YYYY-MM-DD] [--db FILE]
  npm run service -- add-device NAME [--db FILE]     prints a new device token once
  npm run service -- lookup EMAIL [--db FILE]        status and recorded consent of one address

The service key (it keys codes; keep it out of database backups) is FILE.key beside the database.

Environment: SMTP_URL (send mail over SMTP; otherwise mail stays in the database outbox),
MESCERTIF_ADMIN_TOKEN (admin token when --admin-token is not given).`

const options = {
  demo: { type: 'boolean' },
  host: { type: 'string', default: '127.0.0.1' },
  port: { type: 'string', default: '4010' },
  db: { type: 'string' },
  'device-token': { type: 'string', multiple: true },
  'admin-token': { type: 'string' },
  'portal-url': { type: 'string' },
  'device-requests-per-minute': { type: 'string' },
  institution: { type: 'string' },
  'first-name': { type: 'string' },
  'last-name': { type: 'string' },
  locale: { type: 'string' },
  'document-title': { type: 'string' },
  'document-date': { type: 'string' },
  help: { type: 'boolean' },
} as const

function fail(message: string): never {
  console.error(message)
  process.exit(2)
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
  const demo = values.demo ?? false
  const dbFile = values.db ?? (demo ? join(tmpdir(), 'mescertif-demo.db') : 'mescertif-service.db')
  const adminToken =
    values['admin-token'] ??
    process.env.MESCERTIF_ADMIN_TOKEN ??
    (demo ? 'demo-admin-token' : undefined)
  const deviceTokens = values['device-token'] ?? (demo ? ['demo-device-token'] : [])
  const [command, argument] = positionals

  if (command === 'invite' || command === 'add-device' || command === 'lookup') {
    const service = await createService({
      dbFile,
      adminToken: adminToken ?? randomBytes(32).toString('hex'),
      smtpUrl: process.env.SMTP_URL,
    })
    if (command === 'invite') {
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
      if (!input.success) {
        await service.close()
        fail(
          `invalid invitation: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        )
      }
      console.log(`invited: ${createInvitation(service.ctx, input.data)}`)
    } else if (command === 'lookup') {
      const email = EmailAddress.safeParse(argument)
      if (!email.success) {
        await service.close()
        fail('lookup needs an EMAIL')
      }
      console.log(JSON.stringify(lookUpAccount(service.ctx, email.data), null, 2))
    } else {
      if (!argument) fail('add-device needs a NAME')
      const token = randomBytes(32).toString('base64url')
      service.ctx.db
        .prepare('INSERT INTO devices (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)')
        .run(newId(), argument, sha256(token), Date.now())
      // The new device token is the command's output, shown once for IT to provision; never logged.
      process.stdout.write(`${token}\n`)
    }
    await service.close()
    return
  }
  if (command !== undefined) fail(`unknown command "${command}"\n\n${usage}`)
  if (!adminToken) fail('an admin token is required: --admin-token T or MESCERTIF_ADMIN_TOKEN')

  const service = await createService({
    dbFile,
    demo,
    adminToken,
    deviceTokens,
    portalUrl: values['portal-url'],
    smtpUrl: process.env.SMTP_URL,
    ...(values['device-requests-per-minute']
      ? { deviceRequestsPerMinute: Number(values['device-requests-per-minute']) }
      : {}),
  })
  if (demo) seedDemo(service.ctx)
  const address = await service.app.listen({ host: values.host, port: Number(values.port) })
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
