/// A value that is costly to compute and may be a little old: the participation figures, the
/// calendar feed. It is kept for `lifetime`; one computation runs at a time, and whoever asks
/// meanwhile waits for it instead of starting another.
actor RecentValue<Value: Sendable> {
    private var cached: (value: Value, at: ContinuousClock.Instant, version: Int)?
    private var computing: Task<Value, any Error>?
    private var version = 0
    let lifetime: Duration

    init(lifetime: Duration) { self.lifetime = lifetime }

    /// The value and a version number that changes whenever it was computed anew (for page caches).
    func value(_ compute: @escaping @Sendable () async throws -> Value) async throws -> (value: Value, version: Int) {
        if let cached, ContinuousClock.now - cached.at < lifetime { return (cached.value, cached.version) }
        let task: Task<Value, any Error>
        if let computing { task = computing } else {
            task = Task { try await compute() }
            computing = task
        }
        do {
            let value = try await task.value
            if computing == task {
                computing = nil
                version += 1
                cached = (value, ContinuousClock.now, version)
            }
            return (value, cached?.version ?? version)
        } catch {
            if computing == task { computing = nil }
            throw error
        }
    }
}

/// Recent values by key (the masterplan in each language, its files in each format), each kept like
/// a `RecentValue`. `forget` drops them all when the office changes what they are made of; the
/// versions it returns keep growing across that, so that a page cache never mistakes an old one.
actor RecentValues<Value: Sendable> {
    private var values: [String: RecentValue<Value>] = [:]
    private var generation = 0
    let lifetime: Duration
    let limit: Int

    init(lifetime: Duration, limit: Int) {
        self.lifetime = lifetime
        self.limit = limit
    }

    func value(_ key: String, _ compute: @escaping @Sendable () async throws -> Value) async throws -> (value: Value, version: String) {
        let slot: RecentValue<Value>
        if let existing = values[key] {
            slot = existing
        } else {
            if values.count >= limit { values.removeAll() }
            slot = RecentValue(lifetime: lifetime)
            values[key] = slot
        }
        let (value, version) = try await slot.value(compute)
        return (value, "\(generation).\(version)")
    }

    func forget() {
        values.removeAll()
        generation += 1
    }
}
