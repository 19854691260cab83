import KonventDomain

/// Why a change of a session was not taken.
public enum SessionRefusal: Error, Sendable, Equatable {
    /// Released: the decisions and minutes stand as published.
    case published
    /// These agenda positions have no decision yet.
    case undecided([Int])
    case noMinutes
    /// The measure does not exist or is not public.
    case unknownMeasure
    case unknownItem
}

/// A session for lists and calendars.
public struct BodySessionSummary: Sendable, Equatable {
    public var id: BodySessionID
    public var body: String
    public var title: String
    public var startsAt: Int64
    public var endsAt: Int64
    public var place: String
    public var publishedAt: Int64?
    public var createdAt: Int64 = 0
    /// Raised by every change of the session, its agenda and its decisions.
    public var updatedAt: Int64 = 0

    public init(_ session: BodySession) {
        self.init(id: session.id, body: session.draft.body, title: session.draft.title, startsAt: session.draft.startsAt,
                  endsAt: session.draft.endsAt, place: session.draft.place, publishedAt: session.publishedAt,
                  createdAt: session.createdAt, updatedAt: session.updatedAt)
    }

    init(id: BodySessionID, body: String, title: String, startsAt: Int64, endsAt: Int64, place: String, publishedAt: Int64?,
         createdAt: Int64 = 0, updatedAt: Int64 = 0) {
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.id = id
        self.body = body
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.publishedAt = publishedAt
    }
}

/// A measure on a session's agenda, as open data names the consultation.
public struct AgendaEntry: Sendable, Equatable {
    public var item: Int64
    public var session: BodySessionID
    public var body: String
    /// Where the item decided a review stage (known once released).
    public var outcome: String?
    public var publishedAt: Int64?
}

/// A released decision, as the decisions feed lists it.
public struct ReleasedDecision: Sendable, Equatable {
    public var session: BodySessionSummary
    public var item: AgendaItem
}

public protocol BodySessionStore: Sendable {
    func create(_ draft: BodySessionDraft, actor: UserID, at time: Timestamp) async throws -> BodySessionID
    func update(_ id: BodySessionID, _ draft: BodySessionDraft, minutes: String, actor: UserID, at time: Timestamp) async throws
    func addItem(_ id: BodySessionID, title: String, measure: MeasureID?, actor: UserID, at time: Timestamp) async throws
    func removeItem(_ id: BodySessionID, item: Int64, actor: UserID, at time: Timestamp) async throws
    /// Records what the body decided on an item. Where the item decides its measure's stage, the body's
    /// assessment (gates and scores) is stored with it; the measure moves when the session is released.
    func recordDecision(
        _ id: BodySessionID, item: Int64, _ decision: Conclusion, assessment: AssessmentContent?, review: ReviewConfiguration, actor: UserID,
        at time: Timestamp) async throws
    /// Releases decisions and minutes: every measure decided moves on, its contributors are told.
    func publish(_ id: BodySessionID, machine: MeasureStateMachine, actor: UserID, at time: Timestamp) async throws
    func session(_ id: BodySessionID) async throws -> BodySession?
    /// Several sessions with their agendas at once (two queries), in the order asked.
    func sessions(_ ids: [BodySessionID]) async throws -> [BodySession]
    /// Upcoming (from `now`, soonest first) or past (latest first).
    func list(upcoming: Bool, now: Int64, limit: Int) async throws -> [BodySessionSummary]
    /// Every session in order of its start, after the key (start, id): the open data's pages.
    func page(after key: PageKey?, limit: Int, changed: ChangeWindow, body: String?) async throws -> [BodySessionSummary]
    /// The session whose agenda holds the item.
    func session(containing item: Int64) async throws -> BodySession?
    /// Where the measures stand on agendas, in one query: each item with its session, in the order of the sessions.
    func agendaEntries(of measures: [MeasureID]) async throws -> [MeasureID: [AgendaEntry]]
    /// The decisions of released sessions, the latest release first, in agenda order within a session.
    func releasedDecisions(limit: Int) async throws -> [ReleasedDecision]
    /// Sessions whose agenda names the measure, latest first.
    func sessions(of measure: MeasureID) async throws -> [BodySessionSummary]
}
