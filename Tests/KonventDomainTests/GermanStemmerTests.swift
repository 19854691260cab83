import KonventDomain
import Testing

@Suite("German stemmer (CISTEM, case-insensitive)")
struct GermanStemmerTests {
    @Test(arguments: [
        ("Speicherbehältern", "speicherbehal"), ("Fachkräfte", "fachkraf"), ("Fachkraft", "fachkraf"),
        ("Radwege", "radweg"), ("Radweg", "radweg"), ("Schulen", "schul"), ("Gemeinden", "meind"),
        ("Straße", "strass"), ("Betriebe", "betrieb"), ("Wissenschaft", "wissenschaf"), ("Ärzte", "arz"),
    ])
    func stems(word: String, stem: String) {
        #expect(GermanStemmer.stem(word) == stem)
    }

    @Test func wordFormsMeet() {
        #expect(GermanStemmer.stem("Fachkräfte") == GermanStemmer.stem("FACHKRAFT"))
        #expect(GermanStemmer.stem("Gemeinden") == GermanStemmer.stem("Gemeinde"))
        #expect(GermanStemmer.indexText("Ärzte, Schulen & Radwege!") == "arz schul radweg")
    }
}
