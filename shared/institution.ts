import { z } from 'zod'

const Text = z.string().trim().min(1).max(200)

/** What the institution shows on the kiosk, in one locale (SPEC §2.7). */
export const InstitutionText = z.strictObject({
  name: Text,
  contactName: Text,
  office: Text,
  hours: Text,
})

export const InstitutionProfile = z.strictObject({
  'fr-CA': InstitutionText,
  'en-CA': InstitutionText,
  phone: z.string().trim().min(3).max(40),
  email: z.email(),
})
export type InstitutionProfile = z.infer<typeof InstitutionProfile>
