// Rate limits and write throttles counted in the database, so that several instances behind one
// proxy enforce one limit. Keys are stored as digests (they name e-mail addresses), and rows older
// than a day are pruned.
let m020SharedLimits = Migration(version: 20, name: "rate limit attempts shared by all instances") { d in
    [
        """
        CREATE TABLE rate_attempts (
            id \(d.id),
            limit_key TEXT NOT NULL,
            attempt TEXT NOT NULL,
            at_ms BIGINT NOT NULL
        )
        """,
        "CREATE INDEX rate_attempts_key ON rate_attempts (limit_key, at_ms)",
        "CREATE INDEX rate_attempts_at ON rate_attempts (at_ms)",
    ]
}
