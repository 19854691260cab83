import KonventDomain
import SQLKit

/// The contributions' search: the plan (every word, any word, corrected), the ranked list, the
/// count and the similar-contribution hint. The index itself is `SearchIndex`.
extension SQLContributionStore {
    /// The joins of `from` after its first table, for a query that picks its rows first.
    static let joins = String(from.dropFirst("FROM contributions c".count))

    /// Ranked hits in two steps: the ids in order (narrow rows to sort), then the columns for just
    /// those. With `listedPage`, the ids come straight from the index: only listed contributions are
    /// kept, one page of them.
    static func rankedRows(_ inner: SQLQueryString, listedPage: (limit: Int, offset: Int)? = nil) -> SQLQueryString {
        let rows: SQLQueryString = "SELECT \(unsafeRaw: columns), r.score FROM (" + inner + ") r JOIN contributions c ON c.id = r.id \(unsafeRaw: joins)"
        guard let page = listedPage else { return rows + " ORDER BY r.matched DESC, r.score, c.id DESC" }
        return rows + " WHERE c.listed = 1 ORDER BY r.matched DESC, r.score, c.id DESC LIMIT \(bind: page.limit) OFFSET \(bind: page.offset)"
    }

    /// SQLite's quick ranking reads at most this many hits, the newest: "Nahverkehr" may match a tenth
    /// of all contributions, and scoring them all grows with the data. The count still counts them all.
    static let rankedCandidates = 2_000

    /// SQLite, inside the index: only the newest `rankedCandidates` hits (the index reads them from
    /// its end, without scoring).
    static func newestFloor(_ syntax: String) -> SQLQueryString {
        "rowid >= (SELECT COALESCE(MIN(rowid), 0) FROM (SELECT rowid FROM contribution_search WHERE contribution_search MATCH \(bind: syntax)"
            + " ORDER BY rowid DESC LIMIT \(bind: rankedCandidates)))"
    }

    /// How a search term is asked for: every word, or, when every word together finds fewer than
    /// three, any word (ranked); when neither finds anything, the words as corrected, if that finds some.
    struct SearchPlan {
        var syntax: String
        var correctedSearch: String?
        /// When any word will do: each word on its own, so that hits with more of them rank first.
        var words: [String] = []
    }

    static let fewerThan = 3

    func plan(_ query: ContributionQuery) async throws -> SearchPlan? {
        let terms = search.analyzer.terms(query.search, synonyms: search.synonyms)
        guard !terms.isEmpty else { return nil }
        if let found = try await firstThatFinds(terms, query) { return found }
        // Nothing as typed: the words the lexicon does not know, corrected.
        var changed = false
        let corrected = query.search.split { !($0.isLetter || $0.isNumber) }.map { word -> String in
            let folded = SearchAnalyzer.fold(String(word))
            guard let correction = search.analyzer.correction(folded) else { return String(word) }
            changed = true
            return word.first?.isUppercase == true ? correction.prefix(1).uppercased() + correction.dropFirst() : correction
        }.joined(separator: " ")
        if changed, var found = try await firstThatFinds(search.analyzer.terms(corrected, synonyms: search.synonyms), query) {
            found.correctedSearch = corrected
            return found
        }
        return SearchPlan(syntax: SearchIndex.syntax(terms, .all, kind: database.kind))
    }

    func firstThatFinds(_ terms: SearchTerms, _ query: ContributionQuery) async throws -> SearchPlan? {
        let kind = database.kind
        let all = SearchIndex.syntax(terms, .all, kind: kind)
        let found = try await matching(all, query, upTo: Self.fewerThan)
        if found >= Self.fewerThan || (terms.words.count == 1 && found > 0) { return SearchPlan(syntax: all) }
        if terms.words.count > 1 {
            let any = SearchIndex.syntax(terms, .any, kind: kind)
            if try await matching(any, query, upTo: 1) > 0 {
                return SearchPlan(syntax: any, words: terms.words.map { SearchIndex.syntax(SearchTerms(words: [$0]), .all, kind: kind) })
            }
        }
        return found > 0 ? SearchPlan(syntax: all) : nil
    }

