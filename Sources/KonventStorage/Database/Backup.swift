import Foundation
import Logging
import SQLiteNIO

/// Backups of a whole installation, taken while it serves.
///
/// - SQLite: `VACUUM INTO` on a connection of its own. It reads in one transaction, so the copy is
///   the database as of one moment, while the server's writer goes on (WAL).
/// - PostgreSQL: `pg_dump` in its custom format, also one snapshot, restored with `pg_restore`.
///
/// Either way the file is written under a temporary name and renamed when complete, so that a
/// backup interrupted half-way never looks like a whole one.
public enum Backup {
    public enum Format: String, Sendable {
        case sqlite, postgres
    }

    /// Writes a backup of the database behind `url` to `output`, which must not exist yet.
    public static func create(of url: DatabaseURL, to output: String, schema: String? = nil, logger: Logger) async throws {
        guard !FileManager.default.fileExists(atPath: output) else { throw BackupError.exists(output) }
        let partial = output + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        switch url {
        case .sqliteMemory:
            throw BackupError.inMemory
        case .sqliteFile(let path):
            let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            do {
                try await connection.query("PRAGMA busy_timeout = 5000", []) { _ in }
                try await connection.query("VACUUM INTO ?", [.text(partial)]) { _ in }
                try await connection.close()
            } catch {
                try? await connection.close()
                try? FileManager.default.removeItem(atPath: partial)
                throw error
            }
        case .postgres(let host, let port, let user, let password, let database, let requireTLS):
            var arguments = ["--format=custom", "--no-owner", "--no-privileges", "--file=\(partial)"]
            if let schema { arguments.append("--schema=\(schema)") }
            arguments += connectionArguments(host: host, port: port, user: user) + [database]
            do {
                try PostgresTool.run("pg_dump", arguments, password: password, requireTLS: requireTLS)
            } catch {
                try? FileManager.default.removeItem(atPath: partial)
                throw error
            }
        }
        try FileManager.default.moveItem(atPath: partial, toPath: output)
    }

    /// Puts a backup in place of the database behind `url`. The instances on it must be stopped:
    /// SQLite's file is replaced, PostgreSQL's objects are dropped and made anew in one transaction.
    public static func restore(_ file: String, into url: DatabaseURL, logger: Logger) async throws {
        let format = try self.format(of: file)
        switch (format, url) {
        case (.sqlite, .sqliteFile(let path)):
            let partial = path + ".restoring"
            try? FileManager.default.removeItem(atPath: partial)
            try FileManager.default.copyItem(atPath: file, toPath: partial)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            // rename(2) puts the whole file in place at once, over the old one.
            guard rename(partial, path) == 0 else {
                try? FileManager.default.removeItem(atPath: partial)
                throw BackupError.cannotReplace(path)
            }
        case (.postgres, .postgres(let host, let port, let user, let password, let database, let requireTLS)):
            let arguments = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
                + connectionArguments(host: host, port: port, user: user) + ["--dbname=\(database)", file]
            try PostgresTool.run("pg_restore", arguments, password: password, requireTLS: requireTLS)
        case (_, .sqliteMemory):
            throw BackupError.inMemory
        default:
            throw BackupError.wrongDatabase(format)
        }
    }

    /// Which kind of backup a file is, from its first bytes.
    public static func format(of file: String) throws -> Format {
        guard let handle = FileHandle(forReadingAtPath: file) else { throw BackupError.unreadable(file) }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.starts(with: Data("SQLite format 3".utf8)) { return .sqlite }
        if head.starts(with: Data("PGDMP".utf8)) { return .postgres }
        throw BackupError.notABackup(file)
    }

    static func connectionArguments(host: String, port: Int, user: String) -> [String] {
        ["--host=\(host)", "--port=\(port)", "--username=\(user)", "--no-password"]
    }
}

/// Runs PostgreSQL's own client programs; the password goes through the environment, never the
/// command line, which other users of the machine can read.
enum PostgresTool {
    static func run(_ tool: String, _ arguments: [String], password: String?, requireTLS: Bool) throws {
        _ = try output(tool, arguments, password: password, requireTLS: requireTLS)
    }

    /// Runs the tool and returns what it printed; a failure carries its own message.
    static func output(_ tool: String, _ arguments: [String], password: String? = nil, requireTLS: Bool = false) throws -> String {
        guard let executable = locate(tool) else { throw BackupError.toolMissing(tool) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = password
        environment["PGSSLMODE"] = requireTLS ? "require" : "disable"
        process.environment = environment
        // Standard error goes to a file: with two pipes, a tool filling the one not being read
        // would wait for ever.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("konvent-\(tool)-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self)
            throw BackupError.toolFailed(tool, said.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func locate(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

public enum BackupError: Error, CustomStringConvertible {
    case exists(String), unreadable(String), cannotReplace(String), notABackup(String), inMemory, wrongDatabase(Backup.Format)
    case toolMissing(String), toolFailed(String, String)

    public var description: String {
        switch self {
        case .exists(let path): "\(path) exists already; a backup never overwrites a file."
        case .unreadable(let path): "\(path) cannot be read."
        case .cannotReplace(let path): "\(path) cannot be replaced; nothing was restored."
        case .notABackup(let path): "\(path) is neither an SQLite database nor a pg_dump archive."
        case .inMemory: "An in-memory database has nothing to back up or restore."
        case .wrongDatabase(let format): "This is a backup of a \(format == .sqlite ? "SQLite" : "PostgreSQL") database; restore it into one of that kind."
        case .toolMissing(let tool): "\(tool) is not installed (Debian: apt-get install postgresql-client)."
        case .toolFailed(let tool, let message): "\(tool) failed: \(message)"
        }
    }
}
