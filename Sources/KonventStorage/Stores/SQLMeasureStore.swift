import Foundation
import KonventDomain
import SQLKit

public struct SQLMeasureStore: MeasureStore {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    static let columns = """
        m.id, m.code, m.content, m.state, m.state_reason, m.version, m.created_at, m.updated_at, m.round, m.stage_started_at,
        m.progress_status, m.progress_percent, m.progress_date
        """

    static func encode(_ content: MeasureContent) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(content), as: UTF8.self)
    }

    static func decodeContent(_ text: String) throws -> MeasureContent {
        try JSONDecoder().decode(MeasureContent.self, from: Data(text.utf8))
    }

    static let headlineColumns = "m.id, m.code, m.title, m.state, m.stage_started_at"

    static func headline(_ row: any SQLRow) throws -> MeasureHeadline {
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = MeasureState(stateText) else { throw StorageError.corrupt("measure state '\(stateText)'") }
        return MeasureHeadline(
            id: MeasureID(try row.decode(column: "id", as: Int64.self)), code: try row.decode(column: "code", as: String.self),
            title: try row.decode(column: "title", as: String.self), state: state,
            stageStartedAt: try row.decode(column: "stage_started_at", as: Int64?.self))
    }

    static func decode(_ row: any SQLRow) throws -> Measure {
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = MeasureState(stateText) else { throw StorageError.corrupt("measure state '\(stateText)'") }
        var measure = Measure(
            id: MeasureID(try row.decode(column: "id", as: Int64.self)), code: try row.decode(column: "code", as: String.self),
            state: state, version: try row.decode(column: "version", as: Int.self),
            content: try decodeContent(try row.decode(column: "content", as: String.self)),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self),
            stateReason: try row.decode(column: "state_reason", as: String?.self))
        measure.createdAt = try row.decode(column: "created_at", as: Int64.self)
        measure.round = try row.decode(column: "round", as: Int.self)
        measure.stageStartedAt = try row.decode(column: "stage_started_at", as: Int64?.self)
        measure.progress = try progress(row)
        return measure
    }

    static func progress(_ row: any SQLRow) throws -> ProgressSummary? {
        guard let status = try row.decode(column: "progress_status", as: String?.self).flatMap(ProgressStatus.init(rawValue:)) else { return nil }
        return ProgressSummary(status: status, percent: try row.decode(column: "progress_percent", as: Int?.self) ?? 0,
                               date: try row.decode(column: "progress_date", as: String?.self) ?? "")
    }

    public func create(
        _ content: MeasureContent, codePrefix: String, sources: [(ContributionID, String)], actor: UserID, at time: Timestamp
    ) async throws -> MeasureID {
        let lock = database.kind == .postgres ? " FOR UPDATE" : ""
        return try await database.write { db in
            // One number after the other per prefix; the row lock keeps two offices from taking the same.
            try await db.raw("INSERT INTO measure_codes (prefix, last_number) VALUES (\(bind: codePrefix), 0) ON CONFLICT (prefix) DO NOTHING")
                .run()
            let last = try await db.raw("SELECT last_number FROM measure_codes WHERE prefix = \(bind: codePrefix)\(unsafeRaw: lock)").first()!
                .decode(column: "last_number", as: Int.self)
            try await db.raw("UPDATE measure_codes SET last_number = \(bind: last + 1) WHERE prefix = \(bind: codePrefix)").run()
            let code = "\(codePrefix)-\(last + 1 < 10 ? "0" : "")\(last + 1)"
            let json = try Self.encode(content)
            let state = MeasureState.draft
            let id = try await db.raw("""
                INSERT INTO measures (code, code_prefix, code_number, kind, title, content, state, public, version, lead_ministry, created_by,
                                      created_at, updated_at)
                VALUES (\(bind: code), \(bind: codePrefix), \(bind: last + 1), \(bind: content.kind.rawValue), \(bind: content.title), \(bind: json), \(bind: state.description),
                        \(bind: state.isPublic ? 1 : 0), 1, \(bind: content.leadMinistry), \(bind: actor.rawValue), \(bind: time.milliseconds),
                        \(bind: time.milliseconds))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await Self.index(id, content, in: db)
            try await db.raw("""
                INSERT INTO measure_versions (measure_id, version, content, actor_id, created_at)
                VALUES (\(bind: id), 1, \(bind: json), \(bind: actor.rawValue), \(bind: time.milliseconds))
                """).run()
            for (contribution, note) in sources {
                try await Self.link(MeasureID(id), contribution, note: note, in: db, at: time)
            }
            try await AuditTrail.append(AuditEvent(actor: actor, action: "measure.created", subject: "measure:\(id)", detail: code),
                                        at: time, in: db)
            return MeasureID(id)
        }
    }

    /// The districts of a measure's territories: a municipality counts for its district.
    static func districts(_ content: MeasureContent) -> [String] {
        Array(Set(content.territories.filter { $0.count >= 5 }.map { String($0.prefix(5)) })).sorted()
    }

    /// Measures saved before their districts were kept get them (at start, once); how many.
    public static func indexMissingDistricts(_ database: any KonventDatabase) async throws -> Int? {
        let marker = "measure_districts_indexed"
        let done = try await database.read { db in try await db.raw("SELECT value FROM settings WHERE key = \(bind: marker)").first() }
        guard done == nil else { return nil }
        var after: Int64 = 0, indexed = 0
        while true {
            let from = after
            let rows = try await database.read { db in
                try await db.raw("SELECT id, content FROM measures WHERE id > \(bind: from) ORDER BY id LIMIT 500").all()
            }
            guard !rows.isEmpty else { break }
            try await database.write { db in
                for row in rows {
                    let id = try row.decode(column: "id", as: Int64.self)
                    try await writeDistricts(id, try decodeContent(try row.decode(column: "content", as: String.self)), in: db)
                }
            }
            indexed += rows.count
            after = try rows.last!.decode(column: "id", as: Int64.self)
        }
        try await database.write { db in
            try await db.raw("INSERT INTO settings (key, value) VALUES (\(bind: marker), '1') ON CONFLICT (key) DO NOTHING").run()
        }
        return indexed
    }

    static func writeDistricts(_ id: Int64, _ content: MeasureContent, in db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM measure_districts WHERE measure_id = \(bind: id)").run()
        for district in districts(content) {
            try await db.raw("INSERT INTO measure_districts (district_key, measure_id) VALUES (\(bind: district), \(bind: id))").run()
        }
    }

    /// The field, district and ministry rows that lists filter by.
    static func index(_ id: Int64, _ content: MeasureContent, in db: any SQLDatabase) async throws {
        try await writeDistricts(id, content, in: db)
        try await db.raw("DELETE FROM measure_fields WHERE measure_id = \(bind: id)").run()
        for (index, field) in content.fields.enumerated() {
            try await db.raw("""
                INSERT INTO measure_fields (field_key, measure_id, main) VALUES (\(bind: field), \(bind: id), \(bind: index == 0 ? 1 : 0))
                """).run()
        }
        try await db.raw("DELETE FROM measure_ministries WHERE measure_id = \(bind: id) AND lead = 1").run()
        if let lead = content.leadMinistry {
            try await db.raw("DELETE FROM measure_ministries WHERE measure_id = \(bind: id) AND ministry = \(bind: lead)").run()
            try await db.raw("INSERT INTO measure_ministries (measure_id, ministry, lead) VALUES (\(bind: id), \(bind: lead), 1)").run()
        }
    }

    static func link(_ id: MeasureID, _ contribution: ContributionID, note: String, in db: any SQLDatabase, at time: Timestamp) async throws {
        guard let row = try await db.raw("SELECT listed FROM contributions WHERE id = \(bind: contribution.rawValue)").first(),
              try row.decode(column: "listed", as: Int.self) == 1 else { throw MeasureRefusal.unknownContribution(contribution) }
        try await db.raw("""
            INSERT INTO measure_sources (measure_id, contribution_id, note, created_at)
            VALUES (\(bind: id.rawValue), \(bind: contribution.rawValue), \(bind: note), \(bind: time.milliseconds))
            ON CONFLICT (measure_id, contribution_id) DO UPDATE SET note = excluded.note
            """).run()
        try await db.raw("""
            UPDATE measures SET sources_count = (SELECT COUNT(*) FROM measure_sources WHERE measure_id = \(bind: id.rawValue))
            WHERE id = \(bind: id.rawValue)
            """).run()
    }

    public func update(_ id: MeasureID, _ content: MeasureContent, expectedVersion: Int, actor: UserID, at time: Timestamp) async throws {
        let lock = database.kind == .postgres ? " FOR UPDATE" : ""
        try await database.write { db in
            guard let row = try await db.raw("SELECT version, state FROM measures WHERE id = \(bind: id.rawValue)\(unsafeRaw: lock)").first()
            else { throw StorageError.notFound }
            let current = try row.decode(column: "version", as: Int.self)
            guard current == expectedVersion else { throw MeasureRefusal.stale(current: current) }
            guard let state = MeasureState(try row.decode(column: "state", as: String.self)), state.isEditable else {
                throw MeasureRefusal.notEditable
            }
            let json = try Self.encode(content)
            try await db.raw("""
                UPDATE measures SET kind = \(bind: content.kind.rawValue), title = \(bind: content.title), content = \(bind: json),
                    version = \(bind: current + 1), lead_ministry = \(bind: content.leadMinistry), updated_at = \(bind: time.milliseconds)
                WHERE id = \(bind: id.rawValue)
                """).run()
            try await Self.index(id.rawValue, content, in: db)
            try await db.raw("""
                INSERT INTO measure_versions (measure_id, version, content, actor_id, created_at)
                VALUES (\(bind: id.rawValue), \(bind: current + 1), \(bind: json), \(bind: actor.rawValue), \(bind: time.milliseconds))
                """).run()
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "measure.updated", subject: "measure:\(id)", detail: "version=\(current + 1)"),
                at: time, in: db)
        }
    }

    public func transition(
        _ id: MeasureID, _ transition: MeasureTransition, reason: String?, machine: MeasureStateMachine, actor: UserID, at time: Timestamp
    ) async throws -> MeasureState {
        let kind = database.kind
        return try await database.write { db in
            try await Self.move(id, transition, reason: reason, machine: machine, actor: actor, at: time, kind: kind, in: db)
        }
    }

    /// One step inside the caller's transaction: only what the machine allows is written. Entering the
    /// first stage starts a new round of review; entering any stage starts its clock for the due date.
    static func move(
        _ id: MeasureID, _ transition: MeasureTransition, reason: String?, machine: MeasureStateMachine, actor: UserID, at time: Timestamp,
        kind: DatabaseKind, in db: any SQLDatabase
    ) async throws -> MeasureState {
        let lock = kind == .postgres ? " FOR UPDATE" : ""
        guard let row = try await db.raw("""
                SELECT code, state, stage_started_at FROM measures WHERE id = \(bind: id.rawValue)\(unsafeRaw: lock)
                """).first(),
              let state = MeasureState(try row.decode(column: "state", as: String.self))
        else { throw StorageError.notFound }
        let code = try row.decode(column: "code", as: String.self)
        let next: MeasureState
        do { next = try machine.apply(transition, to: state) } catch {
            throw MeasureRefusal.illegal(error)
        }
        // A new round begins with the first stage; a stage's clock runs from its start, through drafting
        // and reopening its opinion, until the measure leaves it.
        let startedAt: Int64? = next.stage == nil ? nil
            : next.stage == state.stage ? try row.decode(column: "stage_started_at", as: Int64?.self) : time.milliseconds
        // Phases inside a stage (an opinion drafted, an objection) are internal: the public reason stays.
        let withinStage = next.stage != nil && next.stage == state.stage
        let publicReason: SQLQueryString = withinStage ? "state_reason" : "\(bind: reason)"
        try await db.raw("""
            UPDATE measures SET state = \(bind: next.description), state_reason = 
            """ + publicReason + """
            , public = \(bind: next.isPublic ? 1 : 0),
                updated_at = \(bind: time.milliseconds), round = round + \(bind: transition == .startReview ? 1 : 0),
                stage_started_at = \(bind: startedAt)
            WHERE id = \(bind: id.rawValue)
            """).run()
        try await db.raw("""
            INSERT INTO measure_events (measure_id, from_state, to_state, step, reason, actor_id, created_at)
            VALUES (\(bind: id.rawValue), \(bind: state.description), \(bind: next.description), \(bind: transition.description),
                    \(bind: reason), \(bind: actor.rawValue), \(bind: time.milliseconds))
            """).run()
        if next.isAdopted && !state.isAdopted { try await SQLImplementationStore.openFundingLines(of: id, in: db) }
        // Contributors hear of every stage and decision, not of the phases inside a stage.
        if next.isPublic && !withinStage {
            try await tellSources(id, code: code, state: next, reason: reason, firstPublic: !state.isPublic, actor: actor, at: time, db)
            try await MeasureFollowers.tell(id, .state, detail: next.description, reason: reason, actor: actor, at: time, in: db)
        }
        try await AuditTrail.append(
            AuditEvent(actor: actor, action: "measure.transition", subject: "measure:\(id)",
                       detail: "\(state)→\(next)" + (reason.map { ": \($0)" } ?? "")), at: time, in: db)
        return next
    }

    /// Every source contribution gets the step on its timeline; its author and followers are told.
    /// When the measure first becomes public, the sources are marked as taken up.
    static func tellSources(
        _ id: MeasureID, code: String, state: MeasureState, reason: String?, firstPublic: Bool, actor: UserID, at time: Timestamp,
        _ db: any SQLDatabase
    ) async throws {
        let sources = try await db.raw("SELECT contribution_id FROM measure_sources WHERE measure_id = \(bind: id.rawValue)").all()
            .map { try $0.decode(column: "contribution_id", as: Int64.self) }
        for contribution in sources {
            if firstPublic {
                try await db.raw("""
                    UPDATE contributions SET status = 'taken_up', status_reason = \(bind: code), updated_at = \(bind: time.milliseconds)
                    WHERE id = \(bind: contribution) AND status IN ('published', 'not_pursued')
                    """).run()
            }
            try await Timeline.record(
                .measure, on: contribution, status: firstPublic ? .takenUp : nil, reason: reason, related: id.rawValue,
                detail: state.description, actor: actor, at: time, notify: try await Timeline.audience(of: contribution, in: db), in: db)
        }
    }

    public func addSource(_ id: MeasureID, contribution: ContributionID, note: String, actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard let row = try await db.raw("SELECT code, state FROM measures WHERE id = \(bind: id.rawValue)").first(),
                  let state = MeasureState(try row.decode(column: "state", as: String.self))
            else { throw StorageError.notFound }
            try await Self.link(id, contribution, note: note, in: db, at: time)
            if state.isPublic {
                let code = try row.decode(column: "code", as: String.self)
                try await db.raw("""
                    UPDATE contributions SET status = 'taken_up', status_reason = \(bind: code), updated_at = \(bind: time.milliseconds)
                    WHERE id = \(bind: contribution.rawValue) AND status IN ('published', 'not_pursued')
                    """).run()
                try await Timeline.record(
                    .measure, on: contribution.rawValue, status: .takenUp, reason: note, related: id.rawValue, detail: state.description,
                    actor: actor, at: time, notify: try await Timeline.audience(of: contribution.rawValue, in: db), in: db)
            }
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "measure.source_added", subject: "measure:\(id)", detail: "contribution:\(contribution)"),
                at: time, in: db)
        }
    }

    public func measure(_ id: MeasureID) async throws -> Measure? {
        try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM measures m WHERE m.id = \(bind: id.rawValue)").first().map(Self.decode)
        }
    }

    func filters(_ query: MeasureQuery) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if query.publicOnly { conditions.append("m.public = 1") }
        if let field = query.field {
            conditions.append("EXISTS (SELECT 1 FROM measure_fields f WHERE f.measure_id = m.id AND f.field_key = \(bind: field))")
        }
        if !query.states.isEmpty {
            conditions.append("m.state IN (" + query.states.map { "\(bind: $0.description)" as SQLQueryString }.joined(separator: ", ") + ")")
        }
        if let ministry = query.ministry {
            conditions.append("EXISTS (SELECT 1 FROM measure_ministries x WHERE x.measure_id = m.id AND x.ministry = \(bind: ministry))")
        }
        if let district = query.district {
            conditions.append("EXISTS (SELECT 1 FROM measure_districts d WHERE d.measure_id = m.id AND d.district_key = \(bind: district))")
        }
        if let programme = query.programme {
            conditions.append("EXISTS (SELECT 1 FROM funding_lines l WHERE l.measure_id = m.id AND l.programme_key = \(bind: programme))")
        }
        conditions += query.changed.conditions("m")
        switch query.progress {
        case .none: break
        case .some(nil): conditions.append("m.progress_status IS NULL")
        case .some(let status?): conditions.append("m.progress_status = \(bind: status.rawValue)")
        }
        return conditions
    }

    public func list(_ query: MeasureQuery) async throws -> [Measure] {
        var conditions = filters(query)
        let backwards = query.before != nil
        if let before = query.before {
            conditions.append("(m.code_prefix, m.code_number) < (\(bind: before.prefix), \(bind: before.number))")
        } else if let after = query.after {
            conditions.append("(m.code_prefix, m.code_number) > (\(bind: after.prefix), \(bind: after.number))")
        }
        let order = backwards ? "DESC" : "ASC"
        let sql: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM measures m WHERE " + conditions.joined(separator: " AND ")
            + " ORDER BY m.code_prefix \(unsafeRaw: order), m.code_number \(unsafeRaw: order) LIMIT \(bind: max(1, min(query.limit, 1000)))"
        let items = try await database.read { db in try await db.raw(sql).all().map(Self.decode) }
        return backwards ? items.reversed() : items
    }

    public func count(_ query: MeasureQuery) async throws -> Int {
        let sql: SQLQueryString = "SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM measures m WHERE "
            + filters(query).joined(separator: " AND ") + " LIMIT \(bind: ContributionPage.countLimit + 1)) matching"
        return try await database.read { db in try await db.raw(sql).first()?.decode(column: "n", as: Int.self) ?? 0 }
    }

    public func sources(of id: MeasureID) async throws -> [MeasureSource] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: SQLContributionStore.columns), s.note \(unsafeRaw: SQLContributionStore.from)
                JOIN measure_sources s ON s.contribution_id = c.id WHERE s.measure_id = \(bind: id.rawValue) ORDER BY s.created_at, c.id
                """).all().map { MeasureSource(contribution: try SQLContributionStore.decode($0), note: try $0.decode(column: "note", as: String.self)) }
        }
    }

    public func measures(from contribution: ContributionID) async throws -> [MeasureReference] {
        try await database.read { db in
            try await db.raw("""
                SELECT m.id, m.code, m.title, m.state, m.state_reason, m.progress_status, m.progress_percent, m.progress_date
                FROM measures m JOIN measure_sources s ON s.measure_id = m.id
                WHERE s.contribution_id = \(bind: contribution.rawValue) ORDER BY m.code
                """).all().compactMap { row in
                guard let state = MeasureState(try row.decode(column: "state", as: String.self)) else { return nil }
                var reference = MeasureReference(
                    id: MeasureID(try row.decode(column: "id", as: Int64.self)), code: try row.decode(column: "code", as: String.self),
                    title: try row.decode(column: "title", as: String.self), state: state,
                    stateReason: try row.decode(column: "state_reason", as: String?.self))
                reference.progress = try Self.progress(row)
                return reference
            }
        }
    }

    public func measures(fromContributions ids: [ContributionID]) async throws -> [ContributionID: [MeasureReference]] {
        guard !ids.isEmpty else { return [:] }
        let list = ids.map { "\(bind: $0.rawValue)" as SQLQueryString }.joined(separator: ", ")
        let sql: SQLQueryString = """
            SELECT s.contribution_id, m.id, m.code, m.title, m.state, m.state_reason, m.progress_status, m.progress_percent, m.progress_date
            FROM measures m JOIN measure_sources s ON s.measure_id = m.id
            WHERE s.contribution_id IN (\(list)) ORDER BY m.code
            """
        return try await database.read { db in
            var found: [ContributionID: [MeasureReference]] = [:]
            for row in try await db.raw(sql).all() {
                guard let state = MeasureState(try row.decode(column: "state", as: String.self)) else { continue }
                var reference = MeasureReference(
                    id: MeasureID(try row.decode(column: "id", as: Int64.self)), code: try row.decode(column: "code", as: String.self),
                    title: try row.decode(column: "title", as: String.self), state: state,
                    stateReason: try row.decode(column: "state_reason", as: String?.self))
                reference.progress = try Self.progress(row)
                found[ContributionID(try row.decode(column: "contribution_id", as: Int64.self)), default: []].append(reference)
            }
            return found
        }
    }

    public func steps(of id: MeasureID) async throws -> [MeasureStep] {
        try await database.read { db in
            try await db.raw("""
                SELECT from_state, to_state, step, reason, created_at FROM measure_events WHERE measure_id = \(bind: id.rawValue) ORDER BY id
                """).all().compactMap { row in
                guard let from = MeasureState(try row.decode(column: "from_state", as: String.self)),
                      let to = MeasureState(try row.decode(column: "to_state", as: String.self)) else { return nil }
                return MeasureStep(
                    from: from, to: to, step: try row.decode(column: "step", as: String.self),
                    reason: try row.decode(column: "reason", as: String?.self),
                    at: Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
            }
        }
    }

    public func versions(of id: MeasureID) async throws -> [MeasureVersion] {
        try await database.read { db in
            try await db.raw("""
                SELECT version, content, created_at FROM measure_versions WHERE measure_id = \(bind: id.rawValue) ORDER BY version
                """).all().map { row in
                MeasureVersion(
                    version: try row.decode(column: "version", as: Int.self),
                    content: try Self.decodeContent(try row.decode(column: "content", as: String.self)),
                    at: Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)))
            }
        }
    }

    public func fields(of ids: [MeasureID]) async throws -> [MeasureID: String] {
        guard !ids.isEmpty else { return [:] }
        let list: SQLQueryString = ids.map { "\(bind: $0.rawValue)" as SQLQueryString }.joined(separator: ", ")
        return try await database.read { db in
            var fields: [MeasureID: String] = [:]
            for row in try await db.raw("SELECT measure_id, field_key FROM measure_fields WHERE main = 1 AND measure_id IN (" + list + ")").all() {
                fields[MeasureID(try row.decode(column: "measure_id", as: Int64.self))] = try row.decode(column: "field_key", as: String.self)
            }
            return fields
        }
    }

    public func ministries(of id: MeasureID) async throws -> [String] {
        try await database.read { db in
            try await db.raw("""
                SELECT ministry FROM measure_ministries WHERE measure_id = \(bind: id.rawValue) ORDER BY lead DESC, ministry
                """).all().map { try $0.decode(column: "ministry", as: String.self) }
        }
    }

    public func assignCoMinistries(_ id: MeasureID, _ ministries: [String], actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM measure_ministries WHERE measure_id = \(bind: id.rawValue) AND lead = 0").run()
            let lead = try await db.raw("SELECT lead_ministry FROM measures WHERE id = \(bind: id.rawValue)").first()?
                .decode(column: "lead_ministry", as: String?.self)
            for ministry in Set(ministries).subtracting([lead].compactMap { $0 }).sorted() {
                try await db.raw("INSERT INTO measure_ministries (measure_id, ministry, lead) VALUES (\(bind: id.rawValue), \(bind: ministry), 0)")
                    .run()
            }
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "measure.ministries_assigned", subject: "measure:\(id)",
                           detail: ministries.sorted().joined(separator: ",")), at: time, in: db)
        }
    }
}
