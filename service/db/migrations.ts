import { postgresBaseline } from './postgres-baseline'

/**
 * One step of the schema, for each engine. Applied in order, each in its own transaction, by
 * service/db/migrator.ts, which records it in `schema_migrations`. Never edit a released
 * migration: add the next one, for both engines.
 */
export interface Migration {
  version: number
  name: string
  /**
   * The oldest schema version whose code still runs on the schema this step leaves. An additive
   * step (a new table, a nullable column, an index) keeps the previous release running, so
   * instances can be replaced one at a time (docs/deployment.md, "Rolling upgrades"); a step that
   * removes or renames something needs its own code: its own version.
   */
  runsWithCodeFrom: number
  sqlite: string
  /** Absent for the steps older than PostgreSQL support: its baseline stands for them. */
  postgres?: string
}

export { postgresBaseline }

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, codes, links, sessions, mails',
    runsWithCodeFrom: 1,
    sqlite: `
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        first_name TEXT,
        last_name TEXT,
        institution TEXT NOT NULL,
        locale TEXT NOT NULL,
        document_title TEXT,
        document_issued_on TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX invitations_email ON invitations(email);
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        locale TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'active')),
        failed_sign_ins INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        activated_at INTEGER
      );
      -- One row per registration or recovery, real or decoy (a decoy has no account and its code
      -- is never sent), so that both behave the same for every address.
      CREATE TABLE verifications (
        id TEXT PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('registration', 'recovery')),
        effect TEXT NOT NULL CHECK (effect IN ('activate', 'reset', 'none')),
        email TEXT NOT NULL,
        account_id TEXT REFERENCES accounts(id),
        locale TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        code_expires_at INTEGER NOT NULL,
        attempts_left INTEGER NOT NULL,
        last_sent_at INTEGER NOT NULL,
        completed_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX verifications_email ON verifications(email, purpose);
      CREATE TABLE link_tokens (
        token_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('invite', 'activate', 'reset')),
        email TEXT NOT NULL,
        account_id TEXT REFERENCES accounts(id),
        invitation_id TEXT REFERENCES invitations(id),
        expires_at INTEGER NOT NULL,
        used_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id),
        device_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX sessions_account ON sessions(account_id);
      -- Every mail the service sent or would have sent (decoys too): the per-address hourly cap.
      CREATE TABLE mail_events (
        email TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX mail_events_email ON mail_events(email, at);
      -- The outgoing mail queue; in demo mode it is also the outbox.
      CREATE TABLE mails (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        to_address TEXT NOT NULL,
        subject TEXT NOT NULL,
        text TEXT NOT NULL,
        html TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        sent_at INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE idempotency_keys (
        device_id TEXT NOT NULL,
        key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('in_flight', 'done')),
        status INTEGER,
        body TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (device_id, key)
      );
    `,
  },
  {
    // Hardening (docs/account-service.md, docs/data-retention.md).
    version: 2,
    name: 'credentials with their registration, consent, sign-in throttle',
    runsWithCodeFrom: 2,
    sqlite: `
      -- A registration's credentials live with it: activating registration R sets exactly R's
      -- names and password. At most one per account (a new registration replaces the old one).
      CREATE TABLE registration_credentials (
        registration_id TEXT PRIMARY KEY REFERENCES verifications(id),
        account_id TEXT NOT NULL UNIQUE REFERENCES accounts(id),
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        locale TEXT NOT NULL,
        terms_version TEXT NOT NULL,
        privacy_version TEXT NOT NULL,
        device_id TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      -- The registration whose credentials a code (registration or recovery) or link activates.
      ALTER TABLE verifications ADD COLUMN registration_id TEXT;
      ALTER TABLE link_tokens ADD COLUMN registration_id TEXT;
      CREATE INDEX verifications_registration ON verifications(registration_id);
      CREATE INDEX link_tokens_registration ON link_tokens(registration_id);
      CREATE INDEX link_tokens_email ON link_tokens(email, kind);

      -- Codes are now keyed with the service key, and registrations made before this version
      -- cannot say whose password their account holds: open codes end (people ask for a new one).
      UPDATE verifications SET completed_at = created_at WHERE completed_at IS NULL;
      UPDATE link_tokens SET expires_at = min(expires_at, created_at)
        WHERE kind = 'activate' AND used_at IS NULL;
      UPDATE accounts SET first_name = '', last_name = '', password_hash = ''
        WHERE status = 'pending';

      -- Consent to each legal text: which version, when, in which language, from which device.
      CREATE TABLE consents (
        account_id TEXT NOT NULL REFERENCES accounts(id),
        document TEXT NOT NULL CHECK (document IN ('terms', 'privacy')),
        version TEXT NOT NULL,
        locale TEXT NOT NULL,
        device_id TEXT NOT NULL,
        accepted_at INTEGER NOT NULL
      );
      CREATE INDEX consents_account ON consents(account_id);

      -- Sign-in failures per address, known or not, so that a lock says nothing about an account;
      -- in_flight counts the password checks running now (docs/security.md).
      CREATE TABLE sign_in_throttle (
        email TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        in_flight INTEGER NOT NULL,
        locked_until INTEGER NOT NULL,
        last_attempt_at INTEGER NOT NULL
      );
      INSERT INTO sign_in_throttle (email, failures, in_flight, locked_until, last_attempt_at)
        SELECT email, failed_sign_ins, 0, locked_until, created_at FROM accounts
        WHERE failed_sign_ins > 0 OR locked_until > 0;
      ALTER TABLE accounts DROP COLUMN failed_sign_ins;
      ALTER TABLE accounts DROP COLUMN locked_until;

      -- What is kept of a mail once delivered: recipient, kind, times, status (not its body).
      ALTER TABLE mails ADD COLUMN kind TEXT NOT NULL DEFAULT 'unknown';
      ALTER TABLE mails ADD COLUMN status TEXT NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'sent', 'failed', 'dropped'));
      UPDATE mails SET status = 'sent' WHERE sent_at IS NOT NULL;
      UPDATE mails SET status = 'failed' WHERE sent_at IS NULL AND attempts >= 5;
      CREATE INDEX mails_created ON mails(created_at);
      CREATE INDEX mail_events_at ON mail_events(at);

      -- Fingerprints were a fast hash of a body holding the password: gone. The new ones leave
      -- secrets out; a secret is compared through its slow hash.
      DELETE FROM idempotency_keys;
      ALTER TABLE idempotency_keys ADD COLUMN secret_hash TEXT;
      CREATE INDEX idempotency_created ON idempotency_keys(created_at);
    `,
  },
  {
    // The counter desk and fleet health (docs/account-service.md, "Counter desk" and "Fleet").
    version: 3,
    name: 'counter desk and fleet health',
    runsWithCodeFrom: 3,
    sqlite: `
      -- Counter devices may carry staff sessions; public kiosks never do.
      ALTER TABLE devices ADD COLUMN counter INTEGER NOT NULL DEFAULT 0;

      -- Named staff. The password is set at enrolment, with the one-time code IT printed (kept only
      -- as an HMAC under the service key, like student codes).
      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT,
        enrolment_code_hash TEXT,
        enrolment_expires_at INTEGER NOT NULL DEFAULT 0,
        enrolment_attempts_left INTEGER NOT NULL DEFAULT 0,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        enrolled_at INTEGER
      );
      CREATE TABLE staff_sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        device_id TEXT NOT NULL REFERENCES devices(id),
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX staff_sessions_staff ON staff_sessions(staff_id);
      -- The same shape as sign_in_throttle, for staff addresses.
      CREATE TABLE staff_sign_in_throttle (
        email TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        in_flight INTEGER NOT NULL,
        locked_until INTEGER NOT NULL,
        last_attempt_at INTEGER NOT NULL
      );
      -- Every staff look-up and action: who, where, what, for whom, when, and how it ended.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        staff_id TEXT REFERENCES staff(id),
        device_id TEXT REFERENCES devices(id),
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT,
        result TEXT NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log(at);

      -- The last heartbeat of each kiosk (no personal data: machine words and numbers).
      CREATE TABLE device_heartbeats (
        device_id TEXT PRIMARY KEY REFERENCES devices(id),
        received_at INTEGER NOT NULL,
        kiosk_id TEXT NOT NULL,
        version TEXT NOT NULL,
        mode TEXT NOT NULL,
        config_source TEXT NOT NULL,
        config_valid INTEGER NOT NULL,
        keychain TEXT NOT NULL,
        uptime_seconds INTEGER NOT NULL,
        crashes_last_hour INTEGER NOT NULL,
        service_reachable INTEGER NOT NULL,
        missed_last_hour INTEGER NOT NULL,
        renderer_memory_mib REAL
      );

      -- A corrected address revokes the mistyped invitation; a resend renews its expiry.
      ALTER TABLE invitations ADD COLUMN revoked_at INTEGER;
      ALTER TABLE invitations ADD COLUMN expires_at INTEGER;
      UPDATE invitations SET expires_at = created_at + 30 * 86400000;
      ALTER TABLE accounts ADD COLUMN last_sign_in_at INTEGER;
    `,
  },
  {
    // The console (docs/console.md): named console accounts and their cookie sessions, activity
    // counters without personal data, fleet alerts, and what the heartbeat now also says.
    version: 4,
    name: 'the console: accounts, sessions, activity counts, fleet alerts',
    runsWithCodeFrom: 3,
    sqlite: `
      -- People who use the web console: IT (fleet, devices, accounts, audit) or the registrar
      -- (activity, the counter desk's audit, counter staff). Enrolled like staff, with a one-time
      -- code whose MAC only is kept.
      CREATE TABLE console_accounts (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('it', 'registrar')),
        locale TEXT NOT NULL DEFAULT 'fr-CA',
        alerts INTEGER NOT NULL DEFAULT 0,
        password_hash TEXT,
        enrolment_code_hash TEXT,
        enrolment_expires_at INTEGER NOT NULL DEFAULT 0,
        enrolment_attempts_left INTEGER NOT NULL DEFAULT 0,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        enrolled_at INTEGER,
        last_sign_in_at INTEGER
      );
      CREATE TABLE console_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES console_accounts(id),
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX console_sessions_account ON console_sessions(account_id);
      -- The same shape and numbers as the students' (sign_in_throttle), for console addresses.
      CREATE TABLE console_sign_in_throttle (
        email TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        in_flight INTEGER NOT NULL,
        locked_until INTEGER NOT NULL,
        last_attempt_at INTEGER NOT NULL
      );
      -- Console actions are audited beside the counter's: the actor is a console account.
      ALTER TABLE audit_log ADD COLUMN console_account_id TEXT REFERENCES console_accounts(id);
      CREATE INDEX audit_log_target ON audit_log(target);

      -- How the kiosks are used, per device and hour: counts only, never a row naming a person.
      CREATE TABLE activity_counts (
        hour_start INTEGER NOT NULL,
        device_id TEXT NOT NULL REFERENCES devices(id),
        metric TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (hour_start, device_id, metric)
      );

      -- Fleet alerts: the state each device was last known in, each change worth a mail, and
      -- when the last digest went (one row).
      CREATE TABLE fleet_alert_states (
        device_id TEXT PRIMARY KEY REFERENCES devices(id),
        state TEXT NOT NULL,
        since INTEGER NOT NULL
      );
      CREATE TABLE fleet_alerts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        device_id TEXT NOT NULL REFERENCES devices(id),
        state TEXT NOT NULL,
        previous_state TEXT NOT NULL,
        at INTEGER NOT NULL,
        delivery TEXT NOT NULL DEFAULT 'pending' CHECK (delivery IN ('pending', 'mail', 'digest')),
        delivered_at INTEGER
      );
      CREATE INDEX fleet_alerts_delivery ON fleet_alerts(delivery, delivered_at);
      CREATE TABLE fleet_alert_digest (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_sent_at INTEGER NOT NULL
      );
      INSERT INTO fleet_alert_digest (id, last_sent_at) VALUES (1, 0);

      -- The heartbeat's new words: the Electron version, and how long ago the kiosk last wiped.
      ALTER TABLE device_heartbeats ADD COLUMN electron_version TEXT;
      ALTER TABLE device_heartbeats ADD COLUMN seconds_since_wipe INTEGER;
    `,
    postgres: `
      -- People who use the web console: IT (fleet, devices, accounts, audit) or the registrar
      -- (activity, the counter desk's audit, counter staff). Enrolled like staff, with a one-time
      -- code whose MAC only is kept.
      CREATE TABLE console_accounts (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('it', 'registrar')),
        locale TEXT NOT NULL DEFAULT 'fr-CA',
        alerts BIGINT NOT NULL DEFAULT 0,
        password_hash TEXT,
        enrolment_code_hash TEXT,
        enrolment_expires_at BIGINT NOT NULL DEFAULT 0,
        enrolment_attempts_left BIGINT NOT NULL DEFAULT 0,
        disabled BIGINT NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        enrolled_at BIGINT,
        last_sign_in_at BIGINT
      );
      CREATE TABLE console_sessions (
        token_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES console_accounts(id),
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        revoked_at BIGINT
      );
      CREATE INDEX console_sessions_account ON console_sessions(account_id);
      -- The same shape and numbers as the students' (sign_in_throttle), for console addresses.
      CREATE TABLE console_sign_in_throttle (
        email TEXT PRIMARY KEY,
        failures BIGINT NOT NULL,
        in_flight BIGINT NOT NULL,
        locked_until BIGINT NOT NULL,
        last_attempt_at BIGINT NOT NULL
      );
      -- Console actions are audited beside the counter's: the actor is a console account.
      ALTER TABLE audit_log ADD COLUMN console_account_id TEXT REFERENCES console_accounts(id);
      CREATE INDEX audit_log_target ON audit_log(target);

      -- How the kiosks are used, per device and hour: counts only, never a row naming a person.
      CREATE TABLE activity_counts (
        hour_start BIGINT NOT NULL,
        device_id TEXT NOT NULL REFERENCES devices(id),
        metric TEXT NOT NULL,
        n BIGINT NOT NULL,
        PRIMARY KEY (hour_start, device_id, metric)
      );

      -- Fleet alerts: the state each device was last known in, each change worth a mail, and
      -- when the last digest went (one row).
      CREATE TABLE fleet_alert_states (
        device_id TEXT PRIMARY KEY REFERENCES devices(id),
        state TEXT NOT NULL,
        since BIGINT NOT NULL
      );
      CREATE TABLE fleet_alerts (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices(id),
        state TEXT NOT NULL,
        previous_state TEXT NOT NULL,
        at BIGINT NOT NULL,
        delivery TEXT NOT NULL DEFAULT 'pending' CHECK (delivery IN ('pending', 'mail', 'digest')),
        delivered_at BIGINT
      );
      CREATE INDEX fleet_alerts_delivery ON fleet_alerts(delivery, delivered_at);
      CREATE TABLE fleet_alert_digest (
        id BIGINT PRIMARY KEY CHECK (id = 1),
        last_sent_at BIGINT NOT NULL
      );
      INSERT INTO fleet_alert_digest (id, last_sent_at) VALUES (1, 0);

      -- The heartbeat's new words: the Electron version, and how long ago the kiosk last wiped.
      ALTER TABLE device_heartbeats ADD COLUMN electron_version TEXT;
      ALTER TABLE device_heartbeats ADD COLUMN seconds_since_wipe BIGINT;
    `,
  },
  {
    // Issue 25: the counter desk and the fleet under attack (docs/security.md).
    version: 5,
    name: 'the counter desk under attack: mail languages, settings, enrolment throttle, one staff session per counter',
    // The unique index refuses a second live staff session on a counter: older code would fail.
    runsWithCodeFrom: 5,
    sqlite: `
      -- Mails say their language (Content-Language); an invitation whose recipient's language
      -- is unknown is written in both, French first.
      ALTER TABLE mails ADD COLUMN content_language TEXT NOT NULL DEFAULT 'fr-CA';
      ALTER TABLE invitations ADD COLUMN locale_known INTEGER NOT NULL DEFAULT 1;

      -- What the database itself must remember: that it is a demo database, whose outbox is the
      -- mailbox people read (office commands run against it keep its mail bodies).
      CREATE TABLE service_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);

      -- Wrong staff enrolment tries per address, staff or not, so that the answers say nothing
      -- about which addresses are staff (the same shape as staff_sign_in_throttle).
      CREATE TABLE staff_enrolment_throttle (
        email TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_attempt_at INTEGER NOT NULL
      );

      -- A disabled staff member keeps an address and a name (the audit's join), never a hash.
      UPDATE staff SET password_hash = NULL WHERE disabled = 1;

      -- Each change of a device's role counts: a staff sign-in checked while the device was a
      -- counter lands only if its role has not changed since (public, then counter again).
      ALTER TABLE devices ADD COLUMN role_version INTEGER NOT NULL DEFAULT 0;

      -- One live staff session per counter device: a second sign-in ends the first. The partial
      -- unique index holds it on any engine, however sign-ins overlap.
      UPDATE staff_sessions SET revoked_at = created_at WHERE revoked_at IS NULL
        AND EXISTS (SELECT 1 FROM staff_sessions later WHERE later.device_id = staff_sessions.device_id
          AND later.revoked_at IS NULL AND later.created_at > staff_sessions.created_at);
      UPDATE staff_sessions SET revoked_at = created_at WHERE revoked_at IS NULL
        AND EXISTS (SELECT 1 FROM staff_sessions other WHERE other.device_id = staff_sessions.device_id
          AND other.revoked_at IS NULL AND other.created_at = staff_sessions.created_at
          AND other.token_hash > staff_sessions.token_hash);
      CREATE UNIQUE INDEX staff_sessions_live_per_device ON staff_sessions(device_id)
        WHERE revoked_at IS NULL;
    `,
    postgres: `
      -- Mails say their language (Content-Language); an invitation whose recipient's language
      -- is unknown is written in both, French first.
      ALTER TABLE mails ADD COLUMN content_language TEXT NOT NULL DEFAULT 'fr-CA';
      ALTER TABLE invitations ADD COLUMN locale_known BIGINT NOT NULL DEFAULT 1;

      -- What the database itself must remember: that it is a demo database, whose outbox is the
      -- mailbox people read (office commands run against it keep its mail bodies).
      CREATE TABLE service_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);

      -- Wrong staff enrolment tries per address, staff or not, so that the answers say nothing
      -- about which addresses are staff (the same shape as staff_sign_in_throttle).
      CREATE TABLE staff_enrolment_throttle (
        email TEXT PRIMARY KEY,
        failures BIGINT NOT NULL,
        last_attempt_at BIGINT NOT NULL
      );

      -- A disabled staff member keeps an address and a name (the audit's join), never a hash.
      UPDATE staff SET password_hash = NULL WHERE disabled = 1;

      -- Each change of a device's role counts: a staff sign-in checked while the device was a
      -- counter lands only if its role has not changed since (public, then counter again).
      ALTER TABLE devices ADD COLUMN role_version BIGINT NOT NULL DEFAULT 0;

      -- One live staff session per counter device: a second sign-in ends the first. The partial
      -- unique index holds it on any engine, however sign-ins overlap.
      UPDATE staff_sessions SET revoked_at = created_at WHERE revoked_at IS NULL
        AND EXISTS (SELECT 1 FROM staff_sessions later WHERE later.device_id = staff_sessions.device_id
          AND later.revoked_at IS NULL AND later.created_at > staff_sessions.created_at);
      UPDATE staff_sessions SET revoked_at = created_at WHERE revoked_at IS NULL
        AND EXISTS (SELECT 1 FROM staff_sessions other WHERE other.device_id = staff_sessions.device_id
          AND other.revoked_at IS NULL AND other.created_at = staff_sessions.created_at
          AND other.token_hash > staff_sessions.token_hash);
      CREATE UNIQUE INDEX staff_sessions_live_per_device ON staff_sessions(device_id)
        WHERE revoked_at IS NULL;
    `,
  },
  {
    // Several instances on one PostgreSQL (docs/account-service.md, "Two engines").
    version: 6,
    name: 'several instances: invitation order, mail claims, shared request quota',
    runsWithCodeFrom: 5,
    sqlite: `
      -- Invitations made in the same millisecond keep their order without SQLite's rowid.
      ALTER TABLE invitations ADD COLUMN seq INTEGER;
      UPDATE invitations SET seq = rowid;
      CREATE TRIGGER invitations_seq AFTER INSERT ON invitations WHEN new.seq IS NULL
      BEGIN
        UPDATE invitations SET seq = new.rowid WHERE rowid = new.rowid;
      END;
      -- An instance delivering a mail claims it first, so no other instance sends it too.
      ALTER TABLE mails ADD COLUMN claimed_until INTEGER;
      -- The per-device quota shared by instances (used on PostgreSQL; one process keeps it in memory).
      CREATE TABLE request_windows (
        key TEXT PRIMARY KEY,
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL
      );
      -- Look-ups by account, invitation and recipient (the retention job, the counter's record).
      CREATE INDEX verifications_account ON verifications(account_id);
      -- The open codes of an address, whatever number of ended ones it has piled up (a recovery
      -- asked past the hourly cap makes one each time): what every recovery and registration reads.
      CREATE INDEX verifications_open ON verifications(email, purpose) WHERE completed_at IS NULL;
      CREATE INDEX link_tokens_account ON link_tokens(account_id);
      CREATE INDEX link_tokens_invitation ON link_tokens(invitation_id);
      CREATE INDEX mails_to ON mails(to_address);
    `,
    postgres: `
      ALTER TABLE invitations ADD COLUMN seq BIGINT GENERATED BY DEFAULT AS IDENTITY;
      ALTER TABLE mails ADD COLUMN claimed_until BIGINT;
      -- Not written to the WAL: a quota only has to outlive the burst it limits, and a crash
      -- forgetting it costs nothing; a logged table would flush the WAL at every request.
      CREATE UNLOGGED TABLE request_windows (
        key TEXT PRIMARY KEY,
        window_start BIGINT NOT NULL,
        count BIGINT NOT NULL
      );
      -- Look-ups by account, invitation and recipient (the retention job, the counter's record).
      CREATE INDEX verifications_account ON verifications(account_id);
      -- The open codes of an address, whatever number of ended ones it has piled up (a recovery
      -- asked past the hourly cap makes one each time): what every recovery and registration reads.
      CREATE INDEX verifications_open ON verifications(email, purpose) WHERE completed_at IS NULL;
      CREATE INDEX link_tokens_account ON link_tokens(account_id);
      CREATE INDEX link_tokens_invitation ON link_tokens(invitation_id);
      CREATE INDEX mails_to ON mails(to_address);
    `,
  },
  {
    version: 7,
    name: 'retired device tokens',
    // Additive: the previous release runs on it. It does not read the table, so the trigger keeps
    // it from adding a retired token at its start, during a rolling upgrade or a rollback.
    runsWithCodeFrom: 6,
    sqlite: `
      -- A device token IT replaced: a token given at start (a file, the environment) whose hash
      -- is here adds no device, so a replaced token never comes back at the next start.
      CREATE TABLE retired_device_tokens (
        token_hash TEXT PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices(id),
        retired_at INTEGER NOT NULL
      );
      CREATE TRIGGER devices_no_retired_token BEFORE INSERT ON devices
      WHEN EXISTS (SELECT 1 FROM retired_device_tokens WHERE token_hash = new.token_hash)
      BEGIN
        SELECT RAISE(IGNORE);
      END;
    `,
    postgres: `
      CREATE TABLE retired_device_tokens (
        token_hash TEXT PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices(id),
        retired_at BIGINT NOT NULL
      );
      CREATE FUNCTION devices_no_retired_token() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM retired_device_tokens WHERE token_hash = NEW.token_hash) THEN
          RETURN NULL;
        END IF;
        RETURN NEW;
      END
      $$;
      CREATE TRIGGER devices_no_retired_token BEFORE INSERT ON devices
      FOR EACH ROW EXECUTE FUNCTION devices_no_retired_token();
    `,
  },
]
