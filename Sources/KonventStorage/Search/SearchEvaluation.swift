import Foundation
import KonventDomain

/// A relevance set: contributions, and queries with the contributions a careful reader expects
/// among the first ten hits (`Tests/Relevance/search-de.json`).
public struct RelevanceSet: Sendable, Codable {
    public struct Item: Sendable, Codable {
        public var key: String
        public var kind: Contribution.Kind
        public var field: String
        public var district: String
        public var municipality: String?
        public var title: String
        public var text: String
    }

    public struct Query: Sendable, Codable {
        public var q: String
        public var `case`: String
        public var expected: [String]
    }

    public var contributions: [Item]
    public var queries: [Query]

    public static func load(_ url: URL) throws -> RelevanceSet {
        try JSONDecoder().decode(RelevanceSet.self, from: Data(contentsOf: url))
    }
}

/// Runs a relevance set through a contribution store, the way the list page asks (best matches
/// first, ten to a page), and measures what came back.
public struct SearchEvaluation: Sendable {
    public struct Outcome: Sendable {
        public var query: RelevanceSet.Query
        /// The keys of the first ten hits, in order.
        public var found: [String]
        public var corrected: String?

        /// The share of the expected contributions among the first ten (1 for a query expecting none that found none).
        public var recall: Double {
            guard !query.expected.isEmpty else { return found.isEmpty ? 1 : 0 }
            return Double(Set(query.expected).intersection(found).count) / Double(query.expected.count)
        }

        /// 1 / the position of the first expected hit (0 when none is among the ten).
        public var reciprocalRank: Double {
            guard !query.expected.isEmpty else { return found.isEmpty ? 1 : 0 }
            guard let index = found.firstIndex(where: query.expected.contains) else { return 0 }
            return 1 / Double(index + 1)
        }
    }

    public struct Summary: Sendable {
        public var outcomes: [Outcome]
        var expecting: [Outcome] { outcomes.filter { !$0.query.expected.isEmpty } }
        public var recallAt10: Double { expecting.map(\.recall).reduce(0, +) / Double(max(1, expecting.count)) }
        public var meanReciprocalRank: Double { expecting.map(\.reciprocalRank).reduce(0, +) / Double(max(1, expecting.count)) }
        /// Queries that should find something and found nothing, as a share of those.
        public var emptyShare: Double { Double(expecting.filter(\.found.isEmpty).count) / Double(max(1, expecting.count)) }
        /// Queries that should find nothing but found something.
        public var falseFinds: [Outcome] { outcomes.filter { $0.query.expected.isEmpty && !$0.found.isEmpty } }
    }

    let store: SQLContributionStore

    public init(store: SQLContributionStore) { self.store = store }

    /// Writes the set's contributions (by `author`) and returns their ids by key.
    public func load(_ set: RelevanceSet, author: UserID) async throws -> [ContributionID: String] {
        var keys: [ContributionID: String] = [:]
        for (index, item) in set.contributions.enumerated() {
            let id = try await store.create(
                ContributionDraft(kind: item.kind, title: item.title, text: item.text, fields: [item.field], districtKey: item.district,
                                  municipalityKey: item.municipality, organisationID: nil, anonymous: false),
                author: author, at: Timestamp(milliseconds: 1_800_000_000_000 + Int64(index) * 60_000), status: .published)
            keys[id] = item.key
        }
        return keys
    }

    public func run(_ set: RelevanceSet, keys: [ContributionID: String]) async throws -> Summary {
        var outcomes: [Outcome] = []
        for query in set.queries {
            var request = ContributionQuery()
            request.search = query.q
            request.sort = .relevance
            request.limit = 10
            let page = try await store.list(request)
            outcomes.append(Outcome(query: query, found: page.items.compactMap { keys[$0.id] }, corrected: page.correctedSearch))
        }
        return Summary(outcomes: outcomes)
    }
}
