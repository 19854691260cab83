import KonventDomain
import SQLKit

public struct SQLOrganisationStore: OrganisationStore {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    static let organisationColumns = "o.id, o.name, o.kind, o.official_key, o.verified_at"
    static let membershipColumns = """
        \(organisationColumns), uo.user_id, u.display_name, uo.status, uo.needs_review, uo.created_at AS since
        """
    static let membershipFrom = """
        user_organisations uo JOIN organisations o ON o.id = uo.organisation_id JOIN users u ON u.id = uo.user_id
        """

    static func decodeOrganisation(_ row: any SQLRow) throws -> Organisation {
        Organisation(
            id: OrganisationID(try row.decode(column: "id", as: Int64.self)),
            name: try row.decode(column: "name", as: String.self),
            kind: Organisation.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
            officialKey: try row.decode(column: "official_key", as: String?.self),
            verified: try row.decode(column: "verified_at", as: Int64?.self) != nil)
    }

    static func decodeMembership(_ row: any SQLRow) throws -> Membership {
        Membership(
            organisation: try decodeOrganisation(row),
            user: UserID(try row.decode(column: "user_id", as: Int64.self)),
            displayName: try row.decode(column: "display_name", as: String.self),
            status: Membership.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .requested,
            needsReview: try row.decode(column: "needs_review", as: Int.self) != 0,
            since: try row.decode(column: "since", as: Int64.self))
    }

