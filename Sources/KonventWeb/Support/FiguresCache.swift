import KonventStorage

/// The participation figures for a short while: they are sums over every contribution, and a page
/// that many open at once should not recount them for each visitor. One count runs at a time; whoever
/// asks meanwhile waits for it instead of starting another.
actor FiguresCache {
    private var cached: (figures: ParticipationFigures, at: ContinuousClock.Instant, version: Int)?
    private var counting: Task<ParticipationFigures, any Error>?
    private var version = 0
    let lifetime: Duration

    init(lifetime: Duration = .seconds(30)) { self.lifetime = lifetime }

    /// The figures and a version number that changes whenever they were counted anew (for page caches).
    func figures(_ load: @escaping @Sendable () async throws -> ParticipationFigures) async throws
        -> (figures: ParticipationFigures, version: Int)
    {
        if let cached, ContinuousClock.now - cached.at < lifetime { return (cached.figures, cached.version) }
        let task: Task<ParticipationFigures, any Error>
        if let counting { task = counting } else {
            task = Task { try await load() }
            counting = task
        }
        do {
            let figures = try await task.value
            if counting == task {
                counting = nil
                version += 1
                cached = (figures, ContinuousClock.now, version)
            }
            return (figures, cached?.version ?? version)
        } catch {
            if counting == task { counting = nil }
            throw error
        }
    }
}
