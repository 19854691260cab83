// People correct what they wrote: a contribution can be edited while nobody has taken it up, and
// each replaced wording is kept for the office; an e-mail address changes only once the new
// address confirms a token that carries it.
let m010OwnEdits = Migration(version: 10, name: "contribution versions, e-mail changes") { d in
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
    ] + DataArea.versionTriggers(on: "contribution_versions", area: .contributions, d.kind)
}
