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

@Suite("Importing progress")
struct ProgressImportTests {
    static func facts(_ code: String) -> ImplementationFacts? {
        code == "WI-01" ? ProgressInputTests.facts : nil
    }

    static func csv(_ lines: [String]) -> [UInt8] { Array(("\u{FEFF}" + lines.joined(separator: "\r\n")).utf8) }

    @Test("German headers, a report and a value in one row, a status by its name, rows of one measure in order")
    func good() throws {
        let file = Self.csv([
            "Kennung;Datum;Stand;Prozent;Bericht;Indikator;Wert;Quelle",
            "WI-01;2027-03-01;Im Plan;20;Läuft.;Neue Ausbildungsverträge;1.234,5;Kammer",
            "wi-01;2027-04-01;Abgeschlossen;100;Fertig.;;;",
        ])
        let items = try ProgressImport.items(fromCSV: file, facts: { Self.facts($0.uppercased()) }).get()
        #expect(items.count == 2)
        #expect(items[0].report?.status == .onTrack && items[0].value?.value == 1234.5 && items[0].value?.source == "Kammer")
        #expect(items[1].report?.status == .completed && items[1].value == nil)
    }

    @Test("rows of one measure follow each other whatever the case of its code")
    func codeCase() {
        let file = Self.csv([
            "Kennung;Datum;Stand;Prozent;Bericht",
            "wi-01;2027-04-01;Abgeschlossen;100;Fertig.",
            "WI-01;2027-04-02;Verzögert;90;Doch nicht.",
        ])
        guard case .failure(let report) = ProgressImport.items(fromCSV: file, facts: { Self.facts($0.uppercased()) }) else {
            Issue.record("a step back after the same measure's earlier row, written in another case, was accepted")
            return
        }
        #expect(report.lines.map(\.line) == [3])
        #expect(report.lines.map(\.messageKey) == ["progress.error.statusStep"])
    }

    @Test("every bad line is named with its column; a later report may not step back after an earlier one of the file")
    func bad() {
        let file = Self.csv([
            "code;date;status;percent;text",
            "WI-01;2027-03-01;completed;100;Fertig.",
            "WI-01;2027-03-02;delayed;90;Doch nicht.",
            "XX-99;2027-03-01;on_track;10;Unbekannt.",
            "WI-01;2027-03-05;on_track;150;Zu viel.",
        ])
        guard case .failure(let report) = ProgressImport.items(fromCSV: file, facts: Self.facts) else {
            Issue.record("accepted")
            return
        }
        #expect(report.lines.map(\.line) == [3, 4, 5, 5])
        #expect(report.lines.map(\.messageKey) == ["progress.error.statusStep", "progress.error.code", "progress.error.statusStep", "progress.error.percent"])
        #expect(report.lines[3].values == ["column": "percent", "value": "150"])
        let wrongHeader = Self.csv(["Kennung;Farbe", "WI-01;blau"])
        guard case .failure(let header) = ProgressImport.items(fromCSV: wrongHeader, facts: Self.facts) else { Issue.record("accepted"); return }
        #expect(header.lines.map(\.messageKey) == ["import.error.unknownColumn", "import.error.missingColumn"])
        guard case .failure(let encoding) = ProgressImport.items(fromCSV: [0x4B, 0xFF, 0x0A], facts: Self.facts) else { Issue.record("accepted"); return }
        #expect(encoding.lines.map(\.messageKey) == ["import.error.encoding"])
    }
}

@Suite("Funding routes")
struct FundingTests {
    static let lines = [
        FundingLineState(index: 0, source: .eu, programme: "EFRE-Programm Sachsen 2021–2027", programmeKey: "efre-sachsen", planned: 750_000,
                         status: .planned, date: nil, approved: 0, paid: 0),
        FundingLineState(index: 1, source: .municipal, programme: "Kommunaler Eigenanteil", programmeKey: nil, planned: 250_000,
                         status: .planned, date: nil, approved: 0, paid: 0),
    ]

    static func input(_ line: String, _ status: String, amount: String = "", date: String = "2027-02-01") -> FundingInput {
        var input = FundingInput()
        input.line = line
        input.status = status
        input.amount = amount
        input.date = date
        return input
    }

    @Test("a line goes planned → applied → approved or rejected → paid out; a refused line may be applied for again")
    func steps() {
        #expect(FundingStatus.planned.allows(.applied) && !FundingStatus.planned.allows(.approved))
        #expect(FundingStatus.applied.allows(.rejected) && FundingStatus.rejected.allows(.applied))
        #expect(FundingStatus.approved.allows(.paidOut) && !FundingStatus.paidOut.allows(.applied))
    }

    @Test("approved money covering the cost secures the funding; a refusal clears what was approved; payments add up")
    func secured() throws {
        var lines = Self.lines
        lines[0] = lines[0].after(FundingStep(line: 0, status: .applied, date: "2027-01-01", amount: nil))
            .after(FundingStep(line: 0, status: .approved, date: "2027-02-01", amount: 750_000))
        #expect(!FundingLineState.isSecured(lines, cost: 1_000_000))
        lines[1] = lines[1].after(FundingStep(line: 1, status: .applied, date: "2027-01-01", amount: nil))
            .after(FundingStep(line: 1, status: .approved, date: "2027-01-05", amount: 250_000))
        #expect(FundingLineState.isSecured(lines, cost: 1_000_000))
        lines[0] = lines[0].after(FundingStep(line: 0, status: .paidOut, date: "2027-03-01", amount: 100_000))
            .after(FundingStep(line: 0, status: .paidOut, date: "2027-04-01", amount: 50_000))
        #expect(lines[0].paid == 150_000 && lines[0].approved == 750_000)
        #expect(Self.lines[1].after(FundingStep(line: 1, status: .rejected, date: "2027-01-05", amount: nil)).approved == 0)
    }

    @Test("each bad part is named: an unknown line, a skipped step, a future day, a missing amount, paying more than approved")
    func refusals() throws {
        let facts = ProgressInputTests.facts
        func fields(_ input: FundingInput, _ lines: [FundingLineState] = Self.lines) -> [String] {
            do { _ = try input.validate(facts, lines: lines); return [] } catch { return error.errors.map(\.field) }
        }
        #expect(try Self.input("0", "applied").validate(facts, lines: Self.lines) == FundingStep(line: 0, status: .applied, date: "2027-02-01", amount: nil))
        #expect(fields(Self.input("7", "applied")) == ["fundingLine"])
        #expect(fields(Self.input("0", "approved", amount: "750.000")) == ["fundingStatus"], "not applied for yet")
        #expect(fields(Self.input("0", "applied", date: "2099-01-01")) == ["fundingDate"])
        var applied = Self.lines
        applied[0].status = .applied
        #expect(fields(Self.input("0", "approved"), applied) == ["fundingAmount"])
        #expect(try Self.input("0", "approved", amount: "750.000").validate(facts, lines: applied).amount == 750_000)
        var approved = applied
        approved[0] = applied[0].after(FundingStep(line: 0, status: .approved, date: "2027-02-01", amount: 750_000))
        #expect(fields(Self.input("0", "paid_out", amount: "800.000"), approved) == ["fundingAmount"])
    }
}
