import Foundation
import KonventDomain
import KonventStorage

/// The key of the data a cached value is made from, by area (see `DataArea`).
struct DataKeys: Sendable {
    let database: any KonventDatabase

    func key(_ areas: some Sequence<DataArea>) async throws -> String {
        try await database.dataVersion().key(areas)
    }

    /// The same with the day, for what prints the date or counts from today.
    func keyWithDay(_ areas: some Sequence<DataArea>) async throws -> String {
        "\(try await key(areas))|\(CalendarDate.iso(milliseconds: Timestamp.now.milliseconds))"
    }
}

/// The participation figures, shared by the participation page, the masterplan and the report:
/// counted anew when contributions, formats or memberships changed, but at most every `interval`,
/// so that a stream of comments does not recount them each time.
struct FiguresKeeper: Sendable {
    let statistics: ParticipationStatistics
    let cache: VersionedCache<ParticipationFigures>
    let keys: DataKeys

    init(statistics: ParticipationStatistics, keys: DataKeys, interval: Duration) {
        self.statistics = statistics
        self.keys = keys
        self.cache = VersionedCache(minimumAge: interval)
    }

    /// The figures and a number that changes whenever they were counted anew.
    func kept() async throws -> (value: ParticipationFigures, generation: Int) {
        let statistics = self.statistics
        return try await cache.value("figures", version: try await keys.key([.accounts, .contributions, .formats])) {
            try await statistics.figures()
        }
    }
}

/// Dates of the review: a stage's due date, the days to the masterplan's deadline, the pipeline
/// per field (the review desk and the status report both show them).
struct ReviewCalendar: Sendable {
    let region: RegionConfiguration
    let clock: RegionClock
    let reviews: any ReviewStore

    /// Whole days from `now` to `end`, a started day counting as one.
    static func days(from now: Int64, to end: Int64) -> Int { Int((Double(end - now) / 86_400_000).rounded(.up)) }

    /// Days left until the masterplan is due (its last day in the region's time).
    func daysToDeadline(now: Int64) -> Int {
        Self.days(from: now, to: LocalDateTime("\(region.process.deadline)T23:59").flatMap(clock.utc) ?? now)
    }

    /// The due date of a measure's current stage (ISO) and the days left (negative: overdue).
    func due(stage key: String?, startedAt: Int64?, now: Int64) -> (date: String, daysLeft: Int)? {
        guard let stage = key.flatMap(region.review.stage), let startedAt else { return nil }
        let due = startedAt + Int64(stage.dueDays) * 86_400_000
        return (CalendarDate.iso(milliseconds: due), Self.days(from: now, to: due))
    }

    /// Measures per field of action and state (review stages by key, as `ReviewConfiguration.stateKeys`).
    func pipelineByField() async throws -> [String: [String: Int]] {
        var pipeline: [String: [String: Int]] = [:]
        for (field, state, count) in try await reviews.pipeline() {
            pipeline[field, default: [:]][state.stage ?? state.description, default: 0] += count
        }
        return pipeline
    }
}
