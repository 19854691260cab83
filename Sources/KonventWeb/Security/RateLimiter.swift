import Foundation

/// Counts attempts per key in a sliding window. Kept in memory: with several instances each one
/// limits on its own, which still bounds guessing to a small multiple.
public actor RateLimiter {
    private var attempts: [String: [ContinuousClock.Instant]] = [:]
    private let clock = ContinuousClock()
    private var sinceCleanup = 0
    private var longestWindow: Duration = .seconds(3600)

    public init() {}

    /// Records an attempt; returns false when the limit for this key is already reached.
    public func allow(_ key: String, _ limit: RateLimit) -> Bool {
        admit([(key, limit)]) != nil
    }

    /// A sign-in attempt held against every key until it is settled: counting it before the
    /// password is checked keeps parallel guesses within the limit too.
    public struct Attempt: Sendable {
        fileprivate let at: ContinuousClock.Instant
        fileprivate let keys: [String]
    }

    /// Counts an attempt against all keys at once, or none when any of them is at its limit.
    public func begin(_ limits: [(key: String, limit: RateLimit)]) -> Attempt? {
        admit(limits).map { Attempt(at: $0, keys: limits.map(\.key)) }
    }

    /// A failed attempt keeps counting. A successful one counts nowhere, and `clearing` keys start
    /// afresh (the account's failures, once its owner signed in).
    public func succeeded(_ attempt: Attempt, clearing: [String]) {
        for key in attempt.keys {
            guard var times = attempts[key], let index = times.lastIndex(of: attempt.at) else { continue }
            times.remove(at: index)
            attempts[key] = times.isEmpty ? nil : times
        }
        for key in clearing { attempts[key] = nil }
    }

    /// How long until the key has room again (for `Retry-After`).
    public func retryAfter(_ key: String, _ limit: RateLimit) -> Duration {
        let now = clock.now
        guard let oldest = attempts[key]?.filter({ now - $0 < limit.window }).min() else { return .zero }
        return limit.window - (now - oldest)
    }

    private func admit(_ limits: [(key: String, limit: RateLimit)]) -> ContinuousClock.Instant? {
        let now = clock.now
        defer { cleanUpOccasionally(now) }
        var recent: [[ContinuousClock.Instant]] = []
        for (key, limit) in limits {
            longestWindow = max(longestWindow, limit.window)
            let times = attempts[key, default: []].filter { now - $0 < limit.window }
            attempts[key] = times
            guard times.count < limit.attempts else { return nil }
            recent.append(times)
        }
        for (index, (key, _)) in limits.enumerated() { attempts[key] = recent[index] + [now] }
        return now
    }

    private func cleanUpOccasionally(_ now: ContinuousClock.Instant) {
        sinceCleanup += 1
        guard sinceCleanup >= 1000 else { return }
        sinceCleanup = 0
        let window = longestWindow
        attempts = attempts.filter { _, times in times.contains { now - $0 < window } }
    }
}
