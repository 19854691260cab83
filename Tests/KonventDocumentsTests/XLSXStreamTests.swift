import Foundation
@testable import KonventDocuments
import Testing

@Suite("Spreadsheets written in pieces")
struct XLSXStreamTests {
    @Test("columns A…Z, AA…; days as the spreadsheet's day numbers")
    func references() {
        #expect([0, 25, 26, 701, 702].map(XLSXStream.column) == ["A", "Z", "AA", "ZZ", "AAA"])
        #expect(XLSXStream.serial("1970-01-01") == 25_569)
        #expect(XLSXStream.serial("2026-12-01") == 46_357)
        #expect(XLSXStream.serial("1900-03-01") == 61)
        #expect(XLSXStream.serial("kein Tag") == nil)
    }

    @Test("20,000 rows in many deflated pieces make one sound ZIP: every checksum and size right, every row there")
    func pieces() throws {
        var sheet = XLSXStream(sheet: "Beiträge [alle]", header: ["Nr.", "Titel", "Tag"])
        var bytes = sheet.start(), pieces = 0
        for number in 1...20_000 {
            let piece = sheet.append([.number(number), .text("Straße <\(number)> & \"Ü\"\nzweite Zeile"), .day("2026-05-\(number % 28 + 1)")])
            if !piece.isEmpty { pieces += 1 }
            bytes += piece
        }
        bytes += sheet.finish()
        #expect(pieces > 10, "written as it goes, not at the end")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-xlsx-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("table.xlsx")
        try Data(bytes).write(to: file)
        // Python's zipfile checks every entry's CRC-32 and sizes against the data descriptors and the directory.
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            sheet = z.read('xl/worksheets/sheet1.xml').decode('utf-8')
            print(sheet.count('<row '), sheet.count('Straße &lt;'), 'name="Beiträge alle"' in z.read('xl/workbook.xml').decode('utf-8'))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(printed.trimmingCharacters(in: .whitespacesAndNewlines) == "20001 20000 True")
    }
}