    func matching(_ syntax: String, _ query: ContributionQuery, upTo limit: Int) async throws -> Int {
        try await counted(SearchPlan(syntax: syntax), query, upTo: limit)
    }

    public func count(_ query: ContributionQuery) async throws -> Int {
        try await counted(try await plan(query), query, upTo: ContributionPage.countLimit + 1)
    }

    /// How many match, up to `limit`. A search is read from its index outwards, so that counting
    /// stops after `limit` hits instead of collecting every hit first.
    func counted(_ plan: SearchPlan?, _ query: ContributionQuery, upTo limit: Int) async throws -> Int {
        let sql: SQLQueryString
        if let plan {
            var plain = query
            plain.search = ""
            let source = SearchIndex.ranking(plan.syntax, kind: database.kind)
            let hits: SQLQueryString = "SELECT c.id FROM contributions c " + source.join + " WHERE "
                + (filters(plain, nil) + [source.match]).joined(separator: " AND ")
            // PostgreSQL would read a small LIMIT as a reason to scan the whole table instead of the
            // GIN index (it cannot tell how rare a hit is); the hits are gathered through the index first.
            sql = database.kind == .postgres
                ? "WITH hits AS MATERIALIZED (" + hits + ") SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM hits LIMIT \(bind: limit)) matching"
                : "SELECT COUNT(*) AS n FROM (" + hits + " LIMIT \(bind: limit)) matching"
        } else {
            sql = "SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM contributions c WHERE "
                + filters(query, nil).joined(separator: " AND ") + " LIMIT \(bind: limit)) matching"
        }
        return try await database.read { db in try await db.raw(sql).first()?.decode(column: "n", as: Int.self) ?? 0 }
    }

    /// Best match first. A ranking has no stable key to page by, so its pages go by position (the
    /// key's value), within the counted limit.
    func ranked(_ query: ContributionQuery, _ plan: SearchPlan) async throws -> ContributionPage {
        let limit = max(1, min(query.limit, 100))
        let offset = Int(max(0, min((query.before ?? query.after)?.value ?? 0, Int64(ContributionPage.countLimit))))
        var plain = query
        plain.search = ""
        let ranking = SearchIndex.ranking(plan.syntax, kind: database.kind)
        let conditions = filters(plain, nil) + [ranking.match]
        // Any word will do: those with more of the words come first, then the best.
        let matched: SQLQueryString = plan.words.isEmpty ? "0"
            : plan.words.map { "(CASE WHEN " + SearchIndex.condition($0, kind: database.kind) + " THEN 1 ELSE 0 END)" as SQLQueryString }
                .joined(separator: " + ")
        let sql = Self.rankedRows("SELECT c.id, " + ranking.score + " AS score, " + matched + " AS matched FROM contributions c "
            + ranking.join + " WHERE " + conditions.joined(separator: " AND ")
            + " ORDER BY matched DESC, score, c.id DESC LIMIT \(bind: limit + 1) OFFSET \(bind: offset)")
        // Without filters, SQLite ranks inside the index alone (half the time: no row of the table is
        // read for a hit that does not make the page), with room for hits that are not listed; when
        // that room was not enough, the full query decides.
        let unfiltered = query.kind == nil && query.field == nil && query.district == nil && query.municipality == nil
            && query.status == nil && query.format == nil && database.kind == .sqlite
        let room = (offset + limit + 1) * 2 + 20
        let fromIndex: SQLQueryString = "SELECT rowid AS id, " + ranking.score + " AS score, "
            + (plan.words.isEmpty ? "0" : plan.words.map {
                "(CASE WHEN rowid IN (SELECT rowid FROM contribution_search WHERE contribution_search MATCH \(bind: $0)) THEN 1 ELSE 0 END)"
                    as SQLQueryString
            }.joined(separator: " + "))
            + " AS matched FROM contribution_search WHERE contribution_search MATCH \(bind: plan.syntax) AND "
            + Self.newestFloor(plan.syntax) + " ORDER BY matched DESC, score, rowid DESC LIMIT \(bind: room)"
        let quick = Self.rankedRows(fromIndex, listedPage: (limit + 1, offset))
        return try await database.read { db in
            var rows: [any SQLRow] = []
            if unfiltered {
                rows = try await db.raw(quick).all()
                if rows.count < limit + 1 { rows = try await db.raw(sql).all() }
            } else {
                rows = try await db.raw(sql).all()
            }
            var page = ContributionPage(items: try rows.prefix(limit).map(Self.decode))
            if rows.count > limit, offset + limit <= ContributionPage.countLimit { page.next = PageKey(value: Int64(offset + limit), id: 0) }
            if offset > 0 { page.previous = PageKey(value: Int64(max(0, offset - limit)), id: 0) }
            page.correctedSearch = plan.correctedSearch
            return page
        }
    }

