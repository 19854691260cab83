import struct Foundation.Date

public enum MeasureTag {}
public typealias MeasureID = ID<MeasureTag>

/// A measure or project of the masterplan, written by the convention office from contributions and
/// reviewed by the configured stages.
public struct Measure: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case measure, project

        public var catalogKey: String { "measure.kind.\(rawValue)" }
    }

    public enum Maturity: String, CaseIterable, Sendable, Codable {
        case idea, outline
        case ready = "ready_for_implementation"

        public var catalogKey: String { "measure.maturity.\(rawValue)" }
    }

    public var id: MeasureID
    /// `WI-07`: the field's prefix and a number per field.
    public var code: String
    public var state: MeasureState
    /// Increases with every saved change; forms carry it, so that a stale form is refused.
    public var version: Int
    public var content: MeasureContent
    public var updatedAt: Int64
    public var createdAt: Int64 = 0
    /// The latest decision's reason, shown with the state.
    public var stateReason: String?
    /// How many times the measure entered review (each pass has its own assessments).
    public var round = 0
    /// When its current review stage began (for the due date); nil outside review.
    public var stageStartedAt: Int64?
    /// What its latest published progress report says, once there is one.
    public var progress: ProgressSummary?

    public init(id: MeasureID, code: String, state: MeasureState, version: Int, content: MeasureContent, updatedAt: Int64,
                stateReason: String?) {
        self.id = id
        self.code = code
        self.state = state
        self.version = version
        self.content = content
        self.updatedAt = updatedAt
        self.stateReason = stateReason
    }
}

/// The latest published progress report of a measure, in short.
public struct ProgressSummary: Sendable, Equatable {
    public var status: ProgressStatus
    public var percent: Int
    /// The day it speaks of (ISO).
    public var date: String

    public init(status: ProgressStatus, percent: Int, date: String) {
        self.status = status
        self.percent = percent
        self.date = date
    }
}

/// A measure as lists and desks name it: no content to decode.
public struct MeasureHeadline: Sendable, Equatable {
    public var id: MeasureID
    public var code: String
    public var title: String
    public var state: MeasureState
    public var stageStartedAt: Int64?

    public init(id: MeasureID, code: String, title: String, state: MeasureState, stageStartedAt: Int64?) {
        self.id = id
        self.code = code
        self.title = title
        self.state = state
        self.stageStartedAt = stageStartedAt
    }
}

/// What a measure says; versions keep earlier copies of it.
public struct MeasureContent: Sendable, Equatable, Codable {
    public var kind: Measure.Kind
    public var title: String
    public var goal: String
    public var description: String
    public var fields: [String]
    /// Districts and municipalities (official keys).
    public var territories: [String]
    public var sponsor: String
    public var partners: String
    /// Whole euros.
    public var estimatedCost: Int
    public var financing: [FinancingLine]
    public var timeframe: String
    public var indicators: [Indicator]
    public var maturity: Measure.Maturity
    public var leadMinistry: String?

    public init(
        kind: Measure.Kind, title: String, goal: String, description: String, fields: [String], territories: [String], sponsor: String,
        partners: String, estimatedCost: Int, financing: [FinancingLine], timeframe: String, indicators: [Indicator],
        maturity: Measure.Maturity, leadMinistry: String?
    ) {
        self.kind = kind
        self.title = title
        self.goal = goal
        self.description = description
        self.fields = fields
        self.territories = territories
        self.sponsor = sponsor
        self.partners = partners
        self.estimatedCost = estimatedCost
        self.financing = financing
        self.timeframe = timeframe
        self.indicators = indicators
        self.maturity = maturity
        self.leadMinistry = leadMinistry
    }
}

public struct FinancingLine: Sendable, Equatable, Codable {
    public enum Source: String, CaseIterable, Sendable, Codable {
        case eu, federal, state, municipal, `private`, other

        public var catalogKey: String { "measure.financing.\(rawValue)" }
    }

    public var source: Source
    public var programme: String
    public var amount: Int
    /// The configured funding programme the line names, when it names one (free text otherwise).
    public var programmeKey: String?

    public init(source: Source, programme: String, amount: Int, programmeKey: String? = nil) {
        self.source = source
        self.programme = programme
        self.amount = amount
        self.programmeKey = programmeKey
    }
}

public struct Indicator: Sendable, Equatable, Codable {
    public var name: String
    public var target: String

    public init(name: String, target: String) {
        self.name = name
        self.target = target
    }
}
