import KonventDomain

/// How a list of formats is asked for. Upcoming formats run from the next one onwards, past ones
/// from the latest backwards; both page by key.
public struct FormatQuery: Sendable, Equatable {
    public enum When: String, CaseIterable, Sendable {
        case upcoming, past

        public var catalogKey: String { "formats.when.\(rawValue)" }
    }

    public var when = When.upcoming
    public var kind: Format.Kind?
    public var field: String?
    public var district: String?
    public var facilitator: UserID?
    public var after: PageKey?
    /// The page that ends just before this key (a "previous" link); wins over `after`.
    public var before: PageKey?
    public var limit = 20

    public init() {}
}

public struct FormatPage: Sendable {
    public var items: [Format]
    public var next: PageKey?
    public var previous: PageKey?
}

/// Why a registration was not taken.
public enum RegistrationRefusal: Error, Sendable, Equatable {
    case alreadyRegistered
    /// Every seat and every waitlist place is taken.
    case full
    /// The format has ended.
    case over
    /// The format takes no registrations (no capacity set and it is a survey, say): not used yet.
    case notFound
}

/// A person as a mail recipient.
public struct Recipient: Sendable, Equatable {
    public var id: UserID
    public var email: EmailAddress
    public var name: String
    public var language: Language
}

public struct FormatRegistration: Sendable, Equatable {
    public var format: Format
    public var status: RegistrationStatus
}

public struct Participant: Sendable, Equatable {
    public var id: UserID
    public var name: String
    public var email: String
    public var status: RegistrationStatus
    public var registeredAt: Timestamp
    /// Marked by the facilitator on the day.
    public var attended = false
}

public protocol FormatStore: Sendable {
    func create(_ draft: FormatDraft, facilitator: UserID, actor: UserID, at time: Timestamp) async throws -> FormatID
    /// `facilitator` nil keeps the one the format has.
    func update(_ id: FormatID, _ draft: FormatDraft, facilitator: UserID?, actor: UserID, at time: Timestamp) async throws
    func format(_ id: FormatID) async throws -> Format?
    func list(_ query: FormatQuery, now: Timestamp) async throws -> FormatPage
    /// How many match the query's filters (not its page), counted up to `ContributionPage.countLimit + 1`.
    func count(_ query: FormatQuery, now: Timestamp) async throws -> Int
    /// Formats that start from `from` on, by start, for the calendar feed.
    func calendar(from: Timestamp, limit: Int) async throws -> [Format]
    /// A seat when one is free, else a waitlist place; throws `RegistrationRefusal`. The mail `mail`
    /// writes for the outcome (a confirmation, a waitlist notice) is queued in the same transaction.
    func register(
        _ id: FormatID, user: UserID, at time: Timestamp, mail: @Sendable (Recipient, Format, RegistrationStatus) -> OutgoingMail?
    ) async throws -> RegistrationStatus
    /// Queues a reminder for each confirmed registration of the formats that start between `from`
    /// and `until`, once per registration (it is marked in the same transaction). Returns how many.
    func queueReminders(from: Timestamp, until: Timestamp, mail: @Sendable (Recipient, Format) -> OutgoingMail) async throws -> Int
    /// Cancels a registration. When it freed a seat, the first on the waitlist moves up and gets the
    /// mail `moveUpMail` writes, in the same transaction. Returns whether there was a registration.
    @discardableResult
    func cancel(
        _ id: FormatID, user: UserID, at time: Timestamp, moveUpMail: @Sendable (Recipient, Format) -> OutgoingMail
    ) async throws -> Bool
    func registration(_ id: FormatID, user: UserID) async throws -> RegistrationStatus?
    func registrations(of user: UserID) async throws -> [FormatRegistration]
    func participants(_ id: FormatID) async throws -> [Participant]
    /// Marks who of the seated came (everyone else seated did not); returns how many came.
    @discardableResult
    func recordAttendance(_ id: FormatID, attended: Set<UserID>, actor: UserID, at time: Timestamp) async throws -> Int
    func document(_ id: FormatID, _ documentation: Format.Documentation, actor: UserID, at time: Timestamp) async throws
}

extension FormatStore {
    /// A registration without a mail (the demo data, tests).
    public func register(_ id: FormatID, user: UserID, at time: Timestamp) async throws -> RegistrationStatus {
        try await register(id, user: user, at: time) { _, _, _ in nil }
    }
}
