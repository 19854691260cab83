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
        case .viewDecisions:
            if case .session(_, true) = subject { .allow } else { .deny(.signInRequired) }
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
            // A measure's followers hear its public news; an internal draft has none to follow yet.
            if action == .follow, case .measure(let state, _) = subject, !state.isPublic { return .deny(.wrongState) }
            return confirmed ? .allow : .deny(.confirmationRequired)
        case .editOwnContent:
            guard case .owned(let owner) = subject, owner == id else { return .deny(.notOwner) }
            return confirmed ? .allow : .deny(.confirmationRequired)
        case .manageFormats:
            if case .owned(let owner) = subject, role == .facilitator, owner != id { return .deny(.notOwner) }
            return requireConfirmed(confirmed, role, in: [.facilitator, .conventionOffice, .administrator])
        case .confirmMembership:
            if case .organisation(let members) = subject, members.contains(id) {
                return confirmed ? .allow : .deny(.confirmationRequired)
            }
            return requireConfirmed(confirmed, role, in: [.conventionOffice, .administrator])
        case .moderate, .editMasterplan, .manageOrganisations, .analyse, .announce:
            return requireConfirmed(confirmed, role, in: [.conventionOffice, .administrator])
        case .manageSessions:
            let decision = requireConfirmed(confirmed, role, in: [.conventionOffice, .administrator])
            if decision.isAllowed, case .session(_, true) = subject { return .deny(.wrongState) }
            return decision
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
            guard case .assessment(let assessor, let open) = subject else { return .deny(.notPermitted) }
            let own = switch assessor {
            case .office: [.conventionOffice, .administrator].contains(role)
            case .ministry(let key): role == .ministryReviewer && ministry == key
            // A body assesses together, in its session: recorded as a decision.
            case .body: false
            }
            guard own else { return .deny(.notPermitted) }
            guard confirmed else { return .deny(.confirmationRequired) }
            return open ? .allow : .deny(.wrongState)
        case .decideMeasure, .releaseSession:
            guard case .session(let chair, let published) = subject else { return .deny(.notPermitted) }
            // The chair releases; recording is also the office's, as the bodies' secretariat. Without a
            // chair the office releases.
            let decision: Decision = if chair == id {
                confirmed ? .allow : .deny(.confirmationRequired)
            } else if action == .releaseSession && chair != nil {
                .deny(.notOwner)
            } else {
                requireConfirmed(confirmed, role, in: [.conventionOffice, .administrator])
            }
            return decision.isAllowed && published ? .deny(.wrongState) : decision
        case .viewDecisions:
            if case .session(_, true) = subject { return .allow }
            guard case .session = subject else { return .deny(.notPermitted) }
            return requireConfirmed(confirmed, role, in: [.conventionOffice, .administrator, .steeringCommitteeMember, .ministryReviewer])
        case .reportProgress, .publishProgress:
            guard case .implementation(let state, let ministries, let sponsorMembers) = subject else { return .deny(.notPermitted) }
            let office = [.conventionOffice, .administrator].contains(role)
            let responsible = action == .reportProgress
                && (sponsorMembers.contains(id) || (role == .ministryReviewer && ministry != nil && ministry == ministries.first))
            guard office || responsible else { return .deny(.notPermitted) }
            guard confirmed else { return .deny(.confirmationRequired) }
            return state.isAdopted ? .allow : .deny(.wrongState)
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
