import ArgumentParser
import Foundation
import KonventDomain
import KonventWeb

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export documents.", subcommands: [Masterplan.self])

    struct Masterplan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a version of the masterplan to a file; exits non-zero for a missing version or an unknown format.")

        @Option(help: "The version's number, or 'current' for the draft made from today's data.") var version = "current"
        @Option(help: "html, odt, docx or pdf (pdf needs LibreOffice).") var format: String
        @Option(help: "The file to write.") var output: String
        @Option(help: "de or en (versions are frozen in the language they were published in).") var language = "de"
        @OptionGroup var data: DatabaseOptions

        func validate() throws {
            guard MasterplanFormat(rawValue: format) != nil else {
                throw ValidationError("--format: '\(format)' is not supported; use one of \(MasterplanFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard version == "current" || Int(version).map({ $0 > 0 }) == true else {
                throw ValidationError("--version: a version number or 'current'.")
            }
            guard Language(rawValue: language) != nil else { throw ValidationError("--language: de or en.") }
        }

        func run() async throws {
            try await reportingErrors {
                let services = try await startServices(data)
                let bytes: [UInt8]?
                do {
                    bytes = try await services.exportMasterplan(version: version, format: MasterplanFormat(rawValue: format)!,
                                                                language: Language(rawValue: language)!)
                    await services.database.shutdown()
                } catch {
                    await services.database.shutdown()
                    throw error
                }
                guard let bytes else { throw UserInputError("--version: there is no version \(version) of the masterplan") }
                try Data(bytes).write(to: URL(fileURLWithPath: output))
                print("Wrote \(output) (\(bytes.count) bytes).")
            }
        }
    }
}
