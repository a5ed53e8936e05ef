import type { ServiceContext } from './context'
import { oneAtATime } from './db/transactions'
import { createInvitation } from './domain/invitations'
import { addConsoleAccount, findConsoleAccountByEmail } from './domain/console-accounts'
import { addStaff, findStaffByEmail } from './domain/staff-accounts'

/** The demo's invited graduates (documented in the README). Seeded once per database. */
export const demoInvitations = [
  {
    email: 'camille.tremblay@demo.example.ca',
    firstName: 'Camille',
    lastName: 'Tremblay',
    locale: 'fr-CA',
    document: { title: 'Baccalauréat en sciences infirmières', issuedOn: '2026-06-12' },
  },
  {
    email: 'emilie.gagnon@demo.example.ca',
    firstName: 'Émilie',
    lastName: 'Gagnon',
    locale: 'fr-CA',
    document: {
      title: "Diplôme d'études collégiales en techniques juridiques",
      issuedOn: '2026-05-29',
    },
  },
  {
    email: 'jordan.smith@demo.example.ca',
    firstName: 'Jordan',
    lastName: 'Smith',
    locale: 'en-CA',
    document: { title: 'Bachelor of Commerce', issuedOn: '2026-06-05' },
  },
  {
    email: 'priya.patel@demo.example.ca',
    firstName: 'Priya',
    lastName: 'Patel',
    locale: 'en-CA',
    document: { title: 'Master of Engineering', issuedOn: '2026-10-17' },
  },
] as const

export const DEMO_INSTITUTION = 'Université de démonstration / Demonstration University'

export const DEMO_DEVICE_TOKEN = 'demo-device-token'

/** The demo's counter staff member (README), enrolled already so anyone can try the counter desk. */
export const demoStaff = {
  email: 'accueil@demo.example.ca',
  name: 'Dominique Accueil',
  password: 'Comptoir-Registraire#2026',
} as const

/** The demo's console accounts (README, `npm start` prints the first), enrolled already. */
export const demoConsoleAccounts = [
  {
    email: 'ti@demo.example.ca',
    name: 'Alex Informatique',
    role: 'it',
    password: 'Console-Informatique#2026',
  },
  {
    email: 'registraire@demo.example.ca',
    name: 'Camille Registraire',
    role: 'registrar',
    password: 'Console-Registraire#2026',
  },
] as const

async function seedConsoleAccounts(
  ctx: ServiceContext,
  passwordHashes: readonly string[],
): Promise<void> {
  for (const [index, account] of demoConsoleAccounts.entries()) {
    if (await findConsoleAccountByEmail(ctx, account.email)) continue
    const { id } = await addConsoleAccount(ctx, account)
    await ctx.db
      .updateTable('console_accounts')
      .set({
        password_hash: passwordHashes[index]!,
        enrolled_at: ctx.clock.now(),
        enrolment_code_hash: null,
        alerts: account.role === 'it' ? 1 : 0,
      })
      .where('id', '=', id)
      .execute()
  }
}

/** Seeds an empty database once, however many instances start on it at once. */
export async function seedDemo(ctx: ServiceContext): Promise<void> {
  // Hashed before the transaction: it holds no lock while scrypt runs.
  const passwordHash = await ctx.hasher.hash(demoStaff.password)
  const consoleHashes = await Promise.all(
    demoConsoleAccounts.map((account) => ctx.hasher.hash(account.password)),
  )
  await oneAtATime(ctx, 'demoSeed', (tx) => seedOnce(tx, passwordHash, consoleHashes))
}

async function seedOnce(
  ctx: ServiceContext,
  passwordHash: string,
  consoleHashes: readonly string[],
): Promise<void> {
  const seeded = await ctx.db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  if (seeded.n === 0)
    for (const invitation of demoInvitations)
      await createInvitation(ctx, { ...invitation, institution: DEMO_INSTITUTION })
  await seedConsoleAccounts(ctx, consoleHashes)
  if (await findStaffByEmail(ctx, demoStaff.email)) return
  await addStaff(ctx, demoStaff.email, demoStaff.name)
  await ctx.db
    .updateTable('staff')
    .set({
      password_hash: passwordHash,
      enrolled_at: ctx.clock.now(),
      enrolment_code_hash: null,
    })
    .where('email', '=', demoStaff.email)
    .execute()
}
