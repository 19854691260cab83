import ArgumentParser
import Foundation
import KonventDomain
import KonventWeb

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export documents.", subcommands: [Masterplan.self, Contributions.self])

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

    struct Contributions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the listed contributions (filtered as in the list's URL) as CSV or XLSX, as the office downloads them.")

        @Option(help: "csv or xlsx.") var format: String
        @Option(help: "The file to write.") var output: String
        @Option(help: "Filters as in the list's URL, e.g. 'kind=idea&district=14521'.") var query = ""
        @Option(help: "de or en: the language of the column names.") var language = "de"
        @OptionGroup var data: DatabaseOptions

        func validate() throws {
            guard ["csv", "xlsx"].contains(format) else { throw ValidationError("--format: csv or xlsx.") }
            guard Language(rawValue: language) != nil else { throw ValidationError("--language: de or en.") }
        }

        func run() async throws {
            try await reportingErrors {
                let services = try await startServices(data)
                guard FileManager.default.createFile(atPath: output, contents: nil), let file = FileHandle(forWritingAtPath: output) else {
                    await services.database.shutdown()
                    throw UserInputError("--output: cannot write \(output)")
                }
                do {
                    let rows = try await services.exportContributions(query: query, format: format, language: Language(rawValue: language)!) {
                        try file.write(contentsOf: Data($0.readableBytesView))
                    }
                    try file.close()
                    await services.database.shutdown()
                    print("Wrote \(output) (\(rows) contributions).")
                } catch {
                    try? file.close()
                    await services.database.shutdown()
                    throw error
                }
            }
        }
    }
}
