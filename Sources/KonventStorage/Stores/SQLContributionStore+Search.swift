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

    /// A ranking scores at most this many hits, the newest: "Nahverkehr" may match a tenth of all
    /// contributions, and scoring them all grows with the data. The count still counts them all.
    static let rankedCandidates = 2_000
    /// When more than the list counts match (or for the similar hint), fewer: among so many the
    /// newest are as good as any, and scoring costs about 5 µs a hit.
    static let manyCandidates = 500

    static func candidates(_ plan: SearchPlan, offset: Int, limit: Int) -> Int {
        plan.count > ContributionPage.countLimit ? max(manyCandidates, (offset + limit + 1) * 2 + 20) : rankedCandidates
    }

    /// SQLite, inside the index in one pass: the newest `rankedCandidates` hits (read from the
    /// index's end), scored, best first. `matched` says how many of the words each hit has.
    static func newestScored(_ syntax: String, score: SQLQueryString, matched: SQLQueryString, limit: Int, candidates: Int) -> SQLQueryString {
        "SELECT id, score, matched FROM (SELECT rowid AS id, " + score + " AS score, " + matched + " AS matched"
            + " FROM contribution_search WHERE contribution_search MATCH \(bind: syntax) ORDER BY rowid DESC LIMIT \(bind: candidates))"
            + " ORDER BY matched DESC, score, id DESC LIMIT \(bind: limit)"
    }

    /// PostgreSQL: the newest `candidates` hits with their vectors, then scored; `hit` is the
    /// ranking's select list over them. With `many` (more hits than the list counts), walking the
    /// primary key backwards finds them soonest; otherwise they are gathered through the GIN index
    /// (`c.id + 0` keeps the planner from walking, which is slow when hits are rare).
    static func newestHits(
        _ conditions: [SQLQueryString], hit: SQLQueryString, order: String, limit: Int, offset: Int, candidates: Int, many: Bool
    ) -> SQLQueryString {
        "WITH hits AS MATERIALIZED (SELECT c.id, c.search_vector FROM contributions c WHERE " + conditions.joined(separator: " AND ")
            + " ORDER BY \(unsafeRaw: many ? "c.id" : "c.id + 0") DESC LIMIT \(bind: candidates)) SELECT " + hit + " FROM hits c"
            + " ORDER BY \(unsafeRaw: order) LIMIT \(bind: limit) OFFSET \(bind: offset)"
    }

    /// How a search term is asked for: every word, or, when every word together finds fewer than
    /// three, any word (ranked); when neither finds anything, the words as corrected, if that finds some.
    struct SearchPlan: Sendable {
        var syntax: String
        var correctedSearch: String?
        /// When any word will do: each word on its own, so that hits with more of them rank first.
        var words: [String] = []
        /// How many listed contributions match with the filters, up to `ContributionPage.countLimit + 1`.
        var count: Int
    }

    static let fewerThan = 3

    func plan(_ query: ContributionQuery) async throws -> SearchPlan? {
        let terms = search.terms(query.search)
        guard !terms.isEmpty else { return nil }
        // Settings count too: rebuilding the index marks its version there.
        let key = try await database.dataVersion().key([.contributions, .settings]) + "|" + Self.filterKey(query)
        if let known = plans.plan(for: key) { return known }
        let made = try await freshPlan(query, terms)
        plans.remember(made, for: key)
        return made
    }

    /// The search and the filters a plan depends on (not the sort or the page).
    static func filterKey(_ query: ContributionQuery) -> String {
        [query.search, query.kind?.rawValue ?? "", query.field ?? "", query.district ?? "", query.municipality ?? "",
         query.status?.rawValue ?? "", query.format.map { String($0.rawValue) } ?? ""].joined(separator: "\u{1F}")
    }

    func freshPlan(_ query: ContributionQuery, _ terms: SearchTerms) async throws -> SearchPlan {
        if let found = try await firstThatFinds(terms, query) { return found }
        // Nothing as typed: the words the lexicon does not know, corrected.
        var changed = false
        let corrected = query.search.split { !($0.isLetter || $0.isNumber) }.map { word -> String in
            let folded = SearchAnalyzer.fold(String(word))
            guard let correction = search.analyzer.correction(folded) else { return String(word) }
            changed = true
            return word.first?.isUppercase == true ? correction.prefix(1).uppercased() + correction.dropFirst() : correction
        }.joined(separator: " ")
        if changed, var found = try await firstThatFinds(search.terms(corrected), query) {
            found.correctedSearch = corrected
            return found
        }
        return SearchPlan(syntax: SearchIndex.syntax(terms, .all, kind: database.kind), count: 0)
    }

    func firstThatFinds(_ terms: SearchTerms, _ query: ContributionQuery) async throws -> SearchPlan? {
        let kind = database.kind
        let all = SearchIndex.syntax(terms, .all, kind: kind)
        // Counted up to the list's limit right away: the count is what the list shows, and reading
        // the index once more for it would cost as much again.
        let found = try await matching(all, query, upTo: ContributionPage.countLimit + 1)
        if found >= Self.fewerThan || (terms.words.count == 1 && found > 0) { return SearchPlan(syntax: all, count: found) }
        if terms.words.count > 1 {
            let any = SearchIndex.syntax(terms, .any, kind: kind)
            let anyFound = try await matching(any, query, upTo: ContributionPage.countLimit + 1)
            if anyFound > 0 {
                return SearchPlan(
                    syntax: any, words: terms.words.map { SearchIndex.syntax(SearchTerms(words: [$0]), .all, kind: kind) }, count: anyFound)
            }
        }
        return found > 0 ? SearchPlan(syntax: all, count: found) : nil
    }

    public func count(_ query: ContributionQuery) async throws -> Int {
        if let plan = try await plan(query) { return plan.count }
        let sql: SQLQueryString = "SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM contributions c WHERE "
            + filters(query, nil).joined(separator: " AND ") + " LIMIT \(bind: ContributionPage.countLimit + 1)) matching"
        return try await database.read { db in try await db.raw(sql).first()?.decode(column: "n", as: Int.self) ?? 0 }
    }

    /// How many listed contributions with the query's filters match `syntax`, up to `limit`. Read
    /// from the index outwards, so that counting stops after `limit` hits instead of collecting every hit first.
    func matching(_ syntax: String, _ query: ContributionQuery, upTo limit: Int) async throws -> Int {
        var plain = query
        plain.search = ""
        let source = SearchIndex.ranking(syntax, kind: database.kind)
        let hits: SQLQueryString = "SELECT c.id FROM contributions c " + source.join + " WHERE "
            + (filters(plain, nil) + [source.match]).joined(separator: " AND ")
        // PostgreSQL would read a small LIMIT as a reason to scan the whole table instead of the
        // GIN index (it cannot tell how rare a hit is); the hits are gathered through the index first.
        let sql: SQLQueryString = database.kind == .postgres
            ? "WITH hits AS MATERIALIZED (" + hits + ") SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM hits LIMIT \(bind: limit)) matching"
            : "SELECT COUNT(*) AS n FROM (" + hits + " LIMIT \(bind: limit)) matching"
        return try await database.read { db in try await db.raw(sql).first()?.decode(column: "n", as: Int.self) ?? 0 }
    }

    /// Best match first, among the newest `rankedCandidates` hits. A ranking has no stable key to
    /// page by, so its pages go by position (the key's value), within the counted limit.
    func ranked(_ query: ContributionQuery, _ plan: SearchPlan) async throws -> ContributionPage {
        let limit = max(1, min(query.limit, 100))
        let offset = Int(max(0, min((query.before ?? query.after)?.value ?? 0, Int64(ContributionPage.countLimit))))
        var plain = query
        plain.search = ""
        let kind = database.kind
        let ranking = SearchIndex.ranking(plan.syntax, kind: kind)
        let conditions = filters(plain, nil) + [ranking.match]
        // Any word will do: those with more of the words come first, then the best.
        func matched(_ condition: (String) -> SQLQueryString) -> SQLQueryString {
            plan.words.isEmpty ? "0" : plan.words.map { "(CASE WHEN " + condition($0) + " THEN 1 ELSE 0 END)" as SQLQueryString }
                .joined(separator: " + ")
        }
        let sql: SQLQueryString
        var quick: SQLQueryString?
        switch kind {
        case .postgres:
            sql = Self.rankedRows(Self.newestHits(
                conditions, hit: "c.id, " + ranking.score + " AS score, " + matched { SearchIndex.condition($0, kind: kind) } + " AS matched",
                order: "matched DESC, score, c.id DESC", limit: limit + 1, offset: offset,
                candidates: Self.candidates(plan, offset: offset, limit: limit), many: plan.count > ContributionPage.countLimit))
        case .sqlite:
            sql = Self.rankedRows("SELECT c.id, " + ranking.score + " AS score, " + matched { SearchIndex.condition($0, kind: kind) }
                + " AS matched FROM contributions c " + ranking.join + " WHERE " + conditions.joined(separator: " AND ")
                + " ORDER BY matched DESC, score, c.id DESC LIMIT \(bind: limit + 1) OFFSET \(bind: offset)")
            // Without filters, SQLite ranks inside the index alone (no row of the table is read for
            // a hit that does not make the page), with room for hits that are not listed; when that
            // room was not enough, the full query decides.
            let unfiltered = query.kind == nil && query.field == nil && query.district == nil && query.municipality == nil
                && query.status == nil && query.format == nil
            if unfiltered {
                let inIndex = matched { "rowid IN (SELECT rowid FROM contribution_search WHERE contribution_search MATCH \(bind: $0))" }
                quick = Self.rankedRows(
                    Self.newestScored(plan.syntax, score: ranking.score, matched: inIndex, limit: (offset + limit + 1) * 2 + 20,
                                      candidates: Self.candidates(plan, offset: offset, limit: limit)),
                    listedPage: (limit + 1, offset))
            }
        }
        return try await database.read { [quick] db in
            var rows: [any SQLRow] = []
            if let quick {
                rows = try await db.raw(quick).all()
                // Fewer than a page and more than one: it was the end only if it holds every hit counted.
                let complete = plan.count <= ContributionPage.countLimit && rows.count >= plan.count - offset
                if rows.count < limit + 1, !complete { rows = try await db.raw(sql).all() }
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
}
