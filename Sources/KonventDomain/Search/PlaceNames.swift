/// The region's places by the words a search would name them with, folded once at start: a
/// municipality by its whole name ("Plauen"), a district also by the beginning of a word of its
/// name ("Erzgebirge" for the Erzgebirgskreis).
public struct PlaceNames: Sendable {
    let municipalities: [String: Territory]
    let districts: [(words: [String], territory: Territory)]

    public init(_ region: RegionConfiguration) {
        var municipalities: [String: Territory] = [:]
        for territory in region.territories where territory.kind == .municipality {
            let name = SearchAnalyzer.fold(territory.name)
            if municipalities[name] == nil { municipalities[name] = territory }
        }
        self.municipalities = municipalities
        districts = region.districts.map { (SearchAnalyzer.fold($0.name).split(separator: " ").map(String.init), $0) }
    }

    /// The first place a search names, municipalities before districts within each word.
    public func named(in search: String) -> Territory? {
        let words = search.split { !($0.isLetter || $0.isNumber) }.map { SearchAnalyzer.fold(String($0)) }.filter { $0.count >= 4 }
        for word in words {
            if let municipality = municipalities[word] { return municipality }
            let stem = GermanStemmer.stem(word)
            if stem.count >= 5, let district = districts.first(where: { $0.words.contains { $0.hasPrefix(stem) } }) {
                return district.territory
            }
        }
        return nil
    }
}
