import Foundation
import KonventTestSupport
import KonventWeb
import Testing

/// Follows every link of the site from the start page, as a visitor and as the convention office,
/// over the demo data: none may lead nowhere. Links that differ only in their numbers are of one
/// kind; a few of each kind are enough.
@Suite("Every link leads somewhere", .serialized)
struct LinkWalkTests {
    static let perKind = 2

    @Test("as a visitor and as the office, no link of any page type answers 404 or fails")
    func walk() async throws {
        try await withApp { browser, services in
            _ = try await DemoData(services: services).load()
            let visitor = try await Self.walk(browser, limit: 600)
            #expect(visitor.broken.isEmpty, "\(visitor.broken)")
            print("link walk: \(visitor.visited) pages as a visitor")
            #expect(visitor.visited > 60, "walked \(visitor.visited) pages")

            let office = Browser(client: browser.client)
            let login = try await office.get("/login")
            try await office.post("/login", [("email", "geschaeftsstelle@demo.konvent.localhost"), ("password", DemoData.password)],
                                  csrfFrom: login)
            let walked = try await Self.walk(office, limit: 900)
            #expect(walked.broken.isEmpty, "\(walked.broken)")
            print("link walk: \(walked.visited) pages as the office")
            #expect(walked.visited > 100, "walked \(walked.visited) pages")
        }
    }

    static func walk(_ browser: Browser, limit: Int) async throws -> (visited: Int, broken: [String]) {
        var queue = ["/"], seen: Set<String> = ["/"], kinds: [String: Int] = [:], broken: [String] = [], visited = 0
        while !queue.isEmpty, visited < limit {
            let path = queue.removeFirst()
            let page = try await browser.get(path)
            visited += 1
            if page.status == .notFound || page.status.code >= 500 {
                broken.append("\(path) → \(page.status.code)")
                continue
            }
            guard page.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
            for link in links(in: page.body) where !seen.contains(link) {
                seen.insert(link)
                let kind = link.replacingOccurrences(of: "[0-9]+", with: "N", options: .regularExpression)
                guard kinds[kind, default: 0] < perKind else { continue }
                kinds[kind, default: 0] += 1
                queue.append(link)
            }
        }
        return (visited, broken)
    }

    /// The site's own links of a page (`href="/…"`), without fragments. The language switch changes
    /// the session; PDFs take LibreOffice seconds each and have tests of their own.
    static func links(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let range = rest.range(of: "href=\"/") {
            let start = html.index(before: range.upperBound)
            guard let end = html[start...].firstIndex(of: "\"") else { break }
            var link = String(html[start..<end]).replacingOccurrences(of: "&amp;", with: "&")
            if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
            if !link.isEmpty, !link.hasPrefix("//"), !link.hasPrefix("/language"), !link.hasPrefix("/static/"),
               !link.hasSuffix(".pdf") { result.append(link) }
            rest = html[end...]
        }
        return result
    }
}
