import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Logging
import Synchronization
import Testing

@Suite("Mail delivery")
struct MailDeliveryTests {
    @Test("an unreachable SMTP server leaves the mail queued, counts the attempt and retries later")
    func retries() async throws {
        try await TestDatabase.sqlite.with { db in
            let outbox = Outbox(database: db)
            try await db.write {
                try await Outbox.enqueue(OutgoingMail(recipient: try EmailAddress("a@example.org"), subject: "Ü", body: "Text"), in: $0)
            }
            // Port 1 on loopback: nothing listens there, the connection is refused at once.
            let closed = SMTPConfiguration(host: "127.0.0.1", port: 1)
            let delivery = MailDelivery(outbox: outbox, client: SMTPClient(configuration: closed, from: "k@example.org"),
                                        interval: .seconds(1), logger: TestDatabase.logger)
            #expect(await delivery.deliverDue() == 0)
            #expect(try await outbox.pendingCount() == 1)
            #expect(try await outbox.due().isEmpty, "not due again at once")
            let retry = try await outbox.due(at: Timestamp(milliseconds: Timestamp.now.milliseconds + 3_600_000))
            #expect(retry.first?.attempts == 1)
        }
    }

    @Test("a cancelled delivery loop ends instead of spinning through its rounds")
    func endsWhenCancelled() async throws {
        try await TestDatabase.sqlite.with { db in
            let rounds = Counter(), ended = Counter()
            let delivery = MailDelivery(outbox: Outbox(database: db), client: nil, interval: .milliseconds(20),
                                        logger: TestDatabase.logger, prepare: { rounds.add() })
            let loop = Task {
                try? await delivery.run()
                ended.add()
            }
            for _ in 0..<500 where rounds.value == 0 { try await Task.sleep(for: .milliseconds(10)) }
            try #require(rounds.value >= 1, "the loop began its rounds")
            let atCancel = rounds.value
            loop.cancel()
            // Bounded, so that a loop that never ends fails this test instead of hanging the suite.
            for _ in 0..<100 where ended.value == 0 { try await Task.sleep(for: .milliseconds(50)) }
            #expect(ended.value == 1, "run() returned")
            #expect(rounds.value - atCancel <= 1, "at most the round under way when it was cancelled")
            if ended.value == 1 { await loop.value }
        }
    }

    @Test("subjects and sender names are encoded, so umlauts survive and no header can be injected")
    func encoding() throws {
        let client = SMTPClient(configuration: SMTPConfiguration(host: "x", port: 25), from: "Geschäftsstelle <k@example.org>")
        let text = client.message(OutgoingMail(
            recipient: try EmailAddress("a@example.org"), subject: "Bestätigung\r\nBcc: x@evil.example", body: "Grüße\n.\nEnde"))
        #expect(!text.contains("Bcc:"))
        #expect(text.contains("From: =?UTF-8?B?"))
        #expect(text.contains("<k@example.org>"))
        let body = text.components(separatedBy: "\r\n\r\n")[1].replacingOccurrences(of: "\r\n", with: "")
        #expect(String(decoding: Data(base64Encoded: body)!, as: UTF8.self) == "Grüße\r\n.\r\nEnde")
    }

    @Test func smtpURLs() throws {
        #expect(try SMTPConfiguration(url: "smtp://127.0.0.1:2525") == SMTPConfiguration(host: "127.0.0.1", port: 2525))
        #expect(try SMTPConfiguration(url: "smtps://u:p%40ss@mail.example") ==
            SMTPConfiguration(host: "mail.example", port: 465, useTLS: true, username: "u", password: "p@ss"))
        #expect(throws: ConfigurationErrorMessage.self) { try SMTPConfiguration(url: "http://mail.example") }
    }
}

/// Counts from any task.
final class Counter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func add() { count.withLock { $0 += 1 } }
}
