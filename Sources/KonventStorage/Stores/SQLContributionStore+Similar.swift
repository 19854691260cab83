import KonventDomain
import SQLKit

/// The similar-contribution hint: contributions that share at least two of a text's rarest words.
extension SQLContributionStore {
    /// A word in this many contributions marks no near-duplicate (at 100,000 contributions, one
    /// in a hundred). Counting goes no further, and such a word is left out of the hint's query,
    /// whose cost grows with every hit of every word in it.
    static let commonWord = 1_000
    /// How many words of a text are counted; the rarest by the lexicon first.
    static let probedWords = 12

    public func similar(to text: String, limit: Int) async throws -> [SimilarContribution] {
        let analyzer = search.analyzer
        var candidates: [(word: String, folded: String)] = []
        var seen: Set<String> = []
        for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let folded = SearchAnalyzer.fold(String(word))
            guard folded.count >= 4, !analyzer.isStopWord(folded), seen.insert(analyzer.stem(folded)).inserted else { continue }
            candidates.append((String(word), folded))
        }
        // The title comes first in the text, so on equal rarity its words win.
        candidates = Array(candidates.enumerated().sorted { a, b in
            let rankA = analyzer.rank(a.element.folded) ?? Int.max, rankB = analyzer.rank(b.element.folded) ?? Int.max
            return rankA != rankB ? rankA > rankB : a.offset < b.offset
        }.map(\.element).prefix(Self.probedWords))
        let kind = database.kind
        let words = candidates.map { word -> (word: String, stem: String, parts: [String]?, terms: SearchTerms.Word) in
            let stem = analyzer.stem(word.folded), parts = analyzer.split(word.folded)?.map(analyzer.stem)
            var alternatives: [SearchTerms.Alternative] = [.exact(stem)]
            if let parts { alternatives.append(.all(parts.map { .exact($0) })) }
            return (word.word, stem, parts, SearchTerms.Word(folded: word.folded, alternatives: alternatives))
        }
        // Rarest in the contributions themselves: a word none has cannot match, and a common one
        // says nothing. Counted six at a time, the rarest by the lexicon first, until six will do.
        var counts: [Int] = []
        while counts.count < words.count, counts.filter({ $0 > 0 && $0 < Self.commonWord }).count < 6 {
            let batch = words[counts.count..<min(words.count, counts.count + 6)]
            counts += try await hitCounts(batch.map { SearchIndex.syntax(SearchTerms(words: [$0.terms]), .all, kind: kind) })
        }
        let rarest = Array(counts.indices.filter { counts[$0] > 0 && counts[$0] < Self.commonWord }
            .sorted { counts[$0] != counts[$1] ? counts[$0] < counts[$1] : $0 < $1 }.prefix(6).map { words[$0] })
        guard !rarest.isEmpty else { return [] }
        // A near-duplicate shares at least two of them (one word alone when there is only one).
        var pairs: [String] = []
        for first in rarest.indices {
            for second in rarest.indices where second > first {
                pairs.append("(" + SearchIndex.syntax(SearchTerms(words: [rarest[first].terms, rarest[second].terms]), .all, kind: kind) + ")")
            }
        }
        let syntax = pairs.isEmpty ? SearchIndex.syntax(SearchTerms(words: rarest.map(\.terms)), .any, kind: kind)
            : pairs.joined(separator: kind == .sqlite ? " OR " : " | ")
        let found = try await bestMatches(syntax, limit: limit)
        return found.map { contribution in
            let terms = sharedTerms(contribution, among: rarest.map { ($0.stem, $0.parts) })
            let shared = rarest.filter { word in
                terms.contains(word.stem) || (word.parts.map { $0.allSatisfy(terms.contains) } ?? false)
            }
            return SimilarContribution(contribution: contribution, sharedWords: shared.map(\.word))
        }
    }

    /// How many contributions match each query, each counted up to `commonWord`, in one statement.
    func hitCounts(_ syntaxes: [String]) async throws -> [Int] {
        guard !syntaxes.isEmpty else { return [] }
        var result = Array(repeating: 0, count: syntaxes.count)
        var counted = Array(syntaxes.indices)
        if database.kind == .postgres {
            // Counting a common word up to the limit reads a thousand rows of the table; the
            // planner's estimate from the column's statistics (its most common lexemes) costs
            // none, and the words it calls common are left out without counting.
            let estimates = try await estimatedHits(syntaxes)
            counted = counted.filter { estimates[$0] < Double(Self.commonWord) }
            for index in syntaxes.indices where !counted.contains(index) { result[index] = Self.commonWord }
            guard !counted.isEmpty else { return result }
        }
        let counts: [SQLQueryString] = counted.map { index in
            let syntax = syntaxes[index]
            let hits: SQLQueryString = database.kind == .sqlite
                ? "SELECT rowid FROM contribution_search WHERE contribution_search MATCH \(bind: syntax)"
                : "SELECT 1 FROM contributions c WHERE " + SearchIndex.condition(syntax, kind: .postgres)
            return "SELECT \(unsafeRaw: String(index)) AS i, COUNT(*) AS n FROM (" + hits + " LIMIT \(bind: Self.commonWord)) w\(unsafeRaw: String(index))"
        }
        let rows = try await database.read { db in try await db.raw(counts.joined(separator: " UNION ALL ")).all() }
        for row in rows { result[try row.decode(column: "i", as: Int.self)] = try row.decode(column: "n", as: Int.self) }
        return result
    }

    /// PostgreSQL: the planner's estimated hits of each query, read from one plan: each query
    /// becomes a branch with one scan of the table, in order ("… on contributions c_2 … rows=N").
    func estimatedHits(_ syntaxes: [String]) async throws -> [Double] {
        let branches = syntaxes.map { "SELECT 1 FROM contributions c WHERE " + SearchIndex.condition($0, kind: .postgres) }
        let lines = try await database.read { db in
            try await db.raw("EXPLAIN " + branches.joined(separator: " UNION ALL ")).all()
                .map { try $0.decode(column: "QUERY PLAN", as: String.self) }
        }
        let estimates = lines.filter { $0.contains(" on contributions c ") || $0.contains(" on contributions c_") }.map { line -> Double in
            guard let start = line.range(of: " rows=") else { return 0 }
            return Double(line[start.upperBound...].prefix { $0.isNumber }) ?? 0
        }
        // A plan of another shape (a parallel scan counts per worker): count them all instead.
        return estimates.count == syntaxes.count ? estimates : Array(repeating: 0, count: syntaxes.count)
    }

    /// The best-scored listed contributions among the newest hits of `syntax`.
    func bestMatches(_ syntax: String, limit: Int) async throws -> [Contribution] {
        let kind = database.kind
        let ranking = SearchIndex.ranking(syntax, kind: kind)
        return try await database.read { db in
            switch kind {
            case .postgres:
                return try await db.raw(Self.rankedRows(Self.newestHits(
                    ["c.listed = 1", ranking.match], hit: "c.id, " + ranking.score + " AS score, 0 AS matched",
                    order: "score, c.id DESC", limit: limit, offset: 0, candidates: Self.manyCandidates, many: false))).all().map(Self.decode)
            case .sqlite:
                // Inside the index alone, with room for hits that are not listed (as `ranked`).
                let quick = Self.rankedRows(Self.newestScored(
                    syntax, score: ranking.score, matched: "0", limit: limit * 2 + 20, candidates: Self.manyCandidates),
                                            listedPage: (limit, 0))
                let rows = try await db.raw(quick).all()
                if rows.count == limit { return try rows.map(Self.decode) }
                return try await db.raw(Self.rankedRows("SELECT c.id, " + ranking.score + " AS score, 0 AS matched FROM contributions c "
                    + ranking.join + " WHERE c.listed = 1 AND " + ranking.match + " ORDER BY score, c.id DESC LIMIT \(bind: limit)"))
                    .all().map(Self.decode)
            }
        }
    }

    /// The stems of a contribution, and the parts of those of its compounds that may hold one of
    /// `words` or their parts (the index matches a word by a compound's part too): splitting every
    /// compound of every hit cost more than the query.
    func sharedTerms(_ contribution: Contribution, among words: [(stem: String, parts: [String]?)]) -> Set<String> {
        let analyzer = search.analyzer
        let wanted = words.flatMap { [$0.stem] + ($0.parts ?? []) }
        var terms: Set<String> = []
        for word in analyzer.words(contribution.title + " " + contribution.text) {
            terms.insert(analyzer.stem(word))
            if word.count >= 6, wanted.contains(where: { word.contains($0) }) { terms.formUnion(analyzer.parts(word).map(analyzer.stem)) }
        }
        return terms
    }
}
