import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

/// Reads an Atom feed as a feed reader would: well-formed XML, and each entry's id, title and updated.
final class AtomReader: NSObject, XMLParserDelegate {
    var entries: [[String: String]] = []
    var feed: [String: String] = [:]
    private var current: [String: String]?
    private var text = ""

    static func read(_ bytes: [UInt8]) -> AtomReader? {
        let reader = AtomReader()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        text = ""
        if name == "entry" { current = [:] }
        if name == "link", attributes["rel"] == "alternate" {
            if current != nil { current?["link"] = attributes["href"] } else { feed["alternate"] = attributes["href"] }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "entry", let entry = current {
            entries.append(entry)
            current = nil
        } else if name == "link" {
            return
        } else if current != nil {
            current?[name] = text
        } else {
            feed[name] = text
        }
    }
}

@Suite("Atom feeds", .serialized)
struct FeedTests {
    @Test("new contributions filtered as the list, and announcements; escaped, RFC 3339 times; unknown filters refused", arguments: TestDatabase.available)
    func feeds(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let author = try await services.addUser(email: "a@example.org", name: "A", role: "participant", ministry: nil, password: password)
            for (index, kind) in [Contribution.Kind.idea, .challenge, .idea].enumerated() {
                _ = try await services.contributions.create(
                    ContributionDraft(kind: kind, title: "Beitrag <\(index)> & „Zitat“", text: "Ein Text mit <b>Markup</b> & Zeichen.",
                                      fields: ["wirtschaft"], districtKey: "14521", municipalityKey: nil, organisationID: nil, anonymous: false),
                    author: author.id, at: Timestamp(milliseconds: 1_767_225_600_000 + Int64(index) * 1000), status: .published)
            }
            let all = try await browser.get("/feeds/contributions.atom")
            #expect(all.status == .ok && all.headers[.contentType] == "application/atom+xml; charset=utf-8")
            let feed = try #require(AtomReader.read(all.bytes), "well-formed XML")
            #expect(feed.entries.count == 3)
            #expect(feed.entries.first?["title"] == "Idee: Beitrag <2> & „Zitat“", "newest first, escaped and read back")
            #expect(feed.entries.first?["updated"] == "2026-01-01T00:00:02Z")
            #expect(feed.entries.first?["id"]?.hasPrefix("http://konvent.test/contributions/") == true)
            #expect(feed.feed["updated"] == "2026-01-01T00:00:02Z")
            let ideas = try #require(AtomReader.read(try await browser.get("/feeds/contributions.atom?kind=idea").bytes))
            #expect(ideas.entries.count == 2 && ideas.feed["alternate"] == "http://konvent.test/contributions?kind=idea")
            for query in ["kind=wish", "theme=1", "colour=blue"] {
                #expect(try await browser.get("/feeds/contributions.atom?\(query)").status == .unprocessableContent, "\(query)")
            }

            let office = try await services.addUser(email: "o@example.org", name: "O", role: "convention_office", ministry: nil, password: password)
            _ = try await services.announcements.send(
                title: "Termine im Februar", body: "Alle Termine im Februar.", audience: AnnouncementAudience(), actor: office.id, at: .now, batch: 10
            ) { _, recipient in OutgoingMail(recipient: recipient.email, subject: "x", body: "y") }
            let announcements = try #require(AtomReader.read(try await browser.get("/feeds/announcements.atom").bytes))
            #expect(announcements.entries.map { $0["title"] } == ["Termine im Februar"])

            // The masterplan's published versions: none yet, then the one published.
            #expect(try #require(AtomReader.read(try await browser.get("/feeds/masterplan.atom").bytes)).entries.isEmpty)
            let officeBrowser = try await browserFor(browser, services, email: "office2@example.org", name: "Office", role: "convention_office")
            let plan = try await officeBrowser.get("/masterplan")
            #expect(try await officeBrowser.post("/masterplan/publish", [], csrfFrom: plan).status == .seeOther)
            let versions = try #require(AtomReader.read(try await browser.get("/feeds/masterplan.atom").bytes))
            #expect(versions.entries.map { $0["title"] } == ["Fassung 1 des Masterplans veröffentlicht"])
            #expect(versions.entries.first?["link"] == "http://konvent.test/masterplan/1")
        }
    }

    @Test("the bodies' released decisions as Atom, with the licence; pages name their feeds and JSON in the head")
    func decisionsAndAlternates() async throws {
        try await withApp { browser, services in
            _ = try await DemoData(services: services).load()
            let page = try await browser.get("/feeds/decisions.atom")
            let feed = try #require(AtomReader.read(page.bytes))
            let released = try await services.bodySessions.releasedDecisions(limit: 50)
            #expect(!released.isEmpty && feed.entries.count == released.count)
            #expect(released.allSatisfy { $0.session.publishedAt != nil && $0.item.decidedAt != nil })
            let adopted = try #require(released.first { $0.item.outcome == "adopted" })
            #expect(feed.entries.contains { $0["title"] == "Lenkungskreis: \(adopted.item.title) – beschlossen" && $0["summary"] == adopted.item.decision })
            #expect(feed.entries.first?["link"]?.contains("/sessions/\(released[0].session.id.rawValue)#item-") == true)
            #expect(feed.feed["rights"] == "Datenlizenz Deutschland – Namensnennung – Version 2.0; Quelle: Regionalkonvent Chemnitz/Südwestsachsen")
            // No decision of an unreleased session.
            let unreleased = try await services.bodySessions.page(after: nil, limit: 100, changed: ChangeWindow(), body: nil).filter { $0.publishedAt == nil }
            #expect(!unreleased.isEmpty)
            #expect(!feed.entries.contains { entry in unreleased.contains { entry["link"]?.contains("/sessions/\($0.id.rawValue)#") == true } })

            let list = try await browser.get("/contributions?kind=idea&district=14521")
            #expect(list.body.contains(#"<link rel="alternate" type="application/atom+xml" title="Neue Beiträge (Atom-Feed)" href="/feeds/contributions.atom?kind=idea&amp;district=14521">"#))
            #expect(try await browser.get("/sessions").body.contains(#"href="/feeds/decisions.atom""#))
            #expect(try await browser.get("/contributions/1").body.contains(#"<link rel="alternate" type="application/json" title="Dieser Eintrag als JSON" href="/api/v1/contributions/1">"#))
        }
    }
}
