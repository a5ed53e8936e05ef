import { z } from 'zod'
import { EmailAddress } from '../../email'
import { IsoDateTime } from '../schemas'
import { AuditAction, AuditEntry } from '../staff'

/**
 * The console's audit search (docs/console.md): by staff member, exact student address, action,
 * dates; paged; CSV. Sent as a POST body, so that addresses stay out of URLs and proxy logs.
 */
export const AUDIT_PAGE_SIZE = 50

export const AuditSearch = z.strictObject({
  /** The staff member or console account who acted (exact address). */
  actor: EmailAddress.optional(),
  /** The exact address acted on: a student's, a staff member's, a console account's. */
  target: EmailAddress.optional(),
  action: AuditAction.optional(),
  since: IsoDateTime.optional(),
  until: IsoDateTime.optional(),
  page: z.number().int().min(1).max(100_000).default(1),
})
export type AuditSearch = z.input<typeof AuditSearch>

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
})
export type AuditPage = z.infer<typeof AuditPage>

export const auditCsvColumns = [
  'at_utc',
  'actor_email',
  'actor_name',
  'via',
  'device',
  'action',
  'target',
  'detail',
  'result',
] as const
