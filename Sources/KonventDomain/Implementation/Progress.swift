public enum ProgressReportTag {}
public typealias ProgressReportID = ID<ProgressReportTag>
public enum MilestoneTag {}
public typealias MilestoneID = ID<MilestoneTag>
public enum IndicatorValueTag {}
public typealias IndicatorValueID = ID<IndicatorValueTag>

/// Where an adopted measure stands in its implementation, as its reports say.
public enum ProgressStatus: String, CaseIterable, Sendable, Codable {
    case planned, started
    case onTrack = "on_track"
    case delayed
    case atRisk = "at_risk"
    case completed, stopped

    public var catalogKey: String { "progress.status.\(rawValue)" }

    /// Completed and stopped are ends: a later report may only say the same (a correction or an addition).
    public var isFinal: Bool { self == .completed || self == .stopped }

    /// Whether a report may say `next` after one that said `self`. Once started, a measure is not planned again.
    public func allows(_ next: ProgressStatus) -> Bool {
        if isFinal { return next == self }
        if self != .planned, next == .planned { return false }
        return true
    }
}

/// Whether a measure's state is one that implementation is reported for.
extension MeasureState {
    /// The states of an adopted measure: the masterplan's measures, whose implementation is reported.
    public static let adoptedStates: [MeasureState] = [.adopted, .adoptedWithConditions, .inImplementation, .completed]

    public var isAdopted: Bool { Self.adoptedStates.contains(self) }
}

/// A dated report on a measure's implementation. Submitted by its sponsor or lead ministry, public
/// once the office publishes it. A correction replaces a report and keeps it visible as replaced.
public struct ProgressReport: Sendable, Equatable {
    public var id: ProgressReportID
    public var measureID: MeasureID
    /// The day the report speaks of (ISO).
    public var date: String
    public var status: ProgressStatus
    /// 0…100.
    public var percent: Int
    public var text: String
    public var links: [String]
    public var authorName: String?
    public var published: Bool
    public var replaces: ProgressReportID?
    /// Set when a later report corrected this one.
    public var replacedBy: ProgressReportID?
    public var createdAt: Int64

    public init(id: ProgressReportID, measureID: MeasureID, date: String, status: ProgressStatus, percent: Int, text: String,
                links: [String], authorName: String?, published: Bool, replaces: ProgressReportID?, replacedBy: ProgressReportID?,
                createdAt: Int64) {
        self.id = id
        self.measureID = measureID
        self.date = date
        self.status = status
        self.percent = percent
        self.text = text
        self.links = links
        self.authorName = authorName
        self.published = published
        self.replaces = replaces
        self.replacedBy = replacedBy
        self.createdAt = createdAt
    }
}

/// A step of a measure's implementation with its planned and, once reached, its actual day (ISO).
public struct Milestone: Sendable, Equatable {
    public var id: MilestoneID
    public var measureID: MeasureID
    public var title: String
    public var planned: String
    public var actual: String?

    public init(id: MilestoneID, measureID: MeasureID, title: String, planned: String, actual: String?) {
        self.id = id
        self.measureID = measureID
        self.title = title
        self.planned = planned
        self.actual = actual
    }

    /// Planned before `today` (ISO) and not reached.
    public func isOverdue(today: String) -> Bool { actual == nil && planned < today }
}

/// A measured value of one of a measure's indicators. A correction replaces a value; the earlier stays visible.
public struct IndicatorValue: Sendable, Equatable {
    public var id: IndicatorValueID
    public var measureID: MeasureID
    /// The indicator's name, as the measure's content lists it.
    public var indicator: String
    public var date: String
    public var value: Double
    public var source: String
    public var replaces: IndicatorValueID?
    public var replacedBy: IndicatorValueID?

    public init(id: IndicatorValueID, measureID: MeasureID, indicator: String, date: String, value: Double, source: String,
                replaces: IndicatorValueID?, replacedBy: IndicatorValueID?) {
        self.id = id
        self.measureID = measureID
        self.indicator = indicator
        self.date = date
        self.value = value
        self.source = source
        self.replaces = replaces
        self.replacedBy = replacedBy
    }
}
