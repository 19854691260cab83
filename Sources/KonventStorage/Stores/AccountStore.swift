import KonventDomain

public enum TokenPurpose: String, Sendable {
    case confirmEmail = "confirm_email"
    case resetPassword = "reset_password"
    case changeEmail = "change_email"
    /// Confirms a request for announcements (double opt-in).
    case announcements
}

/// What the platform keeps about a person's account, and everything that changes it.
/// Every change here is one transaction that also writes its audit entry and any mail it causes.
public protocol AccountStore: Sendable {
    /// Creates an unconfirmed account and queues its confirmation mail. Throws `StorageError.duplicate`
    /// when the address is taken.
    func register(
        _ registration: Registration, passwordHash: String, confirmation: SecretToken, expiresAt: Timestamp,
        mail: OutgoingMail
    ) async throws -> User

    /// Creates an account directly (operators, the demo data): confirmed and with the given role.
    func createUser(
        email: EmailAddress, displayName: String, role: Role, ministry: String?, passwordHash: String,
        language: Language, actor: UserID?
    ) async throws -> User

    func user(_ id: UserID) async throws -> User?
    /// The account and its password hash, for checking a sign-in.
    func credentials(email: EmailAddress) async throws -> (user: User, passwordHash: String)?

    /// Uses a confirmation token once; nil when it is unknown, used or expired.
    func confirmEmail(token: SecretToken, at time: Timestamp) async throws -> User?
    /// Queues a new confirmation mail for an unconfirmed account.
    func resendConfirmation(
        for user: UserID, token: SecretToken, expiresAt: Timestamp, mail: OutgoingMail
    ) async throws

    /// Queues a reset mail when the address belongs to an account; does nothing otherwise, so that
    /// the answer does not tell who has an account.
    func requestPasswordReset(
        email: EmailAddress, token: SecretToken, expiresAt: Timestamp,
        mail: @Sendable (User) -> OutgoingMail
    ) async throws
    /// Sets a new password with a reset token and ends every session of the account.
    func resetPassword(token: SecretToken, passwordHash: String, at time: Timestamp) async throws -> User?
    /// Whether a reset token can still be used (to show the form only when it can).
    func isUsable(token: SecretToken, purpose: TokenPurpose, at time: Timestamp) async throws -> Bool

    /// Changes the name shown with the person's contributions and comments.
    func rename(_ user: UserID, to displayName: String, at time: Timestamp) async throws
    /// Files a change of address: the token, mailed to the new address, carries it; `mails` (the
    /// link to the new address, the notice to the old one) go out in the same transaction. Throws
    /// `StorageError.duplicate` when another account has the address.
    func requestEmailChange(
        _ user: UserID, to email: EmailAddress, token: SecretToken, expiresAt: Timestamp, mails: [OutgoingMail]
    ) async throws
    /// Uses an address-change token once: the account takes the new, thereby confirmed, address and
    /// every other pending change of it dies. Nil when the token is unknown, used or expired; throws
    /// `StorageError.duplicate` when another account took the address meanwhile.
    func confirmEmailChange(token: SecretToken, at time: Timestamp) async throws -> User?
    /// Sets a new password and ends every session of the account but `keeping` (the one that changed it).
    func changePassword(_ user: UserID, passwordHash: String, keeping session: SecretToken?, at time: Timestamp) async throws

    func createSession(for user: UserID, token: SecretToken, expiresAt: Timestamp) async throws
    func sessionUser(token: SecretToken, at time: Timestamp) async throws -> User?
    func endSession(token: SecretToken) async throws

    func export(_ user: UserID) async throws -> AccountExport?
    /// Deletes the account and everything personal that hangs on it; the audit trail keeps only the number.
    func deleteAccount(_ user: UserID) async throws

    /// People with one role, by name (to choose a facilitator, say).
    func users(withRole role: Role, limit: Int) async throws -> [User]
    func countUsers() async throws -> Int
}

/// Everything stored about one person, as handed to them on request (GDPR Art. 15 and 20).
public struct AccountExport: Sendable, Codable, Equatable {
    public struct Profile: Sendable, Codable, Equatable {
        public var id: Int64
        public var email: String
        public var displayName: String
        public var role: String
        public var ministry: String?
        public var language: String
        public var emailConfirmedAt: String?
        public var createdAt: String
    }

    public struct SessionInfo: Sendable, Codable, Equatable {
        public var createdAt: String
        public var expiresAt: String
    }

    public struct MailInfo: Sendable, Codable, Equatable {
        public var subject: String
        public var createdAt: String
        public var sentAt: String?
    }

    public struct AuditInfo: Sendable, Codable, Equatable {
        public var at: String
        public var action: String
        public var subject: String
    }

    public var profile: Profile
    public var organisations: [Organisation]
    public var sessions: [SessionInfo]
    public var mails: [MailInfo]
    public var activity: [AuditInfo]
    public var participation = Participation()

    /// What the person contributed, said, supported, followed and registered for.
    public struct Participation: Sendable, Codable, Equatable {
        public struct ContributionInfo: Sendable, Codable, Equatable {
            public var id: Int64
            public var kind: String
            public var title: String
            public var text: String
            public var status: String
            public var anonymous: Bool
            public var createdAt: String
        }

        public struct CommentInfo: Sendable, Codable, Equatable {
            public var contributionID: Int64
            public var text: String
            public var createdAt: String
        }

        public struct RegistrationInfo: Sendable, Codable, Equatable {
            public var formatID: Int64
            public var format: String
            public var status: String
        }

        public var contributions: [ContributionInfo] = []
        public var comments: [CommentInfo] = []
        public var supported: [Int64] = []
        public var followed: [Int64] = []
        /// The codes of the measures the person follows.
        public var followedMeasures: [String] = []
        public struct PlanCommentInfo: Sendable, Codable, Equatable {
            public var version: Int
            public var paragraph: String
            public var text: String
            public var createdAt: String
        }

        public var registrations: [RegistrationInfo] = []
        /// Comments on paragraphs of published masterplan versions.
        public var masterplanComments: [PlanCommentInfo] = []
        public var notify = "immediately"
        /// When the person asked for the office's announcements and confirmed it; nil when they did not.
        public var announcements: AnnouncementRequest?

        public struct AnnouncementRequest: Sendable, Codable, Equatable {
            public var requestedAt: String
            public var confirmedAt: String?
        }

        public init() {}
    }
}
