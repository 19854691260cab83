import Foundation
import Logging
import SQLKit

/// What `Backup.verify` found in a backup file.
public struct BackupReport: Sendable {
    public var format: Backup.Format
    /// SQLite's `PRAGMA integrity_check` ("ok"), or pg_restore's reading of the archive.
    public var integrity: String
    public var schemaVersion: Int?
    public var audit: AuditVerification?
    public var rows: [String: Int] = [:]

    /// Whole when the file is intact and, where it was checked, the audit chain too.
    public var isSound: Bool { integrity == "ok" && (audit?.isIntact ?? true) }
}

extension Backup {
    /// The tables whose row counts a report names, so that an operator sees what the file holds.
    static let countedTables = ["users", "contributions", "measures", "audit_log"]

    /// Checks a backup without touching the installation. An SQLite backup is opened as a copy; a
    /// PostgreSQL archive is read by pg_restore and, given a scratch database, restored there so
    /// that its audit chain can be checked too.
    public static func verify(
        _ file: String, scratch: DatabaseURL? = nil, scratchSchema: String? = nil, logger: Logger
    ) async throws -> BackupReport {
        switch try format(of: file) {
        case .sqlite:
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-verify-\(UUID().uuidString).sqlite").path
            try FileManager.default.copyItem(atPath: file, toPath: copy)
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
            let database = try await DatabaseFactory.open(.sqliteFile(path: copy), logger: logger)
            do {
                let integrity = try await database.read { db in
                    try await db.raw("PRAGMA integrity_check").all().map { try $0.decode(column: "integrity_check", as: String.self) }
                }.joined(separator: "; ")
                var report = BackupReport(format: .sqlite, integrity: integrity)
                if integrity == "ok" { try await inspect(database, into: &report, logger: logger) }
                await database.shutdown()
                return report
            } catch {
                await database.shutdown()
                throw error
            }
        case .postgres:
            let listing = try PostgresTool.output("pg_restore", ["--list", file])
            var report = BackupReport(format: .postgres, integrity: listing.contains("TABLE DATA") ? "ok" : "no table data in the archive")
            guard let scratch, report.integrity == "ok" else { return report }
            try await restore(file, into: scratch, logger: logger)
            let database = try await DatabaseFactory.open(scratch, logger: logger, postgresSchema: scratchSchema)
            do {
                try await inspect(database, into: &report, logger: logger)
                await database.shutdown()
            } catch {
                await database.shutdown()
                throw error
            }
            return report
        }
    }

    private static func inspect(_ database: any KonventDatabase, into report: inout BackupReport, logger: Logger) async throws {
        report.schemaVersion = try await Migrator(database: database, logger: logger).currentVersion()
        report.audit = try await AuditTrail.verify(in: database)
        for table in countedTables {
            let sql = "SELECT COUNT(*) AS n FROM \(table)"
            report.rows[table] = try await database.read { db in
                try await db.raw(SQLQueryString(sql)).first()?.decode(column: "n", as: Int.self) ?? 0
            }
        }
    }
}
