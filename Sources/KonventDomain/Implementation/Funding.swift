/// A funding programme a measure's financing line may name, from the region's configuration.
public struct FundingProgramme: Sendable, Equatable, Codable {
    public var key: String
    public var name: String
    public var source: FinancingLine.Source
    /// The programme line or priority, as the programme names it.
    public var line: String?
    /// Usual share of eligible costs, in percent.
    public var rate: Int?
    /// Call deadlines (ISO days).
    public var deadlines: [String]?
    /// Its public page, where it has one.
    public var url: String?
    /// Where it may be used ("Freistaat Sachsen").
    public var area: String

    public init(key: String, name: String, source: FinancingLine.Source, line: String? = nil, rate: Int? = nil, deadlines: [String]? = nil,
                url: String?, area: String) {
        self.key = key
        self.name = name
        self.source = source
        self.line = line
        self.rate = rate
        self.deadlines = deadlines
        self.url = url
        self.area = area
    }
}

/// Where the money of a financing line stands.
public enum FundingStatus: String, CaseIterable, Sendable, Codable {
    case planned
    case applied
    case approved
    case rejected
    case paidOut = "paid_out"

    public var catalogKey: String { "funding.status.\(rawValue)" }

    /// The steps a line may take: an application is decided, approved money is paid out; a refused
    /// line may be applied for again (elsewhere or later).
    public func allows(_ next: FundingStatus) -> Bool {
        switch (self, next) {
        case (.planned, .applied), (.applied, .approved), (.applied, .rejected), (.rejected, .applied), (.approved, .paidOut): true
        case (.paidOut, .paidOut): true
        default: false
        }
    }

    /// Money that is granted: approved or paid out.
    public var isSecured: Bool { self == .approved || self == .paidOut }
}

/// One step of a financing line, as recorded.
public struct FundingStep: Sendable, Equatable {
    /// The line's position in the measure's financing plan (0-based).
    public var line: Int
    public var status: FundingStatus
    public var date: String
    /// Euros approved (with `approved`) or paid (with `paidOut`).
    public var amount: Int?

    public init(line: Int, status: FundingStatus, date: String, amount: Int?) {
        self.line = line
        self.status = status
        self.date = date
        self.amount = amount
    }
}

/// A financing line of an adopted measure with where its money stands.
public struct FundingLineState: Sendable, Equatable {
    public var index: Int
    public var source: FinancingLine.Source
    public var programme: String
    public var programmeKey: String?
    public var planned: Int
    public var status: FundingStatus
    public var date: String?
    public var approved: Int
    public var paid: Int

    public init(index: Int, source: FinancingLine.Source, programme: String, programmeKey: String?, planned: Int, status: FundingStatus,
                date: String?, approved: Int, paid: Int) {
        self.index = index
        self.source = source
        self.programme = programme
        self.programmeKey = programmeKey
        self.planned = planned
        self.status = status
        self.date = date
        self.approved = approved
        self.paid = paid
    }

    /// The line after `step`: approved money replaces what was approved before, a refusal clears it,
    /// payments add up.
    public func after(_ step: FundingStep) -> FundingLineState {
        var next = self
        next.status = step.status
        next.date = step.date
        switch step.status {
        case .approved: next.approved = step.amount ?? 0
        case .rejected: next.approved = 0
        case .paidOut: next.paid += step.amount ?? 0
        default: break
        }
        return next
    }

    /// "Finanzierungsweg gesichert": granted money covers the estimated cost.
    public static func isSecured(_ lines: [FundingLineState], cost: Int) -> Bool {
        cost > 0 && lines.filter(\.status.isSecured).map(\.approved).reduce(0, +) >= cost
    }
}

/// A funding step as typed: the line, the new status, the day and, where it has one, the amount.
public struct FundingInput: Sendable, Equatable {
    public var line = ""
    public var status = ""
    public var date = ""
    public var amount = ""

    public init() {}

    public func validate(_ facts: ImplementationFacts, lines: [FundingLineState]) throws(ValidationFailure) -> FundingStep {
        var v = Validator()
        facts.checkAdopted(&v)
        let index = Int(line.trimmingWhitespace()).flatMap { wanted in lines.firstIndex { $0.index == wanted } }
        if index == nil { v.add("fundingLine", "funding.error.line") }
        let status = FundingStatus(rawValue: status.trimmingWhitespace())
        if status == nil {
            v.add("fundingStatus", "funding.error.status")
        } else if let index, !lines[index].status.allows(status!) {
            v.add("fundingStatus", "funding.error.step")
        }
        // An application often precedes the adoption: only the future is refused.
        let day = ISODay.parse(date)
        if day == nil || day! > facts.today { v.add("fundingDate", "funding.error.date") }
        var amount: Int?
        if status == .approved || status == .paidOut {
            amount = DecimalText.parse(self.amount).flatMap { $0 >= 0 && $0 == $0.rounded() && $0 < 1e12 ? Int($0) : nil }
            if amount == nil { v.add("fundingAmount", "funding.error.amount") }
            if let amount, let index, status == .paidOut, lines[index].paid + amount > lines[index].approved {
                v.add("fundingAmount", "funding.error.paidMore")
            }
        }
        try v.finish()
        return FundingStep(line: lines[index!].index, status: status!, date: day!, amount: amount)
    }
}
