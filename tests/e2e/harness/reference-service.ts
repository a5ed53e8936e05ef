import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import Database from 'better-sqlite3'
import { createService, type Service } from '@service/server'
import { EnrolmentCode } from '@shared/api/staff'
import { devicesCommand } from '@service/commands/office-commands'
import { readAudit } from '@service/domain/audit'
import { createInvitation } from '@service/domain/invitations'
import { addStaff, enrolStaff } from '@service/domain/staff-accounts'
import {
  addConsoleAccount,
  enrolConsoleAccount,
  setConsolePreferences,
} from '@service/domain/console-accounts'
import type { ConsoleRole } from '@shared/api/console/roles'
import { EmailAddress } from '@shared/email'
import type { Locale } from '@shared/locales'
import type { LinkKind } from '@shared/mail-link'
import { lastCode, lastLink, readOutbox, type OutboxMail } from '../../fixtures/outbox'

export const DEVICE_TOKEN = 'Db5nK05m0syyms2kMf11NavtXv7cPpfMB9gx4SFPHO8'
/** The token of the service's counter device (staff may sign in there); `counter-1` in its tables. */
export const COUNTER_DEVICE_TOKEN = 'dADY4HBEXc6euJe60-rx3tjIS4FL1GodlfX1_KIAXL8'
export const ADMIN_TOKEN = 'G2CKTecoWRfxWCOERNY76JlrNb5kscSmT-11MhuqSoM'

/**
 * The real reference service on loopback with a fresh SQLite file, its clock movable by tests.
 * It can be stopped and started again on the same port and file (the "service went away" tests).
 * Tests read the file through a connection of their own, synchronously, as a phone reads mail:
 * what the service committed before answering is there.
 */
export async function startReferenceService(options: { scryptCost?: number } = {}) {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'mescertif-e2e-')), 'service.db')
  const clock = { offsetMs: 0, now: () => Date.now() + clock.offsetMs }
  let service: Service | undefined
  let port = 0

  async function start() {
    service = await createService({
      database: dbFile,
      demo: true,
      adminToken: ADMIN_TOKEN,
      deviceTokens: [DEVICE_TOKEN],
      counterDeviceTokens: [COUNTER_DEVICE_TOKEN],
      clock,
      deviceRequestsPerMinute: 100_000,
      // The console's live fleet and its alerts look often, so tests wait on events, not minutes.
      fleetWatchMs: 200,
      ...(options.scryptCost ? { scryptCost: options.scryptCost } : {}),
    })
    await service.app.listen({ host: '127.0.0.1', port })
    port = (service.app.server.address() as AddressInfo).port
  }
  await start()

  const current = () => {
    if (!service) throw new Error('the reference service is stopped')
    return service
  }
  /** A short-lived read-only connection to the service's file (WAL: it sees every commit). */
  function read<T>(use: (db: Database.Database) => T): T {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true })
    try {
      return use(db)
    } finally {
      db.close()
    }
  }

  return {
    url: () => `http://127.0.0.1:${port}`,
    clock,
    dbFile,
    async stop() {
      await service?.close()
      service = undefined
    },
    start,
    invite(
      email: string,
      extra: {
        firstName?: string
        lastName?: string
        locale?: Locale
        document?: { title: string; issuedOn: string }
      } = {},
    ) {
      return createInvitation(current().ctx, {
        email,
        institution: 'Université Laval-de-Test',
        ...extra,
      })
    },
    /** The mails to an address, newest last: what the student would read on their phone. */
    outbox(email: string): OutboxMail[] {
      return read((db) => readOutbox(db, email))
    },
    lastCode(email: string): string {
      return read((db) => lastCode(db, email))
    },
    lastLink(email: string, kind: LinkKind): string {
      return read((db) => lastLink(db, email, kind))
    },
    accountCount(email: string): number {
      return read(
        (db) =>
          db
            .prepare('SELECT count(*) AS n FROM accounts WHERE email = ?')
            .get(email.toLowerCase()) as { n: number },
      ).n
    },
    /** `service staff add`: the one-time enrolment code IT would hand over. */
    addStaff(email: string, name: string): Promise<string> {
      return addStaff(current().ctx, email, name)
    },
    /** A staff member added and enrolled with `password`, as if they had used their code. */
    async enrolledStaff(email: string, name: string, password: string): Promise<void> {
      const code = await addStaff(current().ctx, email, name)
      await enrolStaff(current().ctx, { email, code: EnrolmentCode.parse(code), password })
    },
    /** A console account added with `service console add`, enrolled with `password`. */
    async consoleAccount(
      email: string,
      role: ConsoleRole,
      password: string,
      options: { alerts?: boolean; name?: string } = {},
    ): Promise<void> {
      const ctx = current().ctx
      // As `service console add` and the sign-in form do: the address normalised.
      email = EmailAddress.parse(email)
      const { id, code } = await addConsoleAccount(ctx, {
        email,
        name: options.name ?? 'Alex Roy',
        role,
      })
      await enrolConsoleAccount(ctx, { email, code: EnrolmentCode.parse(code), password })
      if (options.alerts) await setConsolePreferences(ctx, id, { alerts: true })
    },
    /** The console's address (the Vite build in out/console, served by this service). */
    consoleUrl: (path = '') => `http://127.0.0.1:${port}/console/${path}`,
    /** `service devices`: the fleet table IT reads. */
    devicesTable(): Promise<string> {
      return devicesCommand(current().ctx, false)
    },
    /** `service audit --since …` as JSON entries. */
    audit() {
      return readAudit(current().ctx, { since: 0 })
    },
    sql<T>(query: string, ...params: unknown[]): T[] {
      return read((db) => db.prepare(query).all(...params) as T[])
    },
  }
}

export type ReferenceService = Awaited<ReturnType<typeof startReferenceService>>
