/// What is known of a measure when progress is reported for it.
public struct ImplementationFacts: Sendable {
    public var state: MeasureState
    /// The day of its adoption (ISO); nothing is reported for a day before it.
    public var adoptedOn: String?
    public var today: String
    /// The status of the latest report that is not replaced, if any.
    public var latest: ProgressStatus?
    public var indicators: [Indicator]
    /// Its reports and values, which a correction may replace.
    public var reports: Set<Int64> = []
    public var values: Set<Int64> = []

    public init(state: MeasureState, adoptedOn: String?, today: String, latest: ProgressStatus?, indicators: [Indicator]) {
        self.state = state
        self.adoptedOn = adoptedOn
        self.today = today
        self.latest = latest
        self.indicators = indicators
    }

    /// A day for a report or a value: a real date, not before the adoption, not after today.
    public func checkDay(_ raw: String, _ v: inout Validator, field: String) -> String? {
        guard let day = ISODay.parse(raw) else {
            v.add(field, "progress.error.date")
            return nil
        }
        if let adoptedOn, day < adoptedOn {
            v.add(field, "progress.error.beforeAdoption")
            return nil
        }
        if day > today {
            v.add(field, "progress.error.future")
            return nil
        }
        return day
    }

    func checkAdopted(_ v: inout Validator) {
        if !state.isAdopted { v.add("measure", "progress.error.notAdopted") }
    }
}

public struct ProgressDraft: Sendable, Equatable {
    public var date: String
    public var status: ProgressStatus
    public var percent: Int
    public var text: String
    public var links: [String]
    public var replaces: ProgressReportID?

    public init(date: String, status: ProgressStatus, percent: Int, text: String, links: [String], replaces: ProgressReportID? = nil) {
        self.date = date
        self.status = status
        self.percent = percent
        self.text = text
        self.links = links
        self.replaces = replaces
    }
}

/// A progress report as typed into the form (or a row of an import).
public struct ProgressInput: Sendable, Equatable {
    public var date = ""
    public var status = ""
    public var percent = ""
    public var text = ""
    /// One address per line.
    public var links = ""
    public var replaces = ""

    public static let maximumText = 4_000
    public static let maximumLinks = 5

    public init() {}

    public func validate(_ facts: ImplementationFacts) throws(ValidationFailure) -> ProgressDraft {
        var v = Validator()
        facts.checkAdopted(&v)
        let day = facts.checkDay(date, &v, field: "date")
        let status = ProgressStatus(rawValue: status.trimmingWhitespace())
        if let status {
            if let latest = facts.latest, !latest.allows(status), replaces.trimmingWhitespace().isEmpty {
                v.add("status", "progress.error.statusStep")
            }
        } else {
            v.add("status", "progress.error.status")
        }
        let percent = Int(percent.trimmingWhitespace().replacingOccurrences(of: "%", with: "").trimmingWhitespace())
        if percent.map({ !(0...100).contains($0) }) ?? true { v.add("percent", "progress.error.percent") }
        let text = text.trimmingWhitespace()
        if text.isEmpty || text.count > Self.maximumText || text.contains(where: { $0.isASCIIControl && !$0.isNewline }) {
            v.add("text", "progress.error.text")
        }
        let links = links.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        if links.count > Self.maximumLinks || !links.allSatisfy(Self.isWebAddress) { v.add("links", "progress.error.links") }
        var replaced: ProgressReportID?
        if !replaces.trimmingWhitespace().isEmpty {
            replaced = ProgressReportID(replaces.trimmingWhitespace())
            if replaced.map({ !facts.reports.contains($0.rawValue) }) ?? true { v.add("replaces", "progress.error.replaces") }
        }
        try v.finish()
        return ProgressDraft(date: day!, status: status!, percent: percent!, text: text, links: links, replaces: replaced)
    }

    /// An http(s) address without spaces, at most 500 characters.
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && text.count <= 500 && text.count > 8
            && !text.contains(where: { $0.isWhitespace || $0.isASCIIControl || $0 == "\"" || $0 == "<" || $0 == ">" })
    }
}

public struct IndicatorValueDraft: Sendable, Equatable {
    public var indicator: String
    public var date: String
    public var value: Double
    public var source: String
    public var replaces: IndicatorValueID?

    public init(indicator: String, date: String, value: Double, source: String, replaces: IndicatorValueID? = nil) {
        self.indicator = indicator
        self.date = date
        self.value = value
        self.source = source
        self.replaces = replaces
    }
}

