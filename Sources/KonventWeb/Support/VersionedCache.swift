/// Values made from the data (the masterplan, the report, the figures, the feeds), one per slot,
/// kept under the version of the data they were made from: a value asked for with another version
/// is made anew, so nothing is ever forgotten by hand. One making runs at a time per slot and
/// version; whoever asks meanwhile waits for it. `minimumAge` lets a slot serve its value a little
/// longer although the data moved on (the figures under a stream of comments).
actor VersionedCache<Value: Sendable> {
    private struct Entry {
        var version: String
        var task: Task<Value, any Error>
        var madeAt: ContinuousClock.Instant
        /// Counts makings of the slot, for keys of what is made from the value in turn.
        var generation: Int
    }

    private var entries: [String: Entry] = [:]
    private var generations = 0
    let minimumAge: Duration
    /// Slots kept at most (the files of the plan are up to a megabyte each).
    let limit: Int

    init(minimumAge: Duration = .zero, limit: Int = 64) {
        self.minimumAge = minimumAge
        self.limit = limit
    }

    /// The value for `version` and a number that changes whenever it was made anew.
    func value(
        _ slot: String, version: String, _ make: @escaping @Sendable () async throws -> Value
    ) async throws -> (value: Value, generation: Int) {
        if let entry = entries[slot], entry.version == version || ContinuousClock.now - entry.madeAt < minimumAge {
            return (try await waited(entry, slot), entry.generation)
        }
        generations += 1
        if entries[slot] == nil, entries.count >= limit { entries.removeAll() }
        let entry = Entry(version: version, task: Task { try await make() }, madeAt: .now, generation: generations)
        entries[slot] = entry
        return (try await waited(entry, slot), entry.generation)
    }

    private func waited(_ entry: Entry, _ slot: String) async throws -> Value {
        do { return try await entry.task.value } catch {
            if entries[slot]?.generation == entry.generation { entries[slot] = nil }
            throw error
        }
    }
}
