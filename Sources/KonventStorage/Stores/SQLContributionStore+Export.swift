import KonventDomain
import SQLKit

/// A contribution as the office's export lists it: keys as stored, names resolved by the caller.
public struct ContributionExportRow: Sendable, Equatable {
    public var id: Int64
    public var kind: Contribution.Kind
    public var title: String
    public var text: String
    public var fields: [String]
    public var districtKey: String
    public var municipalityKey: String?
    public var organisationName: String?
    public var organisationKind: Organisation.Kind?
    public var formatID: Int64?
    public var formatTitle: String?
    public var status: Contribution.Status
    public var supports: Int
    public var comments: Int
    /// The codes of the measures it went into.
    public var measureCodes: [String]
    /// Milliseconds since 1970 (UTC).
    public var createdAt: Int64
    public var editedAt: Int64?
}

extension SQLContributionStore {
    /// The listed contributions the query's filters and search select, by id from `after` on: an
    /// export walks them batch by batch, each batch costing what the first costs.
    public func exportBatch(_ query: ContributionQuery, after: Int64, limit: Int) async throws -> [ContributionExportRow] {
        let plan = try await plan(query)
        let conditions = filters(query, plan) + ["c.id > \(bind: after)"]
        let sql: SQLQueryString = """
            SELECT c.id, c.kind, c.title, c.body, c.field_keys, c.district_key, c.municipality_key, c.status, c.supports_count,
                   c.comments_count, c.created_at, c.edited_at, c.format_id, fm.title AS format_title, o.name AS organisation_name,
                   o.kind AS organisation_kind \(unsafeRaw: Self.from)
            """ + " WHERE " + conditions.joined(separator: " AND ") + " ORDER BY c.id LIMIT \(bind: max(1, min(limit, 5_000)))"
        return try await database.read { db in
            var rows = try await db.raw(sql).all().map { row in
                ContributionExportRow(
                    id: try row.decode(column: "id", as: Int64.self),
                    kind: Contribution.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .idea,
                    title: try row.decode(column: "title", as: String.self), text: try row.decode(column: "body", as: String.self),
                    fields: try row.decode(column: "field_keys", as: String.self).split(separator: ",").map(String.init),
                    districtKey: try row.decode(column: "district_key", as: String.self),
                    municipalityKey: try row.decode(column: "municipality_key", as: String?.self),
                    organisationName: try row.decode(column: "organisation_name", as: String?.self),
                    organisationKind: try row.decode(column: "organisation_kind", as: String?.self).flatMap(Organisation.Kind.init(rawValue:)),
                    formatID: try row.decode(column: "format_id", as: Int64?.self),
                    formatTitle: try row.decode(column: "format_title", as: String?.self),
                    status: Contribution.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .published,
                    supports: try row.decode(column: "supports_count", as: Int.self),
                    comments: try row.decode(column: "comments_count", as: Int.self), measureCodes: [],
                    createdAt: try row.decode(column: "created_at", as: Int64.self),
                    editedAt: try row.decode(column: "edited_at", as: Int64?.self))
            }
            guard let first = rows.first?.id, let last = rows.last?.id else { return rows }
            // The measures of the whole batch in one query, by the range of its ids.
            var codes: [Int64: [String]] = [:]
            for row in try await db.raw("""
                SELECT s.contribution_id, m.code FROM measure_sources s JOIN measures m ON m.id = s.measure_id
                WHERE s.contribution_id BETWEEN \(bind: first) AND \(bind: last) ORDER BY s.contribution_id, m.code
                """).all() {
                codes[try row.decode(column: "contribution_id", as: Int64.self), default: []].append(try row.decode(column: "code", as: String.self))
            }
            for index in rows.indices { rows[index].measureCodes = codes[rows[index].id] ?? [] }
            return rows
        }
    }
}
