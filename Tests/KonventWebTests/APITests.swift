import Foundation
import HTTPTypes
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("JSON API", .serialized)
struct APITests {
    static let base = "http://konvent.test"

    func json(_ page: Page) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(page.bytes)) as? [String: Any], "\(page.body.prefix(200))")
    }

    func draft(_ title: String, kind: Contribution.Kind = .idea) -> ContributionDraft {
        ContributionDraft(kind: kind, title: title, text: "Ein Text, der lang genug ist, um zu zählen.", fields: ["wirtschaft"],
                          districtKey: "14521", municipalityKey: nil, organisationID: nil, anonymous: false)
    }

    @Test("lists page by key to the end, filter, keep hidden and waiting contributions out; ETag, CORS, problems", arguments: TestDatabase.available)
    func listsAndProblems(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let author = try await services.addUser(email: "a@example.org", name: "A", role: "participant", ministry: nil, password: password)
            let office = try await services.addUser(email: "o@example.org", name: "O", role: "convention_office", ministry: nil, password: password)
            var ids: [ContributionID] = []
            for index in 0..<5 {
                ids.append(try await services.contributions.create(
                    draft("Beitrag \(index)", kind: index == 0 ? .challenge : .idea), author: author.id,
                    at: Timestamp(milliseconds: 1_767_225_600_000 + Int64(index) * 1000), status: .published))
            }
            let waiting = try await services.contributions.create(draft("Wartet noch"), author: author.id, at: .now, status: .submitted)
            try await services.moderation.changeStatus(ids[1], to: .hidden, reason: "Beleidigend", actor: office.id, at: .now)

            var seen: [Int] = []
            var next: String? = "/api/v1/contributions?limit=2"
            while let path = next {
                let page = try await browser.get(path)
                #expect(page.status == .ok && page.headers[.contentType] == "application/json; charset=utf-8")
                #expect(page.headers[.accessControlAllowOrigin] == "*" && page.headers[.setCookie] == nil, "open to all, no cookie")
                let body = try json(page)
                seen += (body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
                next = ((body["links"] as? [String: Any])?["next"] as? String).map { String($0.dropFirst(Self.base.count)) }
            }
            #expect(seen == [ids[4], ids[3], ids[2], ids[0]].map { Int($0.rawValue) }, "newest first, every public one once, the hidden one left out")
            #expect(!seen.contains(Int(waiting.rawValue)))
            let challenges = try json(try await browser.get("/api/v1/contributions?kind=challenge"))
            #expect((challenges["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [Int(ids[0].rawValue)])

            #expect(try await browser.get("/api/v1/contributions/\(ids[1].rawValue)").status == .notFound, "hidden")
            #expect(try await browser.get("/api/v1/contributions/\(waiting.rawValue)").status == .notFound, "waiting for moderation")
            let one = try await browser.get("/api/v1/contributions/\(ids[0].rawValue)")
            let tag = try #require(one.headers[.eTag])
            let again = try await browser.get("/api/v1/contributions/\(ids[0].rawValue)", headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified && again.bytes.isEmpty)
            #expect(try json(one)["createdAt"] as? String == "2026-01-01T01:00:00+01:00", "the region's time with its offset")

            let refused: [(String, HTTPResponse.Status, String?)] = [
                ("/api/v1/contributions?colour=blue", .badRequest, "colour"),
                ("/api/v1/contributions?kind=wish", .badRequest, "kind"),
                ("/api/v1/contributions?kind=idea&kind=challenge", .badRequest, "kind"),
                ("/api/v1/contributions?kind=", .badRequest, "kind"),
                ("/api/v1/contributions?cursor=nonsense", .badRequest, "cursor"),
                ("/api/v1/contributions?limit=0", .badRequest, "limit"),
                ("/api/v1/contributions?limit=101", .badRequest, "limit"),
                ("/api/v1/contributions?municipality=14521", .badRequest, "municipality"),
                ("/api/v1/contributions?q=" + String(repeating: "a", count: 201), .badRequest, "q"),
                ("/api/v1/contributions/999999", .notFound, nil),
                ("/api/v1/contributions/abc", .notFound, nil),
                ("/api/v1/measures/1", .notFound, nil),
                ("/api/v1/nothing", .notFound, nil),
                ("/api/v1/measures?cursor=WT", .badRequest, "cursor"),
                ("/api/v1/figures?x=1", .badRequest, "x"),
            ]
            for (path, status, parameter) in refused {
                let page = try await browser.get(path)
                #expect(page.status == status && page.headers[.contentType] == "application/problem+json; charset=utf-8", "\(path)")
                let problem = try json(page)
                #expect(problem["status"] as? Int == Int(status.code) && problem["parameter"] as? String == parameter, "\(path)")
                #expect((problem["detail"] as? String)?.isEmpty == false)
            }
            let english = try json(try await browser.get("/api/v1/contributions?kind=wish", headers: [.acceptLanguage: "en-GB,en;q=0.8"]))
            #expect(english["detail"] as? String == "The value “wish” is not valid for “kind”. Possible are: challenge, potential, idea, project_idea.")
            let german = try json(try await browser.get("/api/v1/contributions?kind=wish"))
            #expect((german["detail"] as? String)?.hasPrefix("Der Wert „wish“ ist für „kind“ nicht zulässig.") == true)

            let post = try await browser.send("/api/v1/contributions", method: .post, headers: [:], body: nil)
            #expect(post.status == .methodNotAllowed && post.headers[.allow] == "GET, HEAD, OPTIONS")
            #expect(try await browser.send("/api/v1/contributions/1", method: .delete, headers: [:], body: nil).status == .methodNotAllowed)
            let html = try await browser.get("/api/v1/contributions", headers: [.accept: "text/html"])
            #expect(html.status == .notAcceptable && html.headers[.contentType] == "application/problem+json; charset=utf-8")
            #expect(try await browser.get("/api/v1/contributions", headers: [.accept: "text/html, application/json;q=0.5"]).status == .ok)
            #expect(try await browser.get("/api/v1/contributions", headers: [.accept: "application/json;q=0"]).status == .notAcceptable)
            let preflight = try await browser.send("/api/v1/contributions", method: .options, headers: [:], body: nil)
            #expect(preflight.status == .noContent && preflight.headers[.accessControlAllowMethods] == "GET, HEAD, OPTIONS")
            #expect(preflight.headers[.accessControlAllowOrigin] == "*")
            let head = try await browser.send("/api/v1/contributions", method: .head, headers: [:], body: nil)
            #expect(head.status == .ok && head.bytes.isEmpty)
            // HEAD answered 404 on every page before the router made HEAD endpoints of the GET ones.
            let pageHead = try await browser.send("/contributions", method: .head, headers: [:], body: nil)
            #expect(pageHead.status == .ok && pageHead.bytes.isEmpty && pageHead.headers[.contentType] == "text/html; charset=utf-8")
            // Nothing of all this wrote anything.
            #expect(try await services.contributions.count(ContributionQuery()) == 4)
        }
    }

    @Test("every object of every endpoint holds to the OpenAPI document's allow-list; nothing internal comes out")
    func allowList() async throws {
        try await withApp { browser, services in
            _ = try await DemoData(services: services).load()
            let spec = try await browser.get("/api/v1/openapi.json")
            #expect(spec.status == .ok && spec.headers[.contentType] == "application/vnd.oai.openapi+json; charset=utf-8")
            let check = try OpenAPISchemaCheck(spec.bytes)
            // The check itself catches a field outside the allow-list and a missing one.
            let place: [String: Any] = ["$ref": "#/components/schemas/Place"]
            #expect(check.problems(["key": "1", "name": "A", "email": "a@example.org"], place) == ["$.email: not in the allow-list"])
            #expect(check.problems(["key": "1"], place) == ["$: name missing"])
            #expect((check.document["servers"] as? [[String: Any]])?.first?["url"] as? String == "\(Self.base)/api/v1")
            var queue = ["/api/v1", "/api/v1/contributions?limit=100", "/api/v1/formats?when=past&limit=100", "/api/v1/formats?limit=100",
                         "/api/v1/measures?limit=100", "/api/v1/sessions?limit=100", "/api/v1/masterplan/versions", "/api/v1/figures",
                         "/api/v1/geo/districts.geojson", "/api/v1/geo/municipalities.geojson", "/api/v1/geo/formats.geojson"]
            var visited = Set<String>()
            var bodies: [String] = []
            var kinds = Set<String>()
            while let path = queue.popLast() {
                guard visited.insert(path).inserted, visited.count < 400 else { continue }
                let page = try await browser.get(path)
                try #require(page.status == .ok, "\(path): \(page.status)")
                bodies.append(page.body)
                let value = try JSONSerialization.jsonObject(with: Data(page.bytes))
                let below = String(path.dropFirst("/api/v1".count).split(separator: "?").first ?? "")
                let schema = try #require(check.responseSchema(for: below.isEmpty ? "/" : below), "\(path) has no schema")
                let problems = check.problems(value, schema)
                #expect(problems.isEmpty, "\(path): \(problems.prefix(5))")
                // Follow every self link of an item, once: the single objects.
                for item in (value as? [String: Any])?["items"] as? [[String: Any]] ?? [] {
                    if let link = (item["links"] as? [String: Any])?["self"] as? String, link.hasPrefix(Self.base) {
                        queue.append(String(link.dropFirst(Self.base.count)))
                        kinds.insert(String(link.dropFirst(Self.base.count).split(separator: "/").dropLast().joined(separator: "/")))
                    }
                }
            }
            #expect(kinds.isSuperset(of: ["api/v1/contributions", "api/v1/formats", "api/v1/measures", "api/v1/sessions", "api/v1/masterplan/versions"]),
                    "\(kinds)")
            let all = bodies.joined(separator: "\n")
            for account in DemoData.accounts { #expect(!all.contains(account.email), "\(account.email) must not appear") }
            #expect(!all.contains("\"draft\""), "no draft measure")
            // The office's assessments and the reviewers' notes have no field at all; decisions only once released.
            let sessions = try await services.bodySessions.page(after: nil, limit: 100, changed: ChangeWindow(), body: nil)
            let unreleased = try #require(sessions.first { $0.publishedAt == nil }, "the demo has an unreleased session")
            let session = try json(try await browser.get("/api/v1/sessions/\(unreleased.id.rawValue)"))
            #expect(session["minutes"] == nil)
            #expect((session["agenda"] as? [[String: Any]] ?? []).allSatisfy { $0["decision"] == nil && $0["vote"] == nil && $0["outcome"] == nil })
        }
    }

    @Test("the DCAT-AP.de catalogue names every dataset with licence, attribution and dates, in Turtle and JSON-LD; its addresses lead to pages")
    func catalogue() async throws {
        try await withApp { browser, services in
            _ = try await DemoData(services: services).load()
            let turtle = try await browser.get("/dcat/catalog.ttl")
            #expect(turtle.status == .ok && turtle.headers[.contentType] == "text/turtle; charset=utf-8")
            for dataset in ["beitraege", "formate", "massnahmen", "finanzierung", "indikatoren", "fortschritt", "herkunft", "beteiligung",
                            "sitzungen", "masterplan"] {
                #expect(turtle.body.contains("dcat:dataset <\(Self.base)/dcat/datasets/\(dataset)>"), "\(dataset)")
            }
            #expect(turtle.body.contains("dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0>"))
            #expect(turtle.body.contains("dcatde:licenseAttributionByText \"Regionalkonvent Chemnitz/Südwestsachsen\"@de"))
            #expect(turtle.body.contains("vcard:hasEmail <mailto:beteiligung@example.org>"))
            #expect(turtle.body.contains("dcat:endpointDescription <\(Self.base)/api/v1/openapi.json>"))
            #expect(turtle.body.range(of: #"dct:modified "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d"\^\^xsd:dateTime"#, options: .regularExpression) != nil)
            let jsonLD = try await browser.get("/dcat/catalog.jsonld")
            #expect(jsonLD.headers[.contentType] == "application/ld+json; charset=utf-8")
            let nodes = try #require(try JSONSerialization.jsonObject(with: Data(jsonLD.bytes)) as? [[String: Any]])
            #expect(nodes.filter { ($0["@type"] as? [String])?.contains("http://www.w3.org/ns/dcat#Dataset") == true }.count == 10)
            let dataset = try await browser.get("/dcat/datasets/massnahmen")
            #expect(dataset.status == .seeOther && dataset.headers[.location] == "/measures")
            #expect(try await browser.get("/dcat/datasets/nichts").status == .notFound)
            #expect(try await browser.get("/dcat/catalog").headers[.location] == "/dcat/catalog.ttl")
            // Kept per data version: a new contribution is in the next answer's dates.
            let author = try await services.addUser(email: "neu@example.org", name: "N", role: "participant", ministry: nil, password: password)
            _ = try await services.contributions.create(draft("Ganz neu"), author: author.id, at: Timestamp(milliseconds: 4_102_444_800_000),
                                                        status: .published)
            #expect(try await browser.get("/dcat/catalog.ttl").body.contains(#"dct:modified "2100-01-01T01:00:00+01:00"^^xsd:dateTime"#))
        }
    }

    @Test("GeoJSON: districts and municipalities with outlines, counts and rates; formats as points inside their territory; attribution carried")
    func geoJSON() async throws {
        try await withApp { browser, services in
            _ = try await DemoData(services: services).load()
            let districts = try await browser.get("/api/v1/geo/districts.geojson")
            #expect(districts.headers[.contentType] == "application/geo+json; charset=utf-8")
            let collection = try json(districts)
            #expect((collection["attribution"] as? String)?.contains("GeoBasis-DE / BKG") == true)
            let features = try #require(collection["features"] as? [[String: Any]])
            #expect(features.count == 5)
            // The same figures as the API's, which the participation page shows.
            let counted = try json(try await browser.get("/api/v1/figures"))["contributionsByDistrict"] as? [[String: Any]] ?? []
            let figures = Dictionary(uniqueKeysWithValues: counted.compactMap { item in (item["key"] as? String).map { ($0, item["count"] as? Int ?? 0) } })
            #expect(!figures.isEmpty)
            for feature in features {
                let properties = try #require(feature["properties"] as? [String: Any])
                let key = try #require(properties["key"] as? String)
                #expect(properties["contributions"] as? Int == figures[key] ?? 0, "\(key)")
                let population = try #require(properties["population"] as? Int)
                let rate = try #require(properties["contributionsPerThousand"] as? Double)
                #expect(abs(rate - Double(figures[key] ?? 0) * 1000 / Double(population)) < 0.006)
                #expect((feature["geometry"] as? [String: Any])?["type"] as? String == "Polygon")
            }
            let municipalities = try json(try await browser.get("/api/v1/geo/municipalities.geojson"))["features"] as? [[String: Any]] ?? []
            #expect(municipalities.count == services.region.territories.filter { $0.kind == .municipality }.count)
            let formats = try json(try await browser.get("/api/v1/geo/formats.geojson"))["features"] as? [[String: Any]] ?? []
            #expect(!formats.isEmpty)
            // Each point lies within the bounds of its territory's outline.
            for feature in formats {
                let properties = try #require(feature["properties"] as? [String: Any])
                let key = (properties["municipality"] as? String) ?? (properties["district"] as? String ?? "")
                let point = try #require((feature["geometry"] as? [String: Any])?["coordinates"] as? [Double])
                let rings = try #require(services.region.map?.shapes[key])
                let longitudes = rings.flatMap { $0.map(\.longitude) }, latitudes = rings.flatMap { $0.map(\.latitude) }
                #expect(point[0] >= longitudes.min()! && point[0] <= longitudes.max()! && point[1] >= latitudes.min()! && point[1] <= latitudes.max()!,
                        "\(key)")
            }
        }
    }
}
