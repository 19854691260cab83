// Timestamps are stored as BIGINT milliseconds since 1970 (UTC) on both databases, so that
// ordering and key-based paging behave identically.
let m001Accounts = Migration(version: 1, name: "accounts, sessions, tokens, outbox, audit trail") { d in
    [
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE users (
            id \(d.id),
            email TEXT NOT NULL,
            email_key TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL,
            ministry TEXT,
            locale TEXT NOT NULL,
            email_confirmed_at BIGINT,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE organisations (
            id \(d.id),
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            official_key TEXT,
            created_at BIGINT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX organisations_name ON organisations (name)",
        """
        CREATE TABLE user_organisations (
            user_id \(d.reference) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            organisation_id \(d.reference) NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
            PRIMARY KEY (user_id, organisation_id)
        )
        """,
        "CREATE INDEX user_organisations_organisation ON user_organisations (organisation_id)",
        """
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id \(d.reference) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX sessions_user ON sessions (user_id)",
        "CREATE INDEX sessions_expiry ON sessions (expires_at)",
        """
        CREATE TABLE account_tokens (
            token_hash TEXT PRIMARY KEY,
            user_id \(d.reference) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            purpose TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            used_at BIGINT
        )
        """,
        "CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose)",
        """
        CREATE TABLE outbox (
            id \(d.id),
            recipient TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at BIGINT NOT NULL,
            sent_at BIGINT,
            last_error TEXT
        )
        """,
        "CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at)",
        """
        CREATE TABLE audit_log (
            id \(d.id),
            at BIGINT NOT NULL,
            actor_id BIGINT,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
        """,
        "CREATE INDEX audit_log_subject ON audit_log (subject, id)",
        // The chain head is a single row that every append locks, so that two concurrent
        // transactions on PostgreSQL cannot both extend the same previous entry.
        """
        CREATE TABLE audit_head (
            singleton INTEGER PRIMARY KEY,
            last_id BIGINT NOT NULL,
            last_hash TEXT NOT NULL
        )
        """,
        "INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, 0, '')",
    ]
}
