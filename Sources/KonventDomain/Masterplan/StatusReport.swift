/// What the status report for the cabinet is made of, counted from the data.
public struct StatusFigures: Sendable, Equatable {
    public var figures: PlanFigures
    /// Field key → state (as stored, review stages by key) → measures.
    public var pipeline: [String: [String: Int]]
    public var planned: [PlannedMeasure]
    /// Field key → measures past their stage's due date.
    public var overdue: [String: Int]
    public var deadline: String
    public var daysToDeadline: Int
    public var implementation = ImplementationFigures()

    public init(figures: PlanFigures, pipeline: [String: [String: Int]], planned: [PlannedMeasure], overdue: [String: Int], deadline: String,
                daysToDeadline: Int) {
        self.figures = figures
        self.pipeline = pipeline
        self.planned = planned
        self.overdue = overdue
        self.deadline = deadline
        self.daysToDeadline = daysToDeadline
    }
}

/// What the status report's implementation chapter and the plan's monitoring are counted from,
/// beside the adopted measures themselves.
public struct ImplementationFigures: Sendable, Equatable {
    /// Approved (or paid) money of each adopted measure's financing lines.
    public var approvedFunding: [MeasureID: Int] = [:]
    /// Each adopted measure's milestones planned before today and not reached.
    public var overdueMilestones: [MeasureID: Int] = [:]
    /// Each adopted measure's indicators with their first and latest values.
    public var indicatorEnds: [MeasureID: [String: IndicatorEnds]] = [:]

    public init() {}
}

/// The status report with which the minister links cabinet and region: the whole first, then one
/// chapter per field of action; the same document shape as the plan, so it exports the same ways.
public struct StatusReportAssembler: Sendable {
    public let plan: MasterplanAssembler

    public init(plan: MasterplanAssembler) { self.plan = plan }

    var stateColumns: [String] { plan.region.review.stateKeys }

    func stateName(_ column: String) -> String {
        plan.region.review.stage(column)?.name[plan.language] ?? plan.label("measure.state.\(column)", [:])
    }

    public func document(_ data: StatusFigures, status: String) -> MasterplanDocument {
        let label = plan.label
        let fields = plan.region.fieldsOfAction
        var chapters: [MasterplanDocument.Chapter] = []
        let totals = Dictionary(stateColumns.map { column in (column, fields.reduce(0) { $0 + (data.pipeline[$1.key]?[column] ?? 0) }) },
                                uniquingKeysWith: { $1 })
        chapters.append(.init(key: "overall", title: label("report.overall", [:]), written: false, blocks: [
            .paragraph(id: "overall-1", text: label("report.deadline", ["date": plan.date(data.deadline), "count": plan.number(max(0, data.daysToDeadline))])),
            .paragraph(id: "overall-2", text: label("masterplan.participation.summary", [
                "formats": plan.number(data.figures.formats), "contributions": plan.number(data.figures.contributions),
                "supports": plan.number(data.figures.supports), "comments": plan.number(data.figures.comments),
                "takenUp": plan.number(data.figures.takenUp),
            ])),
        ] + blocks(key: "overall", states: totals, planned: data.planned, overdue: data.overdue.values.reduce(0, +))))
        if !data.planned.isEmpty {
            chapters.append(.init(key: "implementation", title: label("report.implementation", [:]), written: false,
                                  blocks: plan.implementationBlocks(data.planned, data.implementation, key: "implementation")))
        }
        for field in fields {
            let key = "field-\(field.key)"
            chapters.append(.init(key: key, title: field.name[plan.language], written: false, blocks: [
                .paragraph(id: "\(key)-1", text: label("report.field.contributions", [
                    "count": plan.number(data.figures.byField[field.key] ?? 0), "formats": plan.number(data.figures.formatsByField[field.key] ?? 0),
                ])),
            ] + blocks(key: key, states: data.pipeline[field.key] ?? [:], planned: data.planned.filter { $0.measure.content.fields.first == field.key },
                       overdue: data.overdue[field.key] ?? 0)))
        }
        return MasterplanDocument(title: label("report.title", ["process": plan.region.process.title[plan.language]]), status: status,
                                  chapters: chapters, attribution: plan.region.territoryAttribution)
    }

    func blocks(key: String, states: [String: Int], planned: [PlannedMeasure], overdue: Int) -> [MasterplanDocument.Block] {
        let label = plan.label
        var bySource: [FinancingLine.Source: Int] = [:]
        for measure in planned { for line in measure.measure.content.financing { bySource[line.source, default: 0] += line.amount } }
        let cost = planned.reduce(0) { $0 + $1.measure.content.estimatedCost }
        return [
            .table(.init(caption: label("report.states", [:]), header: [label("measure.state", [:]), label("report.count", [:])],
                         rows: stateColumns.map { [stateName($0), plan.number(states[$0] ?? 0)] }, numeric: [1])),
            .figure(Figure(id: "\(key)-states", kind: .bars, caption: label("report.states", [:]), items: stateColumns.map {
                .init(key: $0, label: stateName($0), value: Double(states[$0] ?? 0), text: plan.number(states[$0] ?? 0))
            })),
            .paragraph(id: "\(key)-adopted", text: label("report.adopted", ["count": plan.number(planned.count), "cost": plan.euros(cost)])),
            .table(.init(caption: label("report.financing", [:]),
                         header: [label("measure.financing.source", [:]), label("measure.financing.amount", [:])],
                         rows: FinancingLine.Source.allCases.map { [label($0.catalogKey, [:]), plan.euros(bySource[$0] ?? 0)] }, numeric: [1])),
            .figure(Figure(id: "\(key)-financing", kind: .bars, caption: label("report.financing", [:]),
                           items: FinancingLine.Source.allCases.map {
                               .init(key: $0.rawValue, label: label($0.catalogKey, [:]), value: Double(bySource[$0] ?? 0), text: plan.euros(bySource[$0] ?? 0))
                           })),
            .paragraph(id: "\(key)-overdue", text: label("report.overdue", ["count": plan.number(overdue)])),
        ]
    }
}
