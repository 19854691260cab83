// The search reads German itself (folding, stop words, stems, compound parts: `SearchAnalyzer`), so
// both databases index the same terms: SQLite in an FTS5 table with a column per weight, PostgreSQL
// in a tsvector of the 'simple' configuration. The index is filled from Swift; a new or changed
// analysis rebuilds it at start (`SearchIndex.rebuildIfNeeded`).
let m011Search = Migration(version: 11, name: "search by the analyzer's terms") { d in
    switch d.kind {
    case .sqlite:
        [
            "DROP TABLE contributions_fts",
            """
            CREATE VIRTUAL TABLE contribution_search USING fts5(
                title, body, parts, place, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')
            """,
            "DELETE FROM settings WHERE key = 'search_index_version'",
        ]
    case .postgres:
        [
            "ALTER TABLE contributions DROP COLUMN search_vector",
            "ALTER TABLE contributions ADD COLUMN search_vector tsvector",
            "CREATE INDEX contributions_search ON contributions USING GIN (search_vector)",
            "DELETE FROM settings WHERE key = 'search_index_version'",
        ]
    }
}
