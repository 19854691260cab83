import KonventStorage
import Synchronization

/// The participation figures for a short while: they are sums over every contribution, and a page
/// that many open at once should not recount them for each visitor.
final class FiguresCache: Sendable {
    private let entry = Mutex<(figures: ParticipationFigures, at: ContinuousClock.Instant, version: Int)?>(nil)
    let lifetime: Duration

    init(lifetime: Duration = .seconds(30)) { self.lifetime = lifetime }

    /// The figures and a version number that changes whenever they were counted anew (for page caches).
    func figures(_ load: () async throws -> ParticipationFigures) async throws -> (figures: ParticipationFigures, version: Int) {
        let now = ContinuousClock.now
        if let cached = entry.withLock({ $0 }), now - cached.at < lifetime { return (cached.figures, cached.version) }
        let figures = try await load()
        return entry.withLock { entry in
            let version = (entry?.version ?? 0) + 1
            entry = (figures, now, version)
            return (figures, version)
        }
    }
}
