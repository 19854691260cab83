import KonventDomain
import Testing

@Suite("Reporting progress")
struct ProgressInputTests {
    static let facts = ImplementationFacts(
        state: .adopted, adoptedOn: "2027-01-15", today: "2027-06-01", latest: .started,
        indicators: [Indicator(name: "Neue Ausbildungsverträge", target: "300")])

    static func input(date: String = "2027-03-01", status: String = "on_track", percent: String = "40", text: String = "Läuft.",
                      links: String = "") -> ProgressInput {
        var input = ProgressInput()
        input.date = date
        input.status = status
        input.percent = percent
        input.text = text
        input.links = links
        return input
    }

    static func fields(_ body: () throws(ValidationFailure) -> some Any) -> [String] {
        do { _ = try body(); return [] } catch { return error.errors.map(\.field) }
    }

    @Test("a complete report becomes a draft; the percent may carry its sign")
    func valid() throws {
        let draft = try Self.input(percent: "40 %", links: "https://example.org/bericht.pdf\n\n").validate(Self.facts)
        #expect(draft == ProgressDraft(date: "2027-03-01", status: .onTrack, percent: 40, text: "Läuft.", links: ["https://example.org/bericht.pdf"]))
    }

    @Test("each bad part is named: not adopted, days out of range, percent, status, text, links, a step back to planned")
    func refusals() {
        var notAdopted = Self.facts
        notAdopted.state = .inReview(stage: "imag", phase: .assessing)
        #expect(Self.fields { () throws(ValidationFailure) in try Self.input().validate(notAdopted) } == ["measure"])
        #expect(Self.fields { () throws(ValidationFailure) in try Self.input(date: "2027-01-14").validate(Self.facts) } == ["date"])
        #expect(Self.fields { () throws(ValidationFailure) in try Self.input(date: "2027-06-02").validate(Self.facts) } == ["date"])
        #expect(Self.fields { () throws(ValidationFailure) in try Self.input(date: "2027-02-30").validate(Self.facts) } == ["date"])
        #expect(Self.fields { () throws(ValidationFailure) in try Self.input(percent: "101").validate(Self.facts) } == ["percent"])
        #expect(Self.fields { () throws(ValidationFailure) in try Self.input(percent: "-1").validate(Self.facts) } == ["percent"])
        #expect(Self.fields { () throws(ValidationFailure) in try Self.input(status: "done").validate(Self.facts) } == ["status"])
        #expect(Self.fields { () throws(ValidationFailure) in try Self.input(status: "planned").validate(Self.facts) } == ["status"])
        #expect(Self.fields { () throws(ValidationFailure) in try Self.input(text: "  ").validate(Self.facts) } == ["text"])
        #expect(Self.fields { () throws(ValidationFailure) in try Self.input(links: "javascript:alert(1)").validate(Self.facts) } == ["links"])
        var finished = Self.facts
        finished.latest = .completed
        #expect(Self.fields { () throws(ValidationFailure) in try Self.input(status: "delayed").validate(finished) } == ["status"])
        #expect(Self.fields { () throws(ValidationFailure) in try Self.input(status: "completed", percent: "100").validate(finished) }.isEmpty)
    }

    @Test("indicator values: the measure's own indicator, a number in German or English notation, a source")
    func values() throws {
        var input = IndicatorValueInput()
        input.indicator = "Neue Ausbildungsverträge"
        input.date = "2027-05-31"
        input.value = "1.234,5"
        input.source = "Kammerstatistik"
        #expect(try input.validate(Self.facts).value == 1234.5)
        input.value = "12.5"
        #expect(try input.validate(Self.facts).value == 12.5)
        input.value = "1.234"
        #expect(try input.validate(Self.facts).value == 1234, "German thousands")
        input.value = "viele"
        input.indicator = "Zufriedenheit"
        #expect(Self.fields { () throws(ValidationFailure) in try input.validate(Self.facts) } == ["indicator", "value"])
    }

    @Test("milestones: a title and a planned day within reach; the actual day not in the future")
    func milestones() throws {
        var input = MilestoneInput()
        input.title = "Allianz gegründet"
        input.planned = "2028-06-30"
        #expect(try input.validate(Self.facts) == MilestoneDraft(title: "Allianz gegründet", planned: "2028-06-30", actual: nil))
        input.planned = "2099-01-01"
        input.actual = "2027-07-01"
        #expect(Self.fields { () throws(ValidationFailure) in try input.validate(Self.facts) } == ["planned", "actual"])
    }
}
