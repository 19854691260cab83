import KonventDomain
import SQLKit

/// Writes many rows at once, for the demo and for benchmark databases: multi-row INSERTs in
/// batches, one transaction per batch, counters recomputed at the end. Not for user input: it
/// trusts its rows and writes no audit entries (the data is generated, not a change by anyone).
public struct BulkLoader: Sendable {
    let database: any KonventDatabase

    let search: SearchContext

    public init(database: any KonventDatabase, search: SearchContext = SearchContext()) {
        self.database = database
        self.search = search
    }

    public struct Row: Sendable {
        public var kind: Contribution.Kind
        public var title: String
        public var text: String
        public var fields: [String]
        public var district: String
        public var municipality: String?
        public var author: UserID?
        public var createdAt: Timestamp
        public var format: FormatID?

        public init(kind: Contribution.Kind, title: String, text: String, fields: [String], district: String,
                    municipality: String?, author: UserID?, createdAt: Timestamp, format: FormatID? = nil) {
            self.format = format
            self.kind = kind
            self.title = title
            self.text = text
            self.fields = fields
            self.district = district
            self.municipality = municipality
            self.author = author
            self.createdAt = createdAt
        }
    }

    /// Accounts that cannot sign in (their password hash matches no password), named `prefix-N`.
    /// `name` gives the display name of the person with that number.
    public func addUsers(count: Int, prefix: String, at time: Timestamp, name: (Int) -> String) async throws -> [UserID] {
        var ids: [UserID] = []
        for start in stride(from: 0, to: count, by: 500) {
            let batch = (start..<min(count, start + 500)).map { index -> SQLQueryString in
                let email = "\(prefix)-\(index)@generated.konvent.localhost"
                return "(\(bind: email), \(bind: email), \(bind: name(index)), '!', 'participant', 'de', \(bind: time.milliseconds), \(bind: time.milliseconds), \(bind: time.milliseconds))"
            }
            let sql: SQLQueryString = """
                INSERT INTO users (email, email_key, display_name, password_hash, role, locale, email_confirmed_at, created_at, updated_at)
                VALUES
                """ + batch.joined(separator: ", ") + " RETURNING id"
            let rows = try await database.write { try await $0.raw(sql).all() }
            ids += try rows.map { UserID(try $0.decode(column: "id", as: Int64.self)) }
        }
        return ids
    }

    public func addContributions(_ rows: [Row]) async throws -> [ContributionID] {
        let kind = database.kind
        var ids: [ContributionID] = []
        var cache: [String: [String]]? = [:]
        for start in stride(from: 0, to: rows.count, by: 400) {
            let batch = Array(rows[start..<min(rows.count, start + 400)])
            var analyzed: [IndexedDocument] = []
            for row in batch {
                analyzed.append(search.document(
                    title: row.title, text: row.text, district: row.district, municipality: row.municipality, cache: &cache))
            }
            if cache?.count ?? 0 > 200_000 { cache = [:] }
            let documents = analyzed
            let values = batch.map { row -> SQLQueryString in
                """
                (\(bind: row.kind.rawValue), \(bind: row.title), \(bind: row.text), \(bind: row.fields.joined(separator: ",")),
                 \(bind: row.district), \(bind: row.municipality), \(bind: row.author?.rawValue), 0, 'published', 1,
                 \(bind: row.createdAt.milliseconds), \(bind: row.createdAt.milliseconds), \(bind: row.format?.rawValue))
                """
            }
            let inserted: [ContributionID] = try await database.write { db in
                let sql: SQLQueryString = """
                    INSERT INTO contributions (kind, title, body, field_keys, district_key, municipality_key, author_id,
                        anonymous, status, listed, created_at, updated_at, format_id) VALUES
                    """ + values.joined(separator: ", ") + " RETURNING id"
                let newIDs = try await db.raw(sql).all().map { try $0.decode(column: "id", as: Int64.self) }.sorted()
                let fieldRows = zip(newIDs, batch).flatMap { id, row in
                    row.fields.map { field -> SQLQueryString in "(\(bind: field), \(bind: id))" }
                }
                try await db.raw("INSERT INTO contribution_fields (field_key, contribution_id) VALUES " + fieldRows.joined(separator: ", ")).run()
                try await SearchIndex.writeMany(Array(zip(newIDs, documents)), kind: kind, in: db)
                return newIDs.map(ContributionID.init)
            }
            ids += inserted
        }
        return ids
    }

