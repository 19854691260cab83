import Foundation
import KonventDocuments
import KonventDomain
import KonventTestSupport
import Testing

/// LibreOffice opens what Konvent writes: ODT and DOCX converted to text keep every measure's code and
/// title with umlauts and ß; the PDF renders to images. CI installs LibreOffice and poppler and sets
/// KONVENT_REQUIRE_SOFFICE, so that there a missing converter fails instead of skipping.
@Suite("Documents through LibreOffice", .serialized)
struct LibreOfficeTests {
    static let measures = [("WT-01", "Gründerzentrum Plauen – Straße der Ideen"), ("BF-02", "Ausbildungsverbund Erzgebirge"),
                           ("DV-03", "Ärztehäuser im ländlichen Raum")]

    let document = MasterplanDocument(
        title: "Masterplan Region Chemnitz/Südwestsachsen", status: "Entwurf, Fassung 1",
        chapters: [
            .init(key: "foreword", title: "Vorwort", written: true, blocks: [.paragraph(id: "foreword-1", text: "Größer, grüner, gemeinsam.")]),
            .init(key: "field", title: "Wirtschaft und Fachkräfte", written: false, blocks: measures.flatMap { code, title in
                [MasterplanDocument.Block.heading(level: 2, text: "\(code) \(title)", anchor: nil),
                 .facts([.init("Träger", "Landkreis Zwickau")]),
                 .table(.init(caption: "Finanzierung von \(code)", header: ["Quelle", "Betrag"], rows: [["Land", "1.000.000 €"]], numeric: [1]))]
            }),
            .init(key: "participation", title: "Beteiligung", written: false, blocks: [
                .figure(Figure(id: "fields", kind: .bars, caption: "Beiträge nach Handlungsfeld", items: [
                    .init(key: "wt", label: "Wirtschaft & Innovation", value: 120, text: "120"),
                    .init(key: "bf", label: "Bildung und Fachkräfte", value: 80, text: "80"),
                ])),
                .figure(Figure(id: "map", kind: .map, caption: "Beiträge je 1.000 Einwohner", items: [
                    .init(key: "west", label: "Vogtlandkreis", value: 0.2, text: "0,20"), .init(key: "east", label: "Erzgebirgskreis", value: 0.4, text: "0,40"),
                ], legend: ["0,20–0,24", "0,24–0,28", "0,28–0,32", "0,32–0,36", "0,36–0,40"])),
            ]),
        ],
        attribution: "© GeoBasis-DE / BKG (2025)")

    let map = ProjectedMap(RegionMap(shapes: [
        "west": [[.init(longitude: 12.0, latitude: 50.3), .init(longitude: 12.5, latitude: 50.2), .init(longitude: 12.5, latitude: 50.7),
                  .init(longitude: 12.1, latitude: 50.6)]],
        "east": [[.init(longitude: 12.5, latitude: 50.2), .init(longitude: 13.2, latitude: 50.4), .init(longitude: 13.0, latitude: 50.8),
                  .init(longitude: 12.5, latitude: 50.7)]],
    ]), width: 400)

