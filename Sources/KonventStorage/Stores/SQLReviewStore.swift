import Foundation
import KonventDomain
import SQLKit

/// Assessments, agreed opinions and the desks of the reviewers. Every step locks the measure, checks
/// that its stage asks for it now, and moves the measure in the same transaction.
public struct SQLReviewStore: ReviewStore {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    /// The measure's review position, locked for the transaction.
    struct Position {
        var state: MeasureState
        var round: Int
        var version: Int
        var ministries: [String]
        var lead: String?
    }

    static func position(_ id: MeasureID, kind: DatabaseKind, in db: any SQLDatabase) async throws -> Position {
        let lock = kind == .postgres ? " FOR UPDATE" : ""
        guard let row = try await db.raw("SELECT state, round, version FROM measures WHERE id = \(bind: id.rawValue)\(unsafeRaw: lock)").first(),
              let state = MeasureState(try row.decode(column: "state", as: String.self))
        else { throw StorageError.notFound }
        let assigned = try await db.raw("""
            SELECT ministry, lead FROM measure_ministries WHERE measure_id = \(bind: id.rawValue) ORDER BY lead DESC, ministry
            """).all()
        let ministries = try assigned.map { try $0.decode(column: "ministry", as: String.self) }
        let lead = try assigned.first { try $0.decode(column: "lead", as: Int.self) == 1 }?.decode(column: "ministry", as: String.self)
        return Position(state: state, round: try row.decode(column: "round", as: Int.self), version: try row.decode(column: "version", as: Int.self),
                        ministries: ministries, lead: lead)
    }

    /// The stage, when the measure is in it in this phase and the assessor is one it asks.
    static func stage(
        _ position: Position, _ phase: MeasureState.ReviewPhase, for assessor: Assessor, review: ReviewConfiguration
    ) throws -> ReviewConfiguration.Stage {
        guard case .inReview(let key, phase) = position.state, let stage = review.stage(key) else { throw ReviewRefusal.closed }
        switch (stage.assessors, assessor) {
        case (.office, .office): return stage
        case (.ministries, .ministry(let ministry)) where position.ministries.contains(ministry): return stage
        case (.body, .body(let body)) where body == stage.body: return stage
        default: throw ReviewRefusal.notAssigned
        }
    }

    static func write(
        _ content: AssessmentContent, _ id: MeasureID, _ position: Position, stage: String, by assessor: Assessor, actor: UserID,
        at time: Timestamp, in db: any SQLDatabase
    ) async throws {
        let json = String(decoding: try JSONEncoder.sorted.encode(content), as: UTF8.self)
        try await db.raw("""
            INSERT INTO assessments (measure_id, round, stage, assessor, measure_version, content, author_id, created_at, updated_at)
            VALUES (\(bind: id.rawValue), \(bind: position.round), \(bind: stage), \(bind: assessor.description), \(bind: position.version),
                    \(bind: json), \(bind: actor.rawValue), \(bind: time.milliseconds), \(bind: time.milliseconds))
            ON CONFLICT (measure_id, round, stage, assessor) DO UPDATE SET
                measure_version = excluded.measure_version, content = excluded.content, author_id = excluded.author_id,
                updated_at = excluded.updated_at
            """).run()
        try await AuditTrail.append(
            AuditEvent(actor: actor, action: "assessment.saved", subject: "measure:\(id)",
                       detail: "round=\(position.round) stage=\(stage) assessor=\(assessor) version=\(position.version)"), at: time, in: db)
    }

