import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("The office merges duplicate organisations", .serialized)
struct OrganisationMergeTests {
    @Test("found by name, merged with members, contributions and memberships; bad choices change nothing", arguments: TestDatabase.available)
    func merge(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let anna = try await services.addUser(email: "anna@example.org", name: "Anna", role: "participant", ministry: nil, password: password)
            let ben = try await services.addUser(email: "ben@example.org", name: "Ben", role: "participant", ministry: nil, password: password)
            let right = try await services.organisations.join(name: "Heimatverein Beispielstadt e. V.", kind: .association, for: anna.id,
                                                              at: .now, mail: { _, _ in [] }).organisation
            let duplicate = try await services.organisations.join(name: "Heimatverein Beispielstadt", kind: .association, for: ben.id,
                                                                  at: .now, mail: { _, _ in [] }).organisation
            // Anna asked to join the duplicate too: she keeps her confirmed membership of the right one, once.
            _ = try await services.organisations.join(name: "Heimatverein Beispielstadt", kind: .association, for: anna.id, at: .now,
                                                      mail: { _, _ in [] })
            let contribution = try await services.contributions.create(
                ContributionDraft(kind: .idea, title: "Dorffest mit Markt", text: "Ein Dorffest mit regionalem Markt.", fields: ["wirtschaft"],
                                  districtKey: "14522", municipalityKey: nil, organisationID: duplicate.id, anonymous: false),
                author: ben.id, at: .now, status: .published)

            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            let resident = try await browserFor(browser, services, email: "cleo@example.org", name: "Cleo")
            let found = try await office.get("/organisations/\(duplicate.id)?findDuplicate=heimatverein")
            #expect(found.body.contains("Heimatverein Beispielstadt e. V. (Verein"), "found by a part of the name, ignoring case")
            #expect(!found.body.contains("name=\"into\" value=\"\(duplicate.id)\""), "not itself")
            #expect(try await resident.post("/organisations/\(duplicate.id)/merge", [("into", right.id.description)], csrfFrom: found).status == .forbidden)
            #expect(try await office.post("/organisations/\(duplicate.id)/merge", [], csrfFrom: found).status == .unprocessableContent)
            #expect(try await office.post("/organisations/\(duplicate.id)/merge", [("into", duplicate.id.description)], csrfFrom: found)
                .status == .unprocessableContent)
            #expect(try await office.post("/organisations/\(duplicate.id)/merge", [("into", "999999")], csrfFrom: found).status == .notFound)
            #expect(try await services.organisations.organisation(duplicate.id) != nil, "nothing changed so far")

            let merged = try await office.post("/organisations/\(duplicate.id)/merge", [("into", right.id.description)], csrfFrom: found)
            #expect(merged.status == .ok && merged.body.contains("Die Einträge sind zusammengeführt."))
            #expect(try await services.organisations.organisation(duplicate.id) == nil)
            let members = try await services.organisations.members(of: right.id, limit: 10)
            #expect(Set(members.map(\.user)) == [anna.id, ben.id])
            #expect(members.allSatisfy { $0.status == .confirmed }, "Ben's confirmed membership moved over; Anna's request went")
            #expect(try await services.contributions.contribution(contribution)?.organisationName == "Heimatverein Beispielstadt e. V.")
            let trail = try await AuditTrail.search({ var q = AuditQuery(); q.action = "organisation.merged"; return q }(), in: services.database)
            #expect(trail.items.first?.event.detail == "into=organisation:\(right.id)")
        }
    }
}
