import Foundation
import KonventDomain

/// What the stores need to index and search: the analyzer with its lexicon, the region's synonyms,
/// and the names of its places (a contribution is found by the name of its district or municipality).
public struct SearchContext: Sendable {
    public let analyzer: SearchAnalyzer
    public let synonyms: SearchSynonyms
    /// Official key → name, for districts and municipalities.
    public let places: [String: String]

    /// Words several place names share ("Landkreis"): they say nothing about a place, and "Land"
    /// should not find every contribution from a district.
    let sharedPlaceWords: Set<String>
    /// The folded words of the places' names, which a search keeps whole.
    let placeWords: Set<String>

    public init(analyzer: SearchAnalyzer = SearchContext.bundledAnalyzer, synonyms: SearchSynonyms = SearchSynonyms(),
                places: [String: String] = [:]) {
        self.analyzer = analyzer
        self.synonyms = synonyms
        self.places = places
        var counts: [String: Int] = [:]
        for name in places.values { for word in Set(analyzer.words(name)) { counts[word, default: 0] += 1 } }
        // A word in several names that is no name of its own ("Landkreis", "Bad") names no place.
        let wholeNames = Set(places.values.map { SearchAnalyzer.fold($0) })
        sharedPlaceWords = Set(counts.filter { $0.value >= 2 && !wholeNames.contains($0.key) }.keys)
        placeWords = Set(counts.keys).subtracting(sharedPlaceWords)
    }

    /// A search's terms, with the region's synonyms and its place names kept whole.
    public func terms(_ text: String) -> SearchTerms {
        analyzer.terms(text, synonyms: synonyms, whole: placeWords)
    }

    /// The analyzer over the shipped German lexicon (see `Lexicon/SOURCES.md`), read once.
    public static let bundledAnalyzer: SearchAnalyzer = {
        let url = Bundle.module.url(forResource: "de", withExtension: "txt", subdirectory: "Lexicon")
        let text = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
        return SearchAnalyzer(lexicon: text.split(separator: "\n").map(String.init))
    }()

    /// The index's columns for a contribution.
    public func document(title: String, text: String, district: String, municipality: String?) -> IndexedDocument {
        var none: [String: [String]]? = nil
        return document(title: title, text: text, district: district, municipality: municipality, cache: &none)
    }

    /// The same, with a cache of each word's parts (for many documents at once).
    public func document(
        title: String, text: String, district: String, municipality: String?, cache: inout [String: [String]]?
    ) -> IndexedDocument {
        let placeText = [places[district], municipality.flatMap { places[$0] }].compactMap { $0 }
            .flatMap { analyzer.words($0) }.filter { !sharedPlaceWords.contains($0) }.joined(separator: " ")
        let title = analyzer.indexed(title, cache: &cache), body = analyzer.indexed(text, cache: &cache)
        let place = analyzer.indexed(placeText, cache: &cache)
        var parts: [String] = []
        var seen: Set<String> = []
        for part in title.parts + body.parts + place.parts where seen.insert(part).inserted { parts.append(part) }
        return IndexedDocument(
            title: title.stems.joined(separator: " "), body: body.stems.joined(separator: " "),
            parts: parts.joined(separator: " "), place: place.stems.joined(separator: " "))
    }
}

/// A document as the full-text index holds it: space-separated stems per weighted column.
public struct IndexedDocument: Sendable, Equatable {
    public var title: String
    public var body: String
    public var parts: String
    public var place: String
}
