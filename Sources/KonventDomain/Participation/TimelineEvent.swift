/// One thing that happened to a contribution, shown on its page and sent to the people it concerns.
public struct TimelineEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case created
        /// The status changed (published, hidden, not pursued, taken up …), with the reason given.
        case status
        /// This contribution was merged into `relatedID`.
        case mergedInto = "merged_into"
        /// `relatedID` was merged into this contribution.
        case mergedFrom = "merged_from"
        /// A comment (`relatedID`) was hidden by moderation.
        case commentHidden = "comment_hidden"
        /// Someone commented (`relatedID`); notified, not shown in the timeline.
        case commented
        /// A measure it went into (`relatedID`) reached a new state (`detail`, as stored).
        case measure
        /// A measure it went into (`relatedID`) published a progress report (`detail`: `status:percent`).
        case progress

        public var catalogKey: String { "timeline.\(rawValue)" }
    }

    public var id: Int64
    public var contributionID: ContributionID
    public var kind: Kind
    public var status: Contribution.Status?
    public var reason: String?
    public var relatedID: Int64?
    /// Milliseconds since 1970 (UTC).
    public var createdAt: Int64
    /// For measure events: the measure's state.
    public var detail: String?

    public init(
        id: Int64, contributionID: ContributionID, kind: Kind, status: Contribution.Status?, reason: String?, relatedID: Int64?,
        createdAt: Int64, detail: String? = nil
    ) {
        self.detail = detail
        self.id = id
        self.contributionID = contributionID
        self.kind = kind
        self.status = status
        self.reason = reason
        self.relatedID = relatedID
        self.createdAt = createdAt
    }
}

/// A timeline event as it reached one person, with the contribution's title for the list.
public struct ContributionNotification: Sendable, Equatable {
    public var id: Int64
    public var event: TimelineEvent
    public var contributionTitle: String
    /// The title of the contribution the event points to (merges).
    public var relatedTitle: String?
    /// Further events of the same kind on the same contribution folded into this one (comments).
    public var repeats: Int

    public init(id: Int64, event: TimelineEvent, contributionTitle: String, relatedTitle: String? = nil, repeats: Int = 0) {
        self.id = id
        self.repeats = repeats
        self.event = event
        self.contributionTitle = contributionTitle
        self.relatedTitle = relatedTitle
    }
}
