/// What a person does in the masterplan process. One role per account; a ministry reviewer is bound to a ministry.
public enum Role: String, CaseIterable, Sendable, Codable {
    case participant
    case facilitator
    case conventionOffice = "convention_office"
    case ministryReviewer = "ministry_reviewer"
    case steeringCommitteeMember = "steering_committee_member"
    case administrator

    /// The key of this role's name in the string catalog.
    public var catalogKey: String { "role.\(rawValue)" }
}
