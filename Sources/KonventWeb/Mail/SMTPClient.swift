import Foundation
import KonventDomain
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client (RFC 5321): one connection per mail, plain text in UTF-8, base64 encoded;
/// STARTTLS (RFC 3207) and AUTH PLAIN or LOGIN (RFC 4954) for the relays offices use.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    /// The sender as written in the From header, for example `Konvent <konvent@example.org>`.
    public let from: String
    /// The name this installation greets with (EHLO) and ends its Message-IDs with: the base URL's host.
    public let domain: String

    public init(configuration: SMTPConfiguration, from: String, domain: String = "konvent.localhost") {
        self.configuration = configuration
        self.from = from
        self.domain = domain
    }

    public func send(_ mail: OutgoingMail, timeout: Duration = .seconds(30)) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.deliver(mail) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw SMTPError.timeout
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private func deliver(_ mail: OutgoingMail) async throws {
        let configuration = self.configuration
        // Fails before connecting when nothing could encrypt the password; with opportunistic STARTTLS
        // only the server's answer tells, so that case is refused after EHLO below.
        if configuration.username != nil, !configuration.sendsCredentialsEncrypted, configuration.startTLS == .off {
            throw SMTPError.credentialsWithoutTLS
        }
        let tls = try tlsContext()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if configuration.useTLS {
                        try channel.pipeline.syncOperations.addHandler(try tlsHandler(tls))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = ReplyReader(inbound.makeAsyncIterator())
            @discardableResult
            func command(_ line: String, expect codes: Set<Int>, shown: String? = nil) async throws -> [String] {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                return try await replies.expect(codes, after: shown ?? line)
            }
            try await replies.expect([220], after: "connect")
            var capabilities = Capabilities(try await command("EHLO \(domain)", expect: [250]))
            var encrypted = configuration.useTLS
            if configuration.startTLS != .off, !encrypted {
                if capabilities.offers("STARTTLS") {
                    try await command("STARTTLS", expect: [220])
                    // First in the pipeline, so that everything from here on goes through TLS.
                    try await channel.channel.eventLoop.submit {
                        try channel.channel.pipeline.syncOperations.addHandler(try tlsHandler(tls), position: .first)
                    }.get()
                    encrypted = true
                    capabilities = Capabilities(try await command("EHLO \(domain)", expect: [250]))
                } else if configuration.startTLS == .required {
                    throw SMTPError.startTLSUnavailable
                }
            }
            if let user = configuration.username, let password = configuration.password {
                guard encrypted || configuration.mayAuthenticateInPlain else { throw SMTPError.credentialsWithoutTLS }
                if capabilities.authMechanisms.contains("PLAIN") {
                    let credentials = Data("\0\(user)\0\(password)".utf8).base64EncodedString()
                    try await command("AUTH PLAIN \(credentials)", expect: [235], shown: "AUTH")
                } else if capabilities.authMechanisms.contains("LOGIN") {
                    try await command("AUTH LOGIN", expect: [334], shown: "AUTH")
                    try await command(Data(user.utf8).base64EncodedString(), expect: [334], shown: "AUTH")
                    try await command(Data(password.utf8).base64EncodedString(), expect: [235], shown: "AUTH")
                } else {
                    throw SMTPError.noAuthMechanism(offered: capabilities.authMechanisms.sorted().joined(separator: " "))
                }
            }
            try await command("MAIL FROM:<\(Self.address(in: from))>", expect: [250])
            try await command("RCPT TO:<\(mail.recipient.value)>", expect: [250, 251])
            try await command("DATA", expect: [354])
            try await outbound.write(ByteBuffer(string: message(mail) + "\r\n.\r\n"))
            try await replies.expect([250], after: "message")
            try await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }

    /// The system's certificate authorities, or the configured file's (an office's own CA).
    private func tlsContext() throws -> NIOSSLContext? {
        guard configuration.useTLS || configuration.startTLS != .off else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = configuration.certificateAuthorities { tls.trustRoots = .file(file) }
        return try NIOSSLContext(configuration: tls)
    }

    /// The certificate is checked against the host name, or against the address when the URL names one
    /// (an address cannot be sent as the TLS server name).
    private func tlsHandler(_ context: NIOSSLContext?) throws -> NIOSSLClientHandler {
        guard let context else { throw SMTPError.startTLSUnavailable }
        let host = configuration.host
        return try NIOSSLClientHandler(context: context, serverHostname: HostName.isAddress(host) ? nil : host)
    }

    /// The address between angle brackets, or the whole text when there are none.
    static func address(in sender: String) -> String {
        guard let open = sender.lastIndex(of: "<"), let close = sender.lastIndex(of: ">"), open < close else { return sender }
        return String(sender[sender.index(after: open)..<close])
    }

    /// The message with headers; every part is base64, so lines never need dot-stuffing or 8-bit
    /// transport. With attachments it is multipart/mixed: the text first, then each file.
    public func message(_ mail: OutgoingMail) -> String {
        var headers = [
            "From: \(Self.encodedDisplayName(from))",
            "To: <\(mail.recipient.value)>",
            "Subject: \(Self.encodedWord(mail.subject))",
            "Date: \(Self.rfc5322Date(Date()))",
            "Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>",
            "MIME-Version: 1.0",
        ]
        // RFC 2369: mail programs offer "unsubscribe" from it; a URL never holds a line break, but a
        // header must not be able to end early whatever it is given.
        if let link = mail.listUnsubscribe?.filter({ $0.isASCII && $0 != "\r" && $0 != "\n" && $0 != ">" }), !link.isEmpty {
            headers += ["List-Unsubscribe: <\(link)>", "Precedence: list"]
        }
        let text = ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"]
        guard !mail.attachments.isEmpty else {
            headers += text + ["Auto-Submitted: auto-generated"]
            return headers.joined(separator: "\r\n") + "\r\n\r\n" + Self.base64(mail.body)
        }
        let boundary = "konvent-\(UUID().uuidString.lowercased())"
        headers += ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "Auto-Submitted: auto-generated"]
        var parts = [text.joined(separator: "\r\n") + "\r\n\r\n" + Self.base64(mail.body)]
        for attachment in mail.attachments {
            let name = attachment.filename.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
            parts.append([
                "Content-Type: \(attachment.contentType); charset=utf-8; name=\"\(name)\"",
                "Content-Disposition: attachment; filename=\"\(name)\"",
                "Content-Transfer-Encoding: base64",
            ].joined(separator: "\r\n") + "\r\n\r\n" + Self.base64(attachment.text, keepingLineEnds: true))
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n"
            + parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--"
    }

    /// Text as base64 in lines of 76; mail text gets CRLF line ends first (a calendar file has them).
    static func base64(_ text: String, keepingLineEnds: Bool = false) -> String {
        Data((keepingLineEnds ? text : text.replacingOccurrences(of: "\n", with: "\r\n")).utf8)
            .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// RFC 2047 encoding, so that umlauts survive and a line break can never start a new header.
    static func encodedWord(_ text: String) -> String {
        "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    static func encodedDisplayName(_ sender: String) -> String {
        let address = address(in: sender)
        guard let open = sender.lastIndex(of: "<") else { return "<\(address)>" }
        let name = sender[..<open].trimmingWhitespace()
        return name.isEmpty ? "<\(address)>" : "\(encodedWord(name)) <\(address)>"
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    case unexpectedReply(step: String, reply: String)
    case connectionClosed
    case timeout
    case startTLSUnavailable
    case credentialsWithoutTLS
    case noAuthMechanism(offered: String)

    public var description: String {
        switch self {
        case .unexpectedReply(let step, let reply): "SMTP server refused \(step.prefix(20)): \(reply)"
        case .connectionClosed: "SMTP server closed the connection"
        case .timeout: "SMTP delivery timed out"
        case .startTLSUnavailable: "SMTP server does not offer STARTTLS, which the configuration requires"
        case .credentialsWithoutTLS: "SMTP credentials are sent only over TLS (add ?starttls=required or use smtps://)"
        case .noAuthMechanism(let offered): "SMTP server offers no AUTH mechanism Konvent speaks (PLAIN, LOGIN); it offers: \(offered)"
        }
    }
}

/// Reads SMTP replies, which may span several lines (`250-…` continues, `250 …` ends).
struct ReplyReader {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending: [UInt8] = []

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) { self.iterator = iterator }

    /// The reply's lines when its code is one of `codes`.
    @discardableResult
    mutating func expect(_ codes: Set<Int>, after step: String) async throws -> [String] {
        let (code, lines) = try await reply()
        guard codes.contains(code) else {
            throw SMTPError.unexpectedReply(step: step.hasPrefix("AUTH") ? "AUTH" : step, reply: lines.joined(separator: " | "))
        }
        return lines
    }

    mutating func reply() async throws -> (Int, [String]) {
        var lines: [String] = []
        while true {
            let line = try await nextLine()
            lines.append(line)
            let bytes = Array(line.utf8)
            if bytes.count < 4 || bytes[3] == UInt8(ascii: " ") {
                return (Int(line.prefix(3)) ?? 0, lines)
            }
        }
    }

    mutating func nextLine() async throws -> String {
        while true {
            if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(pending[..<end])
                pending.removeSubrange(...end)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard var buffer = try await iterator.next() else { throw SMTPError.connectionClosed }
            pending.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        }
    }
}

/// What a server's EHLO reply offers (`250-STARTTLS`, `250 AUTH PLAIN LOGIN`, …).
struct Capabilities {
    private let lines: [[Substring]]

    init(_ reply: [String]) {
        lines = reply.dropFirst().map { $0.dropFirst(4).uppercased().split(separator: " ") }
    }

    func offers(_ keyword: String) -> Bool { lines.contains { $0.first.map(String.init) == keyword } }

    var authMechanisms: Set<String> {
        Set(lines.filter { $0.first == "AUTH" }.flatMap { $0.dropFirst().map(String.init) })
    }
}
