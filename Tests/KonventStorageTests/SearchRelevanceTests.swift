import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import Testing

/// The search over a relevance set of its own (`Tests/Relevance/search-de.json`), on every database:
/// each case the old search failed (compounds, stop words, umlaut spellings, typos, synonyms, places,
/// operators) and the ranking as a whole.
@Suite("Search relevance")
struct SearchRelevanceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The default region's synonyms and place names, as the server reads them.
    static func context() throws -> SearchContext {
        let regionDirectory = root.appendingPathComponent("Sources/KonventWeb/Resources/region")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: regionDirectory.appendingPathComponent("suedwestsachsen.json")))
        let synonyms = ((json as? [String: Any])?["search"] as? [String: Any])?["synonyms"] as? [[String]] ?? []
        var places: [String: String] = [:]
        for line in try String(contentsOf: regionDirectory.appendingPathComponent("regions.csv"), encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            if cells.count > 1 { places[String(cells[0])] = String(cells[1]) }
        }
        return SearchContext(synonyms: SearchSynonyms(synonyms), places: places)
    }

    static func evaluate(_ db: any KonventDatabase) async throws -> SearchEvaluation.Summary {
        let set = try RelevanceSet.load(root.appendingPathComponent("Tests/Relevance/search-de.json"))
        let store = SQLContributionStore(database: db, search: try context())
        let author = try await person(SQLAccountStore(database: db), "relevanz@example.org")
        let evaluation = SearchEvaluation(store: store)
        let keys = try await evaluation.load(set, author: author.id)
        return try await evaluation.run(set, keys: keys)
    }

    @Test("every case of the set finds what it should, and nothing where nothing fits", arguments: TestDatabase.available)
    func cases(database: TestDatabase) async throws {
        try await database.with { db in
            let summary = try await Self.evaluate(db)
            for outcome in summary.outcomes {
                let q = outcome.query
                if q.expected.isEmpty {
                    #expect(outcome.found.isEmpty, "„\(q.q)“ (\(q.case)) should find nothing, found \(outcome.found)")
                } else {
                    #expect(outcome.recall >= 0.5, "„\(q.q)“ (\(q.case)): expected \(q.expected), found \(outcome.found)")
                    #expect(outcome.reciprocalRank == 1, "„\(q.q)“ (\(q.case)): expected \(q.expected) first, found \(outcome.found)")
                }
            }
            print("search relevance (\(database)): recall@10 \(summary.recallAt10), MRR \(summary.meanReciprocalRank), empty \(summary.emptyShare)")
            #expect(summary.recallAt10 >= 0.85)
            #expect(summary.meanReciprocalRank >= 0.9)
            #expect(summary.emptyShare <= 0.03)
        }
    }

    @Test("the region's place names stay whole in a search; other compounds are still split")
    func placeNamesStayWhole() throws {
        let context = try Self.context()
        let district = context.terms("Mittelsachsen").words[0].alternatives
        #expect(district.count == 1, "\(district)")
        #expect(context.terms("Radwanderweg").words[0].alternatives.count > 1)
    }

    @Test("an index made by another version of the analysis is rebuilt at start, and then left alone", arguments: TestDatabase.available)
    func rebuild(database: TestDatabase) async throws {
        try await database.with { db in
            let context = try Self.context()
            let store = SQLContributionStore(database: db, search: context)
            let author = try await person(SQLAccountStore(database: db), "alt@example.org")
            _ = try await store.create(
                ContributionDraft(kind: .idea, title: "Radwanderweg nach Klingenthal", text: "Entlang der alten Bahnstrecke.",
                                  fields: ["infrastruktur-mobilitaet"], districtKey: "14523", municipalityKey: nil, organisationID: nil,
                                  anonymous: false), author: author.id, at: .now, status: .published)
            #expect(try await SearchIndex.rebuildIfNeeded(db, context) == 1, "no version stored yet: built")
            #expect(try await SearchIndex.rebuildIfNeeded(db, context) == nil, "current: left alone")
            // An index from before (emptied here) and an older version mark: rebuilt, and found again.
            try await db.write { db in
                if database == .sqlite {
                    try await db.raw("DELETE FROM contribution_search").run()
                } else {
                    try await db.raw("UPDATE contributions SET search_vector = NULL").run()
                }
                try await db.raw("UPDATE settings SET value = 'old' WHERE key = 'search_index_version'").run()
            }
            var query = ContributionQuery()
            query.search = "Radweg"
            #expect(try await store.count(query) == 0)
            #expect(try await SearchIndex.rebuildIfNeeded(db, context) == 1)
            #expect(try await store.count(query) == 1)
        }
    }
}

