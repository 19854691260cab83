import KonventDomain
import Testing

@Suite("Measure content: the form's checks and the diff between versions")
struct MeasureContentTests {
    func input() -> MeasureInput {
        var input = MeasureInput()
        input.kind = "project"
        input.title = "Ausbildungszentrum Vogtland"
        input.goal = "Mehr Auszubildende für Betriebe."
        input.description = "Ein gemeinsames Zentrum von Kammern und Betrieben."
        input.fields = ["wirtschaft"]
        input.territories = ["14521"]
        input.sponsor = "Handwerkskammer"
        input.estimatedCost = "1.500.000"
        input.financing = [("state", "Strukturentwicklung", "1.000.000"), ("municipal", "", "500.000"), ("", "", "")]
        input.indicators = [("Ausbildungsplätze", "120"), ("", "")]
        input.maturity = "outline"
        input.leadMinistry = "smil"
        return input
    }

    @Test("a complete form becomes content; empty rows are left out")
    func valid() throws {
        let content = try input().validate(region: try testRegion())
        #expect(content.financing.map(\.amount) == [1_000_000, 500_000])
        #expect(content.indicators == [Indicator(name: "Ausbildungsplätze", target: "120")])
        #expect(MeasureInput(content).financing.count == 2, "the form refilled from content")
    }

    @Test("lines that do not add up, a half indicator, unknown places and ministries are each named")
    func invalid() throws {
        var bad = input()
        bad.financing = [("state", "x", "1.000.000"), ("lottery", "", "500.000")]
        bad.indicators = [("Ausbildungsplätze", "")]
        bad.territories = ["99999"]
        bad.leadMinistry = "smxx"
        bad.maturity = "fertig"
        let region = try testRegion()
        do {
            _ = try bad.validate(region: region)
            Issue.record("accepted")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["financing-1", "financing-2", "indicator-1", "territories", "leadMinistry", "maturity"])
        }
        var sum = input()
        sum.financing = [("state", "x", "1.000.000")]
        do {
            _ = try sum.validate(region: region)
            Issue.record("accepted")
        } catch {
            #expect(error.errors.map(\.messageKey) == ["error.measure.financingSum"])
        }
    }

    @Test("the diff names changed fields and marks lines as kept, removed or added")
    func diff() throws {
        let old = try input().validate(region: try testRegion())
        var changed = input()
        changed.description = "Ein gemeinsames Zentrum von Kammern und Betrieben.\nMit Wohnheim."
        changed.estimatedCost = "2.000.000"
        changed.financing = [("state", "Strukturentwicklung", "1.500.000"), ("municipal", "", "500.000")]
        let new = try changed.validate(region: try testRegion())
        let changes = MeasureDiff.changes(from: old, to: new)
        #expect(changes.map(\.fieldKey) == ["measure.description", "profile.estimatedCost", "measure.financing"])
        #expect(changes[0].lines == [.same("Ein gemeinsames Zentrum von Kammern und Betrieben."), .added("Mit Wohnheim.")])
        #expect(MeasureDiff.lines(from: "a\nb\nc", to: "a\nc\nd") == [.same("a"), .removed("b"), .same("c"), .added("d")])
        #expect(MeasureDiff.changes(from: old, to: old).isEmpty)
    }
}

@Suite("Line diff order")
struct LineDiffOrderTests {
    @Test("a replaced line shows the old one first, then the new one")
    func replaced() {
        #expect(MeasureDiff.lines(from: "a\nalt\nc", to: "a\nneu\nc") == [.same("a"), .removed("alt"), .added("neu"), .same("c")])
    }
}
