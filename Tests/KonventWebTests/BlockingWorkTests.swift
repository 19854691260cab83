import Foundation
import KonventDomain
import KonventTestSupport
@testable import KonventWeb
import Testing

/// Work that waits for another program must not hold the threads that run every request's tasks:
/// Swift's pool has one per core, so a few PDF exports at once would stop the whole server.
@Suite("Blocking work stays off the request threads")
struct BlockingWorkTests {
    @Test("while more PDF exports than cores wait for LibreOffice, the server still answers")
    func pdfExportsLeaveRequestsServed() async throws {
        guard LibreOffice.executable != nil else {
            #expect(!LibreOffice.required, "LibreOffice is required here but was not found")
            return
        }
        try await withApp { browser, services in
            let service = services.masterplanService
            let (document, _) = try await service.keptStatusReport(.de)
            let exports = ProcessInfo.processInfo.activeProcessorCount + 1
            try await withThrowingTaskGroup(of: ContinuousClock.Instant.self) { group in
                for _ in 0..<exports {
                    group.addTask {
                        let pdf = try await service.export(document, format: .pdf, language: .de)
                        #expect(pdf.starts(with: Array("%PDF".utf8)))
                        return .now
                    }
                }
                // By now every export waits for its LibreOffice (which takes seconds to start).
                try await Task.sleep(for: .milliseconds(300))
                let live = try await browser.get("/health/live")
                let answered = ContinuousClock.now
                #expect(live.status == .ok)
                var firstDone: ContinuousClock.Instant?
                for try await done in group { firstDone = min(firstDone ?? done, done) }
                #expect(answered < (try #require(firstDone)), "the liveness probe waited for an export to finish")
            }
        }
    }
}
