import KonventDomain
import SQLKit

/// When each published dataset began and last changed, for the catalogue's `issued` and
/// `modified`: one MIN/MAX per table, over indexes where the table is large.
public struct OpenDataSpans: Sendable {
    public struct Span: Sendable, Equatable {
        public var first: Int64?
        public var last: Int64?
    }

    public enum Dataset: String, CaseIterable, Sendable {
        case contributions, formats, measures, progress, sessions, masterplan
    }

    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    public func spans() async throws -> [Dataset: Span] {
        let statements: [(Dataset, SQLQueryString)] = [
            // New public contributions are what changes this dataset; edits are rare and kept as versions.
            (.contributions, "SELECT MIN(created_at) AS first, MAX(created_at) AS last FROM contributions WHERE listed = 1"),
            (.formats, "SELECT MIN(created_at) AS first, MAX(updated_at) AS last FROM formats"),
            (.measures, "SELECT MIN(created_at) AS first, MAX(updated_at) AS last FROM measures WHERE public = 1"),
            (.progress, "SELECT MIN(published_at) AS first, MAX(published_at) AS last FROM progress_reports WHERE published_at IS NOT NULL"),
            (.sessions, "SELECT MIN(created_at) AS first, MAX(updated_at) AS last FROM body_sessions"),
            (.masterplan, "SELECT MIN(created_at) AS first, MAX(created_at) AS last FROM masterplan_versions"),
        ]
        return try await database.read { db in
            var spans: [Dataset: Span] = [:]
            for (dataset, sql) in statements {
                let row = try await db.raw(sql).first()
                spans[dataset] = Span(first: try row?.decode(column: "first", as: Int64?.self), last: try row?.decode(column: "last", as: Int64?.self))
            }
            return spans
        }
    }
}
