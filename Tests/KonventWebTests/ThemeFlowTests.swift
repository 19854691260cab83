import Foundation
import HTTPTypes
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("The office's themes", .serialized)
struct ThemeFlowTests {
    @Test("create a theme, tag from a contribution and from suggestions, count, filter the list and the export; internal to the office",
          arguments: TestDatabase.available)
    func themes(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let author = try await services.addUser(email: "a@example.org", name: "A", role: "participant", ministry: nil, password: password)
            func contribute(_ title: String, _ text: String) async throws -> ContributionID {
                try await services.contributions.create(
                    ContributionDraft(kind: .idea, title: title, text: text, fields: ["wirtschaft"], districtKey: "14522", municipalityKey: nil,
                                      organisationID: nil, anonymous: false),
                    author: author.id, at: .now, status: .published)
            }
            let first = try await contribute("Wasserstoff für die Busse in Freiberg", "Brennstoffzellenbusse mit Wasserstoff aus der Region.")
            let second = try await contribute("Wasserstofftankstelle an der A4", "Eine Tankstelle für Wasserstoff an der Autobahn bei Chemnitz.")
            let other = try await contribute("Radweg an der Mulde", "Ein durchgehender Radweg entlang der Mulde.")

            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            let resident = try await browserFor(browser, services, email: "ben@example.org", name: "Ben")
            #expect(try await resident.get("/themes").status == .forbidden)

            var page = try await office.get("/themes")
            #expect(page.body.contains("Noch keine Themen."))
            #expect(try await office.post("/themes", [("name", "W")], csrfFrom: page).status == .unprocessableContent)
            let created = try await office.post("/themes", [("name", "Wasserstoff")], csrfFrom: page)
            #expect(created.status == .seeOther)
            let themePath = try #require(created.headers[.location])
            let id = try #require(ThemeID(themePath.split(separator: "/").last!))
            let taken = try await office.post("/themes", [("name", "wasserstoff")], csrfFrom: page)
            #expect(taken.status == .conflict && taken.body.contains("Ein Thema mit diesem Namen gibt es schon."))
            #expect(try await services.themes.themes().count == 1, "nothing written by the refusals")

            // Tagged on the contribution's page.
            page = try await office.get("/contributions/\(first)")
            #expect(page.body.contains("Dieser Beitrag gehört noch zu keinem Thema."))
            #expect(try await office.post("/contributions/\(first)/themes", [("theme", id.description)], csrfFrom: page).status == .seeOther)
            #expect(try await office.get("/contributions/\(first)").body.contains("„Wasserstoff“ entfernen"))
            #expect(!(try await resident.get("/contributions/\(first)")).body.contains("Wasserstoff“ entfernen"), "themes are internal")

            // The theme's suggestions come from the similarity search and leave out what it carries.
            page = try await office.get(themePath)
            #expect(page.body.contains("1 öffentlicher Beitrag gehört zu diesem Thema."))
            #expect(page.body.contains("value=\"\(second)\"") && page.body.contains("Wasserstofftankstelle an der A4"))
            #expect(!page.body.contains("value=\"\(first)\""), "not what carries the theme already")
            #expect(!page.body.contains("value=\"\(other)\""), "not what is unlike it")
            let added = try await office.post("\(themePath)/contributions", [("contribution", second.description)], csrfFrom: page)
            #expect(try await office.get(try #require(added.headers[.location])).body.contains("1 Beitrag ist dem Thema zugeordnet."))
            #expect(try await office.post("\(themePath)/contributions", [], csrfFrom: page).status == .unprocessableContent)
            #expect(try await office.post("/themes/999999/contributions", [("contribution", second.description)], csrfFrom: page).status == .notFound)
            #expect(try await services.themes.theme(id)?.contributions == 2)

            // Filtered by theme: the office's list, its export and the analysis; the public list ignores the filter.
            let list = try await office.get("/contributions?theme=\(id)")
            #expect(list.body.contains("Wasserstoff für die Busse") && list.body.contains("Wasserstofftankstelle") && !list.body.contains("Radweg an der Mulde"))
            #expect(list.body.contains("href=\"/contributions/export.xlsx?theme=\(id)\""))
            let csv = try CSVTable.parse(Array(try await office.get("/contributions/export.csv?theme=\(id)").bytes))
            #expect(Set(csv.rows.map { $0.cells[0] }) == [first.description, second.description])
            #expect(try await office.get("/analysis?theme=\(id)").body.contains("2 Beiträge"))
            #expect(try await resident.get("/contributions?theme=\(id)").body.contains("Radweg an der Mulde"))

            // Removing and deleting, each in the audit trail.
            page = try await office.get("/contributions/\(first)")
            #expect(try await office.post("/themes/\(id)/contributions/\(first)/remove", [], csrfFrom: page).status == .seeOther)
            #expect(try await services.themes.theme(id)?.contributions == 1)
            #expect(try await office.post("/themes/\(id)/delete", [], csrfFrom: page).status == .seeOther)
            #expect(try await services.themes.themes().isEmpty)
            #expect(try await services.contributions.contribution(second) != nil, "the contributions stay")
            let actions = try await AuditTrail.search(AuditQuery(), in: services.database).items.map(\.event.action)
            for action in ["theme.created", "theme.tagged", "theme.untagged", "theme.deleted"] { #expect(actions.contains(action), "\(action)") }
        }
    }
}
