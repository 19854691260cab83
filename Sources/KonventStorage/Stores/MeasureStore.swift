import KonventDomain

/// A contribution a measure came from, with how it was taken up.
public struct MeasureSource: Sendable, Equatable {
    public var contribution: Contribution
    public var note: String
}

/// A measure as a contribution's page names it.
public struct MeasureReference: Sendable, Equatable {
    public var id: MeasureID
    public var code: String
    public var title: String
    public var state: MeasureState
    public var stateReason: String?
    /// Its latest published progress report, once adopted.
    public var progress: ProgressSummary?
}

/// One step of a measure's way, as its page lists them.
public struct MeasureStep: Sendable, Equatable {
    public var from: MeasureState
    public var to: MeasureState
    public var step: String
    public var reason: String?
    public var at: Timestamp
}

public struct MeasureVersion: Sendable, Equatable {
    public var version: Int
    public var content: MeasureContent
    public var at: Timestamp
}

/// Why a change of a measure was not taken.
public enum MeasureRefusal: Error, Sendable, Equatable {
    /// Someone saved the measure since the form was opened.
    case stale(current: Int)
    /// The state does not allow this step.
    case illegal(IllegalTransition)
    /// Under review or decided: the content stays as it was assessed.
    case notEditable
    /// A source that does not exist or is not public.
    case unknownContribution(ContributionID)
}

public struct MeasureQuery: Sendable {
    /// Only what the public sees (drafts left out).
    public var publicOnly = true
    public var field: String?
    public var states: [MeasureState] = []
    public var ministry: String?
    /// Placed in this district (or one of its municipalities).
    public var district: String?
    /// With a financing line from this configured programme.
    public var programme: String?
    /// By the latest published report's status; `.some(nil)`: none published yet.
    public var progress: ProgressStatus??
    /// The key of the last measure of the previous page: its code's prefix and number.
    public var after: (prefix: String, number: Int)?

    /// A code's prefix and number as the list pages by them ("WT-12" → ("WT", 12)); nil for anything else.
    public static func key(ofCode code: String) -> (prefix: String, number: Int)? {
        guard let dash = code.lastIndex(of: "-"), let number = Int(code[code.index(after: dash)...]) else { return nil }
        return (String(code[..<dash]), number)
    }
    /// The key of the first measure of the following page (a "previous" link); wins over `after`.
    /// The page still comes in code order.
    public var before: (prefix: String, number: Int)?
    public var limit = 200
    /// Created or modified within (OParl's list filters).
    public var changed = ChangeWindow()

    public init() {}
}

public protocol MeasureStore: Sendable {
    /// A draft with the next code of its first field's prefix; the sources are linked with their notes.
    func create(_ content: MeasureContent, codePrefix: String, sources: [(ContributionID, String)], actor: UserID, at time: Timestamp)
        async throws -> MeasureID
    /// Saves a new version; `expectedVersion` is the version the form was opened on.
    func update(_ id: MeasureID, _ content: MeasureContent, expectedVersion: Int, actor: UserID, at time: Timestamp) async throws
    /// Moves the measure one step; the sources' authors and followers are told once the measure is public.
    func transition(
        _ id: MeasureID, _ transition: MeasureTransition, reason: String?, machine: MeasureStateMachine, actor: UserID, at time: Timestamp
    ) async throws -> MeasureState
    func addSource(_ id: MeasureID, contribution: ContributionID, note: String, actor: UserID, at time: Timestamp) async throws
    func measure(_ id: MeasureID) async throws -> Measure?
    func list(_ query: MeasureQuery) async throws -> [Measure]
    /// How many match the query's filters (not its page), counted up to `ContributionPage.countLimit + 1`.
    func count(_ query: MeasureQuery) async throws -> Int
    func sources(of id: MeasureID) async throws -> [MeasureSource]
    func measures(from contribution: ContributionID) async throws -> [MeasureReference]
    /// The same for a page of contributions, in one query.
    func measures(fromContributions ids: [ContributionID]) async throws -> [ContributionID: [MeasureReference]]
    func steps(of id: MeasureID) async throws -> [MeasureStep]
    func versions(of id: MeasureID) async throws -> [MeasureVersion]
    /// The ministries assigned to a measure, the lead first.
    func ministries(of id: MeasureID) async throws -> [String]
    /// The first field of action of each measure (for counting measures by field).
    func fields(of ids: [MeasureID]) async throws -> [MeasureID: String]
    /// Sets the co-ministries beside the lead named in the content.
    func assignCoMinistries(_ id: MeasureID, _ ministries: [String], actor: UserID, at time: Timestamp) async throws
    /// Following a measure: its public stages, decisions and published progress reach the follower.
    func follow(_ id: MeasureID, user: UserID, at time: Timestamp) async throws
    func unfollow(_ id: MeasureID, user: UserID, at time: Timestamp) async throws
    func isFollowing(_ id: MeasureID, user: UserID) async throws -> Bool
    func followed(by user: UserID, limit: Int) async throws -> [MeasureHeadline]
    func notices(of user: UserID, limit: Int) async throws -> [MeasureNotice]
}
