import KonventDomain
import SQLKit

/// The office's themes and which contributions carry them; every change with its audit entry.
public protocol ThemeStore: Sendable {
    /// Throws `StorageError.duplicate` when a theme of that name (ignoring case) exists.
    func create(_ name: String, actor: UserID, at time: Timestamp) async throws -> ThemeID
    func delete(_ id: ThemeID, actor: UserID, at time: Timestamp) async throws
    /// All themes by name, each with its listed contributions counted (one GROUP BY).
    func themes() async throws -> [Theme]
    func theme(_ id: ThemeID) async throws -> Theme?
    /// Tags the contributions with the theme; those tagged already are left as they are.
    func tag(_ contributions: [ContributionID], with theme: ThemeID, actor: UserID, at time: Timestamp) async throws
    func untag(_ contribution: ContributionID, from theme: ThemeID, actor: UserID, at time: Timestamp) async throws
    /// The themes a contribution carries, by name.
    func themes(of contribution: ContributionID) async throws -> [Theme]
    /// The ids among `contributions` that carry the theme.
    func tagged(_ contributions: [ContributionID], with theme: ThemeID) async throws -> Set<ContributionID>
}

public struct SQLThemeStore: ThemeStore {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    public func create(_ name: String, actor: UserID, at time: Timestamp) async throws -> ThemeID {
        do {
            return try await database.write { db in
                if try await db.raw("SELECT id FROM themes WHERE name_key = \(bind: name.lowercased())").first() != nil {
                    throw StorageError.duplicate(field: "name")
                }
                let id = try await db.raw("""
                    INSERT INTO themes (name, name_key, created_at, created_by)
                    VALUES (\(bind: name), \(bind: name.lowercased()), \(bind: time.milliseconds), \(bind: actor.rawValue)) RETURNING id
                    """).first()!.decode(column: "id", as: Int64.self)
                try await AuditTrail.append(AuditEvent(actor: actor, action: "theme.created", subject: "theme:\(id)", detail: name), at: time, in: db)
                return ThemeID(id)
            }
        } catch let error where isUniqueViolation(error) {
            throw StorageError.duplicate(field: "name")
        }
    }

    public func delete(_ id: ThemeID, actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard let row = try await db.raw("SELECT name FROM themes WHERE id = \(bind: id.rawValue)").first() else { throw StorageError.notFound }
            try await db.raw("DELETE FROM contribution_themes WHERE theme_id = \(bind: id.rawValue)").run()
            try await db.raw("DELETE FROM themes WHERE id = \(bind: id.rawValue)").run()
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "theme.deleted", subject: "theme:\(id)", detail: try row.decode(column: "name", as: String.self)),
                at: time, in: db)
        }
    }

    static let counted: SQLQueryString = """
        SELECT t.id, t.name, COUNT(c.id) AS n FROM themes t
        LEFT JOIN contribution_themes ct ON ct.theme_id = t.id
        LEFT JOIN contributions c ON c.id = ct.contribution_id AND c.listed = 1
        """

    static func decode(_ row: any SQLRow) throws -> Theme {
        Theme(id: ThemeID(try row.decode(column: "id", as: Int64.self)), name: try row.decode(column: "name", as: String.self),
              contributions: try row.decode(column: "n", as: Int.self))
    }

    public func themes() async throws -> [Theme] {
        try await database.read { db in
            try await db.raw(Self.counted + " GROUP BY t.id, t.name, t.name_key ORDER BY t.name_key").all().map(Self.decode)
        }
    }

    public func theme(_ id: ThemeID) async throws -> Theme? {
        try await database.read { db in
            try await db.raw(Self.counted + " WHERE t.id = \(bind: id.rawValue) GROUP BY t.id, t.name").first().map(Self.decode)
        }
    }

    public func tag(_ contributions: [ContributionID], with theme: ThemeID, actor: UserID, at time: Timestamp) async throws {
        guard !contributions.isEmpty else { return }
        try await database.write { db in
            guard try await db.raw("SELECT id FROM themes WHERE id = \(bind: theme.rawValue)").first() != nil else { throw StorageError.notFound }
            let chosen = Set(contributions).sorted()
            let list = chosen.map { "\(bind: $0.rawValue)" as SQLQueryString }.joined(separator: ", ")
            let listed = try await db.raw("SELECT COUNT(*) AS n FROM contributions WHERE listed = 1 AND id IN (" + list + ")").first()?
                .decode(column: "n", as: Int.self) ?? 0
            guard listed == chosen.count else { throw StorageError.notFound }
            for contribution in chosen {
                try await db.raw("""
                    INSERT INTO contribution_themes (theme_id, contribution_id, added_at)
                    VALUES (\(bind: theme.rawValue), \(bind: contribution.rawValue), \(bind: time.milliseconds)) ON CONFLICT DO NOTHING
                    """).run()
                try await AuditTrail.append(
                    AuditEvent(actor: actor, action: "theme.tagged", subject: "contribution:\(contribution)", detail: "theme=\(theme)"),
                    at: time, in: db)
            }
        }
    }

    public func untag(_ contribution: ContributionID, from theme: ThemeID, actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            try await db.raw("""
                DELETE FROM contribution_themes WHERE theme_id = \(bind: theme.rawValue) AND contribution_id = \(bind: contribution.rawValue)
                """).run()
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "theme.untagged", subject: "contribution:\(contribution)", detail: "theme=\(theme)"),
                at: time, in: db)
        }
    }

    public func themes(of contribution: ContributionID) async throws -> [Theme] {
        try await database.read { db in
            try await db.raw("""
                SELECT t.id, t.name, 0 AS n FROM themes t JOIN contribution_themes ct ON ct.theme_id = t.id
                WHERE ct.contribution_id = \(bind: contribution.rawValue) ORDER BY t.name_key
                """).all().map(Self.decode)
        }
    }

    public func tagged(_ contributions: [ContributionID], with theme: ThemeID) async throws -> Set<ContributionID> {
        guard !contributions.isEmpty else { return [] }
        let list = contributions.map { "\(bind: $0.rawValue)" as SQLQueryString }.joined(separator: ", ")
        let sql: SQLQueryString = "SELECT contribution_id FROM contribution_themes WHERE theme_id = \(bind: theme.rawValue) AND contribution_id IN ("
            + list + ")"
        return try await database.read { db in
            Set(try await db.raw(sql).all().map { ContributionID(try $0.decode(column: "contribution_id", as: Int64.self)) })
        }
    }
}
