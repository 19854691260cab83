import Foundation
import SQLKit

/// Attempts per key in a sliding window, counted in the database so that every instance on it
/// enforces the same limit. A key is stored as its SHA-256 digest: keys name e-mail addresses and
/// client addresses, which a copy of the database need not show.
public struct RateLimitStore: Sendable {
    public struct Limit: Sendable {
        public var key: String
        public var attempts: Int
        public var windowMilliseconds: Int64

        public init(key: String, attempts: Int, windowMilliseconds: Int64) {
            self.key = key
            self.attempts = attempts
            self.windowMilliseconds = windowMilliseconds
        }
    }

    /// Rows older than this go at the next pruning; no configured window is longer.
    public static let kept: Int64 = 24 * 3600 * 1000
    private static let pruneEvery = 500

    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    /// Counts one attempt against every key at once and returns its token, or nil (and counts
    /// nothing) when any key is at its limit. On PostgreSQL a transaction-scoped advisory lock per
    /// key, taken in sorted order, keeps parallel attempts on several instances from all passing.
    public func admit(_ limits: [Limit], at now: Timestamp = .now) async throws -> String? {
        let keyed = limits.map { (digest: SecretToken.digest(of: $0.key), limit: $0) }
        let token = SecretToken().value
        let kind = database.kind
        // About one admission in `pruneEvery` takes the old rows away, on whichever instance.
        let prune = Int.random(in: 0..<Self.pruneEvery) == 0
        return try await database.write { db in
            if kind == .postgres {
                for digest in Set(keyed.map(\.digest)).sorted() {
                    try await db.raw("SELECT pg_advisory_xact_lock(7391, hashtext(\(bind: digest)))").run()
                }
            }
            for (digest, limit) in keyed {
                let since = now.milliseconds - limit.windowMilliseconds
                let row = try await db.raw("""
                    SELECT COUNT(*) AS n FROM rate_attempts WHERE limit_key = \(bind: digest) AND at_ms > \(bind: since)
                    """).first()
                if try row?.decode(column: "n", as: Int.self) ?? 0 >= limit.attempts { return nil }
            }
            for (digest, _) in keyed {
                try await db.raw("""
                    INSERT INTO rate_attempts (limit_key, attempt, at_ms) VALUES (\(bind: digest), \(bind: token), \(bind: now.milliseconds))
                    """).run()
            }
            if prune {
                try await db.raw("DELETE FROM rate_attempts WHERE at_ms < \(bind: now.milliseconds - Self.kept)").run()
            }
            return token
        }
    }

    /// A successful attempt counts nowhere, and the `clearing` keys start afresh (an account's
    /// failures, once its owner signed in).
    public func settle(_ token: String, keys: [String], clearing: [String]) async throws {
        let counted = keys.map { SecretToken.digest(of: $0) }
        let digests = clearing.map { SecretToken.digest(of: $0) }
        try await database.write { db in
            for digest in counted {
                try await db.raw("DELETE FROM rate_attempts WHERE limit_key = \(bind: digest) AND attempt = \(bind: token)").run()
            }
            for digest in digests {
                try await db.raw("DELETE FROM rate_attempts WHERE limit_key = \(bind: digest)").run()
            }
        }
    }

    /// Milliseconds until the key has room again (for `Retry-After`); zero when it has.
    public func wait(_ limit: Limit, at now: Timestamp = .now) async throws -> Int64 {
        let digest = SecretToken.digest(of: limit.key)
        let since = now.milliseconds - limit.windowMilliseconds
        let oldest = try await database.read { db in
            try await db.raw("""
                SELECT MIN(at_ms) AS oldest FROM rate_attempts WHERE limit_key = \(bind: digest) AND at_ms > \(bind: since)
                """).first()?.decode(column: "oldest", as: Int64?.self)
        }
        guard let oldest else { return 0 }
        return max(0, oldest + limit.windowMilliseconds - now.milliseconds)
    }
}
