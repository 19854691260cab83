import Foundation

/// Counts attempts per key in a sliding window. Kept in memory: with several instances each one
/// limits on its own, which still bounds guessing to a small multiple.
public actor RateLimiter {
    private var attempts: [String: [ContinuousClock.Instant]] = [:]
    private let clock = ContinuousClock()
    private var sinceCleanup = 0

    public init() {}

    /// Records an attempt; returns false when the limit for this key is already reached.
    public func allow(_ key: String, _ limit: RateLimit) -> Bool {
        let now = clock.now
        var recent = attempts[key, default: []].filter { now - $0 < limit.window }
        defer { cleanUpOccasionally(now, limit.window) }
        guard recent.count < limit.attempts else {
            attempts[key] = recent
            return false
        }
        recent.append(now)
        attempts[key] = recent
        return true
    }

    private func cleanUpOccasionally(_ now: ContinuousClock.Instant, _ window: Duration) {
        sinceCleanup += 1
        guard sinceCleanup >= 1000 else { return }
        sinceCleanup = 0
        attempts = attempts.filter { _, times in times.contains { now - $0 < window } }
    }
}
