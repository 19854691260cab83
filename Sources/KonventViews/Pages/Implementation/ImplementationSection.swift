import KonventDomain

/// The "Umsetzung" section of an adopted measure's page: where it stands, its reports (corrected
/// ones stay, marked), its milestones, its indicators over time against their targets; for those
/// who report, the forms, and for the office the reports waiting to be published.
public enum ImplementationSection {
    public struct Model: Sendable {
        public var measureID: MeasureID
        public var indicators: [Indicator]
        /// Newest day first; unpublished ones only for those who may see them.
        public var reports: [ProgressReport]
        public var milestones: [Milestone]
        public var values: [IndicatorValue]
        public var today: String
        public var sponsorOrganisation: String?
        public var mayReport = false
        public var mayPublish = false
        /// The office lets reports publish without it.
        public var publishesDirectly = false
        public var progress = ProgressInput()
        public var value = IndicatorValueInput()
        public var milestone = MilestoneInput()
        /// The office's entry for the sponsor organisation, kept after a refusal.
        public var sponsorInput: String?
        /// The financing plan's lines with where their money stands, and the estimated cost.
        public var funding: [FundingLineState] = []
        public var cost = 0
        public var programmes: [FundingProgramme] = []
        public var fundingInput = FundingInput()
        public var errors: [FieldError] = []

        public init(measureID: MeasureID, indicators: [Indicator], reports: [ProgressReport], milestones: [Milestone],
                    values: [IndicatorValue], today: String) {
            self.measureID = measureID
            self.indicators = indicators
            self.reports = reports
            self.milestones = milestones
            self.values = values
            self.today = today
        }

        /// How many reports there are in all (`reports` holds the newest page and one more).
        public var reportCount = 0
        /// An older page of reports, when the visitor went back (and one more, to know whether there are older still).
        public var olderPage: [ProgressReport]?

        /// The latest published report that no later one corrected.
        public var current: ProgressReport? { reports.first { $0.published && $0.replacedBy == nil } }
    }

