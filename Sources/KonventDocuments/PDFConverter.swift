import Foundation

/// PDF by LibreOffice from the ODT (tagged, with bookmarks from the headings). LibreOffice is found
/// at run time (`KONVENT_SOFFICE`, else `soffice` or `libreoffice` on the PATH); without it the
/// conversion says so instead of producing something else. The table of contents gets its page
/// numbers from a first layout read back with poppler's `pdftotext` (`KONVENT_PDFTOTEXT`, else on
/// the PATH); without it the contents list the chapters alone.
public struct PDFConverter: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case converterMissing
        case conversionFailed(String)

        public var description: String {
            switch self {
            case .converterMissing: "LibreOffice (soffice) was not found; install it or set KONVENT_SOFFICE to its path"
            case .conversionFailed(let detail): "LibreOffice could not convert the document: \(detail)"
            }
        }
    }

    public let executable: String?
    public let textExtractor: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        executable = Self.find(["soffice", "libreoffice"], configured: environment["KONVENT_SOFFICE"], environment)
        textExtractor = Self.find(["pdftotext"], configured: environment["KONVENT_PDFTOTEXT"], environment)
    }

    static func find(_ names: [String], configured: String?, _ environment: [String: String]) -> String? {
        if let configured, !configured.isEmpty {
            return FileManager.default.isExecutableFile(atPath: configured) ? configured : nil
        }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return names.lazy.flatMap { name in path.map { "\($0)/\(name)" } }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Lays the document out twice: once with stand-ins for the page numbers of its contents, to
    /// learn on which page each chapter starts, and once with those numbers (the stand-ins are as
    /// wide as the numbers, so nothing moves). `odt` writes the document for what the contents say.
    public func pdf(chapters: [String], odt: (TableOfContentsPages) -> [UInt8]) throws -> [UInt8] {
        guard textExtractor != nil, !chapters.isEmpty else { return try pdf(fromODT: odt(.none)) }
        let draft = try pdf(fromODT: odt(.placeholders))
        guard let texts = try? pageTexts(draft), let pages = Self.pages(of: chapters, in: texts) else {
            return try pdf(fromODT: odt(.none))
        }
        return try pdf(fromODT: odt(.known(pages)))
    }

    /// The page (counted from 1) on which each chapter starts: the first page after the previous
    /// chapter's whose first lines (below the running header) begin with the chapter's title.
    static func pages(of chapters: [String], in pages: [String]) -> [Int]? {
        var found: [Int] = []
        var from = 1
        for chapter in chapters {
            let start = String(chapter.prefix(24))
            guard from < pages.count, let index = (from..<pages.count).first(where: { page in
                pages[page].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    .prefix(5).contains { $0.hasPrefix(start) }
            }) else { return nil }
            found.append(index + 1)
            from = index + 1
        }
        return found
    }

    /// The text of each page, by `pdftotext` (pages end with a form feed).
    public func pageTexts(_ pdf: [UInt8]) throws -> [String] {
        guard let textExtractor else { throw Failure.converterMissing }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("plan.pdf"), output = folder.appendingPathComponent("plan.txt")
        try Data(pdf).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: textExtractor)
        process.arguments = ["-enc", "UTF-8", input.path, output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure.conversionFailed("pdftotext ended with \(process.terminationStatus)") }
        var pages = String(decoding: try Data(contentsOf: output), as: UTF8.self).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    public var isAvailable: Bool { executable != nil }

    /// Converts ODT bytes to PDF bytes; runs LibreOffice with a profile of its own, so that it never
    /// meets a desktop instance, and removes everything it wrote.
    public func pdf(fromODT odt: [UInt8]) throws -> [UInt8] {
        guard let executable else { throw Failure.converterMissing }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("plan.odt")
        try Data(odt).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let filter = #"pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"ExportBookmarks":{"type":"boolean","value":"true"}}"#
        process.arguments = ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore", "--convert-to", filter,
                             "--outdir", folder.path, input.path]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = folder.appendingPathComponent("plan.pdf")
        guard process.terminationStatus == 0, let pdf = try? Data(contentsOf: output) else {
            throw Failure.conversionFailed(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return Array(pdf)
    }
}
