import type { ServiceContext } from './context'
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

async function seedConsoleAccounts(ctx: ServiceContext): Promise<void> {
  for (const account of demoConsoleAccounts) {
    if (findConsoleAccountByEmail(ctx, account.email)) continue
    const { id } = addConsoleAccount(ctx, account)
    ctx.db
      .prepare(
        `UPDATE console_accounts SET password_hash = ?, enrolled_at = ?, enrolment_code_hash = NULL,
           alerts = ? WHERE id = ?`,
      )
      .run(
        await ctx.hasher.hash(account.password),
        ctx.clock.now(),
        account.role === 'it' ? 1 : 0,
        id,
      )
  }
}

export async function seedDemo(ctx: ServiceContext): Promise<void> {
  const seeded = ctx.db.prepare('SELECT count(*) AS n FROM invitations').get() as { n: number }
  if (seeded.n === 0)
    for (const invitation of demoInvitations)
      createInvitation(ctx, { ...invitation, institution: DEMO_INSTITUTION })
  await seedConsoleAccounts(ctx)
  if (findStaffByEmail(ctx, demoStaff.email)) return
  addStaff(ctx, demoStaff.email, demoStaff.name)
  ctx.db
    .prepare(
      'UPDATE staff SET password_hash = ?, enrolled_at = ?, enrolment_code_hash = NULL WHERE email = ?',
    )
    .run(await ctx.hasher.hash(demoStaff.password), ctx.clock.now(), demoStaff.email)
}
