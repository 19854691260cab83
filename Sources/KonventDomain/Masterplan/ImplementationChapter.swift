/// "Umsetzungsstand", as the status report's chapter and the plan's monitoring both print it: the
/// adopted measures by the status of their latest public report, the money approved against their
/// cost, overdue milestones, indicators against their targets, and the same per field of action.
extension MasterplanAssembler {
    /// `key` starts the blocks' ids, so that they stay apart from a written chapter's paragraphs.
    public func implementationBlocks(_ planned: [PlannedMeasure], _ data: ImplementationFigures, key: String) -> [MasterplanDocument.Block] {
        let measures = planned.map(\.measure)
        let statuses: [ProgressStatus?] = ProgressStatus.allCases.map { $0 } + [nil]
        func name(_ status: ProgressStatus?) -> String { label(status?.catalogKey ?? "implementation.noReport", [:]) }
        func approved(_ list: [Measure]) -> Int { list.reduce(0) { $0 + (data.approvedFunding[$1.id] ?? 0) } }
        let cost = measures.reduce(0) { $0 + $1.content.estimatedCost }
        let secured = measures.filter { $0.content.estimatedCost > 0 && (data.approvedFunding[$0.id] ?? 0) >= $0.content.estimatedCost }.count
        let overdue = data.overdueMilestones.values.reduce(0, +)
        let rows = region.fieldsOfAction.map { field -> [String] in
            let own = measures.filter { $0.content.fields.first == field.key }
            let good = own.filter { [.started, .onTrack, .completed].contains($0.progress?.status) }.count
            let late = own.filter { [.delayed, .atRisk, .stopped].contains($0.progress?.status) }.count
            return [field.name[language], number(own.count), number(own.filter { $0.progress != nil }.count), number(good),
                    number(late), euros(approved(own))]
        }
        return [
            .paragraph(id: "\(key)-1", text: label("report.implementation.summary", [
                "count": number(measures.count), "reported": number(measures.filter { $0.progress != nil }.count),
            ])),
            .table(.init(caption: label("report.implementation.states", [:]), header: [label("progress.status", [:]), label("report.count", [:])],
                         rows: statuses.map { status in [name(status), number(measures.filter { $0.progress?.status == status }.count)] },
                         numeric: [1])),
            .figure(Figure(id: "\(key)-states", kind: .bars, caption: label("report.implementation.states", [:]), items: statuses.map { status in
                let count = measures.filter { $0.progress?.status == status }.count
                return .init(key: status?.rawValue ?? "none", label: name(status), value: Double(count), text: number(count))
            })),
            .paragraph(id: "\(key)-funding", text: label("report.implementation.funding", [
                "approved": euros(approved(measures)), "cost": euros(cost), "count": number(secured),
            ])),
            .paragraph(id: "\(key)-milestones", text: label("report.implementation.milestones", ["count": number(overdue)])),
            indicatorTable(measures, data),
            .table(.init(caption: label("report.implementation.byField", [:]), header: [
                label("field.fieldOfAction", [:]), label("report.implementation.measures", [:]), label("report.implementation.reported", [:]),
                label("report.implementation.good", [:]), label("report.implementation.late", [:]), label("funding.approved", [:]),
            ], rows: rows, numeric: [1, 2, 3, 4, 5])),
        ]
    }

    /// The adopted measures' indicators by where they stand against their targets.
    func indicatorTable(_ measures: [Measure], _ data: ImplementationFigures) -> MasterplanDocument.Block {
        var counts: [IndicatorStanding: Int] = [:]
        for measure in measures {
            for indicator in measure.content.indicators {
                let ends = data.indicatorEnds[measure.id]?[indicator.name]
                counts[IndicatorStanding.of(target: indicator.target, first: ends?.first, latest: ends?.latest), default: 0] += 1
            }
        }
        return .table(.init(caption: label("report.implementation.indicators", [:]),
                            header: [label("report.implementation.indicatorStanding", [:]), label("report.count", [:])],
                            rows: IndicatorStanding.allCases.map { [label($0.catalogKey, [:]), number(counts[$0] ?? 0)] }, numeric: [1]))
    }
}
