import KonventDomain
import Testing

@Suite("Reading German for the search")
struct SearchAnalyzerTests {
    /// A small lexicon, most frequent first, enough for the cases below.
    static let analyzer = SearchAnalyzer(lexicon: [
        "und", "weg", "jahr", "rad", "ganz", "mangel", "wege", "haus", "ärzte", "ärzten", "fahrrad", "fahr", "tourismus",
        "wander", "straße", "straßen", "bahn", "kreis", "fachkräfte", "breitband", "nahverkehr", "förderung",
    ])

    @Test("umlauts and their spelling with e fold to the same letters; ß to ss; ue after q stays")
    func folding() {
        #expect(SearchAnalyzer.fold("Förderung") == "forderung")
        #expect(SearchAnalyzer.fold("Foerderung") == "forderung")
        #expect(SearchAnalyzer.fold("Kitaplätze") == SearchAnalyzer.fold("Kitaplaetze"))
        #expect(SearchAnalyzer.fold("Straße") == "strasse" && SearchAnalyzer.fold("Strasse") == "strasse")
        #expect(SearchAnalyzer.fold("ÜBER") == "uber" && SearchAnalyzer.fold("Quelle") == "quelle")
    }

    @Test("stop words drop out; compounds split into lexicon words, also over linking letters, and again inside a part")
    func compounds() {
        let a = Self.analyzer
        #expect(a.words("Radwege im Erzgebirge und mehr") == ["radwege", "erzgebirge"])
        #expect(a.split("radwanderweg") == ["rad", "wander", "weg"])
        #expect(a.split("ganzjahrestourismus") == ["ganz", "jahr", "tourismus"], "over the linking -es")
        #expect(a.split("aerztemangel".replacingOccurrences(of: "ae", with: "a")) == ["arzte", "mangel"])
        let parts = a.parts("fahrradwege")
        #expect(parts.contains("fahrrad") && parts.contains("rad") && parts.contains("wege"), "\(parts)")
        #expect(a.split("kreis") == nil && a.split("nahverkehr") == nil, "short or whole lexicon words stay whole")
    }

    @Test("a query's words carry their stem as a prefix, their parts together, and their synonyms")
    func terms() {
        let synonyms = SearchSynonyms([["ÖPNV", "Nahverkehr", "Bus"], ["Breitband", "schnelles Internet"]])
        let terms = Self.analyzer.terms("Radweg ÖPNV", synonyms: synonyms)
        #expect(terms.words.count == 2)
        #expect(terms.words[0].alternatives.contains(.all([.exact("rad"), .exact("weg")])))
        #expect(terms.words[1].alternatives.contains(.prefix("nahverkehr")) && terms.words[1].alternatives.contains(.prefix("bus")))
        let phrase = Self.analyzer.terms("schnelles Internet", synonyms: synonyms)
        #expect(phrase.words.count == 1, "a synonym of two words is one word of the query")
        #expect(phrase.words[0].alternatives.contains(.prefix(Self.analyzer.stem("breitband"))))
        #expect(Self.analyzer.terms("Förderung").words[0].alternatives.contains(.prefix("forder")), "without its -ung")
        #expect(Self.analyzer.terms("\"*\" NEAR( AND OR -").words.allSatisfy { word in
            word.alternatives.allSatisfy { if case .prefix(let s) = $0 { s.allSatisfy { $0.isLetter || $0.isNumber } } else { true } }
        }, "only letters and digits")
    }

    @Test("a place's name stays whole: Mittelsachsen is the district, not Mittel and Sachsen")
    func placesStayWhole() {
        let a = SearchAnalyzer(lexicon: ["mittel", "sachsen", "pflege"])
        #expect(a.split("mittelsachsen") == ["mittel", "sachsen"])
        #expect(a.terms("Mittelsachsen").words[0].alternatives.count == 2, "split as any compound")
        let whole = a.terms("Mittelsachsen Pflege", whole: ["mittelsachsen"])
        #expect(whole.words[0].alternatives == [.prefix(a.stem("mittelsachsen"))])
        #expect(whole.words[1].alternatives == [.prefix(a.stem("pflege"))])
    }

    @Test("a word the lexicon does not know is corrected to the nearest, a swap of neighbours counting once")
    func corrections() {
        let a = Self.analyzer
        #expect(a.correction("breitbnad") == "breitband")
        #expect(a.correction("nahverkher") == "nahverkehr")
        #expect(a.correction("breitband") == nil, "a known word stays")
        #expect(a.correction("xylophon") == nil, "nothing near")
    }
}