    public func similar(to text: String, limit: Int) async throws -> [SimilarContribution] {
        // The rarest words of the text (a word the lexicon does not know counts as rarest), the
        // title's first: any of them may match, compounds by their parts too; best matches first.
        let analyzer = search.analyzer
        var chosen: [(word: String, folded: String)] = []
        var seen: Set<String> = []
        for word in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let folded = SearchAnalyzer.fold(String(word))
            guard folded.count >= 4, !analyzer.isStopWord(folded), seen.insert(analyzer.stem(folded)).inserted else { continue }
            chosen.append((String(word), folded))
        }
        chosen = Array(chosen.enumerated().sorted { a, b in
            let rankA = analyzer.rank(a.element.folded) ?? Int.max, rankB = analyzer.rank(b.element.folded) ?? Int.max
            return rankA != rankB ? rankA > rankB : a.offset < b.offset
        }.map(\.element).prefix(6))
        guard !chosen.isEmpty else { return [] }
        let words = chosen.map { word -> SearchTerms.Word in
            var alternatives: [SearchTerms.Alternative] = [.exact(analyzer.stem(word.folded))]
            if let split = analyzer.split(word.folded) { alternatives.append(.all(split.map { .exact(analyzer.stem($0)) })) }
            return SearchTerms.Word(folded: word.folded, alternatives: alternatives)
        }
        // A near-duplicate shares at least two of the rarest words: any pair of the first six will do
        // (one word alone when the text has only one). Pairs keep the hits few, and so the hint fast.
        let kind = database.kind
        let rarest = Array(words.prefix(6))
        var pairs: [String] = []
        for first in rarest.indices {
            for second in rarest.indices where second > first {
                pairs.append("(" + SearchIndex.syntax(SearchTerms(words: [rarest[first], rarest[second]]), .all, kind: kind) + ")")
            }
        }
        let syntax = pairs.isEmpty ? SearchIndex.syntax(SearchTerms(words: rarest), .any, kind: kind)
            : pairs.joined(separator: kind == .sqlite ? " OR " : " | ")
        let ranking = SearchIndex.ranking(syntax, kind: kind)
        let sql = Self.rankedRows("SELECT c.id, " + ranking.score + " AS score, 0 AS matched FROM contributions c " + ranking.join
            + " WHERE c.listed = 1 AND " + ranking.match + " ORDER BY score, c.id DESC LIMIT \(bind: limit)")
        // SQLite ranks inside the index alone, with room for hits that are not listed (as `ranked`).
        let quick = Self.rankedRows(
            "SELECT rowid AS id, " + ranking.score + " AS score, 0 AS matched FROM contribution_search WHERE "
                + ranking.match + " AND " + Self.newestFloor(syntax) + " ORDER BY score, rowid DESC LIMIT \(bind: limit * 2 + 20)",
            listedPage: (limit, 0))
        let found = try await database.read { db in
            if kind == .sqlite {
                let rows = try await db.raw(quick).all()
                if rows.count == limit { return try rows.map(Self.decode) }
            }
            return try await db.raw(sql).all().map(Self.decode)
        }
        return found.map { contribution in
            let indexed = analyzer.indexed(contribution.title + " " + contribution.text)
            let terms = Set(indexed.stems + indexed.parts)
            let shared = chosen.filter { word in
                terms.contains(analyzer.stem(word.folded))
                    || (analyzer.split(word.folded).map { $0.allSatisfy { terms.contains(analyzer.stem($0)) } } ?? false)
            }
            return SimilarContribution(contribution: contribution, sharedWords: shared.map(\.word))
        }
    }
}
