import Foundation

/// LibreOffice and poppler as the tests use them: a document's text as LibreOffice reads it, and
/// whether they are here at all. CI sets KONVENT_REQUIRE_SOFFICE, so that there they must be.
public enum LibreOffice {
    public static var required: Bool { ProcessInfo.processInfo.environment["KONVENT_REQUIRE_SOFFICE"] == "1" }

    public static var executable: String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return ["soffice", "libreoffice"].lazy.flatMap { name in path.map { "\($0)/\(name)" } }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @discardableResult
    public static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The text LibreOffice reads from a document (`suffix`: odt, docx, …); nil when it could not.
    public static func text(of bytes: [UInt8], suffix: String) throws -> String? {
        try converted(bytes, suffix: suffix, filter: "txt:Text (encoded):UTF8", result: "txt")
    }

    /// A spreadsheet (`suffix`: xlsx, ods) as LibreOffice Calc reads it, saved as CSV (UTF-8, `;`); nil when it could not.
    public static func csv(ofSpreadsheet bytes: [UInt8], suffix: String) throws -> String? {
        try converted(bytes, suffix: suffix, filter: "csv:Text - txt - csv (StarCalc):59,34,76,1", result: "csv")
    }

    static func converted(_ bytes: [UInt8], suffix: String, filter: String, result: String) throws -> String? {
        guard let executable else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-lo-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("file.\(suffix)")
        try Data(bytes).write(to: input)
        try run(executable, ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", filter,
                             "--outdir", folder.path, input.path])
        return try? String(contentsOf: folder.appendingPathComponent("file.\(result)"), encoding: .utf8)
    }

    /// A document printed by LibreOffice to PDF and rendered by poppler: the PDF's text and how many
    /// pixels on all pages have the colour `rgb` (within a small tolerance); nil when it could not.
    public static func printed(_ bytes: [UInt8], suffix: String, counting rgb: (UInt8, UInt8, UInt8)) throws -> (text: String, pixels: Int)? {
        guard let executable else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-lo-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("plan.\(suffix)"), pdf = folder.appendingPathComponent("plan.pdf")
        try Data(bytes).write(to: input)
        try run(executable, ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf", "--outdir", folder.path, input.path])
        guard try run("pdftotext", ["-enc", "UTF-8", pdf.path, folder.appendingPathComponent("plan.txt").path]) == 0,
              try run("pdftoppm", ["-r", "40", pdf.path, folder.appendingPathComponent("page").path]) == 0 else { return nil }
        var count = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".ppm") {
            count += ppmPixels(Array(try Data(contentsOf: folder.appendingPathComponent(name))), rgb)
        }
        return (try String(contentsOf: folder.appendingPathComponent("plan.txt"), encoding: .utf8), count)
    }

    /// Pixels of a colour in a binary PPM (P6, 8 bits), as pdftoppm writes it.
    static func ppmPixels(_ data: [UInt8], _ rgb: (UInt8, UInt8, UInt8)) -> Int {
        // The header is four whitespace-separated fields: P6, width, height, maximum.
        var fields = 0, index = 0
        while fields < 4, index < data.count {
            while index < data.count, [0x20, 0x0a, 0x0d, 0x09].contains(data[index]) { index += 1 }
            while index < data.count, ![0x20, 0x0a, 0x0d, 0x09].contains(data[index]) { index += 1 }
            fields += 1
        }
        index += 1
        func near(_ a: UInt8, _ b: UInt8) -> Bool { abs(Int(a) - Int(b)) <= 4 }
        var count = 0
        while index + 2 < data.count {
            if near(data[index], rgb.0), near(data[index + 1], rgb.1), near(data[index + 2], rgb.2) { count += 1 }
            index += 3
        }
        return count
    }
}
