import KonventDomain

/// `/review`: what lies on the visitor's desk. A ministry sees what awaits its assessment or
/// confirmation, what waits for others and what it assessed; the steering committee what awaits its
/// decision; the office the whole pipeline per field of action and the days left to the deadline.
public enum ReviewDeskPage {
    public struct Entry: Sendable {
        public var measure: MeasureHeadline
        /// The current stage's due date (ISO) and days left (negative: overdue).
        public var due: (date: String, daysLeft: Int)?
        public var lead: Bool

        public init(measure: MeasureHeadline, due: (date: String, daysLeft: Int)?, lead: Bool = false) {
            self.measure = measure
            self.due = due
            self.lead = lead
        }
    }

    public struct Assessed: Sendable {
        public var measureID: Int64
        public var code: String
        public var title: String
        public var stage: String
        public var date: String

        public init(measureID: Int64, code: String, title: String, stage: String, date: String) {
            self.measureID = measureID
            self.code = code
            self.title = title
            self.stage = stage
            self.date = date
        }
    }

    public struct Session: Sendable {
        public var id: Int64
        public var title: String
        public var date: String

        public init(id: Int64, title: String, date: String) {
            self.id = id
            self.title = title
            self.date = date
        }
    }

    public struct Model: Sendable {
        public var region: RegionConfiguration
        /// Whose desk: a ministry's abbreviation, a body's name or the office.
        public var owner: String
        public var awaiting: [Entry] = []
        public var waitingForOthers: [Entry] = []
        public var assessed: [Assessed] = []
        /// For the office: count per field of action and state.
        public var pipeline: [String: [String: Int]]?
        public var overdue: [Entry] = []
        public var sessions: [Session] = []
        public var deadline: String
        public var daysToDeadline: Int
        /// The office's implementation lists; nil for other desks.
        public var implementation: Implementation?

        public init(region: RegionConfiguration, owner: String, deadline: String, daysToDeadline: Int) {
            self.region = region
            self.owner = owner
            self.deadline = deadline
            self.daysToDeadline = daysToDeadline
        }
    }

    /// Adopted measures that owe a report, milestones past their date, reports that wait for release.
    public struct Implementation: Sendable {
        public var reportEveryDays: Int
        public var dueReports: [OverdueReport] = []
        public var lateMilestones: [OverdueMilestone] = []
        public var waiting: [OverdueReport] = []

