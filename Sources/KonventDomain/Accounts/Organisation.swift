public enum OrganisationTag {}
public typealias OrganisationID = ID<OrganisationTag>

/// An organisation that a user may act for when contributing.
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

    public init(id: OrganisationID, name: String, kind: Kind, officialKey: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.officialKey = officialKey
    }
}
