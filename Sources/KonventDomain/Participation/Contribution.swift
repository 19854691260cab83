import struct Foundation.Date

public enum ContributionTag {}
public typealias ContributionID = ID<ContributionTag>

/// What people bring into the process: a challenge, a potential, an idea or a project idea, tied to
/// fields of action and a place.
public struct Contribution: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case challenge, potential, idea
        case projectIdea = "project_idea"

        public var catalogKey: String { "contribution.kind.\(rawValue)" }
    }

    /// Where a contribution stands; every change is recorded with a reason.
    public enum Status: String, CaseIterable, Sendable, Codable {
        case submitted, published, hidden, merged
        case takenUp = "taken_up"
        case notPursued = "not_pursued"

        public var catalogKey: String { "contribution.status.\(rawValue)" }
        /// Whether the public sees the contribution in lists.
        public var isListed: Bool { self == .published || self == .takenUp || self == .notPursued }

        /// Which status the office may set from this one. Merging has its own step (it needs the
        /// survivor), and "taken up" comes from a measure.
        public func mayChange(to next: Status) -> Bool {
            switch (self, next) {
            case (.submitted, .published), (.submitted, .hidden): true
            case (.published, .hidden), (.published, .notPursued): true
            case (.hidden, .published), (.notPursued, .published): true
            default: false
            }
        }

        /// Whether the change must say why (everything but publishing).
        public var needsReason: Bool { self != .published }
    }

    public var id: ContributionID
    public var kind: Kind
    public var title: String
    public var text: String
    public var fields: [String]
    public var districtKey: String
    public var municipalityKey: String?
    public var authorID: UserID?
    /// The author's display name, or nil when the author chose to appear anonymously (or left).
    public var publicAuthorName: String?
    public var organisationName: String?
    /// The convention office has verified the organisation the author acts for.
    public var organisationVerified = false
    public var status: Status
    public var statusReason: String?
    public var supportCount: Int
    public var commentCount: Int
    public var createdAt: Date
    public var formatID: FormatID?
    public var formatTitle: String?
    public var mergedIntoID: ContributionID?
    public var profile: ProjectProfile?
    public var followerCount = 0
    /// When the author last changed the wording; nil while it is as first submitted.
    public var editedAt: Date?

    /// Whether the author may still change the wording: only until the office has done anything
    /// with it (taken it up, merged, hidden or closed it), so that nobody decides on a moving text.
    public var isOpenForItsAuthor: Bool { status == .submitted || status == .published }

    public init(
        id: ContributionID, kind: Kind, title: String, text: String, fields: [String], districtKey: String,
        municipalityKey: String?, authorID: UserID?, publicAuthorName: String?, organisationName: String?,
        status: Status, statusReason: String?, supportCount: Int, commentCount: Int, createdAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.text = text
        self.fields = fields
        self.districtKey = districtKey
        self.municipalityKey = municipalityKey
        self.authorID = authorID
        self.publicAuthorName = publicAuthorName
        self.organisationName = organisationName
        self.status = status
        self.statusReason = statusReason
        self.supportCount = supportCount
        self.commentCount = commentCount
        self.createdAt = createdAt
    }
}

/// A wording the author replaced, kept for the office.
public struct ContributionVersion: Sendable, Equatable {
    public var title: String
    public var text: String
    /// When this wording was written (submitted, or the edit before).
    public var writtenAt: Date
    public var replacedAt: Date

    public init(title: String, text: String, writtenAt: Date, replacedAt: Date) {
        self.title = title
        self.text = text
        self.writtenAt = writtenAt
        self.replacedAt = replacedAt
    }
}

