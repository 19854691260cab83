/// The one place that answers "may this actor do this action on this subject?".
/// Routes ask it before acting, pages ask it before offering a button: both get the same answer.
public struct PermissionPolicy: Sendable {
    public init() {}

    public func decide(_ actor: Actor, _ action: Action, on subject: Subject = .platform) -> Decision {
        switch actor {
        case .anonymous:
            return anonymous(action, subject)
        case .user(let id, let role, let ministry, let confirmed):
            return user(id: id, role: role, ministry: ministry, confirmed: confirmed, action, subject)
        }
    }

    public func allows(_ actor: Actor, _ action: Action, on subject: Subject = .platform) -> Bool {
        decide(actor, action, on: subject).isAllowed
    }

    private func anonymous(_ action: Action, _ subject: Subject) -> Decision {
        switch action {
        case .readPublic, .register, .signIn: .allow
        case .viewMeasure:
            if case .measure(let state, _) = subject, state.isPublic { .allow } else { .deny(.signInRequired) }
        default: .deny(.signInRequired)
        }
    }

    private func user(
        id: UserID, role: Role, ministry: String?, confirmed: Bool, _ action: Action, _ subject: Subject
    ) -> Decision {
        switch action {
        case .readPublic:
            return .allow
        case .register, .signIn:
            return .deny(.alreadySignedIn)
        case .viewAccount, .editAccount, .exportAccountData, .deleteAccount:
            guard case .account(let owner) = subject else { return .deny(.notOwner) }
            return owner == id ? .allow : .deny(.notOwner)
        case .contribute, .comment, .support, .follow, .report, .attendFormat:
            return confirmed ? .allow : .deny(.confirmationRequired)
        case .editOwnContent:
            guard case .owned(let owner) = subject, owner == id else { return .deny(.notOwner) }
            return confirmed ? .allow : .deny(.confirmationRequired)
        case .manageFormats:
            if case .owned(let owner) = subject, role == .facilitator, owner != id { return .deny(.notOwner) }
            return requireConfirmed(confirmed, role, in: [.facilitator, .conventionOffice, .administrator])
        case .moderate, .editMasterplan, .manageSessions:
            return requireConfirmed(confirmed, role, in: [.conventionOffice, .administrator])
        case .writeMeasures:
            let decision = requireConfirmed(confirmed, role, in: [.conventionOffice, .administrator])
            if decision.isAllowed, case .measure(let state, _) = subject, !state.isEditable { return .deny(.wrongState) }
            return decision
        case .viewMeasure, .viewAssessments:
            guard case .measure(let state, let ministries) = subject else { return .deny(.notPermitted) }
            if action == .viewMeasure && state.isPublic { return .allow }
            // Internal: the office, the steering committee, and the ministries the measure is assigned to.
            if [.conventionOffice, .administrator, .steeringCommitteeMember].contains(role) {
                return confirmed ? .allow : .deny(.confirmationRequired)
            }
            if role == .ministryReviewer, let ministry, ministries.contains(ministry) {
                return confirmed ? .allow : .deny(.confirmationRequired)
            }
            return .deny(.notPermitted)
        case .assessMeasure:
            guard confirmed else { return .deny(.confirmationRequired) }
            guard role == .ministryReviewer, let ministry else { return .deny(.notPermitted) }
            if case .ministry(let key) = subject, key == ministry { return .allow }
            return .deny(.notPermitted)
        case .decideMeasure:
            return requireConfirmed(confirmed, role, in: [.steeringCommitteeMember])
        case .viewAuditTrail:
            return requireConfirmed(confirmed, role, in: [.conventionOffice, .administrator])
        case .manageUsers:
            return requireConfirmed(confirmed, role, in: [.administrator])
        }
    }

    private func requireConfirmed(_ confirmed: Bool, _ role: Role, in roles: Set<Role>) -> Decision {
        guard roles.contains(role) else { return .deny(.notPermitted) }
        return confirmed ? .allow : .deny(.confirmationRequired)
    }
}
