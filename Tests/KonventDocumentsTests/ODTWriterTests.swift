import Foundation
import KonventDocuments
import KonventDomain
import Testing

@Suite("Documents: ZIP and OpenDocument")
struct ODTWriterTests {
    let document = MasterplanDocument(
        title: "Masterplan Südwestsachsen", status: "Entwurf, Fassung 1",
        chapters: [
            .init(key: "foreword", title: "Vorwort", written: true,
                  blocks: MasterplanDocument.Block.parse("Größere Städte & kleine Gemeinden <gemeinsam>.\n\n- Straße\n- Fußweg", chapter: "foreword")),
            .init(key: "field-wirtschaft", title: "Wirtschaft", written: false, blocks: [
                .heading(level: 2, text: "WT-01 Gründerzentrum", anchor: "measure-WT-01"),
                .facts([.init("Träger", "Stadt Plauen")]),
                .table(.init(caption: "Finanzierung", header: ["Quelle", "Betrag"], rows: [["Land", "1.000 €"]], numeric: [1])),
                .figure(Figure(id: "f", kind: .bars, caption: "Kosten nach Quelle", items: [.init(key: "state", label: "Land", value: 1, text: "1.000 €")])),
            ]),
        ],
        attribution: "© GeoBasis-DE / BKG")

    @Test("CRC-32 as ZIP defines it")
    func crc() {
        #expect(ZipArchive.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipArchive.crc32([]) == 0)
    }

    @Test("an ODT package that Python's zipfile and XML parser accept, mimetype first and stored, text intact")
    func package() throws {
        let bytes = ODTWriter.document(document, labels: DocumentLabels(contents: "Inhalt", language: .de), map: nil)
        #expect(Array(bytes[30..<38]) == Array("mimetype".utf8), "the first entry's name right after its local header")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-\(UUID()).odt")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let check = """
            import sys, zipfile, xml.dom.minidom
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            first = z.infolist()[0]
            assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
            assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
            for name in ["content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"]:
                xml.dom.minidom.parseString(z.read(name))
            manifest = z.read("META-INF/manifest.xml").decode("utf-8")
            assert 'manifest:full-path="Pictures/figure-1.svg" manifest:media-type="image/svg+xml"' in manifest
            assert 'manifest:full-path="Pictures/figure-1.png" manifest:media-type="image/png"' in manifest
            xml.dom.minidom.parseString(z.read("Pictures/figure-1.svg"))
            assert z.read("Pictures/figure-1.png")[:4] == b"\\x89PNG"
            assert z.getinfo("content.xml").compress_type == zipfile.ZIP_DEFLATED
            text = z.read("content.xml").decode("utf-8")
            print(text)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", check, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let content = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(problems)")
        #expect(content.contains("Größere Städte &amp; kleine Gemeinden &lt;gemeinsam&gt;."))
        #expect(content.contains("<text:h text:style-name=\"ChapterStart\" text:outline-level=\"1\">Wirtschaft</text:h>"))
        #expect(content.contains("WT-01 Gründerzentrum"))
        #expect(content.contains("<text:list-item><text:p>Fußweg</text:p></text:list-item>"))
        #expect(content.contains("© GeoBasis-DE / BKG"))
        #expect(content.contains("<svg:title>Kosten nach Quelle</svg:title><svg:desc>Land: 1.000 €</svg:desc>"), "the figure's alternative text")
        #expect(ODTWriter.document(document, labels: DocumentLabels(contents: "Inhalt", language: .de), map: nil) == bytes, "the same document, the same bytes")
    }
}
