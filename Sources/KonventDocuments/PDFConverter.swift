import Foundation

/// PDF by LibreOffice from the ODT (tagged, with bookmarks from the headings). LibreOffice is found
/// at run time (`KONVENT_SOFFICE`, else `soffice` or `libreoffice` on the PATH); without it the
/// conversion says so instead of producing something else.
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

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let configured = environment["KONVENT_SOFFICE"], !configured.isEmpty {
            executable = FileManager.default.isExecutableFile(atPath: configured) ? configured : nil
            return
        }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        executable = ["soffice", "libreoffice"].lazy.flatMap { name in path.map { "\($0)/\(name)" } }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
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
