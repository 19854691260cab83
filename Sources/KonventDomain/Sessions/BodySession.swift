public enum BodySessionTag {}
/// A session of one of the bodies (convention, IMAG, steering committee). Named so to keep it apart
/// from a signed-in browser's session.
public typealias BodySessionID = ID<BodySessionTag>

/// When and where a body meets, who takes part and who chairs.
public struct BodySessionDraft: Sendable, Equatable {
    public var body: String
    public var title: String
    public var startsAt: Int64
    public var endsAt: Int64
    public var place: String
    /// One name (and function) a line, as the minutes list them.
    public var participants: String
    public var chairID: UserID?

    public init(body: String, title: String, startsAt: Int64, endsAt: Int64, place: String, participants: String, chairID: UserID?) {
        self.body = body
        self.title = title
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.participants = participants
        self.chairID = chairID
    }

    /// The form as typed.
    public struct Input: Sendable, Equatable {
        public var body = ""
        public var title = ""
        public var start = ""
        public var end = ""
        public var place = ""
        public var participants = ""
        public var chair = ""

        public init() {}
    }

    /// `chairs`: who may chair (the ids offered in the form); `toUTC` places a wall-clock time in the
    /// region's zone.
    public static func validate(
        _ input: Input, region: RegionConfiguration, chairs: Set<UserID>, toUTC: (LocalDateTime) -> Int64?
    ) throws(ValidationFailure) -> BodySessionDraft {
        var v = Validator()
        if region.body(input.body) == nil { v.add("body", "error.session.body") }
        let title = input.title.trimmingWhitespace()
        if !(5...160).contains(title.count) || title.contains(where: \.isASCIIControl) { v.add("title", "error.session.title") }
        let start = LocalDateTime(input.start).flatMap(toUTC), end = LocalDateTime(input.end).flatMap(toUTC)
        if start == nil { v.add("start", "error.format.start") }
        if end == nil { v.add("end", "error.format.end") } else if let start, let end, end <= start { v.add("end", "error.format.endBeforeStart") }
        let place = input.place.trimmingWhitespace()
        if !(2...300).contains(place.count) || place.contains(where: \.isASCIIControl) { v.add("place", "error.session.place") }
        let participants = input.participants.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        if participants.count > 5000 { v.add("participants", "error.session.participants") }
        var chair: UserID?
        if !input.chair.isEmpty {
            if let id = UserID(input.chair), chairs.contains(id) { chair = id } else { v.add("chair", "error.session.chair") }
        }
        try v.finish()
        return BodySessionDraft(body: input.body, title: title, startsAt: start!, endsAt: end!, place: place, participants: participants,
                                chairID: chair)
    }
}

/// A session as stored, with its agenda.
public struct BodySession: Sendable, Equatable {
    public var id: BodySessionID
    public var draft: BodySessionDraft
    public var minutes: String
    /// When the chair released decisions and minutes; nil before.
    public var publishedAt: Int64?
    public var items: [AgendaItem]
    public var createdAt: Int64 = 0
    public var updatedAt: Int64 = 0

    public init(id: BodySessionID, draft: BodySessionDraft, minutes: String, publishedAt: Int64?, items: [AgendaItem]) {
        self.id = id
        self.draft = draft
        self.minutes = minutes
        self.publishedAt = publishedAt
        self.items = items
    }

    public var isPublished: Bool { publishedAt != nil }

    /// The review stage this item decides: its measure waits for this session's body to decide.
    public func decidingStage(_ item: AgendaItem, review: ReviewConfiguration) -> ReviewConfiguration.Stage? {
        guard let measure = item.measure, case .inReview(let key, .assessing) = measure.state, let stage = review.stage(key),
              stage.conclusion == .sessionDecision, stage.body == draft.body else { return nil }
        return stage
    }
}

/// One point of the agenda, possibly a measure, with what the body decided on it.
public struct AgendaItem: Sendable, Equatable {
    public struct MeasureLink: Sendable, Equatable {
        public var id: MeasureID
        public var code: String
        public var title: String
        public var state: MeasureState

        public init(id: MeasureID, code: String, title: String, state: MeasureState) {
            self.id = id
            self.code = code
            self.title = title
            self.state = state
        }
    }

    public var id: Int64
    public var position: Int
    public var title: String
    public var measure: MeasureLink?
    /// The outcome key where the item decides a measure's stage; nil for other items.
    public var outcome: String?
    public var decision: String
    public var conditions: String
    public var vote: Vote?
    public var decidedAt: Int64?

    public init(
        id: Int64, position: Int, title: String, measure: MeasureLink?, outcome: String?, decision: String, conditions: String,
        vote: Vote?, decidedAt: Int64?
    ) {
        self.id = id
        self.position = position
        self.title = title
        self.measure = measure
        self.outcome = outcome
        self.decision = decision
        self.conditions = conditions
        self.vote = vote
        self.decidedAt = decidedAt
    }
}
