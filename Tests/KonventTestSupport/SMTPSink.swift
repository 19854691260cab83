import Foundation

/// A real SMTP server (aiosmtpd, from `scripts/smtp_sink.py`) on loopback, started for one test.
/// Mails arrive as files; `waitForMail` reads them back.
public final class SMTPSink: Sendable {
    public let port: Int
    public let folder: URL
    private let process: Process
    private let input: Pipe

    /// The certificate the sink presents with STARTTLS (self-signed for 127.0.0.1, test-only).
    public static var certificate: String {
        repository.appendingPathComponent("Tests/Fixtures/smtp-tls/cert.pem").path
    }

    private static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A plain sink, or with `startTLS` one that requires STARTTLS and with `credentials` also AUTH,
    /// as an office's relay on port 587 does.
    public init(startTLS: Bool = false, credentials: (user: String, password: String)? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = Self.repository.appendingPathComponent("scripts/smtp_sink.py")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = ["python3", script.path, folder.path]
        if startTLS {
            arguments += ["--tls-cert", Self.certificate,
                          "--tls-key", Self.repository.appendingPathComponent("Tests/Fixtures/smtp-tls/key.pem").path]
        }
        if let credentials { arguments += ["--auth", "\(credentials.user):\(credentials.password)"] }
        process.arguments = arguments
        let output = Pipe()
        input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableLine(), as: UTF8.self)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw SinkError.notStarted(
                "the SMTP sink did not start (is aiosmtpd installed? `pip install aiosmtpd`); it said: \(line)")
        }
        self.port = port
    }

    public func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The raw messages received so far, oldest first.
    public func messages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.sorted()
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    }

    public func waitForMail(count: Int = 1, timeout: Duration = .seconds(10)) async throws -> [ReceivedMail] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let raw = try messages()
            if raw.count >= count { return raw.map(ReceivedMail.init) }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw SinkError.timeout("expected \(count) mail(s), got \(try messages().count)")
    }

    public enum SinkError: Error {
        case notStarted(String)
        case timeout(String)
    }
}

/// A received mail with its decoded subject and body.
public struct ReceivedMail: Sendable {
    public var raw: String
    public var headers: [String: String] = [:]
    public var body = ""
    /// Files of a multipart message: their names and decoded text.
    public var attachments: [(filename: String, contentType: String, text: String)] = []

    init(_ raw: String) {
        self.raw = raw
        let (headers, content) = Self.split(raw.replacingOccurrences(of: "\r\n", with: "\n"))
        self.headers = headers
        if let type = headers["content-type"], type.hasPrefix("multipart/"),
           let boundary = type.components(separatedBy: "boundary=\"").dropFirst().first?.components(separatedBy: "\"").first {
            let parts = content.components(separatedBy: "--\(boundary)").dropFirst().filter { !$0.hasPrefix("--") }
            for part in parts {
                let (partHeaders, partContent) = Self.split(String(part.drop { $0 == "\n" }))
                let text = Self.decoded(partContent)
                if let disposition = partHeaders["content-disposition"], disposition.hasPrefix("attachment") {
                    let name = disposition.components(separatedBy: "filename=\"").dropFirst().first?.components(separatedBy: "\"").first ?? ""
                    attachments.append((name, partHeaders["content-type"] ?? "", text))
                } else if body.isEmpty {
                    body = text.replacingOccurrences(of: "\r\n", with: "\n")
                }
            }
        } else {
            body = Self.decoded(content).replacingOccurrences(of: "\r\n", with: "\n")
        }
    }

    static func split(_ text: String) -> ([String: String], String) {
        let parts = text.components(separatedBy: "\n\n")
        var headers: [String: String] = [:]
        for line in parts[0].split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (headers, parts.dropFirst().joined(separator: "\n\n"))
    }

    static func decoded(_ content: String) -> String {
        let encoded = content.replacingOccurrences(of: "\n", with: "")
        return Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } ?? encoded
    }

    public var recipient: String? { headers["x-envelope-to"] }

    /// The subject with RFC 2047 encoded words decoded.
    public var subject: String {
        let value = headers["subject"] ?? ""
        guard value.hasPrefix("=?UTF-8?B?"), value.hasSuffix("?=") else { return value }
        let encoded = value.dropFirst(10).dropLast(2)
        return Data(base64Encoded: String(encoded)).map { String(decoding: $0, as: UTF8.self) } ?? value
    }

    /// The first link in the body that starts with the given prefix.
    public func link(startingWith prefix: String) -> String? {
        body.split(whereSeparator: \.isWhitespace).map(String.init).first { $0.hasPrefix(prefix) }
    }
}

extension FileHandle {
    /// Reads up to the first newline (the sink's one status line).
    func availableLine() -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk = readData(ofLength: 1)
            guard let byte = chunk.first else { return bytes }
            if byte == UInt8(ascii: "\n") { return bytes }
            bytes.append(byte)
        }
    }
}
