import KonventDomain
import Testing

@Suite("Formats: CSV, calendar, times, validation")
struct FormatsDomainTests {
    @Test("CSV: semicolons or commas, quotes with separators and line breaks, doubled quotes, BOM, CRLF")
    func csv() throws {
        let text = "\u{FEFF}Kind;Title;Text\r\nidea;\"Eins; zwei\";\"Zeile 1\nZeile 2\"\r\nidea;\"Er sagte \"\"Hallo\"\"\";x\r\n\r\n"
        let table = try CSVTable.parse(Array(text.utf8))
        #expect(table.delimiter == ";")
        #expect(table.header == ["kind", "title", "text"])
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.rows[0].cells == ["idea", "Eins; zwei", "Zeile 1\nZeile 2"])
        #expect(table.rows[1].cells[1] == "Er sagte \"Hallo\"")
        #expect(try CSVTable.parse(Array("a,b\n1,2".utf8)).rows[0].cells == ["1", "2"], "comma, no final line break")
    }

    @Test("CSV problems are named with their line")
    func csvProblems() {
        #expect(throws: CSVTable.Problem.encoding(line: 2)) { try CSVTable.parse(Array("a;b\n\u{00FC}".utf8.dropLast()) + [0xFC, 0x0A]) }
        #expect(throws: CSVTable.Problem.unclosedQuote(line: 2)) { try CSVTable.parse(Array("a;b\n\"offen;x\n".utf8)) }
        #expect(throws: CSVTable.Problem.empty) { try CSVTable.parse(Array("\n\n".utf8)) }
        let many = "a\n" + String(repeating: "x\n", count: CSVTable.rowLimit + 1)
        #expect(throws: CSVTable.Problem.tooManyRows(limit: CSVTable.rowLimit)) { try CSVTable.parse(Array(many.utf8)) }
    }

    @Test("iCalendar: escaping, folding at 75 octets without splitting a character, UTC stamps")
    func calendar() {
        let text = ICalendar.calendar(name: "Formate", events: [ICalendar.Event(
            uid: "format-1@example.org", start: 1_780_502_400_000, end: 1_780_509_600_000, stamp: 0,
            summary: "Workshop; Mobilität, Bahn\\Bus", description: String(repeating: "Ü", count: 60) + "\nEnde",
            location: "", url: "https://example.org/formats/1")])
        #expect(text.contains("SUMMARY:Workshop\\; Mobilität\\, Bahn\\\\Bus\r\n"))
        #expect(text.contains("DTSTART:20260603T160000Z\r\n"))
        #expect(text.contains("DTSTAMP:19700101T000000Z\r\n"))
        #expect(!text.contains("LOCATION"), "empty properties are left out")
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75)
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:" + String(repeating: "Ü", count: 60) + "\\nEnde\r\n"))
    }

    @Test("local date-times: the form's format, impossible dates refused")
    func localTimes() {
        #expect(LocalDateTime("2026-02-28T18:30")?.description == "2026-02-28T18:30")
        #expect(LocalDateTime("2028-02-29 09:05:00") == LocalDateTime(year: 2028, month: 2, day: 29, hour: 9, minute: 5))
        for bad in ["2026-02-29T10:00", "2026-13-01T10:00", "2026-01-01T24:00", "2026-01-01", "morgen", ""] {
            #expect(LocalDateTime(bad) == nil, "\(bad)")
        }
    }

    @Test("a format form is checked against the rules and the region; the time zone places the times")
    func formatValidation() throws {
        let region = try testRegion()
        var input = FormatDraft.Input()
        input.kind = "workshop"
        input.title = "Workshop Mobilität"
        input.description = "Wir sammeln Ideen für Bus und Bahn."
        input.fields = ["wirtschaft"]
        input.district = "14521"
        input.place = "Rathaus"
        input.start = "2026-06-03T18:00"
        input.end = "2026-06-03T20:00"
        let draft = try FormatDraft.validate(input, region: region) { local in Int64(local.hour) * 3_600_000 }
        #expect(draft.startsAt == 18 * 3_600_000 && draft.capacity == nil)
        input.onlineURL = "javascript:alert(1)"
        input.capacity = "0"
        input.municipality = "14511000"
        input.place = ""
        input.end = "2026-06-03T17:00"
        #expect(throws: ValidationFailure.self) { try FormatDraft.validate(input, region: region) { _ in 0 } }
        do {
            _ = try FormatDraft.validate(input, region: region) { local in Int64(local.hour) }
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["onlineURL", "capacity", "municipality", "place", "end"])
        }
    }

    @Test("the project profile: sponsor required, euros as people write them, need not above cost, known gates")
    func profile() throws {
        var region = try testRegion()
        region.projectGates = [.init(key: "large", question: LocalizedText(de: "Groß?"))]
        var profile = ProjectProfile.Input()
        profile.sponsor = "Stadtwerke"
        profile.estimatedCost = "1.500.000 €"
        profile.financingNeed = "1 200 000"
        profile.gates = ["large"]
        let draft = try ContributionDraft.validate(
            kind: "project_idea", title: "Wärmenetz für die Altstadt", text: "Ein Wärmenetz aus Abwärme der Betriebe.",
            fields: ["wirtschaft"], district: "14521", municipality: "", organisation: "", anonymous: false, region: region,
            organisations: [], profile: profile)
        #expect(draft.profile?.estimatedCost == 1_500_000 && draft.profile?.financingNeed == 1_200_000)
        #expect(draft.profile?.gates == ["large"])
        let idea = try ContributionDraft.validate(
            kind: "idea", title: "Wärmenetz für die Altstadt", text: "Ein Wärmenetz aus Abwärme der Betriebe.",
            fields: ["wirtschaft"], district: "14521", municipality: "", organisation: "", anonymous: false, region: region,
            organisations: [], profile: profile)
        #expect(idea.profile == nil, "only project ideas carry a profile")
        profile.sponsor = ""
        profile.financingNeed = "2.000.000"
        profile.estimatedCost = "viel"
        profile.gates = ["erfunden"]
        do {
            _ = try ContributionDraft.validate(
                kind: "project_idea", title: "Wärmenetz für die Altstadt", text: "Ein Wärmenetz aus Abwärme der Betriebe.",
                fields: ["wirtschaft"], district: "14521", municipality: "", organisation: "", anonymous: false, region: region,
                organisations: [], profile: profile)
            Issue.record("accepted a bad profile")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["profile_sponsor", "profile_estimatedCost", "profile_gates"])
        }
    }
}

func testRegion() throws -> RegionConfiguration {
    try ConfigurationTests.file().resolve(territoryTable: ConfigurationTests.table)
}

@Suite("Region configuration: time zone, gates, lookups")
struct RegionExtrasTests {
    @Test func timeZoneAndGates() throws {
        let region = try ConfigurationTests.file { json in
            json["timeZone"] = "Europe/Vienna"
            json["projectGates"] = [["key": "large", "question": ["de": "Groß?"]]]
        }.resolve(territoryTable: ConfigurationTests.table)
        #expect(region.timeZone == "Europe/Vienna")
        #expect(region.projectGates.map(\.key) == ["large"])
        #expect(try testRegion().timeZone == "Europe/Berlin", "the default")
        #expect(throws: ConfigurationError.self) {
            try ConfigurationTests.file { json in
                json["projectGates"] = [["key": "a", "question": ["de": "?"]], ["key": "a", "question": ["de": "?"]]]
            }.resolve(territoryTable: ConfigurationTests.table)
        }
    }

    @Test func territoryLookup() throws {
        let region = try testRegion()
        #expect(region.territory("14521010")?.name == "Amtsberg")
        #expect(region.territory("99999") == nil)
    }
}
