import KonventDomain
import SQLKit

extension SQLOrganisationStore {
    /// Organisations whose name holds the text (ignoring case), by name, for the office's finder.
    public func find(_ text: String, except: OrganisationID, limit: Int) async throws -> [Organisation] {
        let pattern = containsPattern(text)
        return try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.organisationColumns) FROM organisations o
                WHERE LOWER(o.name) LIKE \(bind: pattern) ESCAPE '\\' AND o.id <> \(bind: except.rawValue)
                ORDER BY o.name LIMIT \(bind: max(1, min(limit, 50)))
                """).all().map(Self.decodeOrganisation)
        }
    }

    /// Folds a duplicate into the organisation that stays, in one transaction: its members (a person
    /// in both keeps the stronger membership, a confirmed one over a request), the contributions
    /// made for it and the measures it sponsors move over; the duplicate is deleted. The survivor
    /// keeps its own name, kind and verification.
    public func merge(_ duplicate: OrganisationID, into survivor: OrganisationID, by actor: UserID, at time: Timestamp) async throws {
        guard duplicate != survivor else { throw StorageError.refused("an organisation cannot be merged into itself") }
        try await database.write { db in
            for id in [duplicate, survivor] where try await db.raw("SELECT id FROM organisations WHERE id = \(bind: id.rawValue)").first() == nil {
                throw StorageError.notFound
            }
            let (from, into) = (duplicate.rawValue, survivor.rawValue)
            // Where both hold the person, a confirmed membership of the duplicate replaces a request at the survivor.
            try await db.raw("""
                UPDATE user_organisations SET status = 'confirmed'
                WHERE organisation_id = \(bind: into) AND status <> 'confirmed' AND user_id IN (
                    SELECT user_id FROM user_organisations WHERE organisation_id = \(bind: from) AND status = 'confirmed')
                """).run()
            try await db.raw("""
                DELETE FROM user_organisations WHERE organisation_id = \(bind: from)
                    AND user_id IN (SELECT user_id FROM user_organisations WHERE organisation_id = \(bind: into))
                """).run()
            try await db.raw("UPDATE user_organisations SET organisation_id = \(bind: into) WHERE organisation_id = \(bind: from)").run()
            try await db.raw("UPDATE contributions SET organisation_id = \(bind: into) WHERE organisation_id = \(bind: from)").run()
            try await db.raw("UPDATE measures SET sponsor_organisation_id = \(bind: into) WHERE sponsor_organisation_id = \(bind: from)").run()
            try await db.raw("DELETE FROM organisations WHERE id = \(bind: from)").run()
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "organisation.merged", subject: "organisation:\(duplicate)", detail: "into=organisation:\(survivor)"),
                at: time, in: db)
        }
    }
}
