import ArgumentParser
import Foundation
import KonventStorage
import KonventWeb

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Back up the database while Konvent serves, or check a backup.",
        subcommands: [Create.self, Verify.self], defaultSubcommand: Create.self)

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Write a backup: SQLite as a database file (VACUUM INTO), PostgreSQL as a pg_dump archive.")

        @OptionGroup var data: DatabaseOptions
        @Option(help: "The file to write; it must not exist yet.") var output: String

        func run() async throws {
            try await reportingErrors {
                let url = try databaseURL(data)
                try await Backup.create(of: url, to: output, logger: makeLogger())
                print("Backup written: \(output)")
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a backup's integrity and audit chain; exits non-zero when either is broken.")

        @Argument(help: "The backup file.") var file: String
        @Option(help: "PostgreSQL only: an empty scratch database to restore into, so that the audit chain can be checked.")
        var scratch: String?

        func run() async throws {
            try await reportingErrors {
                let report = try await Backup.verify(file, scratch: try scratch.map(DatabaseURL.init), logger: makeLogger())
                print("Format: \(report.format == .sqlite ? "SQLite database" : "pg_dump archive")")
                print("Integrity: \(report.integrity)")
                if let version = report.schemaVersion { print("Schema version: \(version)") }
                for (table, count) in report.rows.sorted(by: { $0.key < $1.key }) { print("Rows in \(table): \(count)") }
                switch report.audit {
                case nil: print("Audit chain: not checked (give --scratch to restore a PostgreSQL archive and check it)")
                case let audit? where audit.isIntact: print("Audit chain: intact, \(audit.checked) entries")
                case let audit?: print("Audit chain: BROKEN at entry \(audit.firstBrokenID ?? 0)")
                }
                guard report.isSound else { throw ExitCode(2) }
            }
        }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup in place of the database. Stop every instance first; start them again afterwards.")

    @OptionGroup var data: DatabaseOptions
    @Argument(help: "The backup file (from konvent backup).") var file: String

    func run() async throws {
        try await reportingErrors {
            let report = try await Backup.verify(file, logger: makeLogger())
            guard report.isSound else {
                print("The backup is not sound (integrity: \(report.integrity)); nothing was restored.")
                throw ExitCode(2)
            }
            try await Backup.restore(file, into: try databaseURL(data), logger: makeLogger())
            print("Restored from \(file).")
        }
    }
}

private func databaseURL(_ data: DatabaseOptions) throws -> DatabaseURL {
    var configuration = AppConfiguration()
    try data.apply(to: &configuration)
    return configuration.database
}
