/// What a search asks for, after analysis: each word with the forms that count as finding it. A
/// database turns it into its own query syntax; every term is folded letters and digits only, so
/// nothing a person types reaches that syntax raw.
public struct SearchTerms: Sendable, Equatable {
    public indirect enum Alternative: Sendable, Equatable {
        /// The stem and everything that begins with it.
        case prefix(String)
        /// Exactly this stem (short compound parts, where a prefix would find too much).
        case exact(String)
        /// All of these together: a compound's parts, or a synonym of several words.
        case all([Alternative])
    }

    public struct Word: Sendable, Equatable {
        /// The word as folded ("radwege"), for messages and suggestions.
        public var folded: String
        public var alternatives: [Alternative]

        public init(folded: String, alternatives: [Alternative]) {
            self.folded = folded
            self.alternatives = alternatives
        }
    }

    public var words: [Word]

    public init(words: [Word]) { self.words = words }

    public var isEmpty: Bool { words.isEmpty }
}

/// Words that mean the same for a search ("ÖPNV", "Nahverkehr", "Bus"), from the region's configuration.
public struct SearchSynonyms: Sendable, Equatable {
    public var groups: [[String]]

    public init(_ groups: [[String]] = []) { self.groups = groups }
}

extension SearchAnalyzer {
    /// The most words a search takes; the rest are ignored.
    public static let wordLimit = 8

    /// A query's terms: its words (stop words left out) with their stems, their compound parts and
    /// their synonyms as alternatives. Words in `whole` (the region's place names) are not split:
    /// "Mittelsachsen" means the district, not "Mittel" and "Sachsen".
    public func terms(_ text: String, synonyms: SearchSynonyms = SearchSynonyms(), whole: Set<String> = []) -> SearchTerms {
        let words = Array(self.words(text).prefix(Self.wordLimit))
        let stems = words.map(stem)
        let groups = synonyms.groups.map { group in group.map { member in self.words(member).map(stem) }.filter { !$0.isEmpty } }
        var result: [SearchTerms.Word] = []
        var index = 0
        while index < words.count {
            // A synonym of several words ("schnelles Internet") stands for them together.
            if let (group, member) = longestMember(groups, in: stems, at: index), member.count > 1 {
                var alternatives: [SearchTerms.Alternative] = [.all(member.map(prefix))]
                alternatives += group.filter { $0 != member }.map(alternative)
                result.append(.init(folded: words[index..<(index + member.count)].joined(separator: " "), alternatives: alternatives))
                index += member.count
                continue
            }
            let word = words[index], stem = stems[index]
            var alternatives: [SearchTerms.Alternative] = [prefix(stem)]
            // "Förderung" also finds "Fördermittel": the stem without its -ung, when enough is left.
            if stem.hasSuffix("ung"), stem.count >= 8 { alternatives.append(.prefix(String(stem.dropLast(3)))) }
            if !whole.contains(word), let split = split(word) {
                alternatives.append(.all(split.map { part in
                    let partStem = self.stem(part)
                    return partStem.count >= 5 ? .prefix(partStem) : .exact(partStem)
                }))
            }
            for group in groups where group.contains([stem]) {
                for member in group where member != [stem] {
                    let alternative = alternative(member)
                    if !alternatives.contains(alternative) { alternatives.append(alternative) }
                }
            }
            result.append(.init(folded: word, alternatives: alternatives))
            index += 1
        }
        return SearchTerms(words: result)
    }

    func prefix(_ stem: String) -> SearchTerms.Alternative { stem.count <= 2 ? .exact(stem) : .prefix(stem) }

    func alternative(_ member: [String]) -> SearchTerms.Alternative {
        member.count == 1 ? prefix(member[0]) : .all(member.map(prefix))
    }

    func longestMember(_ groups: [[[String]]], in stems: [String], at index: Int) -> ([[String]], [String])? {
        var found: ([[String]], [String])?
        for group in groups {
            for member in group where member.count > 1 && index + member.count <= stems.count
                && Array(stems[index..<(index + member.count)]) == member && member.count > (found?.1.count ?? 0) {
                found = (group, member)
            }
        }
        return found
    }

    /// The top-level parts of a folded compound, nil for a word that is none.
    public func split(_ folded: String) -> [String]? {
        let letters = Array(folded.unicodeScalars)
        guard letters.count >= 6, let parts = segmentation(letters), parts.count > 1 else { return nil }
        return parts
    }

    /// What the index keeps of a text: its stems, and separately the stems of its compounds' parts.
    public func indexed(_ text: String) -> (stems: [String], parts: [String]) {
        var none: [String: [String]]? = nil
        return indexed(text, cache: &none)
    }

    /// The same, remembering each word's parts in `cache` (bulk loading sees the same words often).
    public func indexed(_ text: String, cache: inout [String: [String]]?) -> (stems: [String], parts: [String]) {
        var stems: [String] = [], parts: [String] = [], seenParts: Set<String> = []
        for word in words(text) {
            stems.append(stem(word))
            let wordParts: [String]
            if let known = cache?[word] {
                wordParts = known
            } else {
                wordParts = self.parts(word).map(stem)
                cache?[word] = wordParts
            }
            for part in wordParts where seenParts.insert(part).inserted { parts.append(part) }
        }
        return (stems, parts)
    }
}
