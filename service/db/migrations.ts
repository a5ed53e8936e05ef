/**
 * Versioned schema migrations, applied in order inside one transaction each; the version lives in
 * `PRAGMA user_version`. Never edit a released migration: add the next one.
 */
export const migrations: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
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
]
