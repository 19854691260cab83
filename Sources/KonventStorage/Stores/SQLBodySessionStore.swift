import KonventDomain
import SQLKit

public struct SQLBodySessionStore: BodySessionStore {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    static let summaryColumns = "s.id, s.body, s.title, s.starts_at, s.ends_at, s.place, s.published_at, s.created_at, s.updated_at"

    /// A change of the agenda or of a decision changes the session (open data's `modified`).
    static func touch(_ id: BodySessionID, at time: Timestamp, in db: any SQLDatabase) async throws {
        try await db.raw("UPDATE body_sessions SET updated_at = \(bind: time.milliseconds) WHERE id = \(bind: id.rawValue)").run()
    }

    static func summary(_ row: any SQLRow) throws -> BodySessionSummary {
        BodySessionSummary(
            id: BodySessionID(try row.decode(column: "id", as: Int64.self)), body: try row.decode(column: "body", as: String.self),
            title: try row.decode(column: "title", as: String.self), startsAt: try row.decode(column: "starts_at", as: Int64.self),
            endsAt: try row.decode(column: "ends_at", as: Int64.self), place: try row.decode(column: "place", as: String.self),
            publishedAt: try row.decode(column: "published_at", as: Int64?.self), createdAt: try row.decode(column: "created_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    /// The session locked for the transaction, refused once released.
    static func open(_ id: BodySessionID, kind: DatabaseKind, in db: any SQLDatabase) async throws -> String {
        let lock = kind == .postgres ? " FOR UPDATE" : ""
        guard let row = try await db.raw("SELECT body, published_at FROM body_sessions WHERE id = \(bind: id.rawValue)\(unsafeRaw: lock)").first()
        else { throw StorageError.notFound }
        guard try row.decode(column: "published_at", as: Int64?.self) == nil else { throw SessionRefusal.published }
        return try row.decode(column: "body", as: String.self)
    }

    public func create(_ draft: BodySessionDraft, actor: UserID, at time: Timestamp) async throws -> BodySessionID {
        try await database.write { db in
            let id = try await db.raw("""
                INSERT INTO body_sessions (body, title, starts_at, ends_at, place, participants, chair_id, minutes, created_at, updated_at)
                VALUES (\(bind: draft.body), \(bind: draft.title), \(bind: draft.startsAt), \(bind: draft.endsAt), \(bind: draft.place),
                        \(bind: draft.participants), \(bind: draft.chairID?.rawValue), '', \(bind: time.milliseconds), \(bind: time.milliseconds))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditTrail.append(AuditEvent(actor: actor, action: "session.created", subject: "session:\(id)", detail: draft.title),
                                        at: time, in: db)
            return BodySessionID(id)
        }
    }

    public func update(_ id: BodySessionID, _ draft: BodySessionDraft, minutes: String, actor: UserID, at time: Timestamp) async throws {
        let kind = database.kind
        try await database.write { db in
            _ = try await Self.open(id, kind: kind, in: db)
            try await db.raw("""
                UPDATE body_sessions SET body = \(bind: draft.body), title = \(bind: draft.title), starts_at = \(bind: draft.startsAt),
                    ends_at = \(bind: draft.endsAt), place = \(bind: draft.place), participants = \(bind: draft.participants),
                    chair_id = \(bind: draft.chairID?.rawValue), minutes = \(bind: minutes), updated_at = \(bind: time.milliseconds)
                WHERE id = \(bind: id.rawValue)
                """).run()
            try await AuditTrail.append(AuditEvent(actor: actor, action: "session.updated", subject: "session:\(id)", detail: draft.title),
                                        at: time, in: db)
        }
    }

    public func addItem(_ id: BodySessionID, title: String, measure: MeasureID?, actor: UserID, at time: Timestamp) async throws {
        let kind = database.kind
        try await database.write { db in
            _ = try await Self.open(id, kind: kind, in: db)
            if let measure {
                let listed = try await db.raw("SELECT public FROM measures WHERE id = \(bind: measure.rawValue)").first()?
                    .decode(column: "public", as: Int.self)
                guard listed == 1 else { throw SessionRefusal.unknownMeasure }
            }
            let position = try await db.raw("""
                SELECT COALESCE(MAX(position), 0) AS last FROM agenda_items WHERE session_id = \(bind: id.rawValue)
                """).first()!.decode(column: "last", as: Int.self) + 1
            try await db.raw("""
                INSERT INTO agenda_items (session_id, position, title, measure_id)
                VALUES (\(bind: id.rawValue), \(bind: position), \(bind: title), \(bind: measure?.rawValue))
                """).run()
            try await Self.touch(id, at: time, in: db)
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "session.item_added", subject: "session:\(id)",
                           detail: "\(position) \(title)" + (measure.map { " measure:\($0)" } ?? "")), at: time, in: db)
        }
    }

    public func removeItem(_ id: BodySessionID, item: Int64, actor: UserID, at time: Timestamp) async throws {
        let kind = database.kind
        try await database.write { db in
            _ = try await Self.open(id, kind: kind, in: db)
            guard try await db.raw("SELECT id FROM agenda_items WHERE id = \(bind: item) AND session_id = \(bind: id.rawValue)").first() != nil
            else { throw SessionRefusal.unknownItem }
            try await db.raw("DELETE FROM agenda_items WHERE id = \(bind: item)").run()
            try await Self.touch(id, at: time, in: db)
            try await AuditTrail.append(AuditEvent(actor: actor, action: "session.item_removed", subject: "session:\(id)", detail: "item:\(item)"),
                                        at: time, in: db)
        }
    }

    public func recordDecision(
        _ id: BodySessionID, item: Int64, _ decision: Conclusion, assessment: AssessmentContent?, review: ReviewConfiguration, actor: UserID,
        at time: Timestamp
    ) async throws {
        let kind = database.kind
        try await database.write { db in
            let body = try await Self.open(id, kind: kind, in: db)
            guard let row = try await db.raw("""
                SELECT measure_id FROM agenda_items WHERE id = \(bind: item) AND session_id = \(bind: id.rawValue)
                """).first() else { throw SessionRefusal.unknownItem }
            if let measure = try row.decode(column: "measure_id", as: Int64?.self).map(MeasureID.init) {
                let position = try await SQLReviewStore.position(measure, kind: kind, in: db)
                let deciding = position.state.stage.flatMap(review.stage).map { $0.conclusion == .sessionDecision && $0.body == body } ?? false
                if deciding {
                    // The item decides the stage: an outcome of the stage and the body's assessment are required.
                    let stage = try SQLReviewStore.stage(position, .assessing, for: .body(body), review: review)
                    guard let assessment, stage.outcome(decision.outcome) != nil else { throw ReviewRefusal.closed }
                    try await SQLReviewStore.write(assessment, measure, position, stage: stage.key, by: .body(body), actor: actor, at: time, in: db)
                } else if !decision.outcome.isEmpty {
                    throw ReviewRefusal.closed
                }
            } else if !decision.outcome.isEmpty {
                throw ReviewRefusal.closed
            }
            let (voting, yes, no, abstain) = decision.vote?.columns ?? (nil, nil, nil, nil)
            try await db.raw("""
                UPDATE agenda_items SET outcome = \(bind: decision.outcome.isEmpty ? nil : decision.outcome), decision = \(bind: decision.reasons),
                    conditions = \(bind: decision.conditions), voting = \(bind: voting), votes_yes = \(bind: yes), votes_no = \(bind: no),
                    votes_abstain = \(bind: abstain), decided_at = \(bind: time.milliseconds)
                WHERE id = \(bind: item)
                """).run()
            try await Self.touch(id, at: time, in: db)
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "session.decision_recorded", subject: "session:\(id)",
                           detail: "item:\(item) outcome=\(decision.outcome)"), at: time, in: db)
        }
    }

    public func publish(_ id: BodySessionID, machine: MeasureStateMachine, actor: UserID, at time: Timestamp) async throws {
        let kind = database.kind
        try await database.write { db in
            _ = try await Self.open(id, kind: kind, in: db)
            let minutes = try await db.raw("SELECT minutes FROM body_sessions WHERE id = \(bind: id.rawValue)").first()!
                .decode(column: "minutes", as: String.self)
            guard !minutes.trimmingWhitespace().isEmpty else { throw SessionRefusal.noMinutes }
            guard let session = try await Self.load(id, in: db) else { throw StorageError.notFound }
            let undecided = session.items.filter { $0.decidedAt == nil }.map(\.position)
            guard undecided.isEmpty else { throw SessionRefusal.undecided(undecided) }
            for item in session.items {
                guard let measure = item.measure, let outcomeKey = item.outcome else { continue }
                let position = try await SQLReviewStore.position(measure.id, kind: kind, in: db)
                let stage = try SQLReviewStore.stage(position, .assessing, for: .body(session.draft.body), review: machine.review)
                guard let outcome = stage.outcome(outcomeKey) else { throw ReviewRefusal.closed }
                let conclusion = Conclusion(outcome: outcomeKey, reasons: item.decision, conditions: item.conditions, vote: item.vote)
                try await SQLReviewStore.record(conclusion, measure.id, round: position.round, stage: stage.key, session: id, concluded: true,
                                                actor: actor, at: time, in: db)
                // Decisions are public with their reasons: the step carries them to the contributors.
                _ = try await SQLMeasureStore.move(measure.id, .conclude(outcome.effect), reason: item.decision, machine: machine, actor: actor,
                                                   at: time, kind: kind, in: db)
            }
            try await db.raw("""
                UPDATE body_sessions SET published_at = \(bind: time.milliseconds), updated_at = \(bind: time.milliseconds) WHERE id = \(bind: id.rawValue)
                """).run()
            try await AuditTrail.append(AuditEvent(actor: actor, action: "session.published", subject: "session:\(id)", detail: session.draft.title),
                                        at: time, in: db)
        }
    }

    public func session(_ id: BodySessionID) async throws -> BodySession? {
        try await database.read { db in try await Self.load(id, in: db) }
    }

    static func load(_ id: BodySessionID, in db: any SQLDatabase) async throws -> BodySession? {
        try await load([id], in: db).first
    }

    public func sessions(_ ids: [BodySessionID]) async throws -> [BodySession] {
        try await database.read { db in try await Self.load(ids, in: db) }
    }

    /// Sessions with their agendas in two queries, in the order of `ids`.
    static func load(_ ids: [BodySessionID], in db: any SQLDatabase) async throws -> [BodySession] {
        guard !ids.isEmpty else { return [] }
        let list = ids.map { "\(bind: $0.rawValue)" as SQLQueryString }.joined(separator: ", ")
        var items: [Int64: [AgendaItem]] = [:]
        for row in try await db.raw("""
            SELECT i.session_id, i.id, i.position, i.title, i.measure_id, m.code, m.title AS measure_title, m.state, i.outcome, i.decision,
                   i.conditions, i.voting, i.votes_yes, i.votes_no, i.votes_abstain, i.decided_at
            FROM agenda_items i LEFT JOIN measures m ON m.id = i.measure_id
            WHERE i.session_id IN (\(list)) ORDER BY i.session_id, i.position
            """).all() {
            items[try row.decode(column: "session_id", as: Int64.self), default: []].append(try agendaItem(row))
        }
        var sessions: [Int64: BodySession] = [:]
        for row in try await db.raw("""
            SELECT id, body, title, starts_at, ends_at, place, participants, chair_id, minutes, published_at, created_at, updated_at
            FROM body_sessions WHERE id IN (\(list))
            """).all() {
            let id = try row.decode(column: "id", as: Int64.self)
            let draft = BodySessionDraft(
                body: try row.decode(column: "body", as: String.self), title: try row.decode(column: "title", as: String.self),
                startsAt: try row.decode(column: "starts_at", as: Int64.self), endsAt: try row.decode(column: "ends_at", as: Int64.self),
                place: try row.decode(column: "place", as: String.self), participants: try row.decode(column: "participants", as: String.self),
                chairID: try row.decode(column: "chair_id", as: Int64?.self).map(UserID.init))
            var session = BodySession(id: BodySessionID(id), draft: draft, minutes: try row.decode(column: "minutes", as: String.self),
                                      publishedAt: try row.decode(column: "published_at", as: Int64?.self), items: items[id] ?? [])
            session.createdAt = try row.decode(column: "created_at", as: Int64.self)
            session.updatedAt = try row.decode(column: "updated_at", as: Int64.self)
            sessions[id] = session
        }
        return ids.compactMap { sessions[$0.rawValue] }
    }

    /// An agenda item from a row of `agenda_items` joined with its measure (`measure_title`, `code`, `state`).
    static func agendaItem(_ row: any SQLRow, id column: String = "id", title: String = "title") throws -> AgendaItem {
        var link: AgendaItem.MeasureLink?
        if let measure = try row.decode(column: "measure_id", as: Int64?.self), let state = MeasureState(try row.decode(column: "state", as: String.self)) {
            link = .init(id: MeasureID(measure), code: try row.decode(column: "code", as: String.self),
                         title: try row.decode(column: "measure_title", as: String.self), state: state)
        }
        let vote = Vote(voting: try row.decode(column: "voting", as: String?.self), yes: try row.decode(column: "votes_yes", as: Int?.self),
                        no: try row.decode(column: "votes_no", as: Int?.self), abstain: try row.decode(column: "votes_abstain", as: Int?.self))
        return AgendaItem(
            id: try row.decode(column: column, as: Int64.self), position: try row.decode(column: "position", as: Int.self),
            title: try row.decode(column: title, as: String.self), measure: link, outcome: try row.decode(column: "outcome", as: String?.self),
            decision: try row.decode(column: "decision", as: String.self), conditions: try row.decode(column: "conditions", as: String.self),
            vote: vote, decidedAt: try row.decode(column: "decided_at", as: Int64?.self))
    }

    public func list(upcoming: Bool, now: Int64, limit: Int) async throws -> [BodySessionSummary] {
        let sql: SQLQueryString = upcoming
            ? "SELECT \(unsafeRaw: Self.summaryColumns) FROM body_sessions s WHERE s.ends_at >= \(bind: now) ORDER BY s.starts_at, s.id LIMIT \(bind: limit)"
            : "SELECT \(unsafeRaw: Self.summaryColumns) FROM body_sessions s WHERE s.ends_at < \(bind: now) ORDER BY s.starts_at DESC, s.id DESC LIMIT \(bind: limit)"
        return try await database.read { db in try await db.raw(sql).all().map(Self.summary) }
    }

    public func page(after key: PageKey?, limit: Int, changed: ChangeWindow, body: String?) async throws -> [BodySessionSummary] {
        var conditions = changed.conditions("s")
        if let body { conditions.append("s.body = \(bind: body)") }
        if let key { conditions.append("(s.starts_at, s.id) > (\(bind: key.value), \(bind: key.id))") }
        let sql: SQLQueryString = "SELECT \(unsafeRaw: Self.summaryColumns) FROM body_sessions s WHERE " + conditions.joined(separator: " AND ")
            + " ORDER BY s.starts_at, s.id LIMIT \(bind: limit)"
        return try await database.read { db in try await db.raw(sql).all().map(Self.summary) }
    }

    public func session(containing item: Int64) async throws -> BodySession? {
        try await database.read { db in
            guard let id = try await db.raw("SELECT session_id FROM agenda_items WHERE id = \(bind: item)").first()?
                .decode(column: "session_id", as: Int64.self) else { return nil }
            return try await Self.load(BodySessionID(id), in: db)
        }
    }

    public func agendaEntries(of measures: [MeasureID]) async throws -> [MeasureID: [AgendaEntry]] {
        guard !measures.isEmpty else { return [:] }
        let ids = measures.map { "\(bind: $0.rawValue)" as SQLQueryString }.joined(separator: ", ")
        let sql: SQLQueryString = """
            SELECT i.id, i.measure_id, i.outcome, s.id AS session_id, s.body, s.published_at
            FROM agenda_items i JOIN body_sessions s ON s.id = i.session_id
            WHERE i.measure_id IN (\(ids)) ORDER BY s.starts_at, s.id, i.position
            """
        return try await database.read { db in
            var found: [MeasureID: [AgendaEntry]] = [:]
            for row in try await db.raw(sql).all() {
                found[MeasureID(try row.decode(column: "measure_id", as: Int64.self)), default: []].append(AgendaEntry(
                    item: try row.decode(column: "id", as: Int64.self), session: BodySessionID(try row.decode(column: "session_id", as: Int64.self)),
                    body: try row.decode(column: "body", as: String.self), outcome: try row.decode(column: "outcome", as: String?.self),
                    publishedAt: try row.decode(column: "published_at", as: Int64?.self)))
            }
            return found
        }
    }

    public func releasedDecisions(limit: Int) async throws -> [ReleasedDecision] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.summaryColumns), i.id AS item_id, i.position, i.title AS item_title, i.measure_id, m.code,
                       m.title AS measure_title, m.state, i.outcome, i.decision, i.conditions, i.voting, i.votes_yes, i.votes_no, i.votes_abstain,
                       i.decided_at
                FROM body_sessions s JOIN agenda_items i ON i.session_id = s.id LEFT JOIN measures m ON m.id = i.measure_id
                WHERE s.published_at IS NOT NULL AND i.decided_at IS NOT NULL
                ORDER BY s.published_at DESC, s.id DESC, i.position LIMIT \(bind: limit)
                """).all().map { row in
                let item = try Self.agendaItem(row, id: "item_id", title: "item_title")
                return ReleasedDecision(session: try Self.summary(row), item: item)
            }
        }
    }

    public func sessions(of measure: MeasureID) async throws -> [BodySessionSummary] {
        try await database.read { db in
            try await db.raw("""
                SELECT DISTINCT \(unsafeRaw: Self.summaryColumns) FROM body_sessions s JOIN agenda_items i ON i.session_id = s.id
                WHERE i.measure_id = \(bind: measure.rawValue) ORDER BY s.starts_at DESC, s.id DESC
                """).all().map(Self.summary)
        }
    }
}