    public func organisations(of user: UserID) async throws -> [Organisation] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.organisationColumns) FROM organisations o
                JOIN user_organisations uo ON uo.organisation_id = o.id
                WHERE uo.user_id = \(bind: user.rawValue) AND uo.status = 'confirmed' ORDER BY o.name
                """).all().map(Self.decodeOrganisation)
        }
    }

    public func memberships(of user: UserID) async throws -> [Membership] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.membershipColumns) FROM \(unsafeRaw: Self.membershipFrom)
                WHERE uo.user_id = \(bind: user.rawValue) ORDER BY o.name
                """).all().map(Self.decodeMembership)
        }
    }

    public func join(
        name: String, kind: Organisation.Kind, for user: UserID, at time: Timestamp,
        mail: @Sendable (Organisation, [Recipient]) -> [OutgoingMail]
    ) async throws -> JoinOutcome {
        do {
            return try await joinOnce(name: name, kind: kind, user: user, at: time, mail: mail)
        } catch let error where isUniqueViolation(error) {
            // Someone founded the same name in the meantime: now it exists, and this is a request.
            return try await joinOnce(name: name, kind: kind, user: user, at: time, mail: mail)
        }
    }

    public func named(_ name: String) async throws -> Organisation? {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.organisationColumns) FROM organisations o WHERE lower(o.name) = lower(\(bind: name))
                ORDER BY o.id LIMIT 1
                """).first().map(Self.decodeOrganisation)
        }
    }

    private func joinOnce(
        name: String, kind: Organisation.Kind, user: UserID, at time: Timestamp,
        mail: @Sendable (Organisation, [Recipient]) -> [OutgoingMail]
    ) async throws -> JoinOutcome {
        try await database.write { db in
            let existing = try await db.raw("""
                SELECT \(unsafeRaw: Self.organisationColumns) FROM organisations o WHERE lower(o.name) = lower(\(bind: name))
                ORDER BY o.id LIMIT 1
                """).first().map(Self.decodeOrganisation)
            guard let organisation = existing else {
                let id = try await db.raw("""
                    INSERT INTO organisations (name, kind, created_at) VALUES (\(bind: name), \(bind: kind.rawValue), \(bind: time.milliseconds))
                    RETURNING id
                    """).first()!.decode(column: "id", as: Int64.self)
                let founded = Organisation(id: OrganisationID(id), name: name, kind: kind)
                try await Self.insertMembership(founded.id, user: user, status: .confirmed, at: time, in: db)
                try await AuditTrail.append(
                    AuditEvent(actor: user, action: "organisation.founded", subject: "organisation:\(founded.id)",
                               detail: "user:\(user)"), at: time, in: db)
                return .founded(founded)
            }
            if try await db.raw("""
                SELECT 1 AS ok FROM user_organisations WHERE user_id = \(bind: user.rawValue) AND organisation_id = \(bind: organisation.id.rawValue)
                """).first() != nil {
                return .alreadyMember(organisation)
            }
            try await Self.insertMembership(organisation.id, user: user, status: .requested, at: time, in: db)
            try await AuditTrail.append(
                AuditEvent(actor: user, action: "organisation.join_requested", subject: "organisation:\(organisation.id)",
                           detail: "user:\(user)"), at: time, in: db)
            let members = try await db.raw("""
                SELECT u.id, u.email, u.display_name, u.locale FROM user_organisations uo JOIN users u ON u.id = uo.user_id
                WHERE uo.organisation_id = \(bind: organisation.id.rawValue) AND uo.status = 'confirmed' ORDER BY u.id LIMIT 50
                """).all().map { row in
                Recipient(
                    id: UserID(try row.decode(column: "id", as: Int64.self)),
                    email: EmailAddress(trusted: try row.decode(column: "email", as: String.self)),
                    name: try row.decode(column: "display_name", as: String.self),
                    language: Language(rawValue: try row.decode(column: "locale", as: String.self)) ?? .de)
            }
            for message in mail(organisation, members) { try await Outbox.enqueue(message, at: time, in: db) }
            return .requested(organisation)
        }
    }

    private static func insertMembership(
        _ organisation: OrganisationID, user: UserID, status: Membership.Status, at time: Timestamp, in db: any SQLDatabase
    ) async throws {
        try await db.raw("""
            INSERT INTO user_organisations (user_id, organisation_id, status, needs_review, created_at)
            VALUES (\(bind: user.rawValue), \(bind: organisation.rawValue), \(bind: status.rawValue), 0, \(bind: time.milliseconds))
            """).run()
    }

    public func leave(_ organisation: OrganisationID, user: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard try await Self.deleteMembership(organisation, user, in: db) else { return }
            try await AuditTrail.append(
                AuditEvent(actor: user, action: "organisation.left", subject: "organisation:\(organisation)", detail: "user:\(user)"),
                at: time, in: db)
        }
    }

    private static func deleteMembership(_ organisation: OrganisationID, _ user: UserID, in db: any SQLDatabase) async throws -> Bool {
        try await db.raw("""
            DELETE FROM user_organisations WHERE user_id = \(bind: user.rawValue) AND organisation_id = \(bind: organisation.rawValue)
            RETURNING user_id
            """).first() != nil
    }

    public func confirmedMembers(of organisation: OrganisationID) async throws -> [UserID] {
        try await database.read { db in
            try await db.raw("""
                SELECT user_id FROM user_organisations WHERE organisation_id = \(bind: organisation.rawValue) AND status = 'confirmed'
                ORDER BY user_id
                """).all().map { UserID(try $0.decode(column: "user_id", as: Int64.self)) }
        }
    }

    public func requests(forMember member: UserID, limit: Int) async throws -> [Membership] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.membershipColumns) FROM \(unsafeRaw: Self.membershipFrom)
                WHERE uo.status = 'requested' AND uo.organisation_id IN (
                    SELECT organisation_id FROM user_organisations WHERE user_id = \(bind: member.rawValue) AND status = 'confirmed')
                ORDER BY uo.created_at, uo.user_id LIMIT \(bind: limit)
                """).all().map(Self.decodeMembership)
        }
    }

    public func decide(
        _ organisation: OrganisationID, member: UserID, accept: Bool, by actor: UserID, at time: Timestamp
    ) async throws -> Bool {
        try await database.write { db in
            let changed: Bool
            if accept {
                changed = try await db.raw("""
                    UPDATE user_organisations SET status = 'confirmed', decided_by = \(bind: actor.rawValue), decided_at = \(bind: time.milliseconds)
                    WHERE user_id = \(bind: member.rawValue) AND organisation_id = \(bind: organisation.rawValue) AND status = 'requested'
                    RETURNING user_id
                    """).first() != nil
            } else {
                changed = try await db.raw("""
                    DELETE FROM user_organisations
                    WHERE user_id = \(bind: member.rawValue) AND organisation_id = \(bind: organisation.rawValue) AND status = 'requested'
                    RETURNING user_id
                    """).first() != nil
            }
            guard changed else { return false }
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: accept ? "organisation.member_confirmed" : "organisation.request_declined",
                           subject: "organisation:\(organisation)", detail: "user:\(member)"), at: time, in: db)
            return true
        }
    }

    public func openRequests(limit: Int) async throws -> [Membership] {
        try await listed(where: "uo.status = 'requested'", limit: limit)
    }

    public func membershipsToReview(limit: Int) async throws -> [Membership] {
        try await listed(where: "uo.needs_review = 1", limit: limit)
    }

    private func listed(where condition: String, limit: Int) async throws -> [Membership] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.membershipColumns) FROM \(unsafeRaw: Self.membershipFrom)
                WHERE \(unsafeRaw: condition) ORDER BY uo.created_at, uo.organisation_id, uo.user_id LIMIT \(bind: limit)
                """).all().map(Self.decodeMembership)
        }
    }

    public func markReviewed(_ organisation: OrganisationID, member: UserID, by actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard try await db.raw("""
                UPDATE user_organisations SET needs_review = 0, decided_by = \(bind: actor.rawValue), decided_at = \(bind: time.milliseconds)
                WHERE user_id = \(bind: member.rawValue) AND organisation_id = \(bind: organisation.rawValue) AND needs_review = 1
                RETURNING user_id
                """).first() != nil else { return }
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "organisation.membership_reviewed", subject: "organisation:\(organisation)",
                           detail: "user:\(member)"), at: time, in: db)
        }
    }

    public func removeMember(_ organisation: OrganisationID, member: UserID, by actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard try await Self.deleteMembership(organisation, member, in: db) else { throw StorageError.notFound }
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "organisation.member_removed", subject: "organisation:\(organisation)",
                           detail: "user:\(member)"), at: time, in: db)
        }
    }

    public func setVerified(_ organisation: OrganisationID, _ verified: Bool, by actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard try await db.raw("""
                UPDATE organisations SET verified_at = \(bind: verified ? time.milliseconds : nil),
                                         verified_by = \(bind: verified ? actor.rawValue : nil)
                WHERE id = \(bind: organisation.rawValue) RETURNING id
                """).first() != nil else { throw StorageError.notFound }
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: verified ? "organisation.verified" : "organisation.unverified",
                           subject: "organisation:\(organisation)"), at: time, in: db)
        }
    }

    public func organisation(_ id: OrganisationID) async throws -> Organisation? {
        try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.organisationColumns) FROM organisations o WHERE o.id = \(bind: id.rawValue)")
                .first().map(Self.decodeOrganisation)
        }
    }

    public func members(of organisation: OrganisationID, limit: Int) async throws -> [Membership] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.membershipColumns) FROM \(unsafeRaw: Self.membershipFrom)
                WHERE uo.organisation_id = \(bind: organisation.rawValue) ORDER BY uo.status, u.display_name, uo.user_id
                LIMIT \(bind: limit)
                """).all().map(Self.decodeMembership)
        }
    }

    public func list(after name: String?, limit: Int) async throws -> [(organisation: Organisation, members: Int)] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.organisationColumns),
                       (SELECT COUNT(*) FROM user_organisations uo WHERE uo.organisation_id = o.id AND uo.status = 'confirmed') AS members
                FROM organisations o WHERE o.name > \(bind: name ?? "")
                ORDER BY o.name LIMIT \(bind: limit)
                """).all().map { (try Self.decodeOrganisation($0), try $0.decode(column: "members", as: Int.self)) }
        }
    }
}