        public init(reportEveryDays: Int) { self.reportEveryDays = reportEveryDays }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("desk.title"), context) {
            el("h1") { t("desk.title") }
            el("p", .class("lead")) { t("desk.for", ["owner": model.owner]) }
            el("p") {
                t("desk.deadline", ["date": t.date(iso: model.deadline), "count": t.number(max(0, model.daysToDeadline))])
            }
            list("awaiting", t("desk.awaiting"), model.awaiting, model, t)
            if !model.waitingForOthers.isEmpty { list("others", t("desk.others"), model.waitingForOthers, model, t) }
            if model.pipeline != nil || !model.overdue.isEmpty { list("overdue", t("desk.overdue"), model.overdue, model, t) }
            if !model.sessions.isEmpty {
                el("section", .ariaLabelledBy("sessions-title")) {
                    el("h2", .id("sessions-title")) { t("desk.sessions") }
                    el("ul", .class("plain-list")) {
                        for session in model.sessions {
                            el("li") {
                                el("time", .datetime(session.date)) { t.date(iso: session.date) }
                                " "
                                el("a", .href(Site.Sessions.page(BodySessionID(session.id)))) { session.title }
                            }
                        }
                    }
                }
            }
            if let implementation = model.implementation { self.implementation(implementation, t) }
            if let pipeline = model.pipeline { pipelineTable(pipeline, model, t) }
            if !model.assessed.isEmpty {
                el("section", .ariaLabelledBy("assessed-title")) {
                    el("h2", .id("assessed-title")) { t("desk.assessed") }
                    el("ul", .class("plain-list")) {
                        for item in model.assessed {
                            el("li") {
                                el("time", .datetime(item.date)) { t.date(iso: item.date) }
                                " "
                                el("a", .href(Site.Measures.review(MeasureID(item.measureID)))) { "\(item.code) \(item.title)" }
                                " – \(model.region.review.stage(item.stage)?.name[t.language] ?? item.stage)"
                            }
                        }
                    }
                }
            }
        }
    }

    static func list(_ id: String, _ title: String, _ entries: [Entry], _ model: Model, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("\(id)-title")) {
            el("h2", .id("\(id)-title")) { "\(title) (\(t.number(entries.count)))" }
            if entries.isEmpty { el("p") { t("desk.empty") } }
            el("ul", .class("plain-list")) {
                for entry in entries {
                    el("li") {
                        el("a", .href(Site.Measures.review(entry.measure.id))) { "\(entry.measure.code) \(entry.measure.title)" }
                        " – \(MeasureStateName.name(entry.measure.state, model.region, t))"
                        if entry.lead { " (\(t("measure.lead")))" }
                        if let due = entry.due {
                            " · "
                            due.daysLeft < 0 ? el("strong") { t("review.overdue", ["count": t.number(-due.daysLeft)]) }
                                : Node.text(t("review.daysLeft", ["count": t.number(due.daysLeft)]))
                        }
                    }
                }
            }
        }
    }

    static func implementation(_ lists: Implementation, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("implementation-desk-title")) {
            el("h2", .id("implementation-desk-title")) { t("desk.implementation") }
            measureList("due-reports", t.count("desk.dueReports", lists.reportEveryDays), lists.dueReports.map { item in
                (item.measure, item.lastReport.map { t("desk.lastReport", ["date": t.date(iso: $0)]) } ?? t("desk.noReport"))
            }, t)
            measureList("late-milestones", t("desk.lateMilestones"), lists.lateMilestones.map { item in
                (item.measure, "\(item.title), " + t("desk.plannedFor", ["date": t.date(iso: item.planned)]))
            }, t)
            measureList("waiting-reports", t("desk.waitingReports"), lists.waiting.map { item in
                (item.measure, t("desk.reportOf", ["date": t.date(iso: item.lastReport ?? "")]))
            }, t)
        }
    }

    /// A counted list of measures, each linked to its implementation section with a note after it.
    static func measureList(_ id: String, _ title: String, _ items: [(measure: MeasureHeadline, note: String)], _ t: Translator) -> Node {
        .fragment([
            el("h3", .id("\(id)-title")) { "\(title) (\(t.number(items.count)))" },
            items.isEmpty ? el("p") { t("desk.empty") } : .empty,
            el("ul", .class("plain-list"), .ariaLabelledBy("\(id)-title")) {
                for item in items {
                    el("li") {
                        el("a", .href(Site.Measures.page(item.measure.id) + "#implementation")) { "\(item.measure.code) \(item.measure.title)" }
                        " – \(item.note)"
                    }
                }
            },
        ])
    }

    static func pipelineTable(_ pipeline: [String: [String: Int]], _ model: Model, _ t: Translator) -> Node {
        let columns = model.region.review.stateKeys
        return el("section", .ariaLabelledBy("pipeline-title")) {
            el("h2", .id("pipeline-title")) { t("desk.pipeline") }
            el("div", .class("table-scroll"), .tabindex(0), .ariaLabelledBy("pipeline-title")) {
                el("table", .class("data-table")) {
                    el("caption") { t("desk.pipeline.caption") }
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { t("field.fieldOfAction") }
                            for column in columns {
                                el("th", Attribute("scope", "col"), .class("numeric")) {
                                    model.region.review.stage(column)?.name[t.language] ?? t("measure.state.\(column)")
                                }
                            }
                        }
                    }
                    el("tbody") {
                        for field in model.region.fieldsOfAction {
                            el("tr") {
                                el("th", Attribute("scope", "row")) { field.name[t.language] }
                                for column in columns {
                                    el("td", .class("numeric")) { t.number(pipeline[field.key]?[column] ?? 0) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
