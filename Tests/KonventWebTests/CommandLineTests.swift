import Foundation
import KonventStorage
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs the built `konvent` executable as an operator would and checks exit codes and messages.
struct Konvent {
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("konvent")
    }

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["KONVENT_BCRYPT_COST": "4", "LOG_LEVEL": "warning"].merging(environment) { $1 }) { $1 }
        let output = Pipe(), error = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                      error: String(decoding: err, as: UTF8.self))
    }

    static func temporaryDatabase() -> String {
        "sqlite:" + FileManager.default.temporaryDirectory.appendingPathComponent("konvent-cli-\(UUID().uuidString).sqlite").path
    }
}

@Suite("Command line", .enabled(if: FileManager.default.isExecutableFile(atPath: Konvent.executable.path)))
struct CommandLineTests {
    @Test("three instances starting together on one empty SQLite file all migrate it and agree on the version")
    func concurrentMigrationsOnSQLite() async throws {
        let database = Konvent.temporaryDatabase()
        let results = try await withThrowingTaskGroup(of: Konvent.Result.self) { group in
            for _ in 0..<3 { group.addTask { try Konvent.run(["migrate", "--database", database]) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for result in results {
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.contains("schema version \(Migrations.latestVersion)."))
        }
    }

    @Test("against PostgreSQL: no warning about the client, and the server's own reason for a refused connection",
          .enabled(if: ProcessInfo.processInfo.environment["KONVENT_TEST_POSTGRES_URL"] != nil))
    func postgresMessages() throws {
        let url = try #require(ProcessInfo.processInfo.environment["KONVENT_TEST_POSTGRES_URL"])
        let migrated = try Konvent.run(["migrate", "--database", url], environment: ["LOG_LEVEL": "info"])
        #expect(migrated.status == 0, "\(migrated.error)")
        #expect(!migrated.error.contains("hasn't been called"), "\(migrated.error)")
        #expect(!migrated.output.contains("hasn't been called"))
        let wrongPassword = url.replacingOccurrences(of: "konvent:konvent@", with: "konvent:falsch@")
        let refused = try Konvent.run(["migrate", "--database", wrongPassword])
        #expect(refused.status != 0)
        #expect(refused.error.contains("SQLSTATE 28P01"), "\(refused.error)")
        #expect(!refused.error.contains("Generic description"))
        #expect(!refused.error.contains("falsch"))
    }

    @Test("--version names the release and the schema this build migrates to")
    func version() throws {
        let result = try Konvent.run(["--version"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("konvent 0.") && result.output.contains("(schema \(Migrations.latestVersion))"), "\(result.output)")
    }

    @Test func migrateReportsTheSchemaVersion() throws {
        let result = try Konvent.run(["migrate", "--database", Konvent.temporaryDatabase()])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("schema version \(Migrations.latestVersion)."))
    }

    @Test func malformedDatabaseURL() throws {
        let result = try Konvent.run(["migrate", "--database", "mysql://user:geheim@host/db"])
        #expect(result.status != 0)
        #expect(result.error.contains("Invalid database URL"))
        #expect(!result.error.contains("geheim"))
    }

    @Test func malformedConfigurationFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).json")
        try Data(#"{"key": "x", "name": {"de": "X"}}"#.utf8).write(to: file)
        let result = try Konvent.run(["migrate", "--database", Konvent.temporaryDatabase(), "--config", file.path])
        #expect(result.status != 0)
        #expect(result.error.contains("missing key 'process'"), "\(result.error)")
        let missing = try Konvent.run(["migrate", "--database", Konvent.temporaryDatabase(), "--config", "/nonexistent/region.json"])
        #expect(missing.status != 0)
        #expect(missing.error.contains("cannot read the configuration file"))
    }

    @Test("search-quality loads the relevance set into an empty database, prints its figures, and refuses a filled one")
    func searchQuality() throws {
        let database = Konvent.temporaryDatabase()
        let set = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Relevance/search-de.json").path
        let first = try Konvent.run(["search-quality", "--relevance", set, "--database", database], environment: ["LOG_LEVEL": "error"])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("62 contributions, 55 queries (51 expecting hits): recall@10 1.000, MRR 1.000"))
        let again = try Konvent.run(["search-quality", "--relevance", set, "--database", database], environment: ["LOG_LEVEL": "error"])
        #expect(again.status != 0 && again.error.contains("must be empty"))
        let timed = try Konvent.run(["search-quality", "--latency", "--rounds", "1", "--relevance", set, "--database", database],
                                    environment: ["LOG_LEVEL": "error"])
        #expect(timed.status == 0 && timed.output.contains("search (list + count): p50"))
    }

