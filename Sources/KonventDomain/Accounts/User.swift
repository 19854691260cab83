import struct Foundation.Date

public enum UserTag {}
public typealias UserID = ID<UserTag>

/// A registered account as the application sees it (never with its password hash).
public struct User: Sendable, Equatable, Codable {
    public var id: UserID
    public var email: EmailAddress
    public var displayName: String
    public var role: Role
    /// The ministry a ministry reviewer acts for (a key from the configuration).
    public var ministry: String?
    public var emailConfirmedAt: Date?
    public var createdAt: Date
    public var locale: Language

    public init(
        id: UserID, email: EmailAddress, displayName: String, role: Role, ministry: String?,
        emailConfirmedAt: Date?, createdAt: Date, locale: Language
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.ministry = ministry
        self.emailConfirmedAt = emailConfirmedAt
        self.createdAt = createdAt
        self.locale = locale
    }

    public var isConfirmed: Bool { emailConfirmedAt != nil }
}

/// The languages the platform speaks: German first, English second.
public enum Language: String, CaseIterable, Sendable, Codable {
    case de, en

    public static let `default` = Language.de
}