    static func record(
        _ conclusion: Conclusion, _ id: MeasureID, round: Int, stage: String, session: BodySessionID?, concluded: Bool, actor: UserID,
        at time: Timestamp, in db: any SQLDatabase
    ) async throws {
        let (voting, yes, no, abstain) = conclusion.vote?.columns ?? (nil, nil, nil, nil)
        try await db.raw("""
            INSERT INTO conclusions (measure_id, round, stage, outcome, reasons, conditions, voting, votes_yes, votes_no, votes_abstain,
                                     session_id, author_id, drafted_at, concluded_at)
            VALUES (\(bind: id.rawValue), \(bind: round), \(bind: stage), \(bind: conclusion.outcome), \(bind: conclusion.reasons),
                    \(bind: conclusion.conditions), \(bind: voting), \(bind: yes), \(bind: no), \(bind: abstain), \(bind: session?.rawValue),
                    \(bind: actor.rawValue), \(bind: time.milliseconds), \(bind: concluded ? time.milliseconds : nil))
            """).run()
        try await AuditTrail.append(
            AuditEvent(actor: actor, action: concluded ? "stage.concluded" : "opinion.drafted", subject: "measure:\(id)",
                       detail: "round=\(round) stage=\(stage) outcome=\(conclusion.outcome)"), at: time, in: db)
    }

    public func saveAssessment(
        _ measure: MeasureID, by assessor: Assessor, _ content: AssessmentContent, review: ReviewConfiguration, actor: UserID,
        at time: Timestamp
    ) async throws {
        let kind = database.kind
        try await database.write { db in
            let position = try await Self.position(measure, kind: kind, in: db)
            let stage = try Self.stage(position, .assessing, for: assessor, review: review)
            try await Self.write(content, measure, position, stage: stage.key, by: assessor, actor: actor, at: time, in: db)
        }
    }

    public func conclude(
        _ measure: MeasureID, by assessor: Assessor, _ content: AssessmentContent, _ conclusion: Conclusion, machine: MeasureStateMachine,
        actor: UserID, at time: Timestamp
    ) async throws -> MeasureState {
        let kind = database.kind
        return try await database.write { db in
            let position = try await Self.position(measure, kind: kind, in: db)
            let stage = try Self.stage(position, .assessing, for: assessor, review: machine.review)
            guard stage.conclusion == .single, let outcome = stage.outcome(conclusion.outcome) else { throw ReviewRefusal.closed }
            try await Self.write(content, measure, position, stage: stage.key, by: assessor, actor: actor, at: time, in: db)
            try await Self.record(conclusion, measure, round: position.round, stage: stage.key, session: nil, concluded: true, actor: actor,
                                  at: time, in: db)
            return try await SQLMeasureStore.move(measure, .conclude(outcome.effect), reason: nil, machine: machine, actor: actor, at: time,
                                                  kind: kind, in: db)
        }
    }

    public func draftOpinion(
        _ measure: MeasureID, lead ministry: String, _ conclusion: Conclusion, machine: MeasureStateMachine, actor: UserID,
        at time: Timestamp
    ) async throws -> MeasureState {
        let kind = database.kind
        return try await database.write { db in
            let position = try await Self.position(measure, kind: kind, in: db)
            let stage = try Self.stage(position, .assessing, for: .ministry(ministry), review: machine.review)
            guard stage.conclusion == .agreedOpinion, let outcome = stage.outcome(conclusion.outcome) else { throw ReviewRefusal.closed }
            guard position.lead == ministry else { throw ReviewRefusal.notLead }
            let assessed = Set(try await db.raw("""
                SELECT assessor FROM assessments WHERE measure_id = \(bind: measure.rawValue) AND round = \(bind: position.round)
                    AND stage = \(bind: stage.key)
                """).all().map { try $0.decode(column: "assessor", as: String.self) })
            let missing = position.ministries.filter { !assessed.contains(Assessor.ministry($0).description) }
            guard missing.isEmpty else { throw ReviewRefusal.missingAssessments(missing) }
            let coMinistries = position.ministries.filter { $0 != ministry }
            try await Self.record(conclusion, measure, round: position.round, stage: stage.key, session: nil, concluded: coMinistries.isEmpty,
                                  actor: actor, at: time, in: db)
            let drafted = try await SQLMeasureStore.move(measure, .draftOpinion, reason: nil, machine: machine, actor: actor, at: time,
                                                         kind: kind, in: db)
            // Without co-ministries the lead's opinion is the agreed one.
            guard coMinistries.isEmpty else { return drafted }
            return try await SQLMeasureStore.move(measure, .conclude(outcome.effect), reason: nil, machine: machine, actor: actor, at: time,
                                                  kind: kind, in: db)
        }
    }

