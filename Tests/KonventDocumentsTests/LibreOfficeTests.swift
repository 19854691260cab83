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
        ],
        attribution: "© GeoBasis-DE / BKG (2025)")

    @Test("ODT and DOCX open in LibreOffice with every code and title intact; the PDF renders")
    func roundTrip() throws {
        let converter = PDFConverter()
        guard converter.isAvailable else {
            #expect(!LibreOffice.required, "LibreOffice is required here but was not found")
            return
        }
        let labels = DocumentLabels(contents: "Inhalt", language: .de)
        for (suffix, bytes) in [("odt", ODTWriter.document(document, labels: labels)), ("docx", DOCXWriter.document(document, labels: labels))] {
            let text = try #require(try LibreOffice.text(of: bytes, suffix: suffix))
            for (code, title) in Self.measures { #expect(text.contains("\(code) \(title)"), "\(suffix): \(code)") }
            #expect(text.contains("Größer, grüner, gemeinsam."), "\(suffix)")
            #expect(text.contains("1.000.000 €"), "\(suffix)")
        }
        let pdf = try converter.pdf(fromODT: ODTWriter.document(document, labels: labels))
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

    @Test("without LibreOffice, PDF says so")
    func missing() {
        let converter = PDFConverter(environment: ["PATH": "/nonexistent"])
        #expect(!converter.isAvailable)
        #expect(throws: PDFConverter.Failure.converterMissing) { try converter.pdf(fromODT: []) }
    }
}
