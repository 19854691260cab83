import KonventDomain
import SQLKit

/// The contributions' full-text index: an FTS5 table on SQLite, a weighted `tsvector` column on
/// PostgreSQL, both fed with the analyzer's stems so that both find the same. Titles weigh most,
/// then places and text, then compound parts.
public enum SearchIndex {
    /// Bumped whenever the analysis changes: the index is then rebuilt at start.
    static let version = "1"

    static func write(_ document: IndexedDocument, id: Int64, kind: DatabaseKind, in db: any SQLDatabase) async throws {
        switch kind {
        case .sqlite:
            try await db.raw("DELETE FROM contribution_search WHERE rowid = \(bind: id)").run()
            try await db.raw("""
                INSERT INTO contribution_search (rowid, title, body, parts, place)
                VALUES (\(bind: id), \(bind: document.title), \(bind: document.body), \(bind: document.parts), \(bind: document.place))
                """).run()
        case .postgres:
            try await db.raw("UPDATE contributions SET search_vector = \(vector(document)) WHERE id = \(bind: id)").run()
        }
    }

    /// Many at once (bulk loading, rebuilding): one statement per batch.
    static func writeMany(_ documents: [(Int64, IndexedDocument)], kind: DatabaseKind, in db: any SQLDatabase) async throws {
        guard !documents.isEmpty else { return }
        switch kind {
        case .sqlite:
            let ids = documents.map { "\(bind: $0.0)" as SQLQueryString }.joined(separator: ", ")
            try await db.raw("DELETE FROM contribution_search WHERE rowid IN (" + ids + ")").run()
            let rows = documents.map { id, d -> SQLQueryString in
                "(\(bind: id), \(bind: d.title), \(bind: d.body), \(bind: d.parts), \(bind: d.place))"
            }
            try await db.raw("INSERT INTO contribution_search (rowid, title, body, parts, place) VALUES " + rows.joined(separator: ", ")).run()
        case .postgres:
            let rows = documents.map { id, d -> SQLQueryString in
                "(\(bind: id), \(bind: d.title), \(bind: d.body), \(bind: d.parts), \(bind: d.place))"
            }
            try await db.raw("""
                UPDATE contributions c SET search_vector = setweight(to_tsvector('simple', v.title), 'A')
                    || setweight(to_tsvector('simple', v.place), 'B') || setweight(to_tsvector('simple', v.body), 'C')
                    || setweight(to_tsvector('simple', v.parts), 'D')
                FROM (VALUES
                """ + rows.joined(separator: ", ") + ") AS v (id, title, body, parts, place) WHERE c.id = v.id").run()
        }
    }

    static func vector(_ d: IndexedDocument) -> SQLQueryString {
        """
        setweight(to_tsvector('simple', \(bind: d.title)), 'A') || setweight(to_tsvector('simple', \(bind: d.place)), 'B')
        || setweight(to_tsvector('simple', \(bind: d.body)), 'C') || setweight(to_tsvector('simple', \(bind: d.parts)), 'D')
        """
    }

    /// Whether a match needs every word or any.
    enum Mode { case all, any }

    /// The terms in the database's own syntax; every term is folded letters and digits, quoted on SQLite.
    static func syntax(_ terms: SearchTerms, _ mode: Mode, kind: DatabaseKind) -> String {
        func render(_ alternative: SearchTerms.Alternative) -> String {
            switch (alternative, kind) {
            case (.prefix(let stem), .sqlite): "\"\(stem)\"*"
            case (.exact(let stem), .sqlite): "\"\(stem)\""
            case (.prefix(let stem), .postgres): "\(stem):*"
            case (.exact(let stem), .postgres): stem
            case (.all(let parts), _): "(" + parts.map(render).joined(separator: kind == .sqlite ? " AND " : " & ") + ")"
            }
        }
        let or = kind == .sqlite ? " OR " : " | ", and = kind == .sqlite ? " AND " : " & "
        return terms.words.map { "(" + $0.alternatives.map(render).joined(separator: or) + ")" }
            .joined(separator: mode == .all ? and : or)
    }

    /// The condition that a contribution `c` matches.
    static func condition(_ syntax: String, kind: DatabaseKind) -> SQLQueryString {
        switch kind {
        case .sqlite: "c.id IN (SELECT rowid FROM contribution_search WHERE contribution_search MATCH \(bind: syntax))"
        case .postgres: "c.search_vector @@ to_tsquery('simple', \(bind: syntax))"
        }
    }

    /// For ranking: the join (SQLite) and the score, lower is better, as a whole number.
    static func ranking(_ syntax: String, kind: DatabaseKind) -> (join: SQLQueryString, match: SQLQueryString, score: SQLQueryString) {
        switch kind {
        case .sqlite:
            ("JOIN contribution_search ON contribution_search.rowid = c.id", "contribution_search MATCH \(bind: syntax)",
             "CAST(bm25(contribution_search, 5.0, 1.0, 0.5, 2.0) * 1000000 AS INTEGER)")
        case .postgres:
            ("", "c.search_vector @@ to_tsquery('simple', \(bind: syntax))",
             "CAST(-ts_rank('{0.1, 0.2, 0.4, 1.0}', c.search_vector, to_tsquery('simple', \(bind: syntax))) * 1000000 AS BIGINT)")
        }
    }

    /// Rebuilds the index when it was made by another version of the analysis (or never); returns
    /// how many contributions it indexed, nil when the index was current.
    @discardableResult
    public static func rebuildIfNeeded(_ database: any KonventDatabase, _ context: SearchContext) async throws -> Int? {
        let marker = "search_index_version"
        let built = try await database.read { db in
            try await db.raw("SELECT value FROM settings WHERE key = \(bind: marker)").first()?.decode(column: "value", as: String.self)
        }
        if built == version { return nil }
        var indexed = 0
        var after: Int64 = 0
        var cache: [String: [String]]? = [:]
        while true {
            let from = after
            let rows = try await database.read { db in
                try await db.raw("""
                    SELECT id, title, body, district_key, municipality_key FROM contributions WHERE id > \(bind: from) ORDER BY id LIMIT 1000
                    """).all()
            }
            guard let last = rows.last else { break }
            var documents: [(Int64, IndexedDocument)] = []
            for row in rows {
                documents.append((try row.decode(column: "id", as: Int64.self), context.document(
                    title: try row.decode(column: "title", as: String.self), text: try row.decode(column: "body", as: String.self),
                    district: try row.decode(column: "district_key", as: String.self),
                    municipality: try row.decode(column: "municipality_key", as: String?.self), cache: &cache)))
            }
            if cache?.count ?? 0 > 200_000 { cache = [:] }
            let batch = documents
            try await database.write { db in try await writeMany(batch, kind: database.kind, in: db) }
            indexed += batch.count
            after = try last.decode(column: "id", as: Int64.self)
        }
        try await database.write { db in
            try await db.raw("""
                INSERT INTO settings (key, value) VALUES (\(bind: marker), \(bind: version))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """).run()
        }
        return indexed
    }
}
