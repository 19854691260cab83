import KonventDomain
import KonventStorage

/// Generated participation data: contributions across all fields, kinds and places of the region,
/// with supports and comments. The demo uses a few hundred; benchmarks use `konvent generate`.
public struct SampleData: Sendable {
    let services: Services

    public init(services: Services) { self.services = services }

    public struct Amounts: Sendable {
        public var contributions: Int
        public var comments: Int
        public var supports: Int
        public var people: Int
        public var seed: UInt64

        public init(contributions: Int, comments: Int, supports: Int, people: Int, seed: UInt64) {
            self.contributions = contributions
            self.comments = comments
            self.supports = supports
            self.people = people
            self.seed = seed
        }
    }

    /// Writes the data; `progress` is called with (step, done, total) now and then.
    public func generate(_ amounts: Amounts, progress: @Sendable (String, Int, Int) -> Void = { _, _, _ in }) async throws {
        let loader = BulkLoader(database: services.database)
        let region = services.region
        var random = SampleText(seed: amounts.seed)
        let now = Timestamp.now
        let people = try await loader.addUsers(count: max(1, amounts.people), prefix: "beteiligte-\(amounts.seed)", at: now)
        progress("people", people.count, people.count)

        // Places weighted by population, so that the data looks like the region.
        let districts = region.districts
        let totalPopulation = max(1, districts.reduce(0) { $0 + $1.population })
        let span: Int64 = 330 * 24 * 3600 * 1000
        var contributionIDs: [ContributionID] = []
        let batchSize = 2000
        for start in stride(from: 0, to: amounts.contributions, by: batchSize) {
            var rows: [BulkLoader.Row] = []
            for index in start..<min(amounts.contributions, start + batchSize) {
                var pick = random.below(totalPopulation)
                let district = districts.first { pick -= $0.population; return pick < 0 } ?? districts[0]
                let municipalities = region.municipalities(in: district.officialKey)
                let municipality = random.below(3) == 0 ? nil : municipalities.isEmpty ? nil : random.pick(municipalities)
                let field = random.pick(region.fieldsOfAction).key
                let sample = random.contribution(field: field, place: municipality?.name ?? district.name)
                var fields = [field]
                if random.below(4) == 0 {
                    let second = random.pick(region.fieldsOfAction).key
                    if second != field { fields.append(second) }
                }
                let fieldOrder = region.fieldsOfAction.map(\.key)
                rows.append(BulkLoader.Row(
                    kind: sample.kind, title: sample.title, text: sample.text,
                    fields: fieldOrder.filter(fields.contains), district: district.officialKey,
                    municipality: municipality?.officialKey, author: random.pick(people),
                    createdAt: Timestamp(milliseconds: now.milliseconds - span + span * Int64(index) / Int64(max(1, amounts.contributions)))))
            }
            contributionIDs += try await loader.addContributions(rows)
            progress("contributions", contributionIDs.count, amounts.contributions)
        }
        guard !contributionIDs.isEmpty else { return }

        for start in stride(from: 0, to: amounts.supports, by: 50_000) {
            let count = min(amounts.supports - start, 50_000)
            // Popular contributions get more support: a skewed pick favours low indexes.
            let pairs = (0..<count).map { _ -> (ContributionID, UserID) in
                let skew = random.below(contributionIDs.count) * random.below(1000) / 1000
                return (contributionIDs[skew], random.pick(people))
            }
            try await loader.addSupports(pairs, at: now)
            progress("supports", start + count, amounts.supports)
        }
        for start in stride(from: 0, to: amounts.comments, by: 50_000) {
            let count = min(amounts.comments - start, 50_000)
            let comments = (0..<count).map { _ in
                (random.pick(contributionIDs), random.pick(people), random.pick(SampleText.comments), now)
            }
            try await loader.addComments(comments)
            progress("comments", start + count, amounts.comments)
        }
        try await loader.recount()
        progress("counters", 1, 1)
    }
}