    public static func render(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", .id("implementation"), .ariaLabelledBy("implementation-title")) {
            el("h2", .id("implementation-title")) { t("progress.title") }
            status(model, t)
            if let sponsor = model.sponsorOrganisation { el("p") { t("progress.sponsor", ["name": sponsor]) } }
            milestones(model, t)
            FundingView.lines(model, t)
            for indicator in model.indicators { self.indicator(indicator, model, t) }
            reports(model, context)
            if model.mayReport { forms(model, context) }
        }
    }

    static func status(_ model: Model, _ t: Translator) -> Node {
        guard let current = model.current else { return el("p") { t("progress.none") } }
        return el("div", .class("progress-status")) {
            el("p") {
                el("strong") { t(current.status.catalogKey) }
                " · "
                t("progress.percentDone", ["percent": String(current.percent)])
                " · "
                t("progress.asOf", ["date": t.date(iso: current.date)])
            }
            el("progress", .id("progress-bar"), Attribute("max", "100"), .value(String(current.percent)),
               .ariaLabel(t("progress.percentLabel"))) { "\(current.percent) %" }
        }
    }

    static func milestones(_ model: Model, _ t: Translator) -> Node {
        guard !model.milestones.isEmpty else { return .empty }
        return el("div") {
            el("h3", .id("milestones-title")) { t("progress.milestones") }
            Layout.scrolling(.ariaLabelledBy("milestones-title")) {
                el("table", .class("data-table")) {
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { t("progress.milestone") }
                            el("th", Attribute("scope", "col")) { t("progress.plannedColumn") }
                            el("th", Attribute("scope", "col")) { t("progress.actualColumn") }
                        }
                    }
                    el("tbody") {
                        for milestone in model.milestones {
                            el("tr") {
                                el("th", Attribute("scope", "row")) { milestone.title }
                                el("td") { el("time", .datetime(milestone.planned)) { t.date(iso: milestone.planned) } }
                                el("td") {
                                    if let actual = milestone.actual {
                                        el("time", .datetime(actual)) { t.date(iso: actual) }
                                    } else if milestone.isOverdue(today: model.today) {
                                        el("strong", .class("overdue")) { t("progress.overdue") }
                                    } else {
                                        t("progress.open")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func indicator(_ indicator: Indicator, _ model: Model, _ t: Translator) -> Node {
        let values = model.values.filter { $0.indicator == indicator.name }
        let shown = values.filter { $0.replacedBy == nil }
        let id = "indicator-\(model.indicators.firstIndex(of: indicator) ?? 0)"
        return el("div", .class("indicator")) {
            el("h3", .id("\(id)-name")) { indicator.name }
            el("p") { t("progress.target", ["target": indicator.target]) }
            let ordered = shown.sorted { ($0.date, $0.id.rawValue) < ($1.date, $1.id.rawValue) }
            let standing = IndicatorStanding.of(target: indicator.target, first: ordered.first?.value, latest: ordered.last?.value)
            if standing == .onTarget || standing == .offTarget { el("p") { el("strong") { t(standing.catalogKey) } } }
            if shown.isEmpty {
                el("p") { t("progress.noValues") }
            } else {
                chart(shown, indicator, id: id, t)
                valueTable(values, id: id, t)
            }
        }
    }

    /// The values that stand (not corrected) over time, against the target when it is a number.
    static func chart(_ shown: [IndicatorValue], _ indicator: Indicator, id: String, _ t: Translator) -> Node {
        let items = shown.map { value in
            Figure.Item(key: value.date, label: t.date(iso: value.date), value: value.value, text: number(value.value, t), axis: t.date(iso: value.date))
        }
        var figure = Figure(id: id, kind: .series, caption: t("progress.chart", ["name": indicator.name]), items: items)
        figure.target = DecimalText.parse(indicator.target)
        figure.targetLabel = figure.target.map { t("progress.targetLine", ["target": number($0, t)]) }
        return FigureView.render(figure, map: nil)
    }

    static func valueTable(_ values: [IndicatorValue], id: String, _ t: Translator) -> Node {
        el("details", .class("figure-table")) {
            el("summary") { t("progress.values") }
            Layout.scrolling(.ariaLabelledBy("\(id)-name")) {
                el("table", .class("data-table")) {
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { t("progress.valueDate") }
                            el("th", Attribute("scope", "col"), .class("numeric")) { t("progress.value") }
                            el("th", Attribute("scope", "col")) { t("progress.source") }
                        }
                    }
                    el("tbody") {
                        for value in values.reversed() {
                            el("tr", value.replacedBy == nil ? nil : .class("replaced")) {
                                el("td") { el("time", .datetime(value.date)) { t.date(iso: value.date) } }
                                el("td", .class("numeric")) { number(value.value, t) }
                                el("td") {
                                    value.source
                                    if value.replacedBy != nil { " (\(t("progress.corrected")))" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Reports a page shows; older ones go by key (`?reports=2026-03-31_17`).
    public static let reportsPerPage = 10

    /// The key of a page of older reports from the URL: the day and id of the last report before it.
    public static func reportKey(_ text: String) -> (date: String, id: Int64)? {
        let parts = text.split(separator: "_")
        guard parts.count == 2, let id = Int64(parts[1]), let day = ISODay.parse(String(parts[0])) else { return nil }
        return (day, id)
    }

    static func reports(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        let page = model.olderPage ?? model.reports
        guard !page.isEmpty else { return .empty }
        let shown = page.prefix(reportsPerPage)
        return el("div", .id("reports")) {
            el("h3") { t.count("progress.reports", max(model.reportCount, model.reports.count)) }
            el("ol", .class("plain-list reports")) {
                for report in shown {
                    el("li", .id("report-\(report.id.rawValue)"), .class(report.replacedBy == nil ? "report" : "report report--replaced")) {
                        el("h4") {
                            el("time", .datetime(report.date)) { t.date(iso: report.date) }
                            ": \(t(report.status.catalogKey)), \(report.percent) %"
                        }
                        if let newer = report.replacedBy {
                            el("p", .class("meta")) {
                                el("a", .href("#report-\(newer.rawValue)")) { t("progress.replacedBy") }
                            }
                        }
                        if !report.published { el("p", .class("meta")) { el("strong") { t("progress.unpublished") } } }
                        el("div", .class("prose")) { SafeMarkup.render(report.text) }
                        if !report.links.isEmpty {
                            el("ul") {
                                for link in report.links { el("li") { el("a", .href(link), Attribute("rel", "nofollow")) { link } } }
                            }
                        }
                        if let author = report.authorName { el("p", .class("meta")) { t("progress.by", ["name": author]) } }
                        if !report.published && model.mayPublish {
                            Forms.post(Site.Measures.publishProgress(model.measureID, report.id.rawValue), context, class: "form form--inline") {
                                Forms.submit(t("progress.publish"))
                            }
                        }
                    }
                }
            }
            let older = page.count > reportsPerPage ? shown.last.map { "\($0.date)_\($0.id.rawValue)" } : nil
            if older != nil || model.olderPage != nil {
                el("nav", .class("pagination"), .ariaLabel(t("progress.reports.pages"))) {
                    if model.olderPage != nil {
                        el("a", .href(Site.Measures.page(model.measureID) + "#reports")) { t("progress.reports.newest") }
                    }
                    if let older {
                        el("a", .href(Site.Measures.page(model.measureID) + "?reports=\(older)#reports"), Attribute("rel", "next")) { t("progress.reports.older") }
                    }
                }
            }
        }
    }

    static func forms(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, errors = model.errors
        return el("div", .class("moderation")) {
            el("h3", .id("report-form-title")) { t("progress.form.title") }
            Forms.post(Site.Measures.progress(model.measureID) + "#report-form-title", context, class: "form") {
                Forms.input(.init(name: "date", label: t("progress.date"), type: "date", value: model.progress.date.isEmpty ? model.today : model.progress.date),
                            errors: errors, t)
                Forms.select(name: "status", label: t("progress.status"),
                             options: ProgressStatus.allCases.map { ($0.rawValue, t($0.catalogKey)) },
                             selected: model.progress.status.isEmpty ? model.current?.status.rawValue : model.progress.status, errors: errors, t)
                Forms.input(.init(name: "percent", label: t("progress.percent"), type: "number",
                                  value: model.progress.percent.isEmpty ? model.current.map { String($0.percent) } ?? "0" : model.progress.percent,
                                  hint: t("progress.percent.hint")), errors: errors, t)
                Forms.textarea(name: "text", label: t("progress.text"), value: model.progress.text, hint: t("progress.text.hint"), rows: 5,
                               errors: errors, t)
                Forms.textarea(name: "links", label: t("progress.links"), value: model.progress.links, hint: t("progress.links.hint"), rows: 2,
                               required: false, errors: errors, t)
                if !model.reports.isEmpty {
                    Forms.select(name: "replaces", label: t("progress.replaces"),
                                 options: [("", t("progress.replaces.none"))] + model.reports.filter { $0.replacedBy == nil }.map {
                                     (String($0.id.rawValue), "\(t.date(iso: $0.date)): \(t($0.status.catalogKey)), \($0.percent) %")
                                 },
                                 selected: model.progress.replaces, errors: errors, t)
                }
                if !model.mayPublish { el("p", .class("hint")) { model.publishesDirectly ? t("progress.send.direct") : t("progress.send.waits") } }
                Forms.submit(model.mayPublish || model.publishesDirectly ? t("progress.send.publish") : t("progress.send"))
            }
            if !model.indicators.isEmpty {
                el("h3", .id("value-form-title")) { t("progress.valueForm.title") }
                Forms.post(Site.Measures.indicatorValues(model.measureID) + "#value-form-title", context, class: "form") {
                    Forms.select(name: "indicator", label: t("progress.indicator"), options: model.indicators.map { ($0.name, $0.name) },
                                 selected: model.value.indicator, errors: errors, t)
                    Forms.input(.init(name: "valueDate", label: t("progress.valueDate"), type: "date",
                                      value: model.value.date.isEmpty ? model.today : model.value.date), errors: errors, t)
                    Forms.input(.init(name: "value", label: t("progress.value"), value: model.value.value, hint: t("progress.value.hint")),
                                errors: errors, t)
                    Forms.input(.init(name: "source", label: t("progress.source"), value: model.value.source, hint: t("progress.source.hint")),
                                errors: errors, t)
                    let standing = model.values.filter { $0.replacedBy == nil }
                    if !standing.isEmpty {
                        Forms.select(name: "replacesValue", label: t("progress.replacesValue"),
                                     options: [("", t("progress.replaces.none"))] + standing.map {
                                         (String($0.id.rawValue), "\($0.indicator), \(t.date(iso: $0.date)): \(number($0.value, t))")
                                     },
                                     selected: model.value.replaces, errors: errors, t)
                    }
                    Forms.submit(t("progress.valueForm.send"))
                }
            }
            if !model.funding.isEmpty { FundingView.form(model, context) }
            el("h3", .id("milestone-form-title")) { t("progress.milestoneForm.title") }
            Forms.post(Site.Measures.milestones(model.measureID) + "#milestone-form-title", context, class: "form") {
                Forms.input(.init(name: "milestoneTitle", label: t("progress.milestone"), value: model.milestone.title), errors: errors, t)
                Forms.input(.init(name: "planned", label: t("progress.planned"), type: "date", value: model.milestone.planned), errors: errors, t)
                Forms.input(.init(name: "actual", label: t("progress.actual"), type: "date", value: model.milestone.actual,
                                  hint: t("progress.actual.hint"), required: false), errors: errors, t)
                Forms.submit(t("progress.milestoneForm.send"))
            }
            let open = model.milestones.filter { $0.actual == nil }
            if !open.isEmpty {
                el("h3", .id("reach-form-title")) { t("progress.reachForm.title") }
                Forms.post(Site.Measures.reachMilestone(model.measureID) + "#reach-form-title", context, class: "form") {
                    Forms.select(name: "milestone", label: t("progress.milestone"),
                                 options: open.map { (String($0.id.rawValue), "\($0.title) (\(t.date(iso: $0.planned)))") },
                                 selected: nil, errors: errors, t)
                    Forms.input(.init(name: "reachedOn", label: t("progress.actual"), type: "date", value: model.today), errors: errors, t)
                    Forms.submit(t("progress.reachForm.send"))
                }
            }
            if model.mayPublish {
                el("h3", .id("sponsor-form-title")) { t("progress.sponsorForm.title") }
                Forms.post(Site.Measures.sponsor(model.measureID) + "#sponsor-form-title", context, class: "form") {
                    Forms.input(.init(name: "organisation", label: t("progress.sponsorForm.organisation"),
                                      value: model.sponsorInput ?? model.sponsorOrganisation ?? "", hint: t("progress.sponsorForm.hint"),
                                      required: false), errors: errors, t)
                    Forms.submit(t("progress.sponsorForm.send"))
                }
            }
        }
    }

    /// A value as the language writes it: whole numbers grouped, others with up to two decimals.
    public static func number(_ value: Double, _ t: Translator) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return t.number(Int(value)) }
        let places = abs(value * 10 - (value * 10).rounded()) < 1e-9 ? 1 : 2
        return (value < 0 ? "-" : "") + Charts.decimal(abs(value), t, places: places)
    }
}
