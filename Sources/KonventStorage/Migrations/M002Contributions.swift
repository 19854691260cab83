// Contributions with maintained counters (supports, comments), a denormalised list of field keys for
// display, a join table for filtering by field, and full-text search per dialect: FTS5 over stemmed
// text on SQLite, a generated tsvector with the 'german' configuration on PostgreSQL.
let m002Contributions = Migration(version: 2, name: "contributions, supports, comments, full-text search") { d in
    var statements = [
        """
        CREATE TABLE contributions (
            id \(d.id),
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            field_keys TEXT NOT NULL,
            district_key TEXT NOT NULL,
            municipality_key TEXT,
            author_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            organisation_id \(d.reference) REFERENCES organisations (id) ON DELETE SET NULL,
            anonymous INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL,
            status_reason TEXT,
            listed INTEGER NOT NULL,
            supports_count INTEGER NOT NULL DEFAULT 0,
            comments_count INTEGER NOT NULL DEFAULT 0,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX contributions_newest ON contributions (listed, created_at, id)",
        "CREATE INDEX contributions_supported ON contributions (listed, supports_count, id)",
        "CREATE INDEX contributions_discussed ON contributions (listed, comments_count, id)",
        "CREATE INDEX contributions_district ON contributions (district_key, listed, created_at, id)",
        "CREATE INDEX contributions_kind ON contributions (kind, listed, created_at, id)",
        "CREATE INDEX contributions_author ON contributions (author_id, created_at)",
        """
        CREATE TABLE contribution_fields (
            field_key TEXT NOT NULL,
            contribution_id \(d.reference) NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
            PRIMARY KEY (field_key, contribution_id)
        )
        """,
        "CREATE INDEX contribution_fields_contribution ON contribution_fields (contribution_id)",
        """
        CREATE TABLE contribution_supports (
            contribution_id \(d.reference) NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
            user_id \(d.reference) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (contribution_id, user_id)
        )
        """,
        "CREATE INDEX contribution_supports_user ON contribution_supports (user_id)",
        """
        CREATE TABLE contribution_comments (
            id \(d.id),
            contribution_id \(d.reference) NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
            parent_id \(d.reference) REFERENCES contribution_comments (id) ON DELETE CASCADE,
            author_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            body TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            edited_at BIGINT,
            deleted_at BIGINT,
            hidden_reason TEXT
        )
        """,
        "CREATE INDEX contribution_comments_thread ON contribution_comments (contribution_id, id)",
    ]
    switch d.kind {
    case .sqlite:
        statements.append("""
            CREATE VIRTUAL TABLE contributions_fts USING fts5(
                search_text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')
            """)
    case .postgres:
        statements.append("""
            ALTER TABLE contributions ADD COLUMN search_vector tsvector
            GENERATED ALWAYS AS (to_tsvector('german', title || ' ' || body)) STORED
            """)
        statements.append("CREATE INDEX contributions_search ON contributions USING GIN (search_vector)")
    }
    return statements
}
