import KonventDomain
import SQLKit

public struct SQLImplementationStore: ImplementationStore {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    public func report(
        _ draft: ProgressDraft, measure: MeasureID, author: UserID, publish: Bool, at time: Timestamp
    ) async throws -> ProgressReportID {
        try await database.write { db in try await Self.insertReport(draft, measure: measure, author: author, publish: publish, at: time, in: db) }
    }

    public func importProgress(_ items: [ImportedProgress], author: UserID, at time: Timestamp) async throws -> (reports: Int, values: Int) {
        try await database.write { db in
            var reports = 0, values = 0
            for item in items {
                if let report = item.report {
                    _ = try await Self.insertReport(report, measure: item.measure, author: author, publish: true, at: time, in: db)
                    reports += 1
                }
                if let value = item.value {
                    _ = try await Self.insertValue(value, measure: item.measure, author: author, at: time, in: db)
                    values += 1
                }
            }
            try await AuditTrail.append(
                AuditEvent(actor: author, action: "progress.imported", subject: "platform", detail: "reports=\(reports) values=\(values)"),
                at: time, in: db)
            return (reports, values)
        }
    }

    static func insertReport(
        _ draft: ProgressDraft, measure: MeasureID, author: UserID, publish: Bool, at time: Timestamp, in db: any SQLDatabase
    ) async throws -> ProgressReportID {
        let id = try await db.raw("""
            INSERT INTO progress_reports (measure_id, report_date, status, percent, body, links, author_id, published_at, replaces_id, created_at)
            VALUES (\(bind: measure.rawValue), \(bind: draft.date), \(bind: draft.status.rawValue), \(bind: draft.percent),
                \(bind: draft.text), \(bind: draft.links.joined(separator: "\n")), \(bind: author.rawValue),
                \(bind: publish ? time.milliseconds : nil), \(bind: draft.replaces?.rawValue), \(bind: time.milliseconds))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        if publish { try await published(id, measure: measure, actor: author, at: time, in: db) }
        try await AuditTrail.append(
            AuditEvent(actor: author, action: "progress.reported", subject: "measure:\(measure.rawValue)",
                       detail: "report=\(id) status=\(draft.status.rawValue) percent=\(draft.percent)" + (publish ? " published" : "")
                           + (draft.replaces.map { " replaces=\($0.rawValue)" } ?? "")),
            at: time, in: db)
        return ProgressReportID(id)
    }

    /// Once a report is public: the report it corrects counts as replaced, the measure keeps the
    /// latest public report's status, percent and day for the overview, the authors and followers
    /// of its source contributions find it on their timeline (and in their mail), and so do the
    /// measure's own followers.
    static func published(_ report: Int64, measure: MeasureID, actor: UserID, at time: Timestamp, in db: any SQLDatabase) async throws {
        guard let row = try await db.raw("SELECT replaces_id, status, percent FROM progress_reports WHERE id = \(bind: report)").first()
        else { throw ImplementationRefusal.unknown }
        if let replaced = try row.decode(column: "replaces_id", as: Int64?.self) {
            try await markReplaced("progress_reports", replaced, by: report, measure: measure, in: db)
        }
        let detail = "\(try row.decode(column: "status", as: String.self)):\(try row.decode(column: "percent", as: Int.self))"
        let sources = try await db.raw("SELECT contribution_id FROM measure_sources WHERE measure_id = \(bind: measure.rawValue)").all()
            .map { try $0.decode(column: "contribution_id", as: Int64.self) }
        for contribution in sources {
            try await Timeline.record(.progress, on: contribution, related: measure.rawValue, detail: detail, actor: actor, at: time,
                                      notify: try await Timeline.audience(of: contribution, in: db), in: db)
        }
        try await MeasureFollowers.tell(measure, .progress, detail: detail, reason: nil, actor: actor, at: time, in: db)
        let latest = try await db.raw("""
            SELECT status, percent, report_date FROM progress_reports
            WHERE measure_id = \(bind: measure.rawValue) AND published_at IS NOT NULL AND replaced_by_id IS NULL
            ORDER BY report_date DESC, id DESC LIMIT 1
            """).first()
        try await db.raw("""
            UPDATE measures SET progress_status = \(bind: try latest?.decode(column: "status", as: String.self)),
                progress_percent = \(bind: try latest?.decode(column: "percent", as: Int.self)),
                progress_date = \(bind: try latest?.decode(column: "report_date", as: String.self))
            WHERE id = \(bind: measure.rawValue)
            """).run()
    }

    /// A correction replaces an entry of the same measure that nothing replaced yet; otherwise the
    /// whole write is undone.
    static func markReplaced(_ table: String, _ old: Int64, by new: Int64, measure: MeasureID, in db: any SQLDatabase) async throws {
        let changed = try await db.raw("""
            UPDATE \(unsafeRaw: table) SET replaced_by_id = \(bind: new)
            WHERE id = \(bind: old) AND measure_id = \(bind: measure.rawValue) AND replaced_by_id IS NULL
            RETURNING id
            """).all()
        if changed.isEmpty { throw ImplementationRefusal.unknown }
    }

    public func publish(_ report: ProgressReportID, measure: MeasureID, actor: UserID, at time: Timestamp) async throws -> Bool {
        try await database.write { db in
            guard try await db.raw("SELECT id FROM progress_reports WHERE id = \(bind: report.rawValue) AND measure_id = \(bind: measure.rawValue)")
                .first() != nil else { throw ImplementationRefusal.unknown }
            let changed = try await db.raw("""
                UPDATE progress_reports SET published_at = \(bind: time.milliseconds)
                WHERE id = \(bind: report.rawValue) AND published_at IS NULL RETURNING id
                """).all()
            guard !changed.isEmpty else { return false }
            try await Self.published(report.rawValue, measure: measure, actor: actor, at: time, in: db)
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "progress.published", subject: "measure:\(measure.rawValue)", detail: "report=\(report.rawValue)"),
                at: time, in: db)
            return true
        }
    }

    public func reports(of measure: MeasureID, includeUnpublished: Bool) async throws -> [ProgressReport] {
        try await reports(of: measure, includeUnpublished: includeUnpublished, before: nil, limit: 500)
    }

    public func reportCount(of measure: MeasureID, includeUnpublished: Bool) async throws -> Int {
        try await database.read { db in
            try await db.raw("""
                SELECT COUNT(*) AS n FROM progress_reports p
                WHERE p.measure_id = \(bind: measure.rawValue)\(unsafeRaw: includeUnpublished ? "" : " AND p.published_at IS NOT NULL")
                """).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    public func reports(of measure: MeasureID, includeUnpublished: Bool, before: (date: String, id: Int64)?, limit: Int) async throws
        -> [ProgressReport]
    {
        let after: SQLQueryString = before.map { " AND (p.report_date, p.id) < (\(bind: $0.date), \(bind: $0.id))" } ?? ""
        let sql: SQLQueryString = """
            SELECT p.id, p.report_date, p.status, p.percent, p.body, p.links, p.published_at, p.replaces_id, p.replaced_by_id,
                p.created_at, u.display_name AS author_name
            FROM progress_reports p LEFT JOIN users u ON u.id = p.author_id
            WHERE p.measure_id = \(bind: measure.rawValue)\(unsafeRaw: includeUnpublished ? "" : " AND p.published_at IS NOT NULL")
            """ + after + " ORDER BY p.report_date DESC, p.id DESC LIMIT \(bind: max(1, min(limit, 500)))"
        return try await database.read { db in
            try await db.raw(sql).all().map { row in
                ProgressReport(
                    id: ProgressReportID(try row.decode(column: "id", as: Int64.self)), measureID: measure,
                    date: try row.decode(column: "report_date", as: String.self),
                    status: ProgressStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .planned,
                    percent: try row.decode(column: "percent", as: Int.self), text: try row.decode(column: "body", as: String.self),
                    links: try row.decode(column: "links", as: String.self).split(separator: "\n").map(String.init),
                    authorName: try row.decode(column: "author_name", as: String?.self),
                    published: try row.decode(column: "published_at", as: Int64?.self) != nil,
                    replaces: try row.decode(column: "replaces_id", as: Int64?.self).map(ProgressReportID.init),
                    replacedBy: try row.decode(column: "replaced_by_id", as: Int64?.self).map(ProgressReportID.init),
                    createdAt: try row.decode(column: "created_at", as: Int64.self))
            }
        }
    }

    public func addMilestone(_ draft: MilestoneDraft, measure: MeasureID, actor: UserID, at time: Timestamp) async throws -> MilestoneID {
        try await database.write { db in
            let id = try await db.raw("""
                INSERT INTO milestones (measure_id, title, planned, actual, created_at)
                VALUES (\(bind: measure.rawValue), \(bind: draft.title), \(bind: draft.planned), \(bind: draft.actual), \(bind: time.milliseconds))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "milestone.added", subject: "measure:\(measure.rawValue)",
                           detail: "milestone=\(id) planned=\(draft.planned)"),
                at: time, in: db)
            return MilestoneID(id)
        }
    }

    public func reach(_ milestone: MilestoneID, on day: String, measure: MeasureID, actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            let changed = try await db.raw("""
                UPDATE milestones SET actual = \(bind: day)
                WHERE id = \(bind: milestone.rawValue) AND measure_id = \(bind: measure.rawValue) RETURNING id
                """).all()
            if changed.isEmpty { throw ImplementationRefusal.unknown }
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "milestone.reached", subject: "measure:\(measure.rawValue)",
                           detail: "milestone=\(milestone.rawValue) actual=\(day)"),
                at: time, in: db)
        }
    }

    public func milestones(of measure: MeasureID) async throws -> [Milestone] {
        try await database.read { db in
            try await db.raw("""
                SELECT id, title, planned, actual FROM milestones WHERE measure_id = \(bind: measure.rawValue) ORDER BY planned, id LIMIT 200
                """).all().map { row in
                Milestone(
                    id: MilestoneID(try row.decode(column: "id", as: Int64.self)), measureID: measure,
                    title: try row.decode(column: "title", as: String.self), planned: try row.decode(column: "planned", as: String.self),
                    actual: try row.decode(column: "actual", as: String?.self))
            }
        }
    }

    public func record(_ draft: IndicatorValueDraft, measure: MeasureID, author: UserID, at time: Timestamp) async throws -> IndicatorValueID {
        try await database.write { db in try await Self.insertValue(draft, measure: measure, author: author, at: time, in: db) }
    }

    static func insertValue(
        _ draft: IndicatorValueDraft, measure: MeasureID, author: UserID, at time: Timestamp, in db: any SQLDatabase
    ) async throws -> IndicatorValueID {
        let id = try await db.raw("""
            INSERT INTO indicator_values (measure_id, indicator, value_date, value, source, author_id, replaces_id, created_at)
            VALUES (\(bind: measure.rawValue), \(bind: draft.indicator), \(bind: draft.date), \(bind: draft.value), \(bind: draft.source),
                \(bind: author.rawValue), \(bind: draft.replaces?.rawValue), \(bind: time.milliseconds))
            RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
        if let replaced = draft.replaces {
            try await markReplaced("indicator_values", replaced.rawValue, by: id, measure: measure, in: db)
        }
        try await AuditTrail.append(
            AuditEvent(actor: author, action: "indicator.recorded", subject: "measure:\(measure.rawValue)",
                       detail: "value=\(id) date=\(draft.date)" + (draft.replaces.map { " replaces=\($0.rawValue)" } ?? "")),
            at: time, in: db)
        return IndicatorValueID(id)
    }

    public func values(of measure: MeasureID) async throws -> [IndicatorValue] {
        try await database.read { db in
            try await db.raw("""
                SELECT id, indicator, value_date, value, source, replaces_id, replaced_by_id FROM indicator_values
                WHERE measure_id = \(bind: measure.rawValue) ORDER BY indicator, value_date, id LIMIT 2000
                """).all().map { row in
                IndicatorValue(
                    id: IndicatorValueID(try row.decode(column: "id", as: Int64.self)), measureID: measure,
                    indicator: try row.decode(column: "indicator", as: String.self), date: try row.decode(column: "value_date", as: String.self),
                    value: try row.decode(column: "value", as: Double.self), source: try row.decode(column: "source", as: String.self),
                    replaces: try row.decode(column: "replaces_id", as: Int64?.self).map(IndicatorValueID.init),
                    replacedBy: try row.decode(column: "replaced_by_id", as: Int64?.self).map(IndicatorValueID.init))
            }
        }
    }

    public func setSponsorOrganisation(_ organisation: OrganisationID?, of measure: MeasureID, actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            let changed = try await db.raw("""
                UPDATE measures SET sponsor_organisation_id = \(bind: organisation?.rawValue) WHERE id = \(bind: measure.rawValue) RETURNING id
                """).all()
            if changed.isEmpty { throw ImplementationRefusal.unknown }
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "measure.sponsor", subject: "measure:\(measure.rawValue)",
                           detail: "organisation=\(organisation.map { String($0.rawValue) } ?? "none")"),
                at: time, in: db)
        }
    }

    public func sponsorOrganisation(of measure: MeasureID) async throws -> OrganisationID? {
        try await database.read { db in
            try await db.raw("SELECT sponsor_organisation_id FROM measures WHERE id = \(bind: measure.rawValue)").first()?
                .decode(column: "sponsor_organisation_id", as: Int64?.self).map(OrganisationID.init)
        }
    }

    public func overdueMilestones(of measures: [MeasureID], today: String) async throws -> [MeasureID: Int] {
        try await perMeasure(measures) { ids in
            "SELECT measure_id, COUNT(*) AS n FROM milestones WHERE measure_id IN (" + ids
                + ") AND actual IS NULL AND planned < \(bind: today) GROUP BY measure_id"
        }
    }

    public func overdueReports(reportedBefore: String, adoptedBefore: Int64, limit: Int) async throws -> [OverdueReport] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: SQLMeasureStore.headlineColumns), m.progress_date FROM measures m
                WHERE m.public = 1 AND m.state IN (\(Self.adoptedStates)) AND m.state <> 'completed'
                    AND (m.progress_status IS NULL OR m.progress_status NOT IN ('completed', 'stopped'))
                    AND ((m.progress_date IS NOT NULL AND m.progress_date < \(bind: reportedBefore))
                        OR (m.progress_date IS NULL AND (SELECT MIN(e.created_at) FROM measure_events e
                            WHERE e.measure_id = m.id AND e.to_state IN (\(Self.adoptedStates))) < \(bind: adoptedBefore)))
                ORDER BY COALESCE(m.progress_date, ''), m.id LIMIT \(bind: limit)
                """).all().map { row in
                OverdueReport(measure: try SQLMeasureStore.headline(row), lastReport: try row.decode(column: "progress_date", as: String?.self))
            }
        }
    }

    public func overdueMilestoneList(today: String, limit: Int) async throws -> [OverdueMilestone] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: SQLMeasureStore.headlineColumns), s.title AS milestone, s.planned FROM milestones s
                JOIN measures m ON m.id = s.measure_id
                WHERE s.actual IS NULL AND s.planned < \(bind: today) AND m.public = 1
                ORDER BY s.planned, s.id LIMIT \(bind: limit)
                """).all().map { row in
                OverdueMilestone(measure: try SQLMeasureStore.headline(row), title: try row.decode(column: "milestone", as: String.self),
                                 planned: try row.decode(column: "planned", as: String.self))
            }
        }
    }

    public func unpublishedReports(limit: Int) async throws -> [OverdueReport] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: SQLMeasureStore.headlineColumns), r.report_date FROM progress_reports r
                JOIN measures m ON m.id = r.measure_id
                WHERE r.published_at IS NULL AND r.replaced_by_id IS NULL ORDER BY r.id LIMIT \(bind: limit)
                """).all().map { row in
                OverdueReport(measure: try SQLMeasureStore.headline(row), lastReport: try row.decode(column: "report_date", as: String.self))
            }
        }
    }

    public func indicatorEnds(of measures: [MeasureID]) async throws -> [MeasureID: [String: IndicatorEnds]] {
        var ends: [MeasureID: [String: IndicatorEnds]] = [:]
        // In slices, so that a statement binds at most a thousand ids.
        for start in stride(from: 0, to: measures.count, by: 1000) {
            let ids = measures[start..<min(measures.count, start + 1000)].map { "\(bind: $0.rawValue)" as SQLQueryString }
                .joined(separator: ", ")
            let sql: SQLQueryString = """
                SELECT measure_id, indicator, value, first_rank, last_rank FROM (
                    SELECT measure_id, indicator, value,
                        ROW_NUMBER() OVER (PARTITION BY measure_id, indicator ORDER BY value_date, id) AS first_rank,
                        ROW_NUMBER() OVER (PARTITION BY measure_id, indicator ORDER BY value_date DESC, id DESC) AS last_rank
                    FROM indicator_values WHERE replaced_by_id IS NULL AND measure_id IN (
                """ + ids + ")) v WHERE first_rank = 1 OR last_rank = 1"
            let rows = try await database.read { db in try await db.raw(sql).all() }
            for row in rows {
                let measure = MeasureID(try row.decode(column: "measure_id", as: Int64.self))
                let name = try row.decode(column: "indicator", as: String.self), value = try row.decode(column: "value", as: Double.self)
                var end = ends[measure]?[name] ?? IndicatorEnds(first: value, latest: value)
                if try row.decode(column: "first_rank", as: Int.self) == 1 { end.first = value }
                if try row.decode(column: "last_rank", as: Int.self) == 1 { end.latest = value }
                ends[measure, default: [:]][name] = end
            }
        }
        return ends
    }

    /// A number per measure of a page, from a query over `measure_id IN (ids)` that selects `measure_id` and `n`.
    func perMeasure(_ measures: [MeasureID], _ query: (SQLQueryString) -> SQLQueryString) async throws -> [MeasureID: Int] {
        guard !measures.isEmpty else { return [:] }
        let sql = query(measures.map { "\(bind: $0.rawValue)" as SQLQueryString }.joined(separator: ", "))
        return try await database.read { db in
            var numbers: [MeasureID: Int] = [:]
            for row in try await db.raw(sql).all() {
                numbers[MeasureID(try row.decode(column: "measure_id", as: Int64.self))] = try row.decode(column: "n", as: Int.self)
            }
            return numbers
        }
    }

    public func progressCounts(states: [MeasureState]) async throws -> [ProgressStatus?: Int] {
        guard !states.isEmpty else { return [:] }
        let list = states.map { "\(bind: $0.description)" as SQLQueryString }.joined(separator: ", ")
        let sql: SQLQueryString = "SELECT progress_status, COUNT(*) AS n FROM measures WHERE public = 1 AND state IN (" + list
            + ") GROUP BY progress_status"
        return try await database.read { db in
            var counts: [ProgressStatus?: Int] = [:]
            for row in try await db.raw(sql).all() {
                let status = try row.decode(column: "progress_status", as: String?.self).flatMap(ProgressStatus.init(rawValue:))
                counts[status, default: 0] += try row.decode(column: "n", as: Int.self)
            }
            return counts
        }
    }

    public func districtCounts(states: [MeasureState]) async throws -> [String: Int] {
        guard !states.isEmpty else { return [:] }
        let list = states.map { "\(bind: $0.description)" as SQLQueryString }.joined(separator: ", ")
        let sql: SQLQueryString = "SELECT COALESCE(d.district_key, '') AS district, COUNT(*) AS n FROM measures m"
            + " LEFT JOIN measure_districts d ON d.measure_id = m.id WHERE m.public = 1 AND m.state IN (" + list + ") GROUP BY d.district_key"
        return try await database.read { db in
            var counts: [String: Int] = [:]
            for row in try await db.raw(sql).all() {
                counts[try row.decode(column: "district", as: String.self), default: 0] += try row.decode(column: "n", as: Int.self)
            }
            return counts
        }
    }

    public func sponsorMembers(of measure: MeasureID) async throws -> [UserID] {
        try await database.read { db in
            try await db.raw("""
                SELECT uo.user_id FROM measures m JOIN user_organisations uo ON uo.organisation_id = m.sponsor_organisation_id
                WHERE m.id = \(bind: measure.rawValue) AND uo.status = 'confirmed' ORDER BY uo.user_id LIMIT 500
                """).all().map { UserID(try $0.decode(column: "user_id", as: Int64.self)) }
        }
    }
}
