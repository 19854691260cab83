import KonventDomain
import SQLKit

extension SQLContributionStore {
    /// The first and last moment a listed contribution the query selects was made, nil when none is.
    public func createdRange(_ query: ContributionQuery) async throws -> ClosedRange<Int64>? {
        let plan = try await plan(query)
        let sql: SQLQueryString = "SELECT MIN(c.created_at) AS first, MAX(c.created_at) AS last FROM contributions c WHERE "
            + filters(query, plan).joined(separator: " AND ")
        return try await database.read { db in
            guard let row = try await db.raw(sql).first(), let first = try row.decode(column: "first", as: Int64?.self),
                  let last = try row.decode(column: "last", as: Int64?.self) else { return nil }
            return first...last
        }
    }

    /// The listed contributions the query selects, counted by two dimensions: each cell, each row and
    /// column, and all, every count one GROUP BY. `months` are the buckets of the month dimension.
    public func crossTab(
        _ query: ContributionQuery, rows: AnalysisDimension, columns: AnalysisDimension, months: [MonthBucket]
    ) async throws -> CrossTabCounts {
        let plan = try await plan(query)
        let conditions = filters(query, plan)
        func select(_ dimensions: [AnalysisDimension]) -> SQLQueryString {
            var sql: SQLQueryString = "SELECT "
            for (index, dimension) in dimensions.enumerated() { sql = sql + expression(dimension, months) + " AS d\(unsafeRaw: String(index)), " }
            sql = sql + "COUNT(*) AS n FROM contributions c "
            if dimensions.contains(.organisation) {
                sql = sql + """
                    LEFT JOIN user_organisations uo ON uo.organisation_id = c.organisation_id AND uo.user_id = c.author_id
                        AND uo.status = 'confirmed'
                    LEFT JOIN organisations o ON o.id = uo.organisation_id
                    """
            }
            if dimensions.contains(.field) { sql = sql + " JOIN contribution_fields cf ON cf.contribution_id = c.id" }
            sql = sql + " WHERE " + conditions.joined(separator: " AND ")
            if !dimensions.isEmpty {
                sql = sql + " GROUP BY " + dimensions.indices.map { "d\(unsafeRaw: String($0))" as SQLQueryString }.joined(separator: ", ")
            }
            return sql
        }
        let (cellsSQL, rowsSQL, columnsSQL, totalSQL) = (select([rows, columns]), select([rows]), select([columns]), select([]))
        return try await database.read { db in
            var counts = CrossTabCounts()
            for row in try await db.raw(cellsSQL).all() {
                counts.cells[try row.decode(column: "d0", as: String.self), default: [:]][try row.decode(column: "d1", as: String.self)] =
                    try row.decode(column: "n", as: Int.self)
            }
            for row in try await db.raw(rowsSQL).all() {
                counts.rowTotals[try row.decode(column: "d0", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            for row in try await db.raw(columnsSQL).all() {
                counts.columnTotals[try row.decode(column: "d0", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            counts.total = try await db.raw(totalSQL).first()?.decode(column: "n", as: Int.self) ?? 0
            if rows == .format || columns == .format {
                let ids = Set(counts.rowTotals.keys).union(counts.columnTotals.keys).compactMap(Int64.init)
                if !ids.isEmpty {
                    for row in try await db.raw("SELECT id, title FROM formats WHERE id IN (" + ids.map { "\(bind: $0)" as SQLQueryString }
                        .joined(separator: ", ") + ")").all() {
                        counts.formatTitles[String(try row.decode(column: "id", as: Int64.self))] = try row.decode(column: "title", as: String.self)
                    }
                }
            }
            return counts
        }
    }

    /// A dimension's key as text, the same on both databases.
    func expression(_ dimension: AnalysisDimension, _ months: [MonthBucket]) -> SQLQueryString {
        switch dimension {
        case .field: return "cf.field_key"
        case .district: return "c.district_key"
        case .kind: return "c.kind"
        case .organisation: return "COALESCE(o.kind, '')"
        case .format: return "COALESCE(CAST(c.format_id AS TEXT), '')"
        case .month:
            // The region's months begin at local midnight, which no UTC arithmetic in SQL knows: the
            // buckets come as moments, and a contribution falls into the last one begun before it.
            guard let first = months.first else { return "''" }
            var sql: SQLQueryString = "CASE"
            for bucket in months.dropFirst().reversed() {
                sql = sql + " WHEN c.created_at >= \(bind: bucket.start) THEN \(bind: bucket.key)"
            }
            return sql + " ELSE \(bind: first.key) END"
        }
    }
}
