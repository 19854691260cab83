import Foundation
import KonventDomain
import SQLKit

/// Where the money of adopted measures stands: one row per financing line (opened at adoption from
/// the adopted content), moved by recorded steps.
extension SQLImplementationStore {
    /// `MeasureState.adoptedStates` as bound values, for `state IN (…)`.
    static var adoptedStates: SQLQueryString {
        MeasureState.adoptedStates.map { "\(bind: $0.description)" as SQLQueryString }.joined(separator: ", ")
    }

    /// At adoption: the financing plan's lines, all planned (again adopted later: left as they are).
    static func openFundingLines(of measure: MeasureID, in db: any SQLDatabase) async throws {
        guard let text = try await db.raw("SELECT content FROM measures WHERE id = \(bind: measure.rawValue)").first()?
            .decode(column: "content", as: String.self) else { return }
        let content = try JSONDecoder().decode(MeasureContent.self, from: Data(text.utf8))
        for (index, line) in content.financing.enumerated() {
            try await db.raw("""
                INSERT INTO funding_lines (measure_id, line_index, source, programme, programme_key, planned, status)
                VALUES (\(bind: measure.rawValue), \(bind: index), \(bind: line.source.rawValue), \(bind: line.programme),
                    \(bind: line.programmeKey), \(bind: line.amount), \(bind: FundingStatus.planned.rawValue))
                ON CONFLICT (measure_id, line_index) DO NOTHING
                """).run()
        }
    }

    /// Measures adopted before funding lines existed get theirs (at start); how many, nil when none.
    public static func openMissingFundingLines(_ database: any KonventDatabase) async throws -> Int? {
        let missing = try await database.read { db in
            try await db.raw("""
                SELECT m.id FROM measures m
                WHERE m.state IN (\(adoptedStates)) AND NOT EXISTS (SELECT 1 FROM funding_lines f WHERE f.measure_id = m.id) LIMIT 10000
                """).all().map { MeasureID(try $0.decode(column: "id", as: Int64.self)) }
        }
        guard !missing.isEmpty else { return nil }
        for measure in missing { try await database.write { db in try await openFundingLines(of: measure, in: db) } }
        return missing.count
    }

    static let lineColumns = "line_index, source, programme, programme_key, planned, status, status_date, approved, paid"

    static func decodeLine(_ row: any SQLRow) throws -> FundingLineState {
        FundingLineState(
            index: try row.decode(column: "line_index", as: Int.self),
            source: FinancingLine.Source(rawValue: try row.decode(column: "source", as: String.self)) ?? .other,
            programme: try row.decode(column: "programme", as: String.self),
            programmeKey: try row.decode(column: "programme_key", as: String?.self),
            planned: try row.decode(column: "planned", as: Int.self),
            status: FundingStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .planned,
            date: try row.decode(column: "status_date", as: String?.self),
            approved: try row.decode(column: "approved", as: Int.self), paid: try row.decode(column: "paid", as: Int.self))
    }

    public func fundingLines(of measure: MeasureID) async throws -> [FundingLineState] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.lineColumns) FROM funding_lines WHERE measure_id = \(bind: measure.rawValue) ORDER BY line_index
                """).all().map(Self.decodeLine)
        }
    }

    public func recordFunding(_ step: FundingStep, measure: MeasureID, author: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            let lock = database.kind == .postgres ? " FOR UPDATE" : ""
            guard let row = try await db.raw("""
                SELECT \(unsafeRaw: Self.lineColumns) FROM funding_lines
                WHERE measure_id = \(bind: measure.rawValue) AND line_index = \(bind: step.line)\(unsafeRaw: lock)
                """).first() else { throw ImplementationRefusal.unknown }
            // Checked again under the lock: two people recording at once cannot skip a step.
            let line = try Self.decodeLine(row)
            guard line.status.allows(step.status) else { throw ImplementationRefusal.unknown }
            let next = line.after(step)
            try await db.raw("""
                INSERT INTO funding_steps (measure_id, line_index, status, step_date, amount, author_id, created_at)
                VALUES (\(bind: measure.rawValue), \(bind: step.line), \(bind: step.status.rawValue), \(bind: step.date), \(bind: step.amount),
                    \(bind: author.rawValue), \(bind: time.milliseconds))
                """).run()
            try await db.raw("""
                UPDATE funding_lines SET status = \(bind: next.status.rawValue), status_date = \(bind: next.date), approved = \(bind: next.approved),
                    paid = \(bind: next.paid)
                WHERE measure_id = \(bind: measure.rawValue) AND line_index = \(bind: step.line)
                """).run()
            try await AuditTrail.append(
                AuditEvent(actor: author, action: "funding.recorded", subject: "measure:\(measure.rawValue)",
                           detail: "line=\(step.line) status=\(step.status.rawValue)" + (step.amount.map { " amount=\($0)" } ?? "")),
                at: time, in: db)
        }
    }

    public func securedFunding(of measures: [MeasureID]) async throws -> [MeasureID: Int] {
        try await perMeasure(measures) { ids in
            "SELECT measure_id, CAST(SUM(approved) AS BIGINT) AS n FROM funding_lines WHERE measure_id IN (" + ids
                + ") AND status IN ('approved', 'paid_out') GROUP BY measure_id"
        }
    }

    public func fundingSums() async throws -> [FundingSum] {
        try await database.read { db in
            try await db.raw("""
                SELECT f.source, f.programme, CAST(SUM(f.planned) AS BIGINT) AS planned,
                    CAST(SUM(CASE WHEN f.status IN ('approved', 'paid_out') THEN f.approved ELSE 0 END) AS BIGINT) AS approved,
                    CAST(SUM(f.paid) AS BIGINT) AS paid, COUNT(*) AS lines
                FROM funding_lines f JOIN measures m ON m.id = f.measure_id
                WHERE m.public = 1 AND m.state IN (\(Self.adoptedStates))
                GROUP BY f.source, f.programme ORDER BY f.source, 3 DESC, f.programme LIMIT 200
                """).all().map { row in
                FundingSum(
                    source: FinancingLine.Source(rawValue: try row.decode(column: "source", as: String.self)) ?? .other,
                    programme: try row.decode(column: "programme", as: String.self), planned: try row.decode(column: "planned", as: Int.self),
                    approved: try row.decode(column: "approved", as: Int.self), paid: try row.decode(column: "paid", as: Int.self),
                    lines: try row.decode(column: "lines", as: Int.self))
            }
        }
    }
}
