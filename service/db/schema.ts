import type { Generated } from 'kysely'
import type { LegalDocument } from '@shared/legal-documents'
import type { Locale } from '@shared/locales'
import type { LinkKind } from '@shared/mail-link'

/**
 * The tables as the queries see them, the same on SQLite and PostgreSQL (service/db/migrations.ts
 * makes both). Times are milliseconds since the epoch (BIGINT on PostgreSQL, read back as numbers);
 * flags are 0/1 integers on both engines, so a row reads the same wherever it was stored.
 */
export interface Schema {
  devices: DevicesTable
  invitations: InvitationsTable
  accounts: AccountsTable
  verifications: VerificationsTable
  link_tokens: LinkTokensTable
  sessions: SessionsTable
  mail_events: MailEventsTable
  mails: MailsTable
  idempotency_keys: IdempotencyKeysTable
  registration_credentials: RegistrationCredentialsTable
  consents: ConsentsTable
  sign_in_throttle: SignInThrottleTable
  staff_sign_in_throttle: SignInThrottleTable
  staff: StaffTable
  staff_sessions: StaffSessionsTable
  audit_log: AuditLogTable
  device_heartbeats: DeviceHeartbeatsTable
  request_windows: RequestWindowsTable
  retired_device_tokens: RetiredDeviceTokensTable
  schema_migrations: SchemaMigrationsTable
  console_accounts: ConsoleAccountsTable
  console_sessions: ConsoleSessionsTable
  console_sign_in_throttle: SignInThrottleTable
  activity_counts: ActivityCountsTable
  fleet_alert_states: FleetAlertStatesTable
  fleet_alerts: FleetAlertsTable
  fleet_alert_digest: FleetAlertDigestTable
  service_settings: ServiceSettingsTable
  staff_enrolment_throttle: StaffEnrolmentThrottleTable
}

export interface DevicesTable {
  id: string
  name: string
  token_hash: string
  disabled: Generated<number>
  counter: Generated<number>
  created_at: number
  /** Counts the changes of role: a staff sign-in lands only on the role it started on. */
  role_version: Generated<number>
}

export interface InvitationsTable {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  institution: string
  locale: Locale
  document_title: string | null
  document_issued_on: string | null
  created_at: number
  expires_at: number
  revoked_at: Generated<number | null>
  /** False (0) when the invitation said no language: its mail goes in both, French first. */
  locale_known: Generated<number>
  /** Insertion order: two invitations made in the same millisecond still have a newest. */
  seq: Generated<number>
}

export interface AccountsTable {
  id: string
  email: string
  first_name: string
  last_name: string
  password_hash: string
  locale: Locale
  status: 'pending' | 'active'
  created_at: number
  activated_at: Generated<number | null>
  last_sign_in_at: Generated<number | null>
}

export interface VerificationsTable {
  id: string
  purpose: 'registration' | 'recovery'
  effect: 'activate' | 'reset' | 'none'
  email: string
  account_id: string | null
  registration_id: string | null
  locale: Locale
  code_hash: string
  code_expires_at: number
  attempts_left: number
  last_sent_at: number
  completed_at: Generated<number | null>
  created_at: number
}

export interface LinkTokensTable {
  token_hash: string
  kind: LinkKind
  email: string
  account_id: string | null
  invitation_id: string | null
  registration_id: string | null
  expires_at: number
  used_at: Generated<number | null>
  created_at: number
}

export interface SessionsTable {
  token_hash: string
  account_id: string
  device_id: string
  created_at: number
  last_seen_at: number
  expires_at: number
  revoked_at: Generated<number | null>
}

export interface MailEventsTable {
  email: string
  at: number
}

export interface MailsTable {
  id: Generated<number>
  to_address: string
  kind: Generated<string>
  subject: string
  text: string
  html: string
  created_at: number
  sent_at: number | null
  attempts: Generated<number>
  status: Generated<'queued' | 'sent' | 'failed' | 'dropped'>
  /** The language the mail is written in (`Content-Language`), or both for an invitation. */
  content_language: Generated<string>
  /** While set and in the future, one instance is delivering this mail (service/mail/mailer.ts). */
  claimed_until: Generated<number | null>
}