    @Test("ODT and DOCX open in LibreOffice with every code and title intact; the PDF renders")
    func roundTrip() throws {
        let converter = PDFConverter()
        guard converter.isAvailable else {
            #expect(!LibreOffice.required, "LibreOffice is required here but was not found")
            return
        }
        let labels = DocumentLabels(contents: "Inhalt", language: .de)
        for (suffix, bytes) in [("odt", ODTWriter.document(document, labels: labels, map: map)), ("docx", DOCXWriter.document(document, labels: labels, map: map))] {
            let text = try #require(try LibreOffice.text(of: bytes, suffix: suffix))
            for (code, title) in Self.measures { #expect(text.contains("\(code) \(title)"), "\(suffix): \(code)") }
            #expect(text.contains("Größer, grüner, gemeinsam."), "\(suffix)")
            #expect(text.contains("1.000.000 €"), "\(suffix)")
        }
        let pdf = try converter.pdf(fromODT: ODTWriter.document(document, labels: labels, map: map))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-pdf-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(pdf).write(to: folder.appendingPathComponent("plan.pdf"))
        #expect(try LibreOffice.run("pdftoppm", ["-png", "-r", "30", folder.appendingPathComponent("plan.pdf").path,
                                          folder.appendingPathComponent("page").path]) == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }
        #expect(pages.count >= 3, "title page and a page per chapter")
    }

    @Test("charts and the map come through: printed from ODT and from DOCX, their colours are on the page")
    func figures() throws {
        guard LibreOffice.executable != nil else {
            #expect(!LibreOffice.required, "LibreOffice is required here but was not found")
            return
        }
        let labels = DocumentLabels(contents: "Inhalt", language: .de)
        let bar = (UInt8(0x1b), UInt8(0x5a), UInt8(0x96)), lightest = (UInt8(0xe8), UInt8(0xf1), UInt8(0xfa))
        for (suffix, bytes) in [("odt", ODTWriter.document(document, labels: labels, map: map)),
                                ("docx", DOCXWriter.document(document, labels: labels, map: map))] {
            let bars = try #require(try LibreOffice.printed(bytes, suffix: suffix, counting: bar))
            #expect(bars.pixels > 200, "\(suffix): the bars and the darkest district are drawn (\(bars.pixels) pixels)")
            let light = try #require(try LibreOffice.printed(bytes, suffix: suffix, counting: lightest))
            #expect(light.pixels > 200, "\(suffix): the district with the smallest value is drawn in the lightest class (\(light.pixels) pixels)")
            #expect(bars.text.contains("Beiträge nach Handlungsfeld") && bars.text.contains("Beiträge je 1.000 Einwohner"), "\(suffix): captions")
        }
        // From ODT, LibreOffice draws the SVG itself, so the labels in the charts are text in the PDF.
        let odt = try #require(try LibreOffice.printed(ODTWriter.document(document, labels: labels, map: map), suffix: "odt", counting: bar))
        #expect(odt.text.contains("Wirtschaft & Innovation") && odt.text.contains("0,36–0,40"))
        let withoutMap = ODTWriter.document(document, labels: labels, map: nil)
        let plain = try #require(try LibreOffice.printed(withoutMap, suffix: "odt", counting: lightest))
        #expect(plain.pixels < 20, "without outlines the map is left out, the chart stays (\(plain.pixels) pixels, antialiased edges)")
    }

    @Test("the PDF prints well: page numbers and a running header on every page, contents with each chapter's page")
    func printed() throws {
        let converter = PDFConverter()
        guard converter.isAvailable, converter.textExtractor != nil else {
            #expect(!LibreOffice.required, "LibreOffice and pdftotext are required here but were not found")
            return
        }
        let labels = DocumentLabels(contents: "Inhalt", language: .de, page: "Seite", of: "von")
        let pdf = try converter.pdf(chapters: document.chapters.map(\.title)) { ODTWriter.document(document, labels: labels, map: map, pages: $0) }
        let pages = try converter.pageTexts(pdf)
        #expect(pages.count >= 4, "the title page with the contents, and each chapter on pages of its own")
        for (index, text) in pages.enumerated() {
            #expect(text.contains("Seite \(index + 1) von \(pages.count)"), "page \(index + 1) shows its number: \(text.suffix(80))")
            #expect(text.contains("Masterplan Region Chemnitz/Südwestsachsen · Entwurf, Fassung 1"), "page \(index + 1) has the running header")
        }
        // The contents give each chapter the page it starts on.
        let start = { (title: String) in pages.firstIndex { $0.split(separator: "\n").dropFirst().prefix(4).contains { $0.hasPrefix(title) } }.map { $0 + 1 } }
        for chapter in document.chapters {
            let page = try #require(start(chapter.title), "\(chapter.title) starts on a page")
            let entry = try Regex("\(chapter.title)[ .…\\t]*\(page)\\b")
            #expect(pages[0].contains(entry), "contents: \(chapter.title) … \(page) in \(pages[0])")
        }
        #expect(!pages[0].contains("00"), "no stand-in is left")
        // DOCX carries the same as fields: LibreOffice prints them with their numbers.
        let docx = try #require(try LibreOffice.printed(DOCXWriter.document(document, labels: labels, map: map), suffix: "docx",
                                                         counting: (0x1b, 0x5a, 0x96)))
        #expect(docx.text.contains("Seite 2 von") && docx.text.contains("Masterplan Region Chemnitz/Südwestsachsen · Entwurf, Fassung 1"))
    }

    @Test("without LibreOffice, PDF says so")
    func missing() {
        let converter = PDFConverter(environment: ["PATH": "/nonexistent"])
        #expect(!converter.isAvailable)
        #expect(throws: PDFConverter.Failure.converterMissing) { try converter.pdf(fromODT: []) }
    }
}
