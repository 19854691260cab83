import KonventDomain
import KonventStorage

/// The implementation of the adopted measures since their adoption: reports (some delayed, some at
/// risk, one in four waiting for the office), the first indicator measured on the same days, and
/// milestones reached, overdue and ahead. The demo reports every two weeks; `konvent generate`
/// asks for a year's volume (52 reports and values a measure), spread over the time since adoption.
struct DemoProgress {
    let services: Services
    static let day: Int64 = 86_400_000

    func load(office: UserID, reportsPerMeasure: Int? = nil) async throws {
        var query = MeasureQuery()
        query.states = MeasureState.adoptedStates
        query.limit = 1000
        let now = Timestamp.now.milliseconds
        var index = 0
        while true {
            let page = try await services.measures.list(query)
            for measure in page {
                try await load(measure, number: index, office: office, now: now, reports: reportsPerMeasure)
                index += 1
            }
            guard page.count == query.limit, let last = page.last else { break }
            query.after = MeasureQuery.key(ofCode: last.code)
        }
    }

    func load(_ measure: Measure, number index: Int, office: UserID, now: Int64, reports: Int?) async throws {
        guard let adopted = try await services.measures.steps(of: measure.id).first(where: { $0.to.isAdopted })?.at.milliseconds,
              now - adopted > 7 * Self.day
        else { return }
        func iso(_ milliseconds: Int64) -> String { services.clock.local(milliseconds).isoDate }
        let days = Int((now - adopted) / Self.day)
        // The days reported on: every two weeks from the first week on, or `reports` spread evenly.
        let offsets: [Int64] = reports.map { count in (1...count).map { Int64($0) * (now - adopted - Self.day) / Int64(count) } }
            ?? stride(from: 7, through: days, by: 14).map { Int64($0) * Self.day }
        let later: ProgressStatus = index % 5 == 4 ? .atRisk : index % 3 == 2 ? .delayed : .onTrack
        let indicator = measure.content.indicators.first
        let target = indicator.flatMap { DecimalText.parse($0.target) } ?? 100
        let waiting = index % 4 == 1
        var items: [ImportedProgress] = []
        var last: ProgressDraft?
        for (number, offset) in offsets.enumerated() {
            let status: ProgressStatus = number == 0 ? .started : later
            let percent = min(95, (number + 1) * 80 / offsets.count)
            let report = ProgressDraft(date: iso(adopted + offset), status: status, percent: percent,
                                       text: Self.text(status, measure: measure.content.title), links: [])
            let value = indicator.map {
                IndicatorValueDraft(indicator: $0.name, date: iso(adopted + offset),
                                    value: (target * Double(number + 1) / Double(offsets.count) * (later == .onTrack ? 0.6 : 0.3)).rounded(),
                                    source: "Meldung des Trägers")
            }
            if waiting && number == offsets.count - 1 { last = report }
            items.append(ImportedProgress(measure: measure.id, report: last == nil ? report : nil, value: value))
        }
        let store = services.implementation
        _ = try await store.importProgress(items, author: office, at: Timestamp(milliseconds: now))
        if let last { _ = try await store.report(last, measure: measure.id, author: office, publish: false, at: Timestamp(milliseconds: now)) }
        // Money: the first line applied for before adoption, approved for most, paid out for some; the
        // own share approved at once.
        for line in try await store.fundingLines(of: measure.id) {
            func step(_ status: FundingStatus, _ day: Int, _ amount: Int? = nil) async throws {
                guard day <= days else { return }
                try await store.recordFunding(FundingStep(line: line.index, status: status, date: iso(adopted + Int64(day) * Self.day), amount: amount),
                                              measure: measure.id, author: office, at: Timestamp(milliseconds: now))
            }
            if line.source == .municipal {
                try await step(.applied, -20)
                try await step(.approved, 5, line.planned)
                continue
            }
            try await step(.applied, -10)
            if index % 3 == 2 { continue }
            if index % 7 == 6 {
                try await step(.rejected, 20)
                continue
            }
            try await step(.approved, 20, line.planned)
            if index % 2 == 0 { try await step(.paidOut, 35, line.planned / 4) }
        }
        let steps: [(String, Int, Int?)] = [
            ("Projektteam und Steuerungsgruppe eingerichtet", 14, 10),
            ("Förderantrag eingereicht", 30, index % 2 == 0 ? 28 : nil),
            ("Erste Ergebnisse öffentlich vorgestellt", 180, nil),
        ]
        for (title, planned, actual) in steps {
            let reached = actual.flatMap { $0 <= days ? iso(adopted + Int64($0) * Self.day) : nil }
            _ = try await store.addMilestone(
                MilestoneDraft(title: title, planned: iso(adopted + Int64(planned) * Self.day), actual: reached),
                measure: measure.id, actor: office, at: Timestamp(milliseconds: now))
        }
    }

    static func text(_ status: ProgressStatus, measure title: String) -> String {
        switch status {
        case .started: "Die Arbeit an „\(title)“ hat begonnen: Der Träger hat das Projektteam benannt und den Zeitplan abgestimmt."
        case .onTrack: "Die Umsetzung liegt im Zeitplan. Die nächsten Schritte sind mit den Partnern vereinbart."
        case .delayed: "Die Umsetzung verzögert sich, weil die Bewilligung der Fördermittel noch aussteht. Der Zeitplan wird angepasst."
        case .atRisk: "Die Finanzierung ist noch nicht gesichert. Träger und federführendes Ressort suchen eine andere Förderlinie."
        default: "Stand der Umsetzung wie geplant."
        }
    }
}
