import type { ServiceContext } from './context'
import { createInvitation } from './domain/invitations'

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

export function seedDemo(ctx: ServiceContext): void {
  const seeded = ctx.db.prepare('SELECT count(*) AS n FROM invitations').get() as { n: number }
  if (seeded.n > 0) return
  for (const invitation of demoInvitations)
    createInvitation(ctx, { ...invitation, institution: DEMO_INSTITUTION })
}
