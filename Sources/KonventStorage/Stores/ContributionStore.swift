import KonventDomain

/// How a list of contributions is asked for: filters, a search, a sort, and the key of the last row
/// already shown (pages go by key, never by offset, so that deep pages cost what the first costs).
public struct ContributionQuery: Sendable, Equatable {
    public enum Sort: String, CaseIterable, Sendable {
        case newest
        case mostSupported = "supported"
        case mostDiscussed = "discussed"
        /// Best match first; only with a search term (without one it lists the newest).
        case relevance

        public var catalogKey: String { "contributions.sort.\(rawValue)" }
    }

    public var search = ""
    public var kind: Contribution.Kind?
    public var field: String?
    public var district: String?
    public var municipality: String?
    public var status: Contribution.Status?
    public var format: FormatID?
    /// One of the office's themes (the office's lists only).
    public var theme: ThemeID?
    public var sort = Sort.newest
    public var after: PageKey?
    /// The page that ends just before this key (a "previous" link); wins over `after`.
    public var before: PageKey?
    public var limit = 20

    public init() {}
}

/// The position after which the next page starts: the sort value and the id of the last row.
public struct PageKey: Sendable, Equatable, CustomStringConvertible {
    public var value: Int64
    public var id: Int64

    public init(value: Int64, id: Int64) {
        self.value = value
        self.id = id
    }

    /// `value.id`, as carried in a page's URL.
    public init?(_ text: String) {
        let parts = text.split(separator: ".")
        guard parts.count == 2, let value = Int64(parts[0]), let id = Int64(parts[1]) else { return nil }
        self.init(value: value, id: id)
    }

    public var description: String { "\(value).\(id)" }
}

public struct ContributionPage: Sendable {
    public var items: [Contribution]
    /// The key for the following page, nil on the last page.
    public var next: PageKey?
    /// The key for the page before, nil on the first page.
    public var previous: PageKey?
    /// When the search found nothing as typed but did with its words corrected: the corrected search.
    public var correctedSearch: String?

    /// Lists say how many match up to this many ("mehr als 1.000"), so that counting stays as cheap
    /// on a million contributions as on a thousand.
    public static let countLimit = 1_000
}

public struct Comment: Sendable, Equatable {
    public enum Tag {}
    public typealias ID = KonventDomain.ID<Tag>

    public var id: ID
    public var parentID: ID?
    public var authorID: UserID?
    public var authorName: String?
    public var body: String
    public var createdAt: Timestamp
    public var edited: Bool
    public var deleted: Bool
    public var hiddenReason: String?
}

public protocol ContributionStore: Sendable {
    /// `status` is `.published`, or `.submitted` where the process moderates before publishing.
    func create(_ draft: ContributionDraft, author: UserID, at time: Timestamp, status: Contribution.Status) async throws
        -> ContributionID
    /// Several contributions (a format's results) in one transaction: all of them or none.
    func createAll(_ drafts: [ContributionDraft], author: UserID, at time: Timestamp, status: Contribution.Status) async throws
        -> [ContributionID]
    func contribution(_ id: ContributionID) async throws -> Contribution?
    /// The author's new wording; the one before is kept as a version. Throws `StorageError.refused`
    /// when the contribution is no longer open for its author (or not theirs), checked in the transaction.
    func edit(_ id: ContributionID, _ edit: ContributionEdit, by author: UserID, at time: Timestamp) async throws
    /// The wordings the author replaced, newest first.
    func versions(of id: ContributionID) async throws -> [ContributionVersion]
    func list(_ query: ContributionQuery) async throws -> ContributionPage
    /// The listed contributions the query selects, by id after `after`, for the office's export.
    func exportBatch(_ query: ContributionQuery, after: Int64, limit: Int) async throws -> [ContributionExportRow]
    /// The first and last moment a contribution the query selects was made; nil when it selects none.
    func createdRange(_ query: ContributionQuery) async throws -> ClosedRange<Int64>?
    /// The contributions the query selects, counted by two different dimensions.
    func crossTab(_ query: ContributionQuery, rows: AnalysisDimension, columns: AnalysisDimension, months: [MonthBucket]) async throws
        -> CrossTabCounts
    /// How many match the query's filters (not its page), counted up to `ContributionPage.countLimit + 1`.
    func count(_ query: ContributionQuery) async throws -> Int
    /// The most similar listed contributions to a text, best first (for "support instead of
    /// duplicating"), each with the words of the text it shares.
    func similar(to text: String, limit: Int) async throws -> [SimilarContribution]
    /// Throws `StorageError.duplicate` for a second support by the same person.
    func support(_ id: ContributionID, by user: UserID) async throws
    func withdrawSupport(_ id: ContributionID, by user: UserID) async throws
    func hasSupported(_ id: ContributionID, user: UserID) async throws -> Bool
    func comments(on id: ContributionID) async throws -> [Comment]
    func addComment(to id: ContributionID, parent: Comment.ID?, author: UserID, body: String) async throws -> Comment.ID
    func contributions(by author: UserID) async throws -> [Contribution]
}

/// A contribution like a text someone is writing, and the words they share ("Ärztemangel, Glauchau").
public struct SimilarContribution: Sendable {
    public var contribution: Contribution
    public var sharedWords: [String]

    public init(contribution: Contribution, sharedWords: [String]) {
        self.contribution = contribution
        self.sharedWords = sharedWords
    }
}
