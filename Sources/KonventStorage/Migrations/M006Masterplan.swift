// The masterplan: the chapters the office writes (the current draft), the published versions (each a
// frozen copy of the whole document, open for comments until a date), and the comments on their
// paragraphs with the office's answers.
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
            comments_until BIGINT,
            created_by \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            created_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE masterplan_comments (
            id \(d.id),
            version INTEGER NOT NULL REFERENCES masterplan_versions (number),
            paragraph TEXT NOT NULL,
            author_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            body TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            resolution TEXT,
            answer TEXT,
            answered_by \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            answered_at BIGINT
        )
        """,
        "CREATE INDEX masterplan_comments_paragraph ON masterplan_comments (version, paragraph, id)",
    ]
}
