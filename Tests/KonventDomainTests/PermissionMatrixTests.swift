import KonventDomain
import Testing

/// The whole role × action table, written out so that a change to the policy must change this
/// table too. `A` allow, `C` needs a confirmed address, `-` denied.
@Suite("Permission policy")
struct PermissionMatrixTests {
    static let roles: [Role] = [.participant, .facilitator, .conventionOffice, .ministryReviewer, .steeringCommitteeMember, .administrator]

    /// Columns in the order of `roles`: participant, facilitator, office, ministry, steering, admin.
    static let matrix: [Action: String] = [
        .readPublic: "AAAAAA",
        .register: "------",
        .signIn: "------",
        .contribute: "CCCCCC",
        .comment: "CCCCCC",
        .support: "CCCCCC",
        .follow: "CCCCCC",
        .report: "CCCCCC",
        .attendFormat: "CCCCCC",
        .editOwnContent: "CCCCCC",
        .manageFormats: "-CC--C",
        .moderate: "--C--C",
        .confirmMembership: "--C--C",
        .manageOrganisations: "--C--C",
        .analyse: "--C--C",
        .announce: "--C--C",
        .writeMeasures: "--C--C",
        .viewMeasure: "--CCCC",
        .viewAssessments: "--CCCC",
        .manageSessions: "--C--C",
        .editMasterplan: "--C--C",
        .assessMeasure: "---C--",
        .decideMeasure: "--C--C",
        .releaseSession: "--C--C",
        .viewDecisions: "--CCCC",
        .reportProgress: "--CC-C",
        .publishProgress: "--C--C",
        .viewAuditTrail: "--C--C",
        .manageUsers: "-----C",
        .viewAccount: "AAAAAA",
        .editAccount: "AAAAAA",
        .exportAccountData: "AAAAAA",
        .deleteAccount: "AAAAAA",
    ]

    let policy = PermissionPolicy()
    static let me = UserID(1)

    static func subject(for action: Action) -> Subject {
        switch action {
        case .viewAccount, .editAccount, .exportAccountData, .deleteAccount: .account(owner: me)
        case .assessMeasure: .assessment(by: .ministry("smil"), open: true)
        case .decideMeasure, .releaseSession, .viewDecisions, .manageSessions: .session(chair: nil, published: false)
        case .editOwnContent: .owned(by: me)
        case .viewMeasure, .viewAssessments: .measure(state: .draft, ministries: ["smil"])
        case .confirmMembership: .organisation(members: [UserID(2)])
        case .reportProgress, .publishProgress: .implementation(state: .adopted, ministries: ["smil", "smwa"], sponsorMembers: [UserID(2)])
        default: .platform
        }
    }

    @Test("every action is in the matrix")
    func complete() {
        #expect(Set(Self.matrix.keys) == Set(Action.allCases))
    }

