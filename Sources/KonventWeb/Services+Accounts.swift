import KonventDomain
import KonventStorage

/// A request from the command line or the demo loader that cannot be carried out, said plainly.
public struct UserInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension Services {
    /// Creates a confirmed account with a role, checking every field the way the web forms do.
    public func addUser(email: String, name: String, role: String, ministry: String?, password: String) async throws -> User {
        let t = catalog.translator(.en)
        let address: EmailAddress
        do { address = try EmailAddress(email) } catch { throw UserInputError("--email: \(t(error.messageKey))") }
        let displayName: String
        do { displayName = try AccountRules.displayName(name) } catch { throw UserInputError("--name: \(t(error.messageKey))") }
        do { _ = try AccountRules.password(password) } catch { throw UserInputError("password: \(t(error.messageKey))") }
        guard let role = Role(rawValue: role) else {
            throw UserInputError("--role: unknown role '\(role)'; use one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if role == .ministryReviewer {
            guard let ministry else { throw UserInputError("--ministry is required for the role ministry_reviewer.") }
            guard region.ministry(ministry) != nil else {
                throw UserInputError("--ministry: unknown ministry '\(ministry)'; use one of \(region.ministries.map(\.key).joined(separator: ", ")).")
            }
        } else if ministry != nil {
            throw UserInputError("--ministry is only for the role ministry_reviewer.")
        }
        do {
            return try await accounts.createUser(
                email: address, displayName: displayName, role: role, ministry: ministry,
                passwordHash: try await hasher.hash(password), language: .default, actor: nil)
        } catch StorageError.duplicate {
            throw UserInputError("--email: \(t("error.email.taken"))")
        }
    }

    public func schemaVersion() async throws -> Int {
        try await Migrator(database: database, logger: logger).currentVersion()
    }
}
