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
