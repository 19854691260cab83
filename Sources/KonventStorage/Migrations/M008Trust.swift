// Membership of an organisation is confirmed by its members or the office before anyone acts for it;
// memberships made by name before this check stay, marked for the office to review. Organisations
// can be verified by the office. Notifications about the same contribution that wait for mailing
// are coalesced into one row with a count, so that a flood of comments yields one line.
let m008Trust = Migration(version: 8, name: "confirmed memberships, verified organisations, coalesced notifications") { d in
    [
        "ALTER TABLE user_organisations ADD COLUMN status TEXT NOT NULL DEFAULT 'confirmed'",
        "ALTER TABLE user_organisations ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE user_organisations ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE user_organisations ADD COLUMN decided_by \(d.reference) REFERENCES users (id) ON DELETE SET NULL",
        "ALTER TABLE user_organisations ADD COLUMN decided_at BIGINT",
        "UPDATE user_organisations SET needs_review = 1",
        "CREATE INDEX user_organisations_requests ON user_organisations (status, organisation_id)",
        "CREATE INDEX user_organisations_review ON user_organisations (needs_review, organisation_id)",
        "ALTER TABLE organisations ADD COLUMN verified_at BIGINT",
        "ALTER TABLE organisations ADD COLUMN verified_by \(d.reference) REFERENCES users (id) ON DELETE SET NULL",
        "CREATE INDEX organisations_name_key ON organisations (lower(name))",
        "ALTER TABLE notifications ADD COLUMN contribution_id \(d.reference)",
        "ALTER TABLE notifications ADD COLUMN kind TEXT",
        "ALTER TABLE notifications ADD COLUMN repeats INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX notifications_coalesce ON notifications (user_id, contribution_id, kind) WHERE mailed_at IS NULL",
    ]
}
