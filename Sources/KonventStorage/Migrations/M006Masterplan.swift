// The masterplan: the chapters the office writes (the current draft) and the published versions,
// each a frozen copy of the whole document.
let m006Masterplan = Migration(version: 6, name: "masterplan chapters and versions") { d in
    [
        """
        CREATE TABLE masterplan_chapters (
            chapter_key TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_by \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            updated_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE masterplan_versions (
            number INTEGER PRIMARY KEY,
            document TEXT NOT NULL,
            adopted_at BIGINT,
            created_by \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            created_at BIGINT NOT NULL
        )
        """,
    ]
}
