import Foundation
import KonventDomain
import KonventTestSupport
import KonventWeb
import Testing

/// The relays offices use: port 587, STARTTLS before anything else, then AUTH. The server here is a
/// real SMTP server (aiosmtpd) on loopback with a certificate the client is told to trust.
@Suite("Mail relays")
struct MailRelayTests {
    func mail(_ subject: String = "Bestätigung") throws -> OutgoingMail {
        OutgoingMail(recipient: try EmailAddress("person@example.org"), subject: subject, body: "Grüße aus dem Erzgebirge")
    }

    func relay(_ sink: SMTPSink, _ query: String, credentials: String = "konvent:geheim%21") throws -> SMTPConfiguration {
        try SMTPConfiguration(url: "smtp://\(credentials)@127.0.0.1:\(sink.port)?\(query)&ca=\(SMTPSink.certificate)")
    }

    @Test("STARTTLS, then AUTH, then the mail; greeting and Message-ID under the installation's host")
    func startTLSAndAuth() async throws {
        let sink = try SMTPSink(startTLS: true, credentials: ("konvent", "geheim!"))
        defer { sink.stop() }
        let client = SMTPClient(configuration: try relay(sink, "starttls=required"), from: "Konvent <k@example.org>",
                                domain: "konvent.example.org")
        try await client.send(try mail())
        let received = try #require(try await sink.waitForMail().first)
        #expect(received.headers["x-sink-tls"] == "yes")
        #expect(received.headers["x-sink-auth"] == "konvent")
        #expect(received.headers["x-sink-helo"] == "konvent.example.org")
        #expect(received.headers["message-id"]?.hasSuffix("@konvent.example.org>") == true)
        #expect(received.body == "Grüße aus dem Erzgebirge")
    }

    @Test("a wrong password is refused by the server and named as AUTH, without the password")
    func wrongPassword() async throws {
        let sink = try SMTPSink(startTLS: true, credentials: ("konvent", "richtig"))
        defer { sink.stop() }
        let client = SMTPClient(configuration: try relay(sink, "starttls=required", credentials: "konvent:falsch"), from: "k@example.org")
        await #expect {
            try await client.send(try mail())
        } throws: { error in
            guard case SMTPError.unexpectedReply(let step, let reply) = error else { return false }
            return step == "AUTH" && reply.hasPrefix("535") && !"\(error)".contains("falsch")
        }
        #expect(try sink.messages().isEmpty)
    }

    @Test("required STARTTLS with a server that offers none: no mail and no password leave")
    func requiredButNotOffered() async throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let client = SMTPClient(
            configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:\(sink.port)?starttls=required"), from: "k@example.org")
        await #expect(throws: SMTPError.startTLSUnavailable) { try await client.send(try mail()) }
        #expect(try sink.messages().isEmpty)
        // Opportunistic falls back to the plain connection.
        let opportunistic = SMTPClient(
            configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:\(sink.port)?starttls=opportunistic"), from: "k@example.org")
        try await opportunistic.send(try mail())
        #expect(try await sink.waitForMail().first?.headers["x-sink-tls"] == "no")
    }

    @Test("a certificate the client does not trust stops the delivery before AUTH")
    func untrustedCertificate() async throws {
        let sink = try SMTPSink(startTLS: true, credentials: ("konvent", "geheim"))
        defer { sink.stop() }
        // The system's authorities do not know the test certificate.
        let configuration = try SMTPConfiguration(url: "smtp://konvent:geheim@127.0.0.1:\(sink.port)?starttls=required")
        await #expect(throws: (any Error).self) { try await SMTPClient(configuration: configuration, from: "k@example.org").send(try mail()) }
        #expect(try sink.messages().isEmpty)
    }

    @Test("credentials are not sent in plain text to a relay elsewhere; a relay without AUTH is named")
    func noPlainCredentials() async throws {
        // Refused before any connection (the host does not even need to exist).
        let elsewhere = SMTPClient(configuration: SMTPConfiguration(host: "mail.invalid", port: 25, username: "u", password: "p"),
                                   from: "k@example.org")
        await #expect(throws: SMTPError.credentialsWithoutTLS) { try await elsewhere.send(try mail()) }
        #expect(throws: ConfigurationErrorMessage.self) { try SMTPConfiguration(url: "smtp://u:p@mail.example.org:25") }
        // On loopback plain AUTH is allowed, but this sink offers no AUTH at all.
        let sink = try SMTPSink()
        defer { sink.stop() }
        let plain = SMTPClient(configuration: SMTPConfiguration(host: "127.0.0.1", port: sink.port, username: "u", password: "p"),
                               from: "k@example.org")
        await #expect(throws: SMTPError.noAuthMechanism(offered: "")) { try await plain.send(try mail()) }
        #expect(try sink.messages().isEmpty)
    }

    @Test("SMTP URLs: submission with STARTTLS, an office's CA, and clear refusals")
    func urls() throws {
        let ca = SMTPSink.certificate
        let relay = try SMTPConfiguration(url: "smtp://konvent:p%40ss@mail.example.org:587?starttls=required&ca=\(ca)")
        #expect(relay == SMTPConfiguration(host: "mail.example.org", port: 587, startTLS: .required, username: "konvent",
                                           password: "p@ss", certificateAuthorities: ca))
        #expect(relay.description == "smtp://konvent@mail.example.org:587?starttls=required")
        #expect(!relay.description.contains("p@ss"))
        for bad in ["smtp://h?starttls=sometimes", "smtps://h?starttls=required", "smtp://h?ca=/nonexistent.pem",
                    "smtp://h?tls=1", "smtp://user@h"] {
            #expect(throws: ConfigurationErrorMessage.self, "\(bad)") { try SMTPConfiguration(url: bad) }
        }
    }
}
