// The office's own themes ("Wasserstoff", "ÖPNV im ländlichen Raum") across fields of action, and
// the contributions tagged with them: for counting, filtering and exporting what came in.
let m018Themes = Migration(version: 18, name: "the office's themes and their contributions") { d in
    [
        """
        CREATE TABLE themes (
            id \(d.id),
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            created_at BIGINT NOT NULL,
            created_by \(d.reference) REFERENCES users (id) ON DELETE SET NULL
        )
        """,
        """
        CREATE TABLE contribution_themes (
            theme_id \(d.reference) NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
            contribution_id \(d.reference) NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
            added_at BIGINT NOT NULL,
            PRIMARY KEY (theme_id, contribution_id)
        )
        """,
        "CREATE INDEX contribution_themes_contribution ON contribution_themes (contribution_id, theme_id)",
    ] + ["themes", "contribution_themes"].flatMap { DataArea.versionTriggers(on: $0, area: .contributions, d.kind) }
}
