import KonventStorage
import Synchronization

/// The participation figures for a short while: they are sums over every contribution, and a page
/// that many open at once should not recount them for each visitor.
final class FiguresCache: Sendable {
    private let entry = Mutex<(figures: ParticipationFigures, at: ContinuousClock.Instant)?>(nil)
    let lifetime: Duration

    init(lifetime: Duration = .seconds(30)) { self.lifetime = lifetime }

    func figures(_ load: () async throws -> ParticipationFigures) async throws -> ParticipationFigures {
        let now = ContinuousClock.now
        if let cached = entry.withLock({ $0 }), now - cached.at < lifetime { return cached.figures }
        let figures = try await load()
        entry.withLock { $0 = (figures, now) }
        return figures
    }
}
