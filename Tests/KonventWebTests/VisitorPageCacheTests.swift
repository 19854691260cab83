import Foundation
import HTTPTypes
import KonventDomain
import KonventStorage
import KonventTestSupport
@testable import KonventWeb
import NIOCore
import Testing

@Suite("Public pages kept for visitors")
struct VisitorPageCacheTests {
    @Test("a visitor's second request is served as kept, with an ETag and 304; a change shows at once; signed-in pages stay fresh",
          arguments: TestDatabase.available)
    func keptAndFresh(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let anna = try await services.addUser(email: "anna@example.org", name: "Anna Ärmel", role: "participant", ministry: nil, password: password)
            _ = try await services.contributions.create(
                ContributionDraft.validate(kind: "idea", title: "Radweg an der Mulde", text: "Ein Radweg entlang der Mulde für Pendler.",
                                           fields: ["wirtschaft"], district: "14523", municipality: "", organisation: "", anonymous: false,
                                           region: services.region, organisations: [], profile: .init()),
                author: anna.id, at: .now, status: .published)
            let visitor = Browser(client: await browser.client)
            let first = try await visitor.get("/contributions")
            let second = try await visitor.get("/contributions")
            #expect(first.status == .ok && first.body.contains("Radweg an der Mulde"))
            let etag = try #require(first.headers[.eTag])
            #expect(second.headers[.eTag] == etag && second.body == first.body)
            #expect(first.headers[.cacheControl] == "no-cache" && first.headers[.vary] == "Cookie")
            #expect(!first.body.contains("name=\"_csrf\""))
            #expect(services.pageCache.usage.pages >= 1)

            let unchanged = try await visitor.get("/contributions", headers: [.ifNoneMatch: etag])
            #expect(unchanged.status == .notModified && unchanged.bytes.isEmpty)

            // A write changes the data version: the next visitor sees it, without waiting.
            _ = try await services.contributions.create(
                ContributionDraft.validate(kind: "idea", title: "Bahnhalt in Flöha", text: "Ein Halt für den Regionalexpress in Flöha.",
                                           fields: ["wirtschaft"], district: "14522", municipality: "", organisation: "", anonymous: false,
                                           region: services.region, organisations: [], profile: .init()),
                author: anna.id, at: .now, status: .published)
            let after = try await visitor.get("/contributions", headers: [.ifNoneMatch: etag])
            #expect(after.status == .ok && after.body.contains("Bahnhalt in Flöha"))

            // Signed in, the page is made for this person and never shared.
            let login = try await browser.get("/login")
            try await browser.post("/login", [("email", "anna@example.org"), ("password", password)], csrfFrom: login)
            let own = try await browser.get("/contributions")
            #expect(own.headers[.eTag] == nil && own.headers[.cacheControl] == "no-store")
            #expect(own.body.contains("Anna Ärmel"))
        }
    }

    @Test("a page without a form sets no CSRF cookie; a form sets one, and its token is accepted")
    func csrfCookieOnlyWithAForm() async throws {
        try await withApp { browser, services in
            _ = try await services.addUser(email: "anna@example.org", name: "Anna Ärmel", role: "participant", ministry: nil, password: password)
            let list = try await browser.get("/contributions")
            #expect(list.status == .ok && list.headers[values: .setCookie].isEmpty, "no form, no cookie")
            #expect(await browser.cookies[VisitorMiddleware.csrfCookie] == nil)

            let login = try await browser.get("/login")
            let cookie = try #require(await browser.cookies[VisitorMiddleware.csrfCookie])
            #expect(login.headers[values: .setCookie].contains { $0.hasPrefix("\(VisitorMiddleware.csrfCookie)=") && $0.contains("HttpOnly") })
            // The cookie, once there, is kept: the next form's token is made from it.
            let again = try await browser.get("/login")
            #expect(again.headers[values: .setCookie].isEmpty && again.csrfToken == login.csrfToken)
            #expect(await browser.cookies[VisitorMiddleware.csrfCookie] == cookie)
            let signedIn = try await browser.post("/login", [("email", "anna@example.org"), ("password", password)], csrfFrom: login)
            #expect(signedIn.status == .seeOther)
        }
    }

    @Test("the cache stays within its byte budget and lets go of the pages asked for least recently")
    func budget() {
        let cache = PageCache(budgetBytes: 16 * 1024)
        let page = ByteBuffer(bytes: [UInt8](repeating: 65, count: 1000))
        for index in 0..<12 { cache.store("page-\(index)", page, headers: [:]) }
        _ = cache.lookup("page-0")
        for index in 12..<20 { cache.store("page-\(index)", page, headers: [:]) }
        #expect(cache.usage.bytes <= 16 * 1024)
        #expect(cache.lookup("page-0") != nil, "asked for recently, so kept")
        #expect(cache.lookup("page-1") == nil, "the least recently asked for went first")
        #expect(cache.lookup("page-19") != nil)
        // A page above a sixteenth of the budget is served but never kept.
        cache.store("big", ByteBuffer(bytes: [UInt8](repeating: 66, count: 2000)), headers: [:])
        #expect(cache.lookup("big") == nil)
    }
}
