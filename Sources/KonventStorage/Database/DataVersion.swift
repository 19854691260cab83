import SQLKit
import Synchronization

/// The parts of the data that caches depend on. Every write transaction that changes a table of an
/// area raises that area's number in `data_versions` in the same transaction (SQLite by row
/// triggers, PostgreSQL by statement triggers that note the area and one update per area before
/// the commit), so that a cache keyed by the numbers it read is never stale and nobody has to
/// remember to forget it.
public enum DataArea: String, CaseIterable, Sendable, Comparable {
    case accounts, contributions, formats, measures, sessions, masterplan, settings

    /// The tables whose changes count for the area. Bookkeeping (sign-in sessions, tokens, the
    /// outbox, notifications, the audit trail) is in none: no page a cache keeps shows it.
    public var tables: [String] {
        switch self {
        case .accounts: ["users", "organisations", "user_organisations"]
        case .contributions:
            ["contributions", "contribution_comments", "contribution_events", "contribution_fields", "contribution_follows",
             "contribution_supports", "contribution_versions", "reports", "themes", "contribution_themes"]
        case .formats: ["formats", "format_fields", "format_registrations"]
        case .measures:
            ["measures", "measure_codes", "measure_districts", "measure_events", "measure_fields", "measure_ministries", "measure_sources",
             "measure_versions", "assessments", "conclusions", "confirmations", "progress_reports", "milestones", "indicator_values",
             "funding_lines", "funding_steps"]
        case .sessions: ["body_sessions", "agenda_items"]
        case .masterplan: ["masterplan_chapters", "masterplan_comments", "masterplan_versions"]
        case .settings: ["settings"]
        }
    }

    public static func < (lhs: DataArea, rhs: DataArea) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The areas' numbers as read together.
public struct DataVersion: Sendable, Equatable {
    public let numbers: [DataArea: Int64]
    /// The key of all areas, made once: the visitors' page cache asks for it on every request.
    public let everything: String

    public init(numbers: [DataArea: Int64]) {
        self.numbers = numbers
        everything = Self.key(numbers, DataArea.allCases)
    }

    /// A key for what was made from these areas, e.g. `contributions=12.formats=3`.
    public func key(_ areas: some Sequence<DataArea>) -> String { Self.key(numbers, areas) }

    private static func key(_ numbers: [DataArea: Int64], _ areas: some Sequence<DataArea>) -> String {
        Set(areas).sorted().map { "\($0.rawValue)=\(numbers[$0] ?? 0)" }.joined(separator: ".")
    }
}

/// What an instance knows of the numbers. A write of its own marks them changed, so that the next
/// question reads them anew; so does a notification of another instance's write (PostgreSQL's
/// LISTEN/NOTIFY). Otherwise they are read again once they are `staleAfter` old: one second without
/// notifications, as a safety net ten seconds while they arrive.
final class DataVersionTracker: Sendable {
    private struct State {
        var known: DataVersion?
        var readAt: ContinuousClock.Instant?
        /// Raised by every local commit; a read that began before a raise does not count as fresh.
        var generation = 0
        var staleAfter: Duration
    }

    static let polling = Duration.seconds(1)
    static let notified = Duration.seconds(10)

    private let state: Mutex<State>

    init(staleAfter: Duration = polling) { state = Mutex(State(staleAfter: staleAfter)) }

    /// Whether notifications of other instances' writes arrive; while they do, the numbers are
    /// read less often. Either way the next question reads them anew, as one may have been missed.
    func notifications(arrive: Bool) {
        state.withLock {
            $0.staleAfter = arrive ? Self.notified : Self.polling
            $0.generation += 1
            $0.readAt = nil
        }
    }

    /// After a local commit: the next question reads the numbers anew.
    func changed() {
        state.withLock {
            $0.generation += 1
            $0.readAt = nil
        }
    }

    func current(read: () async throws -> DataVersion) async throws -> DataVersion {
        let (cached, generation) = state.withLock { state -> (DataVersion?, Int) in
            if let known = state.known, let at = state.readAt, ContinuousClock.now - at < state.staleAfter { return (known, state.generation) }
            return (nil, state.generation)
        }
        if let cached { return cached }
        let version = try await read()
        state.withLock { state in
            guard state.generation == generation else { return }
            state.known = version
            state.readAt = .now
        }
        return version
    }
}

extension DataVersion {
    static func read(in db: any SQLDatabase) async throws -> DataVersion {
        var numbers: [DataArea: Int64] = [:]
        for row in try await db.raw("SELECT area, version FROM data_versions").all() {
            if let area = DataArea(rawValue: try row.decode(column: "area", as: String.self)) {
                numbers[area] = try row.decode(column: "version", as: Int64.self)
            }
        }
        return DataVersion(numbers: numbers)
    }
}
