import type { ServiceContext } from './context'
import { oneAtATime } from './db/transactions'
import { createInvitation } from './domain/invitations'
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

/** Seeds an empty database once, however many instances start on it at once. */
export async function seedDemo(ctx: ServiceContext): Promise<void> {
  const passwordHash = await ctx.hasher.hash(demoStaff.password)
  await oneAtATime(ctx, 'demoSeed', (tx) => seedOnce(tx, passwordHash))
}

async function seedOnce(ctx: ServiceContext, passwordHash: string): Promise<void> {
  const seeded = await ctx.db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  if (seeded.n === 0)
    for (const invitation of demoInvitations)
      await createInvitation(ctx, { ...invitation, institution: DEMO_INSTITUTION })
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