    /// Supports as (contribution, user) pairs; pairs that exist already are skipped.
    public func addSupports(_ pairs: [(ContributionID, UserID)], at time: Timestamp) async throws {
        try await database.write { db in
            for start in stride(from: 0, to: pairs.count, by: 5000) {
                let values = pairs[start..<min(pairs.count, start + 5000)].map { pair -> SQLQueryString in
                    "(\(bind: pair.0.rawValue), \(bind: pair.1.rawValue), \(bind: time.milliseconds))"
                }
                try await db.raw("INSERT INTO contribution_supports (contribution_id, user_id, created_at) VALUES "
                    + values.joined(separator: ", ") + " ON CONFLICT DO NOTHING").run()
            }
        }
    }

    public func addComments(_ comments: [(ContributionID, UserID, String, Timestamp)]) async throws {
        try await database.write { db in
            for start in stride(from: 0, to: comments.count, by: 4000) {
                let values = comments[start..<min(comments.count, start + 4000)].map { c -> SQLQueryString in
                    "(\(bind: c.0.rawValue), \(bind: c.1.rawValue), \(bind: c.2), \(bind: c.3.milliseconds))"
                }
                try await db.raw("INSERT INTO contribution_comments (contribution_id, author_id, body, created_at) VALUES "
                    + values.joined(separator: ", ")).run()
            }
        }
    }

    /// Formats as generated (the documentation given for those that are over).
    public func addFormats(_ formats: [(draft: FormatDraft, facilitator: UserID?, documentation: Format.Documentation?)], at time: Timestamp)
        async throws -> [FormatID]
    {
        try await database.write { db in
            var ids: [FormatID] = []
            for item in formats {
                let draft = item.draft
                let id = try await db.raw("""
                    INSERT INTO formats (kind, title, description, field_keys, district_key, municipality_key, place, online_url,
                        starts_at, ends_at, capacity, facilitator_id, documentation, participants, attachments, created_at, updated_at)
                    VALUES (\(bind: draft.kind.rawValue), \(bind: draft.title), \(bind: draft.description),
                        \(bind: draft.fields.joined(separator: ",")), \(bind: draft.districtKey), \(bind: draft.municipalityKey),
                        \(bind: draft.place), \(bind: draft.onlineURL), \(bind: draft.startsAt), \(bind: draft.endsAt), \(bind: draft.capacity),
                        \(bind: item.facilitator?.rawValue), \(bind: item.documentation?.summary), \(bind: item.documentation?.participants),
                        \(bind: item.documentation?.attachments), \(bind: time.milliseconds), \(bind: time.milliseconds))
                    RETURNING id
                    """).first()!.decode(column: "id", as: Int64.self)
                try await SQLFormatStore.replaceFields(draft.fields, of: id, in: db)
                ids.append(FormatID(id))
            }
            return ids
        }
    }

    /// Registrations as (format, person, status); pairs that exist already are skipped.
    public func addRegistrations(_ rows: [(FormatID, UserID, RegistrationStatus)], at time: Timestamp) async throws {
        guard !rows.isEmpty else { return }
        try await database.write { db in
            for start in stride(from: 0, to: rows.count, by: 5000) {
                let values = rows[start..<min(rows.count, start + 5000)].map { row -> SQLQueryString in
                    "(\(bind: row.0.rawValue), \(bind: row.1.rawValue), \(bind: row.2.rawValue), \(bind: time.milliseconds))"
                }
                try await db.raw("INSERT INTO format_registrations (format_id, user_id, status, created_at) VALUES "
                    + values.joined(separator: ", ") + " ON CONFLICT DO NOTHING").run()
            }
        }
    }

    /// Brings the maintained counters in line with the rows, after bulk inserts.
    public func recount() async throws {
        try await database.write { db in
            try await db.raw("""
                UPDATE formats SET
                    registered_count = (SELECT COUNT(*) FROM format_registrations r WHERE r.format_id = formats.id AND r.status = 'confirmed'),
                    waitlist_count = (SELECT COUNT(*) FROM format_registrations r WHERE r.format_id = formats.id AND r.status = 'waitlisted'),
                    contributions_count = (SELECT COUNT(*) FROM contributions c WHERE c.format_id = formats.id)
                """).run()
            try await db.raw("""
                UPDATE contributions SET
                    supports_count = (SELECT COUNT(*) FROM contribution_supports s WHERE s.contribution_id = contributions.id),
                    comments_count = (SELECT COUNT(*) FROM contribution_comments m WHERE m.contribution_id = contributions.id)
                """).run()
        }
    }
}
