import Foundation
import KonventDomain
import SQLKit

public struct MasterplanVersion: Sendable, Equatable {
    public var number: Int
    public var createdAt: Timestamp
    public var adoptedAt: Timestamp?
    /// Comments are taken until then; nil: not open for comments.
    public var commentsUntil: Timestamp?

    public func takesComments(at time: Timestamp) -> Bool { commentsUntil.map { time <= $0 } ?? false }
}

/// Why a change of the masterplan was not taken.
public enum MasterplanRefusal: Error, Sendable, Equatable {
    /// Someone saved the chapter since the form was opened.
    case stale(current: Int)
    /// The plan is adopted in this or a later version; adopting again needs a new version.
    case alreadyAdopted
    case unknownVersion
    /// The comment period of this version is over (or there was none).
    case commentsClosed
    /// The version has no paragraph with this address.
    case unknownParagraph
    case unknownComment
}

/// The masterplan's written chapters, its frozen versions, and the adopted measures it is made of.
public struct MasterplanStore: Sendable {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    /// The written chapters of the current draft: text and version by chapter key.
    public func chapters() async throws -> [String: (text: String, version: Int)] {
        try await database.read { db in
            var chapters: [String: (text: String, version: Int)] = [:]
            for row in try await db.raw("SELECT chapter_key, body, version FROM masterplan_chapters").all() {
                chapters[try row.decode(column: "chapter_key", as: String.self)] =
                    (try row.decode(column: "body", as: String.self), try row.decode(column: "version", as: Int.self))
            }
            return chapters
        }
    }

    /// Saves a chapter; `expectedVersion` is the version the form was opened on (0 for a new chapter).
    public func saveChapter(_ key: String, text: String, expectedVersion: Int, actor: UserID, at time: Timestamp) async throws {
        let lock = database.kind == .postgres ? " FOR UPDATE" : ""
        try await database.write { db in
            let current = try await db.raw("SELECT version FROM masterplan_chapters WHERE chapter_key = \(bind: key)\(unsafeRaw: lock)").first()?
                .decode(column: "version", as: Int.self) ?? 0
            guard current == expectedVersion else { throw MasterplanRefusal.stale(current: current) }
            try await db.raw("""
                INSERT INTO masterplan_chapters (chapter_key, body, version, updated_by, updated_at)
                VALUES (\(bind: key), \(bind: text), \(bind: current + 1), \(bind: actor.rawValue), \(bind: time.milliseconds))
                ON CONFLICT (chapter_key) DO UPDATE SET body = excluded.body, version = excluded.version,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """).run()
            try await AuditTrail.append(AuditEvent(actor: actor, action: "masterplan.chapter_saved", subject: "masterplan:\(key)",
                                                   detail: "version=\(current + 1)"), at: time, in: db)
        }
    }

    /// Freezes the document as the next numbered version, open for comments until `commentsUntil`.
    public func publish(_ document: MasterplanDocument, commentsUntil: Timestamp? = nil, actor: UserID, at time: Timestamp) async throws -> Int {
        let json = String(decoding: try JSONEncoder.sorted.encode(document), as: UTF8.self)
        let lock = database.kind == .postgres ? " FOR UPDATE" : ""
        return try await database.write { db in
            // Numbers follow one another; the lock on the last version keeps two publications apart.
            let last = try await db.raw("SELECT number FROM masterplan_versions ORDER BY number DESC LIMIT 1\(unsafeRaw: lock)").first()?
                .decode(column: "number", as: Int.self) ?? 0
            try await db.raw("""
                INSERT INTO masterplan_versions (number, document, comments_until, created_by, created_at)
                VALUES (\(bind: last + 1), \(bind: json), \(bind: commentsUntil?.milliseconds), \(bind: actor.rawValue), \(bind: time.milliseconds))
                """).run()
            try await AuditTrail.append(AuditEvent(actor: actor, action: "masterplan.published", subject: "masterplan:\(last + 1)",
                                                   detail: document.status), at: time, in: db)
            return last + 1
        }
    }

