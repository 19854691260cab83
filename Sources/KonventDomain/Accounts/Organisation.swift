public enum OrganisationTag {}
public typealias OrganisationID = ID<OrganisationTag>

/// An organisation that a user may act for when contributing, once its members or the convention
/// office have confirmed them.
public struct Organisation: Sendable, Equatable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case municipality, company, association, chamber, university
        case publicBody = "public_body"
        case other

        public var catalogKey: String { "organisation.kind.\(rawValue)" }
    }

    public var id: OrganisationID
    public var name: String
    public var kind: Kind
    /// The official municipality key (AGS) for municipalities, when known.
    public var officialKey: String?
    /// The convention office has checked that the organisation is who it says (a public badge).
    public var verified: Bool

    public init(id: OrganisationID, name: String, kind: Kind, officialKey: String? = nil, verified: Bool = false) {
        self.id = id
        self.name = name
        self.kind = kind
        self.officialKey = officialKey
        self.verified = verified
    }
}

/// A person's tie to an organisation. Only a confirmed membership lets them act for it.
public struct Membership: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Founded by the person, or confirmed by a member or the office.
        case confirmed
        /// Asked for; waits for a confirmed member or the office.
        case requested
    }

    public var organisation: Organisation
    public var user: UserID
    public var displayName: String
    public var status: Status
    /// Made by name before memberships needed confirmation: it stands, but the office looks at it.
    public var needsReview: Bool
    /// Milliseconds since 1970; 0 for memberships older than the record.
    public var since: Int64

    public init(
        organisation: Organisation, user: UserID, displayName: String, status: Status, needsReview: Bool = false, since: Int64 = 0
    ) {
        self.organisation = organisation
        self.user = user
        self.displayName = displayName
        self.status = status
        self.needsReview = needsReview
        self.since = since
    }
}

/// What adding an organisation by name came to.
public enum JoinOutcome: Sendable, Equatable {
    /// No organisation had the name: the person founded it and acts for it at once.
    case founded(Organisation)
    /// It exists: the person asked to join and waits for confirmation.
    case requested(Organisation)
    /// The person is a member already, or has asked already.
    case alreadyMember(Organisation)

    public var organisation: Organisation {
        switch self {
        case .founded(let o), .requested(let o), .alreadyMember(let o): o
        }
    }
}
