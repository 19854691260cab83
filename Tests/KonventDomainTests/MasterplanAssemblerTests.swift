import KonventDomain
import Testing

@Suite("Masterplan: assembling the document")
struct MasterplanAssemblerTests {
    @Test("written markup becomes numbered paragraphs, lists and subheadings")
    func parse() {
        let blocks = MasterplanDocument.Block.parse("Erster Absatz\nmit zwei Zeilen.\n\n## Zwischentitel\n\n- eins\n- zwei\n\nZweiter.", chapter: "region")
        #expect(blocks == [
            .paragraph(id: "region-1", text: "Erster Absatz mit zwei Zeilen."), .heading(level: 2, text: "Zwischentitel", anchor: nil),
            .list(["eins", "zwei"]), .paragraph(id: "region-2", text: "Zweiter."),
        ])
    }

    @Test("the office's chapters around one chapter per field with its adopted measures, and the figures")
    func assemble() throws {
        let region = try testRegion()
        let assembler = MasterplanAssembler(region: region, language: .de) { key, arguments in
            arguments.isEmpty ? key : key + "(" + arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + ")"
        }
        let content = MeasureContent(
            kind: .project, title: "Gründerzentrum Plauen", goal: "Mehr Gründungen.", description: "Ein Zentrum.",
            fields: [region.fieldsOfAction[0].key], territories: [], sponsor: "Stadt Plauen", partners: "", estimatedCost: 1_250_000,
            financing: [FinancingLine(source: .state, programme: "Strukturentwicklung", amount: 1_250_000)], timeframe: "2027",
            indicators: [Indicator(name: "Gründungen", target: "40")], maturity: .ready, leadMinistry: "smwa")
        let measure = Measure(id: MeasureID(1), code: "WT-10", state: .adoptedWithConditions, version: 3, content: content, updatedAt: 0,
                              stateReason: nil)
        let planned = PlannedMeasure(measure: measure, ministries: ["smwa"], conditions: "Kofinanzierung nachweisen.", decidedOn: "2026-10-19",
                                     sources: ["Gründer brauchen Räume"])
        let document = assembler.document(
            written: ["foreword": "Liebe Leserinnen und Leser."], measures: [planned],
            figures: PlanFigures(formats: 48, contributions: 420, supports: 2500, comments: 900, takenUp: 70,
                                 byDistrict: [region.districts[0].officialKey: 100], byField: [region.fieldsOfAction[0].key: 7]),
            status: "Entwurf")
        #expect(document.chapters.map(\.key) == ["foreword", "region", "analysis"] + region.fieldsOfAction.map { "field-\($0.key)" }
            + ["process", "participation", "implementation"])
        #expect(document.chapters[0].blocks == [.paragraph(id: "foreword-1", text: "Liebe Leserinnen und Leser.")])
        #expect(document.chapters[1].blocks == [.paragraph(id: "region-1", text: "masterplan.chapter.empty")])
        let field = document.chapters[3]
        #expect(field.blocks.contains(.heading(level: 2, text: "WT-10 Gründerzentrum Plauen", anchor: "measure-WT-10")))
        #expect(field.blocks.contains(.paragraph(id: "field-\(region.fieldsOfAction[0].key)-2",
                                                 text: "masterplan.field.summary(cost=1.250.000 €,count=1)")))
        #expect(field.blocks.contains(.paragraph(id: "field-\(region.fieldsOfAction[0].key)-WT-10-conditions",
                                                 text: "masterplan.conditions(text=Kofinanzierung nachweisen.)")))
        #expect(field.blocks.contains(.list(["Gründungen: 40"])))
        #expect(document.chapters.first { $0.key == "process" }?.blocks == [.paragraph(id: "process-1", text: "masterplan.chapter.empty")])
        let participation = try #require(document.chapters.first { $0.key == "participation" })
        let figures = participation.blocks.compactMap { block -> Figure? in
            if case .figure(let figure) = block { return figure }
            return nil
        }
        #expect(figures.map(\.kind) == [.map, .bars], "the map of the districts and the chart of the fields")
        #expect(figures[0].items.map(\.key) == region.districts.map(\.officialKey))
        #expect(figures[0].items[0].value == 100_000 / Double(region.districts[0].population))
        #expect(figures[0].legend.count == Figure.classColours.count)
        #expect(figures[1].items.map(\.text) == region.fieldsOfAction.indices.map { $0 == 0 ? "7" : "0" })
        #expect(document.paragraphs.first?.id == "foreword-1")
        #expect(assembler.number(1_234_567) == "1.234.567")
        #expect(MasterplanAssembler(region: region, language: .en) { k, _ in k }.euros(1_234_567) == "€1,234,567")
    }
}

@Suite("Masterplan: comparing versions, writing CSV")
struct MasterplanComparisonTests {
    @Test("only changed chapters, as a line diff")
    func compare() {
        let old = MasterplanDocument(title: "P", status: "1", chapters: [
            .init(key: "a", title: "A", written: true, blocks: [.paragraph(id: "a-1", text: "gleich"), .paragraph(id: "a-2", text: "alt")]),
            .init(key: "b", title: "B", written: true, blocks: [.list(["eins"])]),
        ], attribution: "")
        var new = old
        new.chapters[0].blocks[1] = .paragraph(id: "a-2", text: "neu")
        let changes = MasterplanComparison.chapters(from: old, to: new)
        #expect(changes == [.init(title: "A", lines: [.same("gleich"), .removed("alt"), .added("neu")])])
        #expect(MasterplanComparison.chapters(from: old, to: old).isEmpty)
    }

    @Test("CSV cells: quoted when needed, never a formula")
    func csv() {
        #expect(CSVTable.field("Straße") == "Straße")
        #expect(CSVTable.field("a;b") == "\"a;b\"")
        #expect(CSVTable.field("er sagte \"ja\"") == "\"er sagte \"\"ja\"\"\"")
        #expect(CSVTable.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVTable.field("-5") == "'-5")
    }
}
