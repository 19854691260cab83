// People correct what they wrote: a contribution can be edited while nobody has taken it up, and
// each replaced wording is kept for the office; an e-mail address changes only once the new
// address confirms a token that carries it. Workshops: mails carry a calendar file, a format says
// what to bring, and each registration remembers its reminder (sent once) and whether the person came.
let m010OwnEdits = Migration(version: 10, name: "contribution versions, e-mail changes, workshop mails") { d in
    [
        "ALTER TABLE contributions ADD COLUMN edited_at BIGINT",
        """
        CREATE TABLE contribution_versions (
            id \(d.id),
            contribution_id \(d.reference) NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            written_at BIGINT NOT NULL,
            replaced_at BIGINT NOT NULL,
            replaced_by \(d.reference) REFERENCES users (id) ON DELETE SET NULL
        )
        """,
        "CREATE INDEX contribution_versions_of ON contribution_versions (contribution_id, id)",
        "ALTER TABLE account_tokens ADD COLUMN new_email TEXT",
        "ALTER TABLE outbox ADD COLUMN attachments TEXT",
        "ALTER TABLE formats ADD COLUMN bring TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE format_registrations ADD COLUMN reminded_at BIGINT",
        "ALTER TABLE format_registrations ADD COLUMN attended INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX format_registrations_reminders ON format_registrations (status, reminded_at, format_id)",
    ] + DataArea.versionTriggers(on: "contribution_versions", area: .contributions, d.kind)
}
