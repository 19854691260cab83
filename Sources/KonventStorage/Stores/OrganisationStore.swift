import KonventDomain

/// Organisations and who may act for them. Naming an existing organisation is a request that its
/// confirmed members or the convention office decide; only confirmed memberships let a person act.
public protocol OrganisationStore: Sendable {
    /// The organisations a person may act for now (confirmed memberships only).
    func organisations(of user: UserID) async throws -> [Organisation]
    /// Every tie of a person, requests included (for their account page).
    func memberships(of user: UserID) async throws -> [Membership]
    /// Founds the organisation when no organisation has the name (in any case), otherwise asks to
    /// join it; `mail` writes the mails to its confirmed members about the request.
    func join(
        name: String, kind: Organisation.Kind, for user: UserID, at time: Timestamp,
        mail: @Sendable (Organisation, [Recipient]) -> [OutgoingMail]
    ) async throws -> JoinOutcome
    /// Ends the person's own membership or request.
    func leave(_ organisation: OrganisationID, user: UserID, at time: Timestamp) async throws
    /// The confirmed members of an organisation, for the policy to decide who may confirm others.
    func confirmedMembers(of organisation: OrganisationID) async throws -> [UserID]
    /// Open requests to the organisations in which `member` is confirmed.
    func requests(forMember member: UserID, limit: Int) async throws -> [Membership]
    /// Confirms or declines an open request; false when there is no open request.
    func decide(
        _ organisation: OrganisationID, member: UserID, accept: Bool, by actor: UserID, at time: Timestamp
    ) async throws -> Bool
    /// Every open request (the office's list), oldest first.
    func openRequests(limit: Int) async throws -> [Membership]
    /// Memberships made by name before confirmation was needed, for the office to look at.
    func membershipsToReview(limit: Int) async throws -> [Membership]
    /// The office keeps a membership it reviewed.
    func markReviewed(_ organisation: OrganisationID, member: UserID, by actor: UserID, at time: Timestamp) async throws
    /// The office removes a member (or a request).
    func removeMember(_ organisation: OrganisationID, member: UserID, by actor: UserID, at time: Timestamp) async throws
    func setVerified(_ organisation: OrganisationID, _ verified: Bool, by actor: UserID, at time: Timestamp) async throws
    /// Organisations whose name holds the text, without `except`.
    func find(_ text: String, except: OrganisationID, limit: Int) async throws -> [Organisation]
    /// Folds a duplicate into the one that stays (members, contributions, sponsored measures), all or
    /// nothing. Throws `StorageError.notFound` for an unknown one, `.refused` for the same one twice.
    func merge(_ duplicate: OrganisationID, into survivor: OrganisationID, by actor: UserID, at time: Timestamp) async throws
    func organisation(_ id: OrganisationID) async throws -> Organisation?
    /// The organisation of this name, whatever its case.
    func named(_ name: String) async throws -> Organisation?
    /// The members and requests of one organisation.
    func members(of organisation: OrganisationID, limit: Int) async throws -> [Membership]
    /// Organisations by name after `after` (paging by key), with their number of confirmed members.
    func list(after name: String?, limit: Int) async throws -> [(organisation: Organisation, members: Int)]
}
