/// The search over everything but the contributions (which have a database index of their own):
/// measures, formats, sessions with their decisions, and the masterplan's paragraphs. These are a
/// few thousand at most, so they are held in memory, analyzed once per data version, and matched
/// the same way as contributions: every word, or any word when every word finds fewer than three.
public struct SiteSearchIndex: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case measures, formats, sessions, masterplan
    }

    public struct Document: Sendable {
        public var kind: Kind
        public var title: String
        public var text: String
        public var href: String
        /// Only for those who may see what is not public yet (drafts, unreleased decisions).
        public var isInternal: Bool

        public init(kind: Kind, title: String, text: String, href: String, isInternal: Bool) {
            self.kind = kind
            self.title = title
            self.text = text
            self.href = href
            self.isInternal = isInternal
        }
    }

    struct Entry: Sendable {
        var document: Document
        /// Sorted, for prefix lookups.
        var titleTerms: [String]
        var terms: [String]
    }

    let entries: [Entry]

    public init(_ documents: [Document], analyzer: SearchAnalyzer) {
        var cache: [String: [String]]? = [:]
        entries = documents.map { document in
            let title = analyzer.indexed(document.title, cache: &cache)
            let text = analyzer.indexed(document.text, cache: &cache)
            let titleTerms = Set(title.stems + title.parts)
            return Entry(document: document, titleTerms: titleTerms.sorted(),
                         terms: titleTerms.union(text.stems).union(text.parts).sorted())
        }
    }

    public struct Hit: Sendable {
        public var document: Document
        public var score: Int
    }

    /// The hits by kind, best first.
    public func search(_ terms: SearchTerms, includeInternal: Bool) -> [Kind: [Hit]] {
        guard !terms.isEmpty else { return [:] }
        let visible = entries.filter { includeInternal || !$0.document.isInternal }
        func scored(requireAll: Bool) -> [Hit] {
            visible.compactMap { entry -> Hit? in
                var matched = 0, inTitle = 0
                for word in terms.words {
                    if word.alternatives.contains(where: { Self.matches($0, entry.terms) }) {
                        matched += 1
                        if word.alternatives.contains(where: { Self.matches($0, entry.titleTerms) }) { inTitle += 1 }
                    } else if requireAll {
                        return nil
                    }
                }
                return matched == 0 ? nil : Hit(document: entry.document, score: matched * 10 + inTitle * 3)
            }
        }
        var hits = scored(requireAll: true)
        if hits.count < 3 && terms.words.count > 1 { hits = scored(requireAll: false) }
        var byKind: [Kind: [Hit]] = [:]
        for hit in hits.sorted(by: { $0.score != $1.score ? $0.score > $1.score : $0.document.title < $1.document.title }) {
            byKind[hit.document.kind, default: []].append(hit)
        }
        return byKind
    }

    static func matches(_ alternative: SearchTerms.Alternative, _ terms: [String]) -> Bool {
        switch alternative {
        case .exact(let stem): return binarySearch(stem, terms, prefix: false)
        case .prefix(let stem): return binarySearch(stem, terms, prefix: true)
        case .all(let parts): return parts.allSatisfy { matches($0, terms) }
        }
    }

    /// Whether the sorted `terms` hold `stem` (or, with `prefix`, a term beginning with it).
    static func binarySearch(_ stem: String, _ terms: [String], prefix: Bool) -> Bool {
        var low = 0, high = terms.count
        while low < high {
            let middle = (low + high) / 2
            if terms[middle] < stem { low = middle + 1 } else { high = middle }
        }
        guard low < terms.count else { return false }
        return prefix ? terms[low].hasPrefix(stem) : terms[low] == stem
    }
}