    /// The draft of the current stage and the co-ministries who are to confirm it.
    static func draft(
        _ measure: MeasureID, ministry: String, machine: MeasureStateMachine, kind: DatabaseKind, in db: any SQLDatabase
    ) async throws -> (position: Position, stage: ReviewConfiguration.Stage, outcome: String, coMinistries: [String]) {
        let position = try await position(measure, kind: kind, in: db)
        let stage = try stage(position, .concluding, for: .ministry(ministry), review: machine.review)
        guard position.lead != ministry else { throw ReviewRefusal.notAssigned }
        guard let outcome = try await db.raw("""
            SELECT outcome FROM conclusions WHERE measure_id = \(bind: measure.rawValue) AND round = \(bind: position.round)
                AND stage = \(bind: stage.key) AND concluded_at IS NULL
            """).first()?.decode(column: "outcome", as: String.self) else { throw ReviewRefusal.closed }
        return (position, stage, outcome, position.ministries.filter { $0 != position.lead })
    }

    public func confirmOpinion(
        _ measure: MeasureID, ministry: String, machine: MeasureStateMachine, actor: UserID, at time: Timestamp
    ) async throws -> MeasureState {
        let kind = database.kind
        return try await database.write { db in
            let (position, stage, outcome, coMinistries) = try await Self.draft(measure, ministry: ministry, machine: machine, kind: kind, in: db)
            try await db.raw("""
                INSERT INTO confirmations (measure_id, round, stage, ministry, user_id, created_at)
                VALUES (\(bind: measure.rawValue), \(bind: position.round), \(bind: stage.key), \(bind: ministry), \(bind: actor.rawValue),
                        \(bind: time.milliseconds))
                ON CONFLICT (measure_id, round, stage, ministry) DO NOTHING
                """).run()
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "opinion.confirmed", subject: "measure:\(measure)",
                           detail: "round=\(position.round) stage=\(stage.key) ministry=\(ministry)"), at: time, in: db)
            let confirmed = Set(try await db.raw("""
                SELECT ministry FROM confirmations WHERE measure_id = \(bind: measure.rawValue) AND round = \(bind: position.round)
                    AND stage = \(bind: stage.key)
                """).all().map { try $0.decode(column: "ministry", as: String.self) })
            guard Set(coMinistries).isSubset(of: confirmed), let effect = stage.outcome(outcome)?.effect else { return position.state }
            try await db.raw("""
                UPDATE conclusions SET concluded_at = \(bind: time.milliseconds)
                WHERE measure_id = \(bind: measure.rawValue) AND round = \(bind: position.round) AND stage = \(bind: stage.key)
                """).run()
            return try await SQLMeasureStore.move(measure, .conclude(effect), reason: nil, machine: machine, actor: actor, at: time,
                                                  kind: kind, in: db)
        }
    }

    public func objectToOpinion(
        _ measure: MeasureID, ministry: String, reason: String, machine: MeasureStateMachine, actor: UserID, at time: Timestamp
    ) async throws -> MeasureState {
        let kind = database.kind
        return try await database.write { db in
            let (position, stage, _, _) = try await Self.draft(measure, ministry: ministry, machine: machine, kind: kind, in: db)
            for table in ["conclusions", "confirmations"] {
                try await db.raw("""
                    DELETE FROM \(unsafeRaw: table) WHERE measure_id = \(bind: measure.rawValue) AND round = \(bind: position.round)
                        AND stage = \(bind: stage.key)
                    """).run()
            }
            return try await SQLMeasureStore.move(measure, .reopen, reason: reason, machine: machine, actor: actor, at: time, kind: kind,
                                                  in: db)
        }
    }

    static func decodeAssessment(_ row: any SQLRow) throws -> StoredAssessment {
        let assessor = try row.decode(column: "assessor", as: String.self)
        return StoredAssessment(
            id: try row.decode(column: "id", as: Int64.self), measure: MeasureID(try row.decode(column: "measure_id", as: Int64.self)),
            round: try row.decode(column: "round", as: Int.self), stage: try row.decode(column: "stage", as: String.self),
            assessor: try Assessor(assessor).orThrow(StorageError.corrupt("assessor '\(assessor)'")),
            measureVersion: try row.decode(column: "measure_version", as: Int.self),
            content: try JSONDecoder().decode(AssessmentContent.self, from: Data(try row.decode(column: "content", as: String.self).utf8)),
            updatedAt: Timestamp(milliseconds: try row.decode(column: "updated_at", as: Int64.self)))
    }

    static let assessmentColumns = "a.id, a.measure_id, a.round, a.stage, a.assessor, a.measure_version, a.content, a.updated_at"

    public func assessments(of measure: MeasureID) async throws -> [StoredAssessment] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.assessmentColumns) FROM assessments a WHERE a.measure_id = \(bind: measure.rawValue)
                ORDER BY a.round, a.id
                """).all().map(Self.decodeAssessment)
        }
    }

    public func conclusions(of measure: MeasureID) async throws -> [StoredConclusion] {
        try await database.read { db in
            try await db.raw("""
                SELECT round, stage, outcome, reasons, conditions, voting, votes_yes, votes_no, votes_abstain, session_id, drafted_at,
                       concluded_at
                FROM conclusions WHERE measure_id = \(bind: measure.rawValue) ORDER BY round, drafted_at, id
                """).all().map { row in
                let vote = Vote(voting: try row.decode(column: "voting", as: String?.self), yes: try row.decode(column: "votes_yes", as: Int?.self),
                                no: try row.decode(column: "votes_no", as: Int?.self), abstain: try row.decode(column: "votes_abstain", as: Int?.self))
                return StoredConclusion(
                    measure: measure, round: try row.decode(column: "round", as: Int.self), stage: try row.decode(column: "stage", as: String.self),
                    conclusion: Conclusion(outcome: try row.decode(column: "outcome", as: String.self),
                                           reasons: try row.decode(column: "reasons", as: String.self),
                                           conditions: try row.decode(column: "conditions", as: String.self), vote: vote),
                    session: try row.decode(column: "session_id", as: Int64?.self).map(BodySessionID.init),
                    draftedAt: Timestamp(milliseconds: try row.decode(column: "drafted_at", as: Int64.self)),
                    concludedAt: try row.decode(column: "concluded_at", as: Int64?.self).map(Timestamp.init(milliseconds:)))
            }
        }
    }

    public func confirmations(of measure: MeasureID, round: Int, stage: String) async throws -> [String] {
        try await database.read { db in
            try await db.raw("""
                SELECT ministry FROM confirmations WHERE measure_id = \(bind: measure.rawValue) AND round = \(bind: round)
                    AND stage = \(bind: stage) ORDER BY ministry
                """).all().map { try $0.decode(column: "ministry", as: String.self) }
        }
    }

    public func desk(ministry: String, review: ReviewConfiguration) async throws -> [DeskItem] {
        let states = review.stages.filter { $0.assessors == .ministries }.flatMap {
            [MeasureState.inReview(stage: $0.key, phase: .assessing), .inReview(stage: $0.key, phase: .concluding)]
        }
        guard !states.isEmpty else { return [] }
        let assessor = Assessor.ministry(ministry).description
        let sql: SQLQueryString = """
            SELECT \(unsafeRaw: SQLMeasureStore.headlineColumns), x.lead,
                (SELECT COUNT(*) FROM assessments a WHERE a.measure_id = m.id AND a.round = m.round AND a.assessor = \(bind: assessor)
                    AND m.state = 'review:' || a.stage || ':assessing') AS assessed,
                (SELECT COUNT(*) FROM confirmations c WHERE c.measure_id = m.id AND c.round = m.round AND c.ministry = \(bind: ministry)
                    AND m.state = 'review:' || c.stage || ':concluding') AS confirmed
            FROM measure_ministries x JOIN measures m ON m.id = x.measure_id
            WHERE x.ministry = \(bind: ministry) AND m.state IN (
            """ + states.map { "\(bind: $0.description)" as SQLQueryString }.joined(separator: ", ")
            + ") ORDER BY m.stage_started_at, m.id LIMIT 500"
        return try await database.read { db in
            try await db.raw(sql).all().map { row in
                let measure = try SQLMeasureStore.headline(row)
                let lead = try row.decode(column: "lead", as: Int.self) == 1
                let done: Bool = switch measure.state {
                case .inReview(_, .assessing): try row.decode(column: "assessed", as: Int.self) > 0
                // The lead's part in concluding is done: it drafted.
                default: try lead || row.decode(column: "confirmed", as: Int.self) > 0
                }
                return DeskItem(measure: measure, done: done, lead: lead)
            }
        }
    }

    public func assessed(by assessor: Assessor, limit: Int) async throws -> [(assessment: StoredAssessment, code: String, title: String)] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.assessmentColumns), m.code, m.title FROM assessments a JOIN measures m ON m.id = a.measure_id
                WHERE a.assessor = \(bind: assessor.description) ORDER BY a.updated_at DESC, a.id DESC LIMIT \(bind: limit)
                """).all().map {
                (try Self.decodeAssessment($0), try $0.decode(column: "code", as: String.self), try $0.decode(column: "title", as: String.self))
            }
        }
    }

    public func waiting(in states: [MeasureState], limit: Int) async throws -> [MeasureHeadline] {
        guard !states.isEmpty else { return [] }
        let sql: SQLQueryString = "SELECT \(unsafeRaw: SQLMeasureStore.headlineColumns) FROM measures m WHERE m.state IN ("
            + states.map { "\(bind: $0.description)" as SQLQueryString }.joined(separator: ", ")
            + ") ORDER BY m.stage_started_at, m.updated_at, m.id LIMIT \(bind: limit)"
        return try await database.read { db in try await db.raw(sql).all().map(SQLMeasureStore.headline) }
    }

    public func overdue(review: ReviewConfiguration, now: Int64, limit: Int) async throws -> [MeasureHeadline] {
        var late: [(Int64, MeasureHeadline)] = []
        for stage in review.stages {
            let due = Int64(stage.dueDays) * 86_400_000
            let states = MeasureStateMachine(review: review).states.filter { $0.stage == stage.key }
            let sql: SQLQueryString = "SELECT \(unsafeRaw: SQLMeasureStore.headlineColumns) FROM measures m WHERE m.state IN ("
                + states.map { "\(bind: $0.description)" as SQLQueryString }.joined(separator: ", ")
                + ") AND m.stage_started_at < \(bind: now - due) ORDER BY m.stage_started_at LIMIT \(bind: limit)"
            late += try await database.read { db in try await db.raw(sql).all().map(SQLMeasureStore.headline) }
                .map { ($0.stageStartedAt.map { now - $0 - due } ?? 0, $0) }
        }
        return late.sorted { $0.0 > $1.0 }.prefix(limit).map(\.1)
    }

    public func pipeline() async throws -> [(field: String, state: MeasureState, count: Int)] {
        try await database.read { db in
            try await db.raw("""
                SELECT f.field_key, m.state, COUNT(*) AS n FROM measure_fields f JOIN measures m ON m.id = f.measure_id
                WHERE f.main = 1 GROUP BY f.field_key, m.state
                """).all().compactMap { row in
                guard let state = MeasureState(try row.decode(column: "state", as: String.self)) else { return nil }
                return (try row.decode(column: "field_key", as: String.self), state, try row.decode(column: "n", as: Int.self))
            }
        }
    }
}

extension JSONEncoder {
    /// Stable output, so that the same content is stored as the same text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

extension Optional {
    func orThrow(_ error: @autoclosure () -> some Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}
