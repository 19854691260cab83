public enum FormatTag {}
public typealias FormatID = ID<FormatTag>

/// A participation format: a workshop, a future workshop, a conference, an online dialogue, a survey
/// or an information event, with its place, time, capacity and, afterwards, its documentation.
public struct Format: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case workshop
        case futureWorkshop = "future_workshop"
        case regionalConference = "regional_conference"
        case onlineDialogue = "online_dialogue"
        case survey
        case informationEvent = "information_event"

        public var catalogKey: String { "format.kind.\(rawValue)" }
    }

    public struct Documentation: Sendable, Equatable {
        public var summary: String
        public var participants: Int
        public var attachments: String

        public init(summary: String, participants: Int, attachments: String) {
            self.summary = summary
            self.participants = participants
            self.attachments = attachments
        }
    }

    public var id: FormatID
    public var kind: Kind
    public var title: String
    public var description: String
    public var fields: [String]
    public var districtKey: String
    public var municipalityKey: String?
    public var place: String
    public var onlineURL: String?
    /// What participants should bring; empty when nothing.
    public var bring = ""
    /// Milliseconds since 1970 (UTC).
    public var startsAt: Int64
    public var endsAt: Int64
    /// nil: no registration limit.
    public var capacity: Int?
    public var facilitatorID: UserID?
    public var facilitatorName: String?
    public var registeredCount: Int
    public var waitlistCount: Int
    public var contributionCount: Int
    public var documentation: Documentation?

    public init(
        id: FormatID, kind: Kind, title: String, description: String, fields: [String], districtKey: String,
        municipalityKey: String?, place: String, onlineURL: String?, startsAt: Int64, endsAt: Int64, capacity: Int?,
        facilitatorID: UserID?, facilitatorName: String?, registeredCount: Int, waitlistCount: Int, contributionCount: Int,
        documentation: Documentation?
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.description = description
        self.fields = fields
        self.districtKey = districtKey
        self.municipalityKey = municipalityKey
        self.place = place
        self.onlineURL = onlineURL
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.capacity = capacity
        self.facilitatorID = facilitatorID
        self.facilitatorName = facilitatorName
        self.registeredCount = registeredCount
        self.waitlistCount = waitlistCount
        self.contributionCount = contributionCount
        self.documentation = documentation
    }

    /// How many may wait once the format is full: as many as it seats, at least ten.
    public var waitlistCapacity: Int? { capacity.map { max($0, 10) } }

    public func isOver(at now: Int64) -> Bool { endsAt <= now }
    public var isFull: Bool { capacity.map { registeredCount >= $0 } ?? false }
}

/// Where a person stands for a format.
public enum RegistrationStatus: String, Sendable, Codable {
    case confirmed
    case waitlisted
}
