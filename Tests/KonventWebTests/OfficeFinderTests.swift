import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("The office finds contributions by title where it used to type their number", .serialized)
struct OfficeFinderTests {
    @Test("merging: search by word, choose what was found, merge; the number still works; the public sees no finder")
    func mergeByTitle() async throws {
        try await withApp { browser, services in
            let author = try await services.addUser(email: "a@example.org", name: "A", role: "participant", ministry: nil, password: password)
            func contribute(_ title: String) async throws -> ContributionID {
                try await services.contributions.create(
                    ContributionDraft(kind: .idea, title: title, text: "Eine Beschreibung, die lang genug ist.", fields: ["wirtschaft"],
                                      districtKey: "14523", municipalityKey: nil, organisationID: nil, anonymous: false),
                    author: author.id, at: .now, status: .published)
            }
            let duplicate = try await contribute("Rufbus für Plauen am Wochenende")
            let survivor = try await contribute("Rufbus im Vogtland")
            _ = try await contribute("Radweg an der Elster")
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            let found = try await office.get("/contributions/\(duplicate)?findDuplicate=Rufbus")
            #expect(found.body.contains("Gefunden zu „Rufbus“"))
            #expect(found.body.contains("value=\"\(survivor)\"") && found.body.contains("Rufbus im Vogtland (Nr. \(survivor))"))
            #expect(!found.body.contains("Radweg an der Elster (Nr."), "only what matches")
            #expect(!found.body.contains("name=\"into\" value=\"\(duplicate)\""), "not itself")
            let none = try await office.get("/contributions/\(duplicate)?findDuplicate=Seilbahn")
            #expect(none.body.contains("Zu „Seilbahn“ wurde kein öffentlicher Beitrag gefunden."))
            let merged = try await office.post("/contributions/\(duplicate)/merge", [("into", String(survivor.rawValue)), ("into", ""),
                                                                                      ("mergeReason", "Gleiches Anliegen")], csrfFrom: found)
            #expect(merged.status == .seeOther)
            #expect(try await services.contributions.contribution(duplicate)?.status == .merged)
            let visitor = try await Browser(client: browser.client).get("/contributions/\(survivor)?findDuplicate=Rufbus")
            #expect(!visitor.body.contains("findDuplicate") && !visitor.body.contains("Gefunden zu"), "the public sees no finder")
        }
    }

    @Test("a measure's source: found by word, linked by choosing it")
    func sourceByTitle() async throws {
        try await withApp { browser, services in
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            let author = try await services.addUser(email: "a@example.org", name: "A", role: "participant", ministry: nil, password: password)
            let idea = try await services.contributions.create(
                ContributionDraft(kind: .idea, title: "Ladesäulen an Bahnhöfen", text: "Mehr Ladesäulen an den Bahnhöfen der Region.",
                                  fields: ["wirtschaft"], districtKey: "14511", municipalityKey: nil, organisationID: nil, anonymous: false),
                author: author.id, at: .now, status: .published)
            let form = try await office.get("/measures/new?from=\(idea)")
            let created = try await office.post("/measures", measureForm(), csrfFrom: form)
            let path = try #require(created.headers[.location]).components(separatedBy: "?")[0]
            let second = try await services.contributions.create(
                ContributionDraft(kind: .idea, title: "Schnellladen am Bahnhof Zwickau", text: "Ein Schnellladepark am Hauptbahnhof.",
                                  fields: ["wirtschaft"], districtKey: "14524", municipalityKey: nil, organisationID: nil, anonymous: false),
                author: author.id, at: .now, status: .published)
            let found = try await office.get("\(path)?findSource=Schnellladepark")
            #expect(found.body.contains("Schnellladen am Bahnhof Zwickau (Nr. \(second))"))
            let linked = try await office.post("\(path)/sources", [("contribution", String(second.rawValue)), ("contribution", ""), ("note", "")],
                                               csrfFrom: found)
            #expect(linked.status == .seeOther)
            #expect(try await office.get(path).body.contains(">Schnellladen am Bahnhof Zwickau</a>"))
        }
    }
}
