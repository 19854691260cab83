import KonventDomain

/// `/sessions`: the sessions of the bodies, upcoming first, then the past ones with their decisions.
public enum SessionListPage {
    public struct Entry: Sendable {
        public var id: Int64
        public var body: String
        public var title: String
        public var start: String
        public var place: String
        public var published: Bool

        public init(id: Int64, body: String, title: String, start: String, place: String, published: Bool) {
            self.id = id
            self.body = body
            self.title = title
            self.start = start
            self.place = place
            self.published = published
        }
    }

    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var upcoming: [Entry]
        public var past: [Entry]
        public var mayManage: Bool

        public init(region: RegionConfiguration, upcoming: [Entry], past: [Entry], mayManage: Bool) {
            self.region = region
            self.upcoming = upcoming
            self.past = past
            self.mayManage = mayManage
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("sessions.title"), context) {
            el("h1") { t("sessions.title") }
            el("p", .class("lead")) { t("sessions.lead") }
            el("p") {
                el("a", .href(Site.Sessions.feed())) { t("sessions.calendar") }
                if model.mayManage {
                    " · "
                    el("a", .href(Site.Sessions.new())) { t("sessions.new") }
                }
            }
            section("upcoming", t("sessions.upcoming"), model.upcoming, model, t)
            section("past", t("sessions.past"), model.past, model, t)
        }
    }

    static func section(_ id: String, _ title: String, _ entries: [Entry], _ model: Model, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("\(id)-title")) {
            el("h2", .id("\(id)-title")) { title }
            if entries.isEmpty { el("p") { t("sessions.none") } }
            el("ul", .class("plain-list")) {
                for entry in entries {
                    el("li") {
                        el("a", .href(Site.Sessions.page(BodySessionID(entry.id)))) { entry.title }
                        el("p", .class("meta")) {
                            model.region.body(entry.body)?.name[t.language] ?? entry.body
                            " · "
                            el("time", .datetime(entry.start)) { t.date(iso: entry.start) }
                            " · \(entry.place)"
                            if entry.published { " · \(t("sessions.published"))" }
                        }
                    }
                }
            }
        }
    }
}
