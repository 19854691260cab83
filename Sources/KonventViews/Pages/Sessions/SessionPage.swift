import KonventDomain

/// `/sessions/{id}`: when and where, who took part, the agenda with each decision, and the minutes;
/// decisions and minutes once the chair released them (before that only for the bodies and the office).
public enum SessionPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var session: BodySession
        /// Start and end as the region's wall clock (`YYYY-MM-DDTHH:MM`).
        public var start: String
        public var end: String
        public var chair: String?
        public var mayViewDecisions: Bool
        public var mayManage: Bool
        public var mayDecide: Bool
        public var mayRelease: Bool
        /// Measures that could be put on the agenda (code and title).
        public var candidates: [(id: Int64, label: String)] = []
        public var errors: [FieldError] = []
        public var notice: String?

        public init(region: RegionConfiguration, session: BodySession, start: String, end: String, chair: String?, mayViewDecisions: Bool,
                    mayManage: Bool, mayDecide: Bool, mayRelease: Bool) {
            self.region = region
            self.session = session
            self.start = start
            self.end = end
            self.chair = chair
            self.mayViewDecisions = mayViewDecisions
            self.mayManage = mayManage
            self.mayDecide = mayDecide
            self.mayRelease = mayRelease
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, s = model.session
        return Layout.page(title: s.draft.title, context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Sessions.list())) { t("sessions.title") } }
            el("h1") { s.draft.title }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            Forms.errorSummary(model.errors, t)
            el("dl", .class("facts")) {
                el("dt") { t("session.body") }
                el("dd") { model.region.body(s.draft.body)?.name[t.language] ?? s.draft.body }
                el("dt") { t("session.when") }
                el("dd") {
                    el("time", .datetime(model.start)) { "\(t.date(iso: String(model.start.prefix(10)))), \(model.start.suffix(5))" }
                    " – "
                    el("time", .datetime(model.end)) { String(model.end.suffix(5)) }
                }
                el("dt") { t("session.place") }
                el("dd") { s.draft.place }
                if let chair = model.chair {
                    el("dt") { t("session.chair") }
                    el("dd") { chair }
                }
                el("dt") { t("session.status") }
                el("dd") { t(s.isPublished ? "session.status.published" : "session.status.open") }
            }
            el("p") { el("a", .href(Site.Sessions.calendar(s.id))) { t("format.addToCalendar") } }
            if !s.draft.participants.isEmpty {
                el("h2") { t("session.participants") }
                el("ul", .class("plain-list")) { for line in s.draft.participants.split(separator: "\n") { el("li") { String(line) } } }
            }
            agenda(model, context)
            if model.mayViewDecisions && !s.minutes.isEmpty {
                el("h2") { t("session.minutes") }
                el("div", .class("prose")) { SafeMarkup.render(s.minutes) }
            }
            if model.mayManage || model.mayRelease { office(model, context) }
        }
    }

    static func agenda(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, s = model.session
        return el("section", .ariaLabelledBy("agenda-title")) {
            el("h2", .id("agenda-title")) { t("session.agenda") }
            if s.items.isEmpty { el("p") { t("session.agenda.empty") } }
            el("ol", .class("agenda")) {
                for item in s.items {
                    el("li", .id("item-\(item.position)")) {
                        el("h3") { item.title }
                        if let measure = item.measure {
                            el("p") {
                                el("a", .href(Site.Measures.page(measure.id))) { "\(measure.code) \(measure.title)" }
                                " – \(MeasureStateName.name(measure.state, model.region, t))"
                            }
                        }
                        if model.mayViewDecisions && item.decidedAt != nil { decision(item, model, t) }
                        if model.mayDecide {
                            el("p") {
                                el("a", .href(Site.Sessions.decision(s.id, item.id))) {
                                    t(item.decidedAt == nil ? "session.decide" : "session.decide.change", ["position": String(item.position)])
                                }
                            }
                        }
                        if model.mayManage {
                            Forms.post(Site.Sessions.removeItem(s.id, item.id), context, class: "inline-form") {
                                el("button", .type("submit"), .class("link-button")) { t("session.item.remove", ["position": String(item.position)]) }
                            }
                        }
                    }
                }
            }
        }
    }

    static func decision(_ item: AgendaItem, _ model: Model, _ t: Translator) -> Node {
        let stage = item.outcome == nil ? nil : model.region.review.stages.first { $0.outcome(item.outcome!) != nil && $0.body == model.session.draft.body }
        return el("div", .class("conclusion")) {
            el("h4") { t("session.decision") }
            if let outcome = item.outcome {
                el("p") { el("strong") { stage?.outcome(outcome)?.label[t.language] ?? outcome } }
            }
            ReviewPage.voteLine(item.vote, t)
            el("div", .class("prose")) { SafeMarkup.render(item.decision) }
            if !item.conditions.isEmpty {
                el("h5") { t("review.conditions") }
                el("div", .class("prose")) { SafeMarkup.render(item.conditions) }
            }
        }
    }

    static func office(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, s = model.session
        return el("section", .class("moderation"), .ariaLabelledBy("session-office-title")) {
            el("h2", .id("session-office-title")) { t("session.office") }
            if model.mayManage {
                el("p") { el("a", .href(Site.Sessions.edit(s.id))) { t("session.edit") } }
                Forms.post(Site.Sessions.items(s.id), context, class: "form") {
                    Forms.input(.init(name: "title", label: t("session.item.title")), errors: model.errors, t)
                    Forms.select(name: "measure", label: t("session.item.measure"),
                                 options: [("", t("session.item.noMeasure"))] + model.candidates.map { (String($0.id), $0.label) },
                                 selected: nil, errors: model.errors, t)
                    Forms.submit(t("session.item.add"))
                }
            }
            if model.mayRelease {
                Forms.post(Site.Sessions.publish(s.id), context, class: "form") {
                    el("p", .class("hint")) { t("session.publish.hint") }
                    Forms.submit(t("session.publish"))
                }
            }
        }
    }
}
