import ArgumentParser
import Foundation
import KonventDomain
import KonventStorage
import KonventWeb

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a confirmed account with a role (for the office, ministries, the steering committee).")

        @Option(help: "E-mail address.") var email: String
        @Option(help: "Display name.") var name: String
        @Option(help: "Role: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String
        @Option(help: "Ministry key (required for ministry_reviewer), as in the region configuration.") var ministry: String?
        @Flag(help: "Read the password from standard input instead of generating one.") var passwordStdin = false
        @OptionGroup var data: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let password = passwordStdin ? (readLine(strippingNewline: true) ?? "") : SecretToken().value
                let services = try await startServices(data)
                let user: User
                do {
                    user = try await services.addUser(email: email, name: name, role: role, ministry: ministry, password: password)
                    await services.database.shutdown()
                } catch {
                    await services.database.shutdown()
                    throw error
                }
                print("Created \(user.role.rawValue) \(user.email) (id \(user.id)).")
                if !passwordStdin { print("Password: \(password)") }
            }
        }
    }
}
