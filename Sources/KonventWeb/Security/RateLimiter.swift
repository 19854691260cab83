import KonventStorage

/// Counts attempts per key in a sliding window. The counts live in the database, so that all
/// instances on it enforce one limit together.
public struct RateLimiter: Sendable {
    private let store: RateLimitStore

    public init(store: RateLimitStore) { self.store = store }

    /// Records an attempt; returns false when the limit for this key is already reached.
    public func allow(_ key: String, _ limit: RateLimit) async throws -> Bool {
        try await store.admit([Self.limit(key, limit)]) != nil
    }

    /// A sign-in attempt held against every key until it is settled: counting it before the
    /// password is checked keeps parallel guesses within the limit too.
    public struct Attempt: Sendable {
        fileprivate let token: String
        fileprivate let keys: [String]
    }

    /// Counts an attempt against all keys at once, or none when any of them is at its limit.
    public func begin(_ limits: [(key: String, limit: RateLimit)]) async throws -> Attempt? {
        try await store.admit(limits.map { Self.limit($0.key, $0.limit) }).map { Attempt(token: $0, keys: limits.map(\.key)) }
    }

    /// A failed attempt keeps counting. A successful one counts nowhere, and `clearing` keys start
    /// afresh (the account's failures, once its owner signed in).
    public func succeeded(_ attempt: Attempt, clearing: [String]) async throws {
        try await store.settle(attempt.token, keys: attempt.keys, clearing: clearing)
    }

    /// How long until the key has room again (for `Retry-After`).
    public func retryAfter(_ key: String, _ limit: RateLimit) async throws -> Duration {
        .milliseconds(try await store.wait(Self.limit(key, limit)))
    }

    private static func limit(_ key: String, _ limit: RateLimit) -> RateLimitStore.Limit {
        let window = limit.window.components
        return RateLimitStore.Limit(
            key: key, attempts: limit.attempts,
            windowMilliseconds: window.seconds * 1000 + window.attoseconds / 1_000_000_000_000_000)
    }
}