/// A measured value as typed: the indicator by name, the number in German or English notation.
public struct IndicatorValueInput: Sendable, Equatable {
    public var indicator = ""
    public var date = ""
    public var value = ""
    public var source = ""
    public var replaces = ""

    public init() {}

    public func validate(_ facts: ImplementationFacts) throws(ValidationFailure) -> IndicatorValueDraft {
        var v = Validator()
        facts.checkAdopted(&v)
        let name = indicator.trimmingWhitespace()
        if !facts.indicators.contains(where: { $0.name == name }) { v.add("indicator", "progress.error.indicator") }
        let day = facts.checkDay(date, &v, field: "valueDate")
        let number = DecimalText.parse(value)
        if number == nil { v.add("value", "progress.error.value") }
        let source = source.trimmingWhitespace()
        if source.isEmpty || source.count > 300 || source.contains(where: \.isASCIIControl) { v.add("source", "progress.error.source") }
        var replaced: IndicatorValueID?
        if !replaces.trimmingWhitespace().isEmpty {
            replaced = IndicatorValueID(replaces.trimmingWhitespace())
            if replaced.map({ !facts.values.contains($0.rawValue) }) ?? true { v.add("replaces", "progress.error.replaces") }
        }
        try v.finish()
        return IndicatorValueDraft(indicator: name, date: day!, value: number!, source: source, replaces: replaced)
    }
}

public struct MilestoneDraft: Sendable, Equatable {
    public var title: String
    public var planned: String
    public var actual: String?

    public init(title: String, planned: String, actual: String?) {
        self.title = title
        self.planned = planned
        self.actual = actual
    }
}

/// A milestone as typed: a title, the planned day and, once reached, the actual one.
public struct MilestoneInput: Sendable, Equatable {
    public var title = ""
    public var planned = ""
    public var actual = ""

    public init() {}

    public func validate(_ facts: ImplementationFacts) throws(ValidationFailure) -> MilestoneDraft {
        var v = Validator()
        facts.checkAdopted(&v)
        let title = title.trimmingWhitespace()
        if title.isEmpty || title.count > 200 || title.contains(where: \.isASCIIControl) { v.add("milestoneTitle", "progress.error.milestoneTitle") }
        // A plan may reach far ahead, but not past the horizon of a structural-change programme.
        let planned = ISODay.parse(planned)
        if planned == nil || planned! > ISODay.adding(years: 20, to: facts.today) || (facts.adoptedOn.map { planned! < ISODay.adding(years: -5, to: $0) } ?? false) {
            v.add("planned", "progress.error.planned")
        }
        var actual: String?
        if !self.actual.trimmingWhitespace().isEmpty {
            actual = facts.checkDay(self.actual, &v, field: "actual")
        }
        try v.finish()
        return MilestoneDraft(title: title, planned: planned!, actual: actual)
    }
}

/// A calendar day as ISO text (`YYYY-MM-DD`, the value of an HTML date field).
public enum ISODay {
    public static func parse(_ raw: String) -> String? {
        let parts = raw.trimmingWhitespace().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), year >= 1900,
              (1...12).contains(month), (1...LocalDateTime.days(in: month, of: year)).contains(day)
        else { return nil }
        return "\(CalendarDate.pad(year, 4))-\(CalendarDate.pad(month, 2))-\(CalendarDate.pad(day, 2))"
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil), for spacing days on an axis.
    public static func dayNumber(_ day: String) -> Int? {
        guard parse(day) == day, let year = Int(day.prefix(4)), let month = Int(day.dropFirst(5).prefix(2)),
              let date = Int(day.suffix(2)) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + date - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The same day `years` later (29 February becomes 28 February where needed).
    public static func adding(years: Int, to day: String) -> String {
        guard let year = Int(day.prefix(4)) else { return day }
        let rest = day.dropFirst(4)
        let shifted = "\(CalendarDate.pad(year + years, 4))\(rest)"
        return parse(shifted) ?? "\(CalendarDate.pad(year + years, 4))-02-28"
    }
}

/// A number as people type it: "1.234,5" (German) or "1234.5"; nil for anything else.
public enum DecimalText {
    public static func parse(_ raw: String) -> Double? {
        var text = raw.trimmingWhitespace().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{A0}", with: "")
        guard !text.isEmpty, text.count <= 30 else { return nil }
        if text.contains(",") {
            text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else if text.split(separator: ".").count > 2 || isGroupedThousands(text) {
            text = text.replacingOccurrences(of: ".", with: "")
        }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    /// "1.234" or "12.345.678": dots between groups of three digits.
    static func isGroupedThousands(_ text: String) -> Bool {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) }
    }
}