export interface IdempotencyKeysTable {
  device_id: string
  key: string
  request_hash: string
  state: 'in_flight' | 'done'
  status: Generated<number | null>
  body: Generated<string | null>
  secret_hash: Generated<string | null>
  created_at: number
}

export interface RegistrationCredentialsTable {
  registration_id: string
  account_id: string
  first_name: string
  last_name: string
  password_hash: string
  locale: Locale
  terms_version: string
  privacy_version: string
  device_id: string
  created_at: number
}

export interface ConsentsTable {
  account_id: string
  document: LegalDocument
  version: string
  locale: Locale
  device_id: string
  accepted_at: number
}

export interface SignInThrottleTable {
  email: string
  failures: number
  in_flight: number
  locked_until: number
  last_attempt_at: number
}

export interface StaffTable {
  id: string
  email: string
  name: string
  password_hash: Generated<string | null>
  enrolment_code_hash: Generated<string | null>
  enrolment_expires_at: Generated<number>
  enrolment_attempts_left: Generated<number>
  disabled: Generated<number>
  created_at: number
  enrolled_at: Generated<number | null>
}

export interface StaffSessionsTable {
  token_hash: string
  staff_id: string
  device_id: string
  created_at: number
  last_seen_at: number
  expires_at: number
  revoked_at: Generated<number | null>
}

export interface AuditLogTable {
  id: Generated<number>
  at: number
  staff_id: string | null
  device_id: string | null
  /** A console account's action (docs/console.md); a counter's has a staff member and device. */
  console_account_id: Generated<string | null>
  action: string
  target: string | null
  detail: string | null
  result: string
}

export interface DeviceHeartbeatsTable {
  device_id: string
  received_at: number
  kiosk_id: string
  version: string
  mode: string
  config_source: string
  config_valid: number
  keychain: string
  uptime_seconds: number
  crashes_last_hour: number
  service_reachable: number
  missed_last_hour: number
  renderer_memory_mib: number | null
  electron_version: Generated<string | null>
  seconds_since_wipe: Generated<number | null>
}

/** Device tokens IT replaced (service/domain/device-admin.ts): never a device again. */
export interface RetiredDeviceTokensTable {
  token_hash: string
  device_id: string
  retired_at: number
}

/** The per-device request quota when several instances share it (PostgreSQL; UNLOGGED there). */
export interface RequestWindowsTable {
  key: string
  window_start: number
  count: number
}

/** One row per applied migration (service/db/migrator.ts). */
export interface SchemaMigrationsTable {
  version: number
  name: string
  applied_at: number
  /** The oldest schema version whose code still runs on this one (rolling upgrades). */
  runs_with_code_from: number
}

/** People who use the web console: IT or the registrar (docs/console.md). */
export interface ConsoleAccountsTable {
  id: string
  email: string
  name: string
  role: 'it' | 'registrar'
  locale: Generated<Locale>
  alerts: Generated<number>
  password_hash: Generated<string | null>
  enrolment_code_hash: Generated<string | null>
  enrolment_expires_at: Generated<number>
  enrolment_attempts_left: Generated<number>
  disabled: Generated<number>
  created_at: number
  enrolled_at: Generated<number | null>
  last_sign_in_at: Generated<number | null>
}

export interface ConsoleSessionsTable {
  token_hash: string
  account_id: string
  created_at: number
  last_seen_at: number
  expires_at: number
  revoked_at: Generated<number | null>
}

/** How the kiosks are used: a count per hour, device and metric, never a row naming a person. */
export interface ActivityCountsTable {
  hour_start: number
  device_id: string
  metric: string
  n: number
}

export interface FleetAlertStatesTable {
  device_id: string
  state: string
  since: number
}

export interface FleetAlertsTable {
  id: Generated<number>
  device_id: string
  state: string
  previous_state: string
  at: number
  delivery: Generated<'pending' | 'mail' | 'digest'>
  delivered_at: Generated<number | null>
}

export interface FleetAlertDigestTable {
  id: number
  last_sent_at: number
}

/** What the database itself remembers (that it is a demo database). */
export interface ServiceSettingsTable {
  name: string
  value: string
}

/** Wrong staff enrolment tries per address, staff or not (nothing says which are staff). */
export interface StaffEnrolmentThrottleTable {
  email: string
  failures: number
  last_attempt_at: number
}
