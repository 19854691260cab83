/// One numbered, forward-only change of the schema. Once landed, a migration is never edited:
/// a later change is a new migration.
public struct Migration: Sendable {
    public var version: Int
    public var name: String
    public var statements: @Sendable (SchemaDialect) -> [String]
}

/// The few places where SQLite and PostgreSQL spell a column differently.
public struct SchemaDialect: Sendable {
    public let kind: DatabaseKind

    /// An auto-numbered primary key.
    public var id: String {
        kind == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY"
    }

    /// A reference to another row's auto-numbered key.
    public var reference: String { "BIGINT" }

    /// The first element of an array inside a JSON text column, as text (for migrations that move
    /// a value out of stored content into a column).
    public func firstElement(ofJSON column: String, array key: String) -> String {
        kind == .sqlite ? "json_extract(\(column), '$.\(key)[0]')" : "((\(column))::jsonb -> '\(key)' ->> 0)"
    }
}

/// Every migration, in order. Add new ones at the end, in files of their own.
public enum Migrations {
    public static let all: [Migration] = [
        m001Accounts,
        m002Contributions,
        m003Formats,
        m004Measures,
        m005Review,
        m006Masterplan,
        m007MainField,
        m008Trust,
        m009DataVersions,
        m010OwnEdits,
        m011Search,
        m012Implementation,
        m013Funding,
        m014SearchPrefixes,
        m015MeasureDistricts,
        m016MeasureFollows,
        m017Administration,
        m018Themes,
        m019Announcements,
        m020SharedLimits,
    ]

    public static var latestVersion: Int { all.last?.version ?? 0 }
}
