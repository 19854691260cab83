/// Everything an actor may try to do. Later capabilities add their actions here, so that the one
/// policy below stays the only place where access is decided.
public enum Action: String, CaseIterable, Sendable {
    // Public reading and account life cycle.
    case readPublic
    case register
    case signIn
    case viewAccount
    case editAccount
    case exportAccountData
    case deleteAccount
    // Participation.
    case contribute
    case comment
    case support
    case follow
    case report
    case attendFormat
    /// Changing or deleting something one wrote oneself (a comment, within its window).
    case editOwnContent
    case moderate
    /// Confirming or declining a request to join an organisation (on `.organisation`): its
    /// confirmed members, and the office.
    case confirmMembership
    /// Verifying organisations, reviewing and removing their members: the office.
    case manageOrganisations
    /// Getting everything that came in out for analysis (exports, cross-tabulations): the office.
    case analyse
    /// Writing and sending announcements to the people who asked for them: the office.
    case announce
    /// Creating formats (on `.platform`), or changing one (on `.owned(by: facilitator)`).
    case manageFormats
    // Measures, review and the masterplan.
    /// Reading a measure (on `.measure`): drafts are internal.
    case viewMeasure
    /// Reading the internal assessments of a measure (on `.measure`).
    case viewAssessments
    /// Creating measures (on `.platform`), changing one (on `.measure`, while its state allows), moving
    /// it along the office's steps.
    case writeMeasures
    /// Writing an assessment (on `.assessment`): the office its screenings, a ministry its own, while the stage is open.
    case assessMeasure
    /// Recording the decisions of a session (on `.session`): the office as the bodies' secretariat, or the chair.
    case decideMeasure
    /// Planning the sessions of the bodies (on `.platform`, or `.session` until it is published).
    case manageSessions
    /// Releasing a session's decisions and minutes to the public (on `.session`): its chair.
    case releaseSession
    /// Reading a session's decisions, votes and minutes (on `.session`): public once released.
    case viewDecisions
    case editMasterplan
    // Implementation.
    /// Reporting progress, milestones and indicator values (on `.implementation`): the sponsor's
    /// confirmed members, the lead ministry's reviewers and the office, once the measure is adopted.
    case reportProgress
    /// Publishing submitted progress reports (on `.implementation`): the office.
    case publishProgress
    // Operating the platform.
    case manageUsers
    case viewAuditTrail
}

/// What an action is done to, where it matters who owns or is responsible for it.
public enum Subject: Sendable, Equatable {
    /// The platform as a whole (no particular owner).
    case platform
    /// A user's own account.
    case account(owner: UserID)
    /// An assessment by this assessor, and whether its stage is open for it now.
    case assessment(by: Assessor, open: Bool)
    /// A session of a body, with its chair, and whether its decisions are released.
    case session(chair: UserID?, published: Bool)
    /// Something a person is responsible for: a format's facilitator, a comment's author.
    case owned(by: UserID?)
    /// An organisation with its confirmed members.
    case organisation(members: [UserID])
    /// A measure in its state, with the ministries assigned to it (lead first).
    case measure(state: MeasureState, ministries: [String])
    /// A measure's implementation: its state, its ministries (lead first) and the confirmed members
    /// of its sponsor organisation.
    case implementation(state: MeasureState, ministries: [String], sponsorMembers: [UserID])
}

/// The answer, with a reason that a page can explain to the visitor.
public enum Decision: Sendable, Equatable {
    case allow
    case deny(DenialReason)

    public var isAllowed: Bool { self == .allow }
}

public enum DenialReason: String, Sendable, Equatable {
    /// Sign in first.
    case signInRequired = "sign_in_required"
    /// Confirm the e-mail address first.
    case confirmationRequired = "confirmation_required"
    /// The role does not include this action.
    case notPermitted = "not_permitted"
    /// It belongs to someone else.
    case notOwner = "not_owner"
    /// Already signed in; the action is for visitors.
    case alreadySignedIn = "already_signed_in"
    /// Not in the state the thing is in now (a measure under review cannot be edited, say).
    case wrongState = "wrong_state"

    public var catalogKey: String { "denied.\(rawValue)" }
}
