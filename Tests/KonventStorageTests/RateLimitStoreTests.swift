import Foundation
import KonventStorage
import KonventTestSupport
import SQLKit
import Testing

@Suite("Shared rate limits")
struct RateLimitStoreTests {
    @Test("two instances on one database enforce one limit, also when their attempts race", arguments: TestDatabase.available)
    func oneLimit(database: TestDatabase) async throws {
        try await database.withHandles(2) { handles in
            try await Migrator(database: handles[0], logger: TestDatabase.logger).migrate()
            let stores = handles.map { RateLimitStore(database: $0) }
            let limit = RateLimitStore.Limit(key: "login-account:anna@example.org", attempts: 5, windowMilliseconds: 60_000)
            let admitted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<20 { group.addTask { try await stores[index % 2].admit([limit]) != nil } }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(admitted == 5)
            #expect(try await stores[1].admit([limit]) == nil)
            // The key is kept as a digest only: the address is nowhere in the table.
            let keys = try await handles[0].read { db in
                try await db.raw("SELECT DISTINCT limit_key FROM rate_attempts").all().map { try $0.decode(column: "limit_key", as: String.self) }
            }
            #expect(keys == [SecretToken.digest(of: limit.key)])
        }
    }

    @Test("an attempt over several keys counts against all or none; a settled one counts nowhere", arguments: TestDatabase.available)
    func settleAndWait(database: TestDatabase) async throws {
        try await database.with { db in
            let store = RateLimitStore(database: db)
            let account = RateLimitStore.Limit(key: "account", attempts: 2, windowMilliseconds: 60_000)
            let address = RateLimitStore.Limit(key: "address", attempts: 3, windowMilliseconds: 60_000)
            let start = Timestamp(milliseconds: 1_000_000)
            #expect(try await store.admit([account, address], at: start) != nil)
            let second = try #require(try await store.admit([account, address], at: Timestamp(milliseconds: 1_010_000)))
            // The account is full, so the address does not count this refused attempt either.
            #expect(try await store.admit([account, address], at: Timestamp(milliseconds: 1_020_000)) == nil)
            #expect(try await store.wait(account, at: Timestamp(milliseconds: 1_020_000)) == 40_000)
            try await store.settle(second, keys: [account.key, address.key], clearing: [])
            #expect(try await store.admit([account, address], at: Timestamp(milliseconds: 1_030_000)) != nil)
            // The window slides: the first attempt no longer counts a minute later.
            #expect(try await store.admit([address], at: Timestamp(milliseconds: 1_061_000)) != nil)
            #expect(try await store.admit([address], at: Timestamp(milliseconds: 1_062_000)) != nil)
            #expect(try await store.admit([address], at: Timestamp(milliseconds: 1_063_000)) == nil)
            try await store.settle("none", keys: [], clearing: [address.key])
            #expect(try await store.wait(address, at: Timestamp(milliseconds: 1_063_000)) == 0)
        }
    }
}
