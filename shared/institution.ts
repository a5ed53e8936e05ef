import { z } from 'zod'

const Text = z.string().trim().min(1).max(200)

/** What the institution shows on the kiosk, in one locale (docs/product.md, "Questions"). */
export const InstitutionText = z.strictObject({
  name: Text.describe('Name of the institution, shown in the header'),
  contactName: Text.describe('Who to contact (a person or an office)'),
  office: Text.describe('Where to find them'),
  hours: Text.describe('Opening hours, written out'),
})

export const InstitutionProfile = z.strictObject({
  'fr-CA': InstitutionText,
  'en-CA': InstitutionText,
  phone: z.string().trim().min(3).max(40).describe('Contact phone number'),
  email: z.email().describe('Contact email address'),
})
export type InstitutionProfile = z.infer<typeof InstitutionProfile>
