import HummingbirdBcrypt
import NIOPosix

/// Bcrypt on the thread pool: hashing takes a quarter of a second at cost 12 and must not block
/// the event loops that serve everyone else.
public struct PasswordHasher: Sendable {
    let cost: UInt8
    private let dummyHash: String

    public init(cost: UInt8) {
        self.cost = cost
        dummyHash = Bcrypt.hash("konvent-dummy-password", cost: cost)
    }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Checks a password against a fixed hash, so that a sign-in with an unknown address takes as
    /// long as one with a known address and does not reveal which addresses have accounts.
    public func verifyAgainstDummy(_ password: String) async throws {
        _ = try await verify(password, against: dummyHash)
    }
}