    /// Marks a version as the adopted plan; only the newest version can be adopted, once.
    public func adopt(_ number: Int, document: MasterplanDocument, actor: UserID, at time: Timestamp) async throws {
        let json = String(decoding: try JSONEncoder.sorted.encode(document), as: UTF8.self)
        try await database.write { db in
            guard let newest = try await db.raw("SELECT number, adopted_at FROM masterplan_versions ORDER BY number DESC LIMIT 1").first()
            else { throw MasterplanRefusal.unknownVersion }
            guard try newest.decode(column: "number", as: Int.self) == number else { throw MasterplanRefusal.unknownVersion }
            guard try newest.decode(column: "adopted_at", as: Int64?.self) == nil else { throw MasterplanRefusal.alreadyAdopted }
            try await db.raw("""
                UPDATE masterplan_versions SET adopted_at = \(bind: time.milliseconds), document = \(bind: json) WHERE number = \(bind: number)
                """).run()
            try await AuditTrail.append(AuditEvent(actor: actor, action: "masterplan.adopted", subject: "masterplan:\(number)", detail: ""),
                                        at: time, in: db)
        }
    }

    public func versions() async throws -> [MasterplanVersion] {
        try await database.read { db in
            try await db.raw("SELECT number, created_at, adopted_at, comments_until FROM masterplan_versions ORDER BY number DESC").all().map {
                MasterplanVersion(number: try $0.decode(column: "number", as: Int.self),
                                  createdAt: Timestamp(milliseconds: try $0.decode(column: "created_at", as: Int64.self)),
                                  adoptedAt: try $0.decode(column: "adopted_at", as: Int64?.self).map(Timestamp.init(milliseconds:)),
                                  commentsUntil: try $0.decode(column: "comments_until", as: Int64?.self).map(Timestamp.init(milliseconds:)))
            }
        }
    }

    public func version(_ number: Int) async throws -> MasterplanDocument? {
        try await database.read { db in
            try await db.raw("SELECT document FROM masterplan_versions WHERE number = \(bind: number)").first().map {
                try JSONDecoder().decode(MasterplanDocument.self, from: Data(try $0.decode(column: "document", as: String.self).utf8))
            }
        }
    }

