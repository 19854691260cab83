import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("OParl 1.1", .serialized)
struct OParlTests {
    static let base = "http://konvent.test"

    func json(_ page: Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.bytes)) as? [String: Any], "\(page.body.prefix(200))")
    }

    @Test("every object reachable from the system holds to the OParl 1.1 schemas; lists are paged with data, pagination and links")
    func everyObjectHoldsToTheSchemas() async throws {
        let check = try OParlSchemaCheck(folder: OParlSchemaCheck.folder)
        #expect(check.schemas.count == 12, "the specification's twelve object types")
        // The check can fail: an undeclared property and a bad date are caught.
        #expect(check.problems(["id": "http://x/1", "type": "https://schema.oparl.org/1.1/Location", "email": "a@b"], at: "$")
            == ["$.email: not in the schema"])
        #expect(!check.problems(["id": "http://x/1", "type": "https://schema.oparl.org/1.1/Paper", "date": "1.1.2026"], at: "$").isEmpty)
        try await withApp { browser, services in
            _ = try await DemoData(services: services).load()
            var queue = ["/oparl/v1/system"]
            var visited = Set<String>()
            var types: [String: Int] = [:]
            var bodies: [String] = []
            while let path = queue.popLast() {
                guard visited.insert(path).inserted else { continue }
                try #require(visited.count < 3000, "the walk ends")
                let page = try await browser.get(path)
                try #require(page.status == .ok, "\(path): \(page.status)")
                #expect(page.headers[.accessControlAllowOrigin] == "*")
                bodies.append(page.body)
                let value = try json(page)
                var objects: [[String: Any]] = []
                if let data = value["data"] as? [[String: Any]] {
                    let links = try #require(value["links"] as? [String: Any], "\(path): a list has links")
                    #expect(value["pagination"] is [String: Any], "\(path): a list has pagination")
                    #expect(links["first"] is String && links["self"] is String, "\(path)")
                    if let next = links["next"] as? String { queue.append(String(next.dropFirst(Self.base.count))) }
                    objects = data
                } else {
                    objects = [value]
                    #expect((value["id"] as? String).map { $0 == Self.base + path } ?? false, "\(path): an object is found at its id")
                }
                for object in objects {
                    let problems = check.problems(object, at: path)
                    #expect(problems.isEmpty, "\(path): \(problems.prefix(5))")
                    if let type = object["type"] as? String { types[String(type.split(separator: "/").last ?? ""), default: 0] += 1 }
                    // Follow every address of this interface the object names: ids, lists, references.
                    func follow(_ value: Any) {
                        if let text = value as? String, text.hasPrefix(Self.base + "/oparl/v1/") { queue.append(String(text.dropFirst(Self.base.count))) }
                        if let list = value as? [Any] { list.forEach(follow) }
                        if let object = value as? [String: Any] { object.values.forEach(follow) }
                    }
                    follow(object)
                }
            }
            for type in ["System", "Body", "LegislativeTerm", "Organization", "Meeting", "AgendaItem", "Consultation", "Paper", "Location", "File"] {
                #expect(types[type, default: 0] > 0, "\(type) is served")
            }
            let all = bodies.joined(separator: "\n")
            for account in DemoData.accounts { #expect(!all.contains(account.email), "\(account.email) must not appear") }
        }
    }

    @Test("lists take OParl's filters and omit_internal; a bad date, an unknown body or parameter is refused", arguments: TestDatabase.available)
    func filters(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            _ = try await DemoData(services: services).load()
            let papers = "/oparl/v1/bodies/suedwestsachsen/papers"
            let all = try json(try await browser.get(papers + "?limit=100"))["data"] as? [[String: Any]] ?? []
            #expect(!all.isEmpty)
            let future = try json(try await browser.get(papers + "?modified_since=2099-01-01T00%3A00%3A00%2B01%3A00"))
            #expect((future["data"] as? [Any])?.isEmpty == true)
            let past = try json(try await browser.get(papers + "?created_since=2000-01-01T00%3A00%3A00%2B01%3A00&limit=100"))
            #expect((past["data"] as? [Any])?.count == all.count)
            var paged: [String] = []
            var next: String? = papers + "?limit=3&created_since=2000-01-01T00%3A00%3A00%2B01%3A00"
            while let path = next {
                let page = try json(try await browser.get(path))
                paged += (page["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                let link = (page["links"] as? [String: Any])?["next"] as? String
                #expect(link.map { $0.contains("created_since=") } ?? true, "the next page keeps the filter")
                next = link.map { String($0.dropFirst(Self.base.count)) }
            }
            #expect(paged == all.compactMap { $0["id"] as? String }, "the pages together are the list, once each")
            let meetings = try json(try await browser.get("/oparl/v1/bodies/suedwestsachsen/meetings?omit_internal=true"))
            #expect((meetings["data"] as? [[String: Any]] ?? []).allSatisfy { $0["agendaItem"] == nil })
            let lenkungskreis = try json(try await browser.get("/oparl/v1/organizations/lenkungskreis/meetings"))
            #expect((lenkungskreis["data"] as? [[String: Any]] ?? []).allSatisfy {
                ($0["organization"] as? [String]) == ["\(Self.base)/oparl/v1/organizations/lenkungskreis"]
            })
            for (path, status) in [(papers + "?modified_since=gestern", 400), (papers + "?colour=blue", 400), (papers + "?cursor=WT", 400),
                                   ("/oparl/v1/bodies/lausitz", 404), ("/oparl/v1/bodies/lausitz/papers", 404), ("/oparl/v1/papers/999", 404),
                                   ("/oparl/v1/files/masterplan-9-pdf", 404), ("/oparl/v1/files/minutes-999", 404)] {
                let page = try await browser.get(path)
                #expect(Int(page.status.code) == status && page.headers[.contentType] == "application/problem+json; charset=utf-8", "\(path)")
            }
            // An unreleased session's decisions and minutes stay out, in the meeting and in the files.
            let sessions = try await services.bodySessions.page(after: nil, limit: 100, changed: ChangeWindow(), body: nil)
            let unreleased = try #require(sessions.first { $0.publishedAt == nil })
            let meeting = try json(try await browser.get("/oparl/v1/meetings/\(unreleased.id.rawValue)"))
            #expect(meeting["resultsProtocol"] == nil)
            #expect((meeting["agendaItem"] as? [[String: Any]] ?? []).allSatisfy { $0["resolutionText"] == nil && $0["result"] == nil })
            #expect(try await browser.get("/oparl/v1/files/minutes-\(unreleased.id.rawValue)").status == .notFound)

            // A change of the agenda is a change of the meeting: before, adding an item left `modified` as it was.
            let office = try await services.addUser(email: "o@example.org", name: "O", role: "convention_office", ministry: nil, password: password)
            let later = Timestamp(milliseconds: 4_102_444_800_000)
            try await services.bodySessions.addItem(unreleased.id, title: "Verschiedenes", measure: nil, actor: office.id, at: later)
            let changed = try json(try await browser.get("/oparl/v1/bodies/suedwestsachsen/meetings?modified_since=2099-12-31T00%3A00%3A00%2B01%3A00"))
            #expect((changed["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["\(Self.base)/oparl/v1/meetings/\(unreleased.id.rawValue)"])
        }
    }
}
