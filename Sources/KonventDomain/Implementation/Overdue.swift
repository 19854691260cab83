/// A measure on the review desk's implementation list: when it last reported (nil: never).
public struct OverdueReport: Sendable, Equatable {
    public var measure: MeasureHeadline
    public var lastReport: String?

    public init(measure: MeasureHeadline, lastReport: String?) {
        self.measure = measure
        self.lastReport = lastReport
    }
}

/// A milestone past its planned date, with its measure.
public struct OverdueMilestone: Sendable, Equatable {
    public var measure: MeasureHeadline
    public var title: String
    public var planned: String

    public init(measure: MeasureHeadline, title: String, planned: String) {
        self.measure = measure
        self.title = title
        self.planned = planned
    }
}
