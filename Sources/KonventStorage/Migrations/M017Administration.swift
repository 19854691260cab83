// The administrator's console: accounts can be deactivated (kept, but no sign-in and no sessions),
// and the audit trail is filtered by who acted and what they did, newest first.
let m017Administration = Migration(version: 17, name: "deactivated accounts, audit trail by actor and action") { _ in
    [
        "ALTER TABLE users ADD COLUMN deactivated_at BIGINT",
        "CREATE INDEX users_role ON users (role, id)",
        "CREATE INDEX audit_log_actor ON audit_log (actor_id, id)",
        "CREATE INDEX audit_log_action ON audit_log (action, id)",
        "CREATE INDEX audit_log_at ON audit_log (at)",
    ]
}
