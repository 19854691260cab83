// Every search term is a prefix ("radweg" finds "Radwege"). Without a prefix index FTS5 merges the
// doclists of all terms with that prefix into memory for each query, whatever the LIMIT: at 100,000
// contributions that was two thirds of a search's time. Prefix indexes for 3 to 16 characters read
// one doclist instead; they make the index about five times larger (about 1 KB a contribution).
// PostgreSQL's GIN index finds prefixes in its own sorted entry tree and needs nothing new.
let m014SearchPrefixes = Migration(version: 14, name: "prefix indexes for the search") { d in
    switch d.kind {
    case .sqlite:
        [
            "DROP TABLE contribution_search",
            """
            CREATE VIRTUAL TABLE contribution_search USING fts5(
                title, body, parts, place, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2',
                prefix='3 4 5 6 7 8 9 10 11 12 13 14 15 16')
            """,
            "DELETE FROM settings WHERE key = 'search_index_version'",
        ]
    case .postgres:
        []
    }
}
