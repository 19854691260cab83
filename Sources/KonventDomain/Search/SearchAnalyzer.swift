import Foundation

/// How Konvent reads German for its search, the same for the index and for a query and the same on
/// every database: words are folded (ä and ae both become a, ß becomes ss), stop words drop out,
/// the rest are stemmed (CISTEM), and compounds are split into the words of a lexicon, so that
/// "Radweg" finds "Radwanderweg" and "Ärztemangel" finds "Mangel an Hausärzten".
public struct SearchAnalyzer: Sendable {
    /// Folded lexicon words and their rank (0 is the most frequent).
    let ranks: [String: Int]
    /// The folded lexicon words by first letter and length, most frequent first, for spelling
    /// suggestions (a typo seldom hits the first letter, and looking only there is 20 times faster).
    let byStart: [String: [String]]
    let stopWords: Set<String>

    /// `lexicon` is a list of words, most frequent first.
    public init(lexicon: [String], stopWords: [String] = GermanStopWords.all) {
        var ranks: [String: Int] = [:]
        ranks.reserveCapacity(lexicon.count)
        for (rank, word) in lexicon.enumerated() {
            let folded = Self.fold(word)
            if ranks[folded] == nil { ranks[folded] = rank }
        }
        self.ranks = ranks
        var byStart: [String: [String]] = [:]
        for (word, _) in ranks.sorted(by: { $0.value < $1.value }) {
            byStart[Self.startKey(word.first, word.count), default: []].append(word)
        }
        self.byStart = byStart
        self.stopWords = Set(stopWords.map(Self.fold))
    }

    /// Lower case, with umlauts and their spellings with "e" folded to the plain vowel and ß to "ss"
    /// ("Förderung", "Foerderung" → "forderung"); "ue" after "q" stays ("Quelle").
    public static func fold(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " ", beforePrevious: Unicode.Scalar = " "
        for scalar in word.lowercased().unicodeScalars {
            switch scalar {
            case "ä": out.append("a")
            case "ö": out.append("o")
            case "ü": out.append("u")
            case "ß": out.append("s"); out.append("s")
            case "e" where previous == "a" || previous == "o" || (previous == "u" && beforePrevious != "q"):
                // ae, oe, ue: the e only spells the umlaut.
                break
            default: out.append(scalar)
            }
            beforePrevious = previous
            previous = out.last ?? " "
        }
        return String(out)
    }

    /// The folded words of a text (runs of letters and digits), stop words left out.
    public func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map { Self.fold(String($0)) }.filter { !stopWords.contains($0) }
    }

    public func isStopWord(_ folded: String) -> Bool { stopWords.contains(folded) }

    public func stem(_ folded: String) -> String { GermanStemmer.stem(folded) }

    /// How common a folded word is: its lexicon rank, nil for words the lexicon does not know.
    public func rank(_ folded: String) -> Int? { ranks[folded] }

    /// The words a folded compound is made of ("radwanderweg" → rad, wander, weg), each split again
    /// where it is a compound itself ("fahrradwege" → fahrrad, wege, fahr, rad); empty for a word
    /// that is no compound. Parts are lexicon words; linking letters (s, es, n, en, e) may join them.
    public func parts(_ folded: String) -> [String] {
        let letters = Array(folded.unicodeScalars)
        guard letters.count >= 6 else { return [] }
        guard let best = segmentation(letters), best.count > 1 else { return [] }
        var result: [String] = []
        for part in best {
            result.append(part)
            for inner in parts(part) where !result.contains(inner) { result.append(inner) }
        }
        return result
    }

    static let linkers: [[Unicode.Scalar]] = [["e", "s"], ["e", "n"], ["s"], ["n"], ["e"]]

    /// Whether a piece can stand as a part: a lexicon word, short ones only when common.
    func partRank(_ letters: ArraySlice<Unicode.Scalar>) -> Int? {
        guard letters.count >= 3 else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: letters)
        let word = String(view)
        guard let rank = ranks[word], !stopWords.contains(word) else { return nil }
        return letters.count == 3 ? (rank < 6_000 ? rank : nil) : (letters.count == 4 ? (rank < 40_000 ? rank : nil) : rank)
    }

    /// The best split of the whole word into two or more parts: the one whose parts are most common
    /// on average (Koehn and Knight), fewer parts winning a tie; nil when there is none.
    func segmentation(_ letters: [Unicode.Scalar]) -> [String]? {
        let n = letters.count
        // best[i]: the best split of letters[i...] (as parts and the sum of their costs).
        var best: [(parts: [String], cost: Double)?] = Array(repeating: nil, count: n + 1)
        best[n] = ([], 0)
        for start in stride(from: n - 3, through: 0, by: -1) {
            var choice: (parts: [String], cost: Double)?
            for end in (start + 3)...n {
                guard let rank = partRank(letters[start..<end]) else { continue }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: letters[start..<end])
                let cost = Self.cost(rank)
                // Straight on, or over a linking letter or two.
                var nexts = [end]
                for linker in Self.linkers where end + linker.count < n && Array(letters[end..<(end + linker.count)]) == linker {
                    nexts.append(end + linker.count)
                }
                for next in nexts {
                    guard let rest = best[next] else { continue }
                    if start == 0 && next == n { continue }  // the whole word is no split
                    let candidate = ([String(view)] + rest.parts, cost + rest.cost)
                    if choice == nil || Self.better(candidate, than: choice!) { choice = candidate }
                }
            }
            best[start] = choice
        }
        return best[0]?.parts
    }

    static func cost(_ rank: Int) -> Double { log2(Double(rank) + 2) }

    /// The lower the better: the parts' mean cost, and a little for each part, so that "fahrrad|wege"
    /// beats "fahr|rad|wege" (the inner split is made again for the part).
    static func score(_ split: (parts: [String], cost: Double)) -> Double {
        split.cost / Double(split.parts.count) + 0.5 * Double(split.parts.count)
    }

    static func better(_ a: (parts: [String], cost: Double), than b: (parts: [String], cost: Double)) -> Bool {
        let scoreA = score(a), scoreB = score(b)
        return scoreA != scoreB ? scoreA < scoreB : a.parts.count < b.parts.count
    }

    /// The nearest lexicon word to a folded word the lexicon does not know, at most one edit away
    /// (two for longer words; a swap of neighbours counts as one), the more common one first.
    public func correction(_ folded: String) -> String? {
        guard ranks[folded] == nil, folded.count >= 4, folded.allSatisfy(\.isLetter) else { return nil }
        let word = Array(folded.unicodeScalars)
        let allowed = word.count >= 8 ? 2 : 1
        var found: (word: String, distance: Int, rank: Int)?
        for length in (word.count - allowed)...(word.count + allowed) {
            for candidate in byStart[Self.startKey(folded.first, length)] ?? [] {
                guard let distance = Self.distance(word, Array(candidate.unicodeScalars), limit: allowed) else { continue }
                let rank = ranks[candidate] ?? Int.max
                if found == nil || (distance, rank) < (found!.distance, found!.rank) { found = (candidate, distance, rank) }
            }
        }
        return found?.word
    }

    static func startKey(_ first: Character?, _ length: Int) -> String { "\(first.map(String.init) ?? "")\(length)" }

    /// Damerau–Levenshtein distance (optimal string alignment), nil when above `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit || a.isEmpty || b.isEmpty { return nil }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                var value = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (before, previous, current) = (previous, current, before)
        }
        let result = previous[b.count]
        return result <= limit ? result : nil
    }
}