    /// A comment on a paragraph of a published version, while its comment period runs.
    public func addComment(version: Int, paragraph: String, body: String, author: UserID, at time: Timestamp) async throws -> Int64 {
        try await database.write { db in
            guard let row = try await db.raw("SELECT document, comments_until FROM masterplan_versions WHERE number = \(bind: version)").first()
            else { throw MasterplanRefusal.unknownVersion }
            guard let until = try row.decode(column: "comments_until", as: Int64?.self), time.milliseconds <= until else {
                throw MasterplanRefusal.commentsClosed
            }
            let document = try JSONDecoder().decode(MasterplanDocument.self, from: Data(try row.decode(column: "document", as: String.self).utf8))
            guard document.paragraphs.contains(where: { $0.id == paragraph }) else { throw MasterplanRefusal.unknownParagraph }
            let id = try await db.raw("""
                INSERT INTO masterplan_comments (version, paragraph, author_id, body, created_at)
                VALUES (\(bind: version), \(bind: paragraph), \(bind: author.rawValue), \(bind: body), \(bind: time.milliseconds)) RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await AuditTrail.append(AuditEvent(actor: author, action: "masterplan.commented", subject: "masterplan:\(version)",
                                                   detail: "paragraph=\(paragraph) comment=\(id)"), at: time, in: db)
            return id
        }
    }

    /// The office's answer and how the comment was taken into account.
    public func answer(_ comment: Int64, resolution: PlanComment.Resolution, answer: String, actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard try await db.raw("SELECT id FROM masterplan_comments WHERE id = \(bind: comment)").first() != nil else {
                throw MasterplanRefusal.unknownComment
            }
            try await db.raw("""
                UPDATE masterplan_comments SET resolution = \(bind: resolution.rawValue), answer = \(bind: answer), answered_by = \(bind: actor.rawValue),
                    answered_at = \(bind: time.milliseconds)
                WHERE id = \(bind: comment)
                """).run()
            try await AuditTrail.append(AuditEvent(actor: actor, action: "masterplan.comment_answered", subject: "comment:\(comment)",
                                                   detail: resolution.rawValue), at: time, in: db)
        }
    }

    public func comment(_ id: Int64) async throws -> PlanComment? {
        try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.commentColumns) WHERE c.id = \(bind: id)").first().map(Self.decodeComment)
        }
    }

    static let commentColumns = """
        c.id, c.version, c.paragraph, u.display_name, c.body, c.created_at, c.resolution, c.answer
        FROM masterplan_comments c LEFT JOIN users u ON u.id = c.author_id
        """

    /// The comments on a version, oldest first.
    public func comments(version: Int) async throws -> [PlanComment] {
        try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.commentColumns) WHERE c.version = \(bind: version) ORDER BY c.id").all()
                .map(Self.decodeComment)
        }
    }

    static func decodeComment(_ row: any SQLRow) throws -> PlanComment {
        PlanComment(
            id: try row.decode(column: "id", as: Int64.self), version: try row.decode(column: "version", as: Int.self),
            paragraph: try row.decode(column: "paragraph", as: String.self), authorName: try row.decode(column: "display_name", as: String?.self),
            body: try row.decode(column: "body", as: String.self), createdAt: try row.decode(column: "created_at", as: Int64.self),
            resolution: try row.decode(column: "resolution", as: String?.self).flatMap(PlanComment.Resolution.init),
            answer: try row.decode(column: "answer", as: String?.self))
    }

    /// The adopted measures with their ministries, the conditions of their decision and their sources:
    /// four queries, whatever the number of measures.
    public func plannedMeasures(limit: Int = 2000) async throws -> [PlannedMeasure] {
        let list = SQLImplementationStore.adoptedStates
        return try await database.read { db in
            let measures = try await db.raw("SELECT \(unsafeRaw: SQLMeasureStore.columns) FROM measures m WHERE m.state IN (" + list
                                            + ") ORDER BY m.code_prefix, m.code_number LIMIT \(bind: limit)").all().map(SQLMeasureStore.decode)
            var ministries: [Int64: [String]] = [:], conditions: [Int64: (String, Int64)] = [:], sources: [Int64: [(Int64, String)]] = [:]
            for row in try await db.raw("""
                SELECT x.measure_id, x.ministry FROM measure_ministries x JOIN measures m ON m.id = x.measure_id
                WHERE m.state IN (
                """ + list + ") ORDER BY x.measure_id, x.lead DESC, x.ministry").all() {
                ministries[try row.decode(column: "measure_id", as: Int64.self), default: []].append(try row.decode(column: "ministry", as: String.self))
            }
            // The conditions of the decision that concluded the last stage (the latest conclusion).
            for row in try await db.raw("""
                SELECT c.measure_id, c.conditions, c.concluded_at FROM conclusions c JOIN measures m ON m.id = c.measure_id
                WHERE c.concluded_at IS NOT NULL AND m.state IN (
                """ + list + ") ORDER BY c.measure_id, c.concluded_at").all() {
                conditions[try row.decode(column: "measure_id", as: Int64.self)] =
                    (try row.decode(column: "conditions", as: String.self), try row.decode(column: "concluded_at", as: Int64.self))
            }
            for row in try await db.raw("""
                SELECT s.measure_id, c.id AS contribution_id, c.title FROM measure_sources s JOIN contributions c ON c.id = s.contribution_id
                JOIN measures m ON m.id = s.measure_id WHERE m.state IN (
                """ + list + ") ORDER BY s.measure_id, s.created_at, c.id").all() {
                sources[try row.decode(column: "measure_id", as: Int64.self), default: []].append(
                    (try row.decode(column: "contribution_id", as: Int64.self), try row.decode(column: "title", as: String.self)))
            }
            return measures.map { measure in
                let id = measure.id.rawValue
                var planned = PlannedMeasure(measure: measure, ministries: ministries[id] ?? [], conditions: conditions[id]?.0 ?? "",
                                             decidedOn: conditions[id].map { CalendarDate.iso(milliseconds: $0.1) }, sources: (sources[id] ?? []).map(\.1))
                planned.sourceIDs = (sources[id] ?? []).map(\.0)
                return planned
            }
        }
    }
}
