import KonventDomain
import SQLKit

/// Counts for the participation overview, each one GROUP BY over an index, never a row per contribution.
public struct ParticipationFigures: Sendable, Equatable {
    public var contributionsByDistrict: [String: Int] = [:]
    public var contributionsByMunicipality: [String: Int] = [:]
    public var formatsByDistrict: [String: Int] = [:]
    public var formatsByField: [String: Int] = [:]
    public var contributionsByField: [String: Int] = [:]
    public var contributionsByKind: [String: Int] = [:]
    /// Organisation kind → contributions made on behalf of such organisations; "" for individuals.
    public var contributionsByOrganisationKind: [String: Int] = [:]
    /// Days since 1970 → contributions created that day.
    public var contributionsByDay: [Int64: Int] = [:]
    public var totalContributions = 0
    public var totalFormats = 0
    public var totalSupports = 0
    public var totalComments = 0
    /// Listed contributions that went into a measure, and the public measures.
    public var takenUp = 0
    public var publicMeasures = 0

    public init() {}
}

public struct ParticipationStatistics: Sendable {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    // Each count groups by a column that leads an index and carries `listed` in it, so that both
    // databases answer from the index alone instead of reading every row with its text.
    public func figures() async throws -> ParticipationFigures {
        try await database.read { db in
            var figures = ParticipationFigures()
            /// (key, listed, count) rows folded into listed counts per key.
            func listed(_ sql: SQLQueryString) async throws -> [String: Int] {
                var counts: [String: Int] = [:]
                for row in try await db.raw(sql).all() where try row.decode(column: "listed", as: Int.self) == 1 {
                    counts[try row.decode(column: "k", as: String?.self) ?? "", default: 0] += try row.decode(column: "n", as: Int.self)
                }
                return counts
            }
            func counts(_ sql: SQLQueryString) async throws -> [String: Int] {
                var counts: [String: Int] = [:]
                for row in try await db.raw(sql).all() {
                    counts[try row.decode(column: "k", as: String?.self) ?? "", default: 0] += try row.decode(column: "n", as: Int.self)
                }
                return counts
            }
            figures.contributionsByDistrict = try await listed(
                "SELECT district_key AS k, listed, COUNT(*) AS n FROM contributions GROUP BY district_key, listed")
            figures.totalContributions = figures.contributionsByDistrict.values.reduce(0, +)
            figures.contributionsByMunicipality = try await listed("""
                SELECT municipality_key AS k, listed, COUNT(*) AS n FROM contributions WHERE municipality_key IS NOT NULL
                GROUP BY municipality_key, listed
                """)
            figures.contributionsByKind = try await listed("SELECT kind AS k, listed, COUNT(*) AS n FROM contributions GROUP BY kind, listed")
            figures.formatsByDistrict = try await counts("SELECT district_key AS k, COUNT(*) AS n FROM formats GROUP BY district_key")
            figures.totalFormats = figures.formatsByDistrict.values.reduce(0, +)
            figures.formatsByField = try await counts("SELECT field_key AS k, COUNT(*) AS n FROM format_fields GROUP BY field_key")
            // All field links minus those of the few contributions that are not listed.
            var fields = try await counts("SELECT field_key AS k, COUNT(*) AS n FROM contribution_fields GROUP BY field_key")
            for (key, count) in try await counts("""
                SELECT f.field_key AS k, COUNT(*) AS n FROM contributions c JOIN contribution_fields f ON f.contribution_id = c.id
                WHERE c.listed = 0 GROUP BY f.field_key
                """) { fields[key, default: 0] -= count }
            figures.contributionsByField = fields.filter { $0.value > 0 }
            let organisations = try await counts("""
                SELECT o.kind AS k, COUNT(*) AS n FROM contributions c
                JOIN user_organisations uo ON uo.organisation_id = c.organisation_id AND uo.user_id = c.author_id AND uo.status = 'confirmed'
                JOIN organisations o ON o.id = uo.organisation_id
                WHERE c.listed = 1 GROUP BY o.kind
                """)
            figures.contributionsByOrganisationKind = organisations
            let individuals = figures.totalContributions - organisations.values.reduce(0, +)
            if individuals > 0 { figures.contributionsByOrganisationKind[""] = individuals }
            for row in try await db.raw("""
                SELECT created_at / 86400000 AS d, COUNT(*) AS n FROM contributions WHERE listed = 1 GROUP BY created_at / 86400000
                """).all() {
                figures.contributionsByDay[try row.decode(column: "d", as: Int64.self)] = try row.decode(column: "n", as: Int.self)
            }
            figures.totalSupports = try await db.raw("SELECT COALESCE(SUM(supports_count), 0) AS s FROM contributions WHERE listed = 1")
                .first()?.decode(column: "s", as: Int.self) ?? 0
            figures.totalComments = try await db.raw("SELECT COALESCE(SUM(comments_count), 0) AS s FROM contributions WHERE listed = 1")
                .first()?.decode(column: "s", as: Int.self) ?? 0
            figures.takenUp = try await db.raw("SELECT COUNT(*) AS n FROM contributions WHERE status = 'taken_up'").first()?
                .decode(column: "n", as: Int.self) ?? 0
            figures.publicMeasures = try await db.raw("SELECT COUNT(*) AS n FROM measures WHERE public = 1").first()?
                .decode(column: "n", as: Int.self) ?? 0
            return figures
        }
    }
}
