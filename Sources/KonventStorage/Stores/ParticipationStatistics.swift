import KonventDomain
import SQLKit

/// Counts for the participation overview, each one GROUP BY over an index, never a row per contribution.
public struct ParticipationFigures: Sendable, Equatable {
    public var contributionsByDistrict: [String: Int] = [:]
    public var contributionsByMunicipality: [String: Int] = [:]
    public var formatsByDistrict: [String: Int] = [:]
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

    public init() {}
}

public struct ParticipationStatistics: Sendable {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    public func figures() async throws -> ParticipationFigures {
        try await database.read { db in
            var figures = ParticipationFigures()
            func counts(_ sql: SQLQueryString) async throws -> [(String, Int)] {
                try await db.raw(sql).all().map { row in
                    (try row.decode(column: "k", as: String?.self) ?? "", try row.decode(column: "n", as: Int.self))
                }
            }
            for (key, count) in try await counts("SELECT district_key AS k, COUNT(*) AS n FROM contributions WHERE listed = 1 GROUP BY district_key") {
                figures.contributionsByDistrict[key] = count
                figures.totalContributions += count
            }
            for (key, count) in try await counts("""
                SELECT municipality_key AS k, COUNT(*) AS n FROM contributions WHERE listed = 1 AND municipality_key IS NOT NULL
                GROUP BY municipality_key
                """) { figures.contributionsByMunicipality[key] = count }
            for (key, count) in try await counts("SELECT district_key AS k, COUNT(*) AS n FROM formats GROUP BY district_key") {
                figures.formatsByDistrict[key] = count
                figures.totalFormats += count
            }
            for (key, count) in try await counts("""
                SELECT f.field_key AS k, COUNT(*) AS n FROM contribution_fields f JOIN contributions c ON c.id = f.contribution_id
                WHERE c.listed = 1 GROUP BY f.field_key
                """) { figures.contributionsByField[key] = count }
            for (key, count) in try await counts("SELECT kind AS k, COUNT(*) AS n FROM contributions WHERE listed = 1 GROUP BY kind") {
                figures.contributionsByKind[key] = count
            }
            for (key, count) in try await counts("""
                SELECT o.kind AS k, COUNT(*) AS n FROM contributions c LEFT JOIN organisations o ON o.id = c.organisation_id
                WHERE c.listed = 1 GROUP BY o.kind
                """) { figures.contributionsByOrganisationKind[key] = count }
            for row in try await db.raw("""
                SELECT created_at / 86400000 AS d, COUNT(*) AS n FROM contributions WHERE listed = 1 GROUP BY created_at / 86400000
                """).all() {
                figures.contributionsByDay[try row.decode(column: "d", as: Int64.self)] = try row.decode(column: "n", as: Int.self)
            }
            if let row = try await db.raw("""
                SELECT COALESCE(SUM(supports_count), 0) AS s, COALESCE(SUM(comments_count), 0) AS m FROM contributions WHERE listed = 1
                """).first() {
                figures.totalSupports = try row.decode(column: "s", as: Int.self)
                figures.totalComments = try row.decode(column: "m", as: Int.self)
            }
            return figures
        }
    }
}
