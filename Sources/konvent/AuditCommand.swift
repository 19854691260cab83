import ArgumentParser
import KonventStorage
import KonventWeb

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Work with the audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the hash chain of the audit trail; exits non-zero and names the first broken entry.")

        @OptionGroup var data: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let services = try await startServices(data)
                let result = try await AuditTrail.verify(in: services.database)
                await services.database.shutdown()
                if let broken = result.firstBrokenID {
                    print("Audit trail BROKEN at entry \(broken) (\(result.checked) entries before it are intact).")
                    throw ExitCode(2)
                }
                print("Audit trail intact: \(result.checked) entries.")
            }
        }
    }
}