    @Test("role × action, confirmed and unconfirmed", arguments: Action.allCases)
    func matrix(action: Action) throws {
        let row = Array(try #require(Self.matrix[action]))
        for (index, role) in Self.roles.enumerated() {
            let subject = Self.subject(for: action)
            let confirmed = Actor.user(id: Self.me, role: role, ministry: role == .ministryReviewer ? "smil" : nil, confirmed: true)
            let unconfirmed = Actor.user(id: Self.me, role: role, ministry: role == .ministryReviewer ? "smil" : nil, confirmed: false)
            switch row[index] {
            case "A":
                #expect(policy.allows(confirmed, action, on: subject), "\(role) \(action)")
                #expect(policy.allows(unconfirmed, action, on: subject), "\(role) \(action) unconfirmed")
            case "C":
                #expect(policy.allows(confirmed, action, on: subject), "\(role) \(action)")
                #expect(policy.decide(unconfirmed, action, on: subject) == .deny(.confirmationRequired), "\(role) \(action) unconfirmed")
            default:
                #expect(!policy.allows(confirmed, action, on: subject), "\(role) \(action)")
            }
        }
    }

    @Test("visitors may read, register and sign in; everything else asks them to sign in", arguments: Action.allCases)
    func anonymous(action: Action) {
        let decision = policy.decide(.anonymous, action, on: Self.subject(for: action))
        if [.readPublic, .register, .signIn].contains(action) {
            #expect(decision == .allow)
        } else {
            #expect(decision == .deny(.signInRequired))
        }
    }

    @Test("nobody reaches into another person's account, whatever their role", arguments: roles)
    func otherAccounts(role: Role) {
        let actor = Actor.user(id: UserID(2), role: role, ministry: nil, confirmed: true)
        for action in [Action.viewAccount, .editAccount, .exportAccountData, .deleteAccount] {
            #expect(policy.decide(actor, action, on: .account(owner: Self.me)) == .deny(.notOwner))
        }
    }

    @Test("own content and own formats: others' are out of reach, except formats for the office")
    func ownership() {
        let other = Subject.owned(by: UserID(2))
        for role in Self.roles {
            let actor = Actor.user(id: Self.me, role: role, ministry: nil, confirmed: true)
            #expect(policy.decide(actor, .editOwnContent, on: other) == .deny(.notOwner), "\(role)")
            #expect(policy.decide(actor, .editOwnContent, on: .owned(by: nil)) == .deny(.notOwner), "\(role)")
        }
        let facilitator = Actor.user(id: Self.me, role: .facilitator, ministry: nil, confirmed: true)
        #expect(policy.allows(facilitator, .manageFormats, on: .owned(by: Self.me)))
        #expect(policy.decide(facilitator, .manageFormats, on: other) == .deny(.notOwner))
        let office = Actor.user(id: Self.me, role: .conventionOffice, ministry: nil, confirmed: true)
        #expect(policy.allows(office, .manageFormats, on: other))
        let participant = Actor.user(id: Self.me, role: .participant, ministry: nil, confirmed: true)
        #expect(!policy.allows(participant, .manageFormats, on: .owned(by: Self.me)))
    }

    @Test("an organisation's confirmed members decide who joins it, whatever their role; the office for every organisation")
    func organisationMembers() {
        for role in Self.roles {
            let member = Actor.user(id: Self.me, role: role, ministry: nil, confirmed: true)
            let office = role == .conventionOffice || role == .administrator
            #expect(policy.allows(member, .confirmMembership, on: .organisation(members: [UserID(5), Self.me])), "\(role)")
            #expect(policy.allows(member, .confirmMembership, on: .organisation(members: [UserID(5)])) == office, "\(role)")
            #expect(policy.allows(member, .confirmMembership, on: .organisation(members: [])) == office, "\(role)")
            let unconfirmed = Actor.user(id: Self.me, role: role, ministry: nil, confirmed: false)
            #expect(policy.decide(unconfirmed, .confirmMembership, on: .organisation(members: [Self.me])) == .deny(.confirmationRequired))
            // Members decide about requests; verifying and removing is the office's alone.
            #expect(policy.allows(member, .manageOrganisations) == office, "\(role)")
        }
    }

    @Test("measures: role × action × state, for every state of the default review")
    func measureStates() {
        let machine = MeasureStateMachine(review: defaultReview())
        for state in machine.states {
            let subject = Subject.measure(state: state, ministries: ["smil", "smwa"])
            #expect(policy.allows(.anonymous, .viewMeasure, on: subject) == state.isPublic, "\(state)")
            #expect(!policy.allows(.anonymous, .viewAssessments, on: subject))
            for role in Self.roles {
                let actor = Actor.user(id: Self.me, role: role, ministry: role == .ministryReviewer ? "smil" : nil, confirmed: true)
                let insider = [.conventionOffice, .administrator, .steeringCommitteeMember, .ministryReviewer].contains(role)
                #expect(policy.allows(actor, .viewMeasure, on: subject) == (state.isPublic || insider), "\(role) \(state)")
                #expect(policy.allows(actor, .viewAssessments, on: subject) == insider, "\(role) \(state)")
                let office = role == .conventionOffice || role == .administrator
                #expect(policy.allows(actor, .writeMeasures, on: subject) == (office && state.isEditable), "\(role) \(state)")
                // Following is for the public news of a measure: whoever may see an internal one cannot follow it yet.
                #expect(policy.allows(actor, .follow, on: subject) == state.isPublic, "\(role) follows \(state)")
                if !state.isPublic { #expect(policy.decide(actor, .follow, on: subject) == .deny(.wrongState)) }
                if office && !state.isEditable {
                    #expect(policy.decide(actor, .writeMeasures, on: subject) == .deny(.wrongState))
                }
            }
            // Assessing: the office in its stage, an assigned ministry in its stage, nobody else, never by form for a body.
            let review = machine.review
            for role in Self.roles {
                let actor = Actor.user(id: Self.me, role: role, ministry: role == .ministryReviewer ? "smil" : nil, confirmed: true)
                let office = role == .conventionOffice || role == .administrator
                for assessor in [Assessor.office, .ministry("smil"), .ministry("smwa"), .body("lenkungskreis")] {
                    let subject = Subject.assessment(by: assessor, open: review.takesAssessment(in: state, from: assessor))
                    let expected = switch assessor {
                    case .office: office && state == .inReview(stage: "screening", phase: .assessing)
                    case .ministry("smil"): role == .ministryReviewer && state == .inReview(stage: "imag", phase: .assessing)
                    default: false
                    }
                    #expect(policy.allows(actor, .assessMeasure, on: subject) == expected, "\(role) \(assessor) \(state)")
                }
            }
            #expect(review.takesConfirmation(in: state) == (state == .inReview(stage: "imag", phase: .concluding)), "\(state)")
            // Another ministry's reviewer sees neither the draft nor the assessments.
            let other = Actor.user(id: Self.me, role: .ministryReviewer, ministry: "smk", confirmed: true)
            #expect(policy.allows(other, .viewMeasure, on: subject) == state.isPublic)
            #expect(policy.decide(other, .viewAssessments, on: subject) == .deny(.notPermitted))
        }
    }

    @Test("a ministry reviewer assesses only for their own ministry, the office screens, and only while the stage is open")
    func ministryBinding() {
        let reviewer = Actor.user(id: Self.me, role: .ministryReviewer, ministry: "smil", confirmed: true)
        #expect(policy.allows(reviewer, .assessMeasure, on: .assessment(by: .ministry("smil"), open: true)))
        #expect(policy.decide(reviewer, .assessMeasure, on: .assessment(by: .ministry("smil"), open: false)) == .deny(.wrongState))
        #expect(policy.decide(reviewer, .assessMeasure, on: .assessment(by: .ministry("smwa"), open: true)) == .deny(.notPermitted))
        #expect(policy.decide(reviewer, .assessMeasure, on: .assessment(by: .office, open: true)) == .deny(.notPermitted))
        #expect(policy.decide(reviewer, .assessMeasure, on: .platform) == .deny(.notPermitted))
        let unbound = Actor.user(id: Self.me, role: .ministryReviewer, ministry: nil, confirmed: true)
        #expect(policy.decide(unbound, .assessMeasure, on: .assessment(by: .ministry("smil"), open: true)) == .deny(.notPermitted))
        for role in Self.roles {
            let actor = Actor.user(id: Self.me, role: role, ministry: role == .ministryReviewer ? "smil" : nil, confirmed: true)
            let office = role == .conventionOffice || role == .administrator
            #expect(policy.allows(actor, .assessMeasure, on: .assessment(by: .office, open: true)) == office, "\(role)")
            // Bodies decide in sessions, never through an assessment form.
            #expect(!policy.allows(actor, .assessMeasure, on: .assessment(by: .body("lenkungskreis"), open: true)), "\(role)")
        }
    }

    @Test("sessions: the chair releases, the office records; nothing changes once released")
    func sessions() {
        let chair = UserID(7)
        for role in Self.roles {
            let asChair = Actor.user(id: chair, role: role, ministry: nil, confirmed: true)
            let other = Actor.user(id: Self.me, role: role, ministry: role == .ministryReviewer ? "smil" : nil, confirmed: true)
            let open = Subject.session(chair: chair, published: false), released = Subject.session(chair: chair, published: true)
            let office = role == .conventionOffice || role == .administrator
            #expect(policy.allows(asChair, .releaseSession, on: open), "\(role)")
            #expect(policy.allows(asChair, .decideMeasure, on: open), "\(role)")
            #expect(policy.decide(other, .releaseSession, on: open) == .deny(.notOwner), "\(role)")
            #expect(policy.allows(other, .decideMeasure, on: open) == office, "\(role)")
            for action in [Action.releaseSession, .decideMeasure] {
                #expect(!policy.allows(asChair, action, on: released), "\(role) \(action)")
            }
            #expect(policy.allows(other, .manageSessions, on: released) == false, "\(role)")
            #expect(policy.allows(other, .manageSessions, on: open) == office, "\(role)")
            #expect(policy.allows(other, .viewDecisions, on: released))
            #expect(policy.allows(other, .viewDecisions, on: open) == (role != .participant && role != .facilitator), "\(role)")
        }
        #expect(policy.allows(.anonymous, .viewDecisions, on: .session(chair: nil, published: true)))
        #expect(policy.decide(.anonymous, .viewDecisions, on: .session(chair: nil, published: false)) == .deny(.signInRequired))
        let unconfirmedChair = Actor.user(id: chair, role: .steeringCommitteeMember, ministry: nil, confirmed: false)
        #expect(policy.decide(unconfirmedChair, .releaseSession, on: .session(chair: chair, published: false)) == .deny(.confirmationRequired))
    }

    @Test("implementation: the sponsor's members and the lead ministry report, the office publishes, only once adopted")
    func implementation() {
        let member = UserID(2)
        let adopted = Subject.implementation(state: .adopted, ministries: ["smil", "smwa"], sponsorMembers: [member])
        let draft = Subject.implementation(state: .inReview(stage: "imag", phase: .assessing), ministries: ["smil"], sponsorMembers: [member])
        for role in Self.roles {
            let asMember = Actor.user(id: member, role: role, ministry: nil, confirmed: true)
            #expect(policy.allows(asMember, .reportProgress, on: adopted), "a sponsor's member as \(role)")
            #expect(policy.decide(asMember, .reportProgress, on: draft) == .deny(.wrongState), "\(role): not adopted")
            let office = role == .conventionOffice || role == .administrator
            #expect(policy.allows(asMember, .publishProgress, on: adopted) == office, "only the office publishes, \(role)")
        }
        let secondMinistry = Actor.user(id: Self.me, role: .ministryReviewer, ministry: "smwa", confirmed: true)
        #expect(policy.decide(secondMinistry, .reportProgress, on: adopted) == .deny(.notPermitted), "not the lead ministry")
        let unconfirmedMember = Actor.user(id: member, role: .participant, ministry: nil, confirmed: false)
        #expect(policy.decide(unconfirmedMember, .reportProgress, on: adopted) == .deny(.confirmationRequired))
        #expect(policy.decide(.anonymous, .reportProgress, on: adopted) == .deny(.signInRequired))
        #expect(policy.decide(.user(id: Self.me, role: .conventionOffice, ministry: nil, confirmed: true), .reportProgress, on: .platform)
            == .deny(.notPermitted))
    }
}
