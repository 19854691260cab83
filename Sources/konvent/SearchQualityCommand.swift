import ArgumentParser
import Foundation
import KonventDomain
import KonventStorage
import KonventWeb

/// Measures the search: recall@10, MRR and empty results over a relevance set on an empty database,
/// or, with `--latency`, how long searches and the similar hint take on a filled one.
struct SearchQuality: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-quality",
        abstract: "Measure the search against a relevance set (for benchmarks; never in production).")

    @Option(help: "The relevance set (JSON), e.g. Tests/Relevance/search-de.json.") var relevance: String
    @Flag(help: "Time the set's queries and the similar hint on the database as it is, instead of loading the set.") var latency = false
    @Option(help: "With --latency: how often each query runs.") var rounds = 5
    @OptionGroup var data: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let set = try RelevanceSet.load(URL(fileURLWithPath: relevance))
            let services = try await startServices(data)
            let store = SQLContributionStore(database: services.database, search: services.search)
            do {
                if latency { try await time(set, store) } else { try await evaluate(set, store, services) }
                await services.database.shutdown()
            } catch {
                await services.database.shutdown()
                throw error
            }
        }
    }

    func evaluate(_ set: RelevanceSet, _ store: SQLContributionStore, _ services: Services) async throws {
        guard try await store.count(ContributionQuery()) == 0 else {
            throw ValidationError("The database must be empty: the set's contributions are written into it.")
        }
        let author = try await services.addUser(
            email: "relevanz@generated.konvent.localhost", name: "Relevanz", role: Role.participant.rawValue, ministry: nil,
            password: SecretToken().value)
        let evaluation = SearchEvaluation(store: store)
        let summary = try await evaluation.run(set, keys: try await evaluation.load(set, author: author.id))
        for outcome in summary.outcomes where outcome.recall < 1 || outcome.reciprocalRank < 1 {
            print("  „\(outcome.query.q)“ (\(outcome.query.case)): expected \(outcome.query.expected), found \(outcome.found)")
        }
        let expecting = set.queries.filter { !$0.expected.isEmpty }.count
        print(String(format: "%d contributions, %d queries (%d expecting hits): recall@10 %.3f, MRR %.3f, empty %.1f %%, false finds %d",
                     set.contributions.count, set.queries.count, expecting, summary.recallAt10, summary.meanReciprocalRank,
                     summary.emptyShare * 100, summary.falseFinds.count))
    }

    func time(_ set: RelevanceSet, _ store: SQLContributionStore) async throws {
        let total = try await store.count(ContributionQuery())
        var searches: [Double] = [], hints: [Double] = [], hintsFinding = 0
        var byQuery: [String: [Double]] = [:]
        let clock = ContinuousClock()
        for _ in 0..<rounds {
            for query in set.queries {
                // As the list page asks: the first page, best first, and the count.
                var request = ContributionQuery()
                request.search = query.q
                request.sort = .relevance
                store.forgetSearchPlans()
                let started = clock.now
                _ = try await store.list(request)
                _ = try await store.count(request)
                searches.append(milliseconds(clock.now - started))
                byQuery[query.q, default: []].append(searches.last!)
            }
            for item in set.contributions {
                let started = clock.now
                if try await !store.similar(to: item.title + " " + item.text, limit: 5).isEmpty { hintsFinding += 1 }
                hints.append(milliseconds(clock.now - started))
            }
        }
        print("on \(total >= ContributionPage.countLimit ? "more than \(ContributionPage.countLimit)" : "\(total)") listed contributions:")
        print(String(format: "  search (list + count): p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d runs)",
                     percentile(searches, 0.5), percentile(searches, 0.95), searches.max() ?? 0, searches.count))
        print(String(format: "  similar hint:          p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d runs, %d found some)",
                     percentile(hints, 0.5), percentile(hints, 0.95), hints.max() ?? 0, hints.count, hintsFinding))
        let slowest = byQuery.map { ($0.key, percentile($0.value, 0.5)) }.sorted { $0.1 > $1.1 }.prefix(5)
        print("  slowest searches (median): " + slowest.map { String(format: "„%@“ %.1f ms", $0.0, $0.1) }.joined(separator: ", "))
    }

    func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    func percentile(_ values: [Double], _ share: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * share).rounded(.up)) - 1)]
    }
}
