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
        guard let executable else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-lo-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("plan.\(suffix)")
        try Data(bytes).write(to: input)
        try run(executable, ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
                             "--outdir", folder.path, input.path])
        return try? String(contentsOf: folder.appendingPathComponent("plan.txt"), encoding: .utf8)
    }
}
