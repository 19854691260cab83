import Foundation
import KonventStorage
import KonventTestSupport
@testable import KonventWeb
import Logging
import Synchronization
import SQLKit
import Testing

/// What an operator's probes, log collector and monitoring read.
@Suite struct OperationsTests {
    @Test("liveness answers while the database is behind; readiness only with the current schema", arguments: TestDatabase.available)
    func probes(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let live = try await browser.get("/health/live")
            #expect(live.status == .ok)
            #expect(live.body.contains(#""status":"live""#))
            let ready = try await browser.get("/health/ready")
            #expect(ready.status == .ok)
            let readyJSON = try JSONSerialization.jsonObject(with: Data(ready.body.utf8)) as! [String: Any]
            #expect(readyJSON["version"] as? String == KonventVersion.release)
            #expect(readyJSON["schemaVersion"] as? Int == KonventVersion.schema)

            // As if this build were started against a database its migration has not reached yet.
            try await services.database.write { db in
                try await db.raw("DELETE FROM schema_migrations WHERE version = \(bind: KonventVersion.schema)").run()
            }
            #expect(try await browser.get("/health/ready").status == .serviceUnavailable)
            #expect(try await browser.get("/health/live").status == .ok)
        }
    }

    @Test("every response names its request id; a proxy's id is kept, a visitor's odd one replaced")
    func requestIDs() async throws {
        try await withApp { browser, _ in
            let first = try #require(try await browser.get("/").headers[.init("X-Request-Id")!])
            let second = try #require(try await browser.get("/").headers[.init("X-Request-Id")!])
            #expect(first.count == 32 && first != second)
            let kept = try await browser.get("/", headers: [.init("X-Request-Id")!: "0123456789abcdef0123"])
            #expect(kept.headers[.init("X-Request-Id")!] == "0123456789abcdef0123")
            let odd = try await browser.get("/", headers: [.init("X-Request-Id")!: "evil\" injected=1"])
            #expect(odd.headers[.init("X-Request-Id")!]?.contains("evil") == false)
            let notFound = try await browser.get("/does-not-exist")
            #expect(notFound.headers[.init("X-Request-Id")!] != nil)
        }
    }

    @Test("request ids are 32 hex digits, never repeat, and do not count: their leading digits vary")
    func requestIDsDoNotCount() {
        let ids = (0..<10_000).map { _ in RequestIdentifier.make() }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.utf8.count == 32 && $0.utf8.allSatisfy { "0123456789abcdef".utf8.contains($0) } })
        // A counter (Hummingbird's own ids) would keep its leading digits for billions of requests.
        #expect(Set(ids.prefix(1000).map { $0.prefix(2) }).count > 200)
    }

    @Test("LOG_FORMAT=json writes one object per line with the request id the response carries")
    func jsonLogs() async throws {
        let (id, line) = try await requestLogLine(.json) { $0.contains(#""message":"request""#) }
        #expect(line.hasSuffix("}\n") && !line.dropLast().contains("\n"))
        let fields = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: String]
        #expect(fields["request_id"] == id)
        #expect(fields["route"] == "/contributions")
        #expect(fields["status"] == "200")
        #expect(fields["level"] == "info")
        #expect(fields["time"].map { $0.hasSuffix("Z") && $0.contains("T") } == true)
    }

    @Test("text log lines name the request id the response carries, with the metadata sorted, one line each")
    func textLogs() async throws {
        let (id, line) = try await requestLogLine(.text) { $0.hasSuffix("] request\n") }
        #expect(!line.dropLast().contains("\n"))
        #expect(line.contains(" info konvent: hb.request.id=\(id) method=GET ms="))
        #expect(line.contains(" route=/contributions status=200 ["))
    }

    /// The request id of a visit to the contribution list, and the last log line written in `format` that `isRequestLine`.
    private func requestLogLine(
        _ format: LineLogHandler.Format, _ isRequestLine: (String) -> Bool
    ) async throws -> (id: String, line: String) {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "konvent", factory: { LineLogHandler(label: $0, format: format, write: { line in lines.withLock { $0.append(line) } }) })
        logger.logLevel = .info
        let id = Mutex<String?>(nil)
        try await withApp(logger: logger) { browser, _ in
            let page = try await browser.get("/contributions")
            id.withLock { $0 = page.headers[.init("X-Request-Id")!] }
        }
        let line = lines.withLock { $0 }.last(where: isRequestLine)
        return (try #require(id.withLock { $0 }), try #require(line))
    }

    @Test("a duration counts in its own bucket and every larger one; beyond the last only in +Inf")
    func cumulativeBuckets() {
        let metrics = Metrics()
        metrics.record(method: "GET", route: "/a", status: 200, seconds: 0.003)
        metrics.record(method: "GET", route: "/a", status: 200, seconds: 0.0005)
        metrics.record(method: "GET", route: "/a", status: 404, seconds: 5)
        let text = metrics.exposition(gauges: [])
        for (bound, count) in [("0.001", 1), ("0.0025", 1), ("0.005", 2), ("2.5", 2), ("+Inf", 3)] {
            #expect(text.contains(#"konvent_http_request_duration_seconds_bucket{route="/a",le="\#(bound)"} \#(count)"#), "le=\(bound)")
        }
        #expect(text.contains(#"konvent_http_requests_total{method="GET",route="/a",status="200"} 2"#))
        #expect(text.contains(#"konvent_http_request_duration_seconds_count{route="/a"} 3"#))
    }

    @Test("durations are kept per route, so that a slow page shows as itself")
    func histogramByRoute() async throws {
        try await withApp(configure: { $0.metricsToken = "token" }) { browser, _ in
            try await browser.get("/")
            try await browser.get("/contributions")
            try await browser.get("/contributions")
            let page = try await browser.get("/metrics", headers: [.authorization: "Bearer token"]).body
            #expect(page.contains(#"konvent_http_request_duration_seconds_count{route="/contributions"} 2"#))
            #expect(page.contains(#"konvent_http_request_duration_seconds_count{route="/"} 1"#))
            #expect(page.contains(#"konvent_http_request_duration_seconds_bucket{route="/contributions",le="+Inf"} 2"#))
        }
    }
}