/// The author's new wording of a contribution, checked by the same rules as a new one.
public struct ContributionEdit: Sendable, Equatable {
    public var title: String
    public var text: String

    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }

    public static func validate(title rawTitle: String, text rawText: String) throws(ValidationFailure) -> ContributionEdit {
        var v = Validator()
        let title = rawTitle.trimmingWhitespace(), text = rawText.trimmingWhitespace()
        if title.count < ContributionDraft.titleLength.lowerBound { v.add("title", "error.contribution.title.short") }
        if title.count > ContributionDraft.titleLength.upperBound { v.add("title", "error.contribution.title.long") }
        if text.count < ContributionDraft.textLength.lowerBound { v.add("text", "error.contribution.text.short") }
        if text.count > ContributionDraft.textLength.upperBound { v.add("text", "error.contribution.text.long") }
        try v.finish()
        return ContributionEdit(title: title, text: text)
    }
}

/// A checked new contribution, ready to be stored.
public struct ContributionDraft: Sendable, Equatable {
    public var kind: Contribution.Kind
    public var title: String
    public var text: String
    public var fields: [String]
    public var districtKey: String
    public var municipalityKey: String?
    public var organisationID: OrganisationID?
    public var anonymous: Bool
    /// The format the contribution came from; nil when it was written online.
    public var formatID: FormatID?
    /// Only project ideas carry one.
    public var profile: ProjectProfile?

    public init(
        kind: Contribution.Kind, title: String, text: String, fields: [String], districtKey: String, municipalityKey: String?,
        organisationID: OrganisationID?, anonymous: Bool, formatID: FormatID? = nil, profile: ProjectProfile? = nil
    ) {
        self.formatID = formatID
        self.profile = profile
        self.kind = kind
        self.title = title
        self.text = text
        self.fields = fields
        self.districtKey = districtKey
        self.municipalityKey = municipalityKey
        self.organisationID = organisationID
        self.anonymous = anonymous
    }

    public static let titleLength = 5...140
    public static let textLength = 20...10_000

    /// Checks a submitted form against the rules and the region: known fields, a district of the
    /// region, a municipality inside that district, an organisation the author may act for.
    public static func validate(
        kind: String, title: String, text: String, fields: [String], district: String, municipality: String,
        organisation: String, anonymous: Bool, region: RegionConfiguration, organisations: [OrganisationID],
        profile profileInput: ProjectProfile.Input? = nil
    ) throws(ValidationFailure) -> ContributionDraft {
        var v = Validator()
        let kind = Contribution.Kind(rawValue: kind)
        if kind == nil { v.add("kind", "error.contribution.kind") }
        let title = title.trimmingWhitespace()
        if title.count < titleLength.lowerBound { v.add("title", "error.contribution.title.short") }
        if title.count > titleLength.upperBound { v.add("title", "error.contribution.title.long") }
        let text = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        if text.count < textLength.lowerBound { v.add("text", "error.contribution.text.short") }
        if text.count > textLength.upperBound { v.add("text", "error.contribution.text.long") }
        let known = Set(region.fieldsOfAction.map(\.key))
        let chosen = region.fieldsOfAction.map(\.key).filter(Set(fields).contains)
        if chosen.isEmpty || fields.contains(where: { !known.contains($0) }) { v.add("fields", "error.contribution.fields") }
        if !region.districts.contains(where: { $0.officialKey == district }) { v.add("district", "error.contribution.district") }
        var municipalityKey: String?
        if !municipality.isEmpty {
            if region.municipalities(in: district).contains(where: { $0.officialKey == municipality }) {
                municipalityKey = municipality
            } else {
                v.add("municipality", "error.contribution.municipality")
            }
        }
        var organisationID: OrganisationID?
        if !organisation.isEmpty {
            if let id = OrganisationID(organisation), organisations.contains(id) { organisationID = id } else {
                v.add("organisation", "error.contribution.organisation")
            }
        }
        if title.contains(where: \.isASCIIControl) { v.add("title", "error.contribution.title.invalid") }
        var profile: ProjectProfile?
        if kind == .projectIdea, let profileInput {
            profile = ProjectProfile.validate(profileInput, region: region, into: &v)
        }
        try v.finish()
        return ContributionDraft(
            kind: kind!, title: title, text: text, fields: chosen, districtKey: district, municipalityKey: municipalityKey,
            organisationID: organisationID, anonymous: anonymous, profile: profile)
    }
}
