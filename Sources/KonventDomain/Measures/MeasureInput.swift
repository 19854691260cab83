/// The measure form as typed, with the checks that turn it into content.
public struct MeasureInput: Sendable, Equatable {
    public var kind = ""
    public var title = ""
    public var goal = ""
    public var description = ""
    public var fields: [String] = []
    public var territories: [String] = []
    public var sponsor = ""
    public var partners = ""
    public var estimatedCost = ""
    /// (source, programme, amount) as typed; rows left empty are ignored.
    public var financing: [(source: String, programme: String, amount: String)] = []
    public var timeframe = ""
    public var indicators: [(name: String, target: String)] = []
    public var maturity = ""
    public var leadMinistry = ""

    public init() {}

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.kind == rhs.kind && lhs.title == rhs.title && lhs.goal == rhs.goal && lhs.description == rhs.description
            && lhs.fields == rhs.fields && lhs.territories == rhs.territories && lhs.sponsor == rhs.sponsor
            && lhs.partners == rhs.partners && lhs.estimatedCost == rhs.estimatedCost
            && lhs.financing.map { [$0.source, $0.programme, $0.amount] } == rhs.financing.map { [$0.source, $0.programme, $0.amount] }
            && lhs.timeframe == rhs.timeframe && lhs.indicators.map { [$0.name, $0.target] } == rhs.indicators.map { [$0.name, $0.target] }
            && lhs.maturity == rhs.maturity && lhs.leadMinistry == rhs.leadMinistry
    }

    public static let maximumLines = 12

    /// The form filled from stored content (for editing).
    public init(_ content: MeasureContent) {
        kind = content.kind.rawValue
        title = content.title
        goal = content.goal
        description = content.description
        fields = content.fields
        territories = content.territories
        sponsor = content.sponsor
        partners = content.partners
        estimatedCost = String(content.estimatedCost)
        financing = content.financing.map { ($0.source.rawValue, $0.programme, String($0.amount)) }
        timeframe = content.timeframe
        indicators = content.indicators.map { ($0.name, $0.target) }
        maturity = content.maturity.rawValue
        leadMinistry = content.leadMinistry ?? ""
    }

    public func validate(region: RegionConfiguration) throws(ValidationFailure) -> MeasureContent {
        var v = Validator()
        func text(_ value: String, _ field: String, _ range: ClosedRange<Int>, _ key: String) -> String {
            let value = value.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
            if !range.contains(value.count) { v.add(field, key) }
            return value
        }
        let kind = Measure.Kind(rawValue: self.kind)
        if kind == nil { v.add("kind", "error.measure.kind") }
        let title = text(self.title, "title", 5...160, "error.measure.title")
        if title.contains(where: \.isASCIIControl) { v.add("title", "error.measure.title") }
        let goal = text(self.goal, "goal", 10...2000, "error.measure.goal")
        let description = text(self.description, "description", 20...20_000, "error.measure.description")
        let known = Set(region.fieldsOfAction.map(\.key))
        let fields = region.fieldsOfAction.map(\.key).filter(Set(self.fields).contains)
        if fields.isEmpty || self.fields.contains(where: { !known.contains($0) }) { v.add("fields", "error.contribution.fields") }
        var territories: [String] = []
        for key in self.territories where !key.isEmpty {
            if region.territory(key) == nil { v.add("territories", "error.measure.territories") } else if !territories.contains(key) {
                territories.append(key)
            }
        }
        let sponsor = text(self.sponsor, "sponsor", 2...300, "error.measure.sponsor")
        let partners = text(self.partners, "partners", 0...2000, "error.profile.tooLong")
        let cost = ProjectProfile.euros(estimatedCost, "estimatedCost", &v)
        if cost == nil && estimatedCost.trimmingWhitespace().isEmpty { v.add("estimatedCost", "error.measure.cost") }
        var lines: [FinancingLine] = []
        for (index, row) in financing.enumerated() {
            let field = "financing-\(index + 1)"
            if row.source.isEmpty && row.programme.trimmingWhitespace().isEmpty && row.amount.trimmingWhitespace().isEmpty { continue }
            let source = FinancingLine.Source(rawValue: row.source)
            let amount = ProjectProfile.euros(row.amount, field, &v)
            if source == nil || amount == nil || row.programme.count > 200 {
                v.add(field, "error.measure.financingLine")
                continue
            }
            let programme = row.programme.trimmingWhitespace()
            lines.append(FinancingLine(source: source!, programme: programme, amount: amount!,
                                       programmeKey: region.fundingProgramme(named: programme)?.key))
        }
        if lines.count > Self.maximumLines { v.add("financing-1", "error.measure.financingLines") }
        if let cost, !lines.isEmpty, lines.reduce(0, { $0 + $1.amount }) != cost { v.add("financing-1", "error.measure.financingSum") }
        var indicators: [Indicator] = []
        for (index, row) in self.indicators.enumerated() {
            let name = row.name.trimmingWhitespace(), target = row.target.trimmingWhitespace()
            if name.isEmpty && target.isEmpty { continue }
            if name.isEmpty || target.isEmpty || name.count > 200 || target.count > 200 {
                v.add("indicator-\(index + 1)", "error.measure.indicator")
                continue
            }
            indicators.append(Indicator(name: name, target: target))
        }
        let timeframe = text(self.timeframe, "timeframe", 0...200, "error.measure.timeframe")
        let maturity = Measure.Maturity(rawValue: self.maturity)
        if maturity == nil { v.add("maturity", "error.measure.maturity") }
        var lead: String?
        if !leadMinistry.isEmpty {
            if region.ministry(leadMinistry) == nil { v.add("leadMinistry", "error.measure.ministry") } else { lead = leadMinistry }
        }
        try v.finish()
        return MeasureContent(
            kind: kind!, title: title, goal: goal, description: description, fields: fields, territories: territories, sponsor: sponsor,
            partners: partners, estimatedCost: cost ?? 0, financing: lines, timeframe: timeframe, indicators: indicators,
            maturity: maturity!, leadMinistry: lead)
    }
}
