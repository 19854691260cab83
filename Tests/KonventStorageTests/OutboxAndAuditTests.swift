import KonventDomain
import KonventStorage
import KonventTestSupport
import SQLKit
import Testing

@Suite("Outbox")
struct OutboxTests {
    @Test("due mails, back-off after a failure, and nothing due once sent", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await database.with { db in
            let outbox = Outbox(database: db)
            try await db.write { try await Outbox.enqueue(mail(to: "a@example.org"), in: $0) }
            let due = try await outbox.due()
            #expect(due.map(\.mail.recipient.value) == ["a@example.org"])
            try await outbox.markFailed(due[0].id, attempts: 0, error: "refused")
            #expect(try await outbox.due().isEmpty)
            #expect(try await outbox.due(at: later(3600)).count == 1)
            try await outbox.markSent(due[0].id)
            #expect(try await outbox.due(at: later(7200)).isEmpty)
            #expect(try await outbox.pendingCount() == 0)
        }
    }

    @Test("a mail is given up after the maximum number of attempts", arguments: TestDatabase.available)
    func givesUp(database: TestDatabase) async throws {
        try await database.with { db in
            let outbox = Outbox(database: db)
            try await db.write { try await Outbox.enqueue(mail(to: "a@example.org"), in: $0) }
            let id = try await outbox.due()[0].id
            for attempt in 0..<Outbox.maximumAttempts {
                try await outbox.markFailed(id, attempts: attempt, error: "down")
            }
            #expect(try await outbox.due(at: later(86400)).isEmpty)
            #expect(try await outbox.pendingCount() == 1)
        }
    }

    @Test("two instances taking due mails at once never take the same mail; a taken one is due again after its lease",
          arguments: TestDatabase.available)
    func claims(database: TestDatabase) async throws {
        try await database.withHandles(2) { handles in
            try await Migrator(database: handles[0], logger: TestDatabase.logger).migrate()
            try await handles[0].write { db in
                for index in 0..<40 { try await Outbox.enqueue(mail(to: "person\(index)@example.org"), in: db) }
            }
            let outboxes = handles.map { Outbox(database: $0) }
            let taken = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for round in 0..<8 { group.addTask { try await outboxes[round % 2].claim(limit: 7).map(\.id) } }
                return try await group.reduce(into: [Int64]()) { $0 += $1 }
            }
            #expect(taken.count == 40 && Set(taken).count == 40)
            #expect(try await outboxes[0].claim().isEmpty)
            #expect(try await outboxes[1].claim(at: later(301)).count == 20)
        }
    }
}

@Suite("Audit trail")
struct AuditTrailTests {
    @Test("the chain verifies, and names the first entry changed behind its back", arguments: TestDatabase.available)
    func chain(database: TestDatabase) async throws {
        try await database.with { db in
            for index in 1...5 {
                try await db.write {
                    try await AuditTrail.append(
                        AuditEvent(actor: UserID(Int64(index)), action: "test.step", subject: "thing:\(index)", detail: "n=\(index)"), in: $0)
                }
            }
            let intact = try await AuditTrail.verify(in: db, batchSize: 2)
            #expect(intact.checked == 5)
            #expect(intact.isIntact)

            let third = try await AuditTrail.entries(after: 2, limit: 1, in: db)[0]
            try await db.write {
                try await $0.raw("UPDATE audit_log SET detail = 'n=99' WHERE id = \(bind: third.id)").run()
            }
            #expect(try await AuditTrail.verify(in: db, batchSize: 2).firstBrokenID == third.id)
        }
    }

    @Test("deleting the newest entry is noticed too", arguments: TestDatabase.available)
    func truncation(database: TestDatabase) async throws {
        try await database.with { db in
            for index in 1...3 {
                try await db.write { try await AuditTrail.append(AuditEvent(actor: nil, action: "a", subject: "s:\(index)"), in: $0) }
            }
            try await db.write { try await $0.raw("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)").run() }
            #expect(try await AuditTrail.verify(in: db).isIntact == false)
        }
    }
}
