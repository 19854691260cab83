import KonventDomain
import Testing

import KonventViews

@Suite("Numbers beside figures")
struct ChartsTests {
    let t = try! Catalog.bundled().translator(.de)

    @Test("whole numbers without decimals; a count legend names the counts each class holds")
    func wholeNumbers() {
        #expect(Charts.decimal(3.4, t, places: 0) == "3")
        #expect(Charts.decimal(1234.5, t, places: 1) == "1.234,5")
        #expect(Charts.countLegend([0, 7, 3], t) == ["0–1", "2", "3–4", "5", "6–7"])
        #expect(Charts.countLegend([2, 2], t) == ["–", "–", "–", "–", "2"])
    }
}
