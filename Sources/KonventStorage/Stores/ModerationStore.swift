import KonventDomain

/// A report waiting in the office's queue, with what it is about.
public struct OpenReport: Sendable, Equatable {
    public var id: Int64
    public var contributionID: ContributionID
    public var contributionTitle: String
    public var commentID: Comment.ID?
    public var commentBody: String?
    public var reason: String
    public var reporterName: String?
    public var createdAt: Timestamp
}

/// Why a moderation step was refused.
public enum ModerationRefusal: Error, Sendable, Equatable {
    /// The status cannot change that way (see `Contribution.Status.mayChange(to:)`).
    case transition
    /// A contribution cannot be merged into itself, into a merged one, or twice.
    case merge
    /// The edit window has passed, or the comment is gone.
    case tooLate
}

/// Following, reporting, moderating and the timeline of contributions.
public protocol ModerationStore: Sendable {
    func follow(_ id: ContributionID, user: UserID, at time: Timestamp) async throws
    func unfollow(_ id: ContributionID, user: UserID, at time: Timestamp) async throws
    func isFollowing(_ id: ContributionID, user: UserID) async throws -> Bool

    /// Throws `StorageError.duplicate` when the same person reported the same thing and it is still open.
    func report(_ id: ContributionID, comment: Comment.ID?, by reporter: UserID, reason: String, at time: Timestamp) async throws
    func openReports(limit: Int) async throws -> [OpenReport]
    func dismissReport(_ report: Int64, actor: UserID, at time: Timestamp) async throws
    /// Contributions waiting for pre-moderation, oldest first.
    func awaitingModeration(limit: Int) async throws -> [Contribution]

    func changeStatus(
        _ id: ContributionID, to status: Contribution.Status, reason: String?, actor: UserID, at time: Timestamp
    ) async throws
    /// `duplicate` points to `survivor` from now on; supports and followers move over.
    func merge(_ duplicate: ContributionID, into survivor: ContributionID, reason: String?, actor: UserID, at time: Timestamp) async throws
    func hideComment(_ comment: Comment.ID, reason: String, actor: UserID, at time: Timestamp) async throws -> ContributionID
    /// Only the author, only within `window` milliseconds of writing it.
    func editComment(_ comment: Comment.ID, body: String, author: UserID, window: Int64, at time: Timestamp) async throws
        -> ContributionID
    /// Only the author; a marker stays in the thread.
    func deleteComment(_ comment: Comment.ID, author: UserID, at time: Timestamp) async throws -> ContributionID

    func timeline(_ id: ContributionID) async throws -> [TimelineEvent]
    func notifications(of user: UserID, limit: Int) async throws -> [ContributionNotification]
}