    @Test func userAddChecksItsInput() throws {
        let database = Konvent.temporaryDatabase()
        let ok = try Konvent.run(
            ["user", "add", "--email", "referat@smil.example", "--name", "Referat 23", "--role", "ministry_reviewer",
             "--ministry", "smil", "--password-stdin", "--database", database], input: "ein langes passwort\n")
        #expect(ok.status == 0, "\(ok.error)")
        #expect(ok.output.contains("Created ministry_reviewer referat@smil.example"))
        #expect(!ok.output.contains("Password:"))

        let cases: [([String], String)] = [
            (["--email", "referat@smil.example", "--name", "X", "--role", "participant"], "already an account"),
            (["--email", "kaputt", "--name", "X", "--role", "participant"], "valid e-mail"),
            (["--email", "a@b.de", "--name", "X", "--role", "king"], "unknown role"),
            (["--email", "a@b.de", "--name", "X", "--role", "ministry_reviewer"], "--ministry is required"),
            (["--email", "a@b.de", "--name", "X", "--role", "ministry_reviewer", "--ministry", "nasa"], "unknown ministry"),
        ]
        for (arguments, message) in cases {
            let result = try Konvent.run(["user", "add"] + arguments + ["--password-stdin", "--database", database],
                                         input: "ein langes passwort\n")
            #expect(result.status != 0, "\(arguments)")
            #expect(result.error.contains(message), "\(arguments): \(result.error)")
        }
        let short = try Konvent.run(["user", "add", "--email", "c@d.de", "--name", "C", "--role", "participant",
                                     "--password-stdin", "--database", database], input: "kurz\n")
        #expect(short.status != 0)
        #expect(short.error.contains("at least 12 characters"))

        let generated = try Konvent.run(["user", "add", "--email", "e@f.de", "--name", "E", "--role", "administrator",
                                         "--database", database])
        #expect(generated.status == 0)
        #expect(generated.output.contains("Password: "))

        let audit = try Konvent.run(["audit", "verify", "--database", database])
        #expect(audit.status == 0)
        #expect(audit.output.contains("Audit trail intact: 2 entries."))
    }

    @Test("demo serves the start page and health, and stops cleanly on SIGTERM")
    func demoServes() async throws {
        let port = 18000 + Int.random(in: 0..<2000)
        let process = Process()
        process.executableURL = Konvent.executable
        process.arguments = ["demo", "--port", String(port), "--database", Konvent.temporaryDatabase()]
        process.environment = ProcessInfo.processInfo.environment.merging(["KONVENT_BCRYPT_COST": "4", "LOG_LEVEL": "warning"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var start: String?
        for _ in 0..<100 {
            if let (data, _) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/")!) {
                start = String(decoding: data, as: UTF8.self)
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let page = try #require(start)
        #expect(page.contains("Öffentliche Daseinsvorsorge"))
        #expect(page.contains("Vogtlandkreis"))
        let (health, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/health")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: health, as: UTF8.self).contains("\"status\":\"ok\""))

        process.terminate()
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
    }
}

@Suite("Serving HTTPS", .enabled(if: FileManager.default.isExecutableFile(atPath: Konvent.executable.path)
    && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
struct HTTPSTests {
    @Test("with a certificate and key, konvent serves HTTPS with HSTS and Secure cookies")
    func servesTLS() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                             "-keyout", "\(folder)/key.pem", "-out", "\(folder)/cert.pem"]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)

        let port = 20000 + Int.random(in: 0..<2000)
        let server = Process()
        server.executableURL = Konvent.executable
        server.arguments = ["serve", "--port", String(port), "--database", Konvent.temporaryDatabase(),
                            "--tls-cert", "\(folder)/cert.pem", "--tls-key", "\(folder)/key.pem"]
        server.environment = ProcessInfo.processInfo.environment.merging(["LOG_LEVEL": "warning"]) { $1 }
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }

        var headers = ""
        for _ in 0..<100 {
            let curl = Process(), output = Pipe()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-sk", "-D", "-", "-o", "/dev/null", "https://127.0.0.1:\(port)/login"]
            curl.standardOutput = output
            try curl.run()
            headers = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            curl.waitUntilExit()
            if headers.hasPrefix("HTTP/") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(headers.hasPrefix("HTTP/1.1 200"))
        #expect(headers.lowercased().contains("strict-transport-security: max-age="))
        #expect(headers.contains("; Secure"))
    }
}
