import KonventDomain

/// `/formats/{id}/participants`: the facilitator's list for the day, to print (with a column to
/// sign) and to mark who came; the number of those who came goes into the documentation.
public enum FormatParticipantsPage {
    public struct Person: Sendable {
        public var id: Int64
        public var name: String
        public var seated: Bool
        public var attended: Bool

        public init(id: Int64, name: String, seated: Bool, attended: Bool) {
            self.id = id
            self.name = name
            self.seated = seated
            self.attended = attended
        }
    }

    public struct Model: Sendable {
        public var format: Format
        public var times: FormatTimes
        public var region: RegionConfiguration
        public var people: [Person]
        public var notice: String?

        public init(format: Format, times: FormatTimes, region: RegionConfiguration, people: [Person], notice: String? = nil) {
            self.format = format
            self.times = times
            self.region = region
            self.people = people
            self.notice = notice
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, f = model.format
        let seated = model.people.filter(\.seated), waiting = model.people.filter { !$0.seated }
        return Layout.page(title: t("participants.title", ["title": f.title]), context) {
            el("p", .class("breadcrumb no-print")) { el("a", .href(Site.Formats.page(f.id))) { f.title } }
            el("h1") { t("participants.title", ["title": f.title]) }
            if let notice = model.notice { el("p", .class("notice no-print"), .role("status")) { notice } }
            el("p") {
                "\(t.date(iso: model.times.start.isoDate)), \(model.times.start.clock)–\(model.times.end.clock)"
                if !f.place.isEmpty { " · \(f.place)" }
            }
            el("p", .class("hint no-print")) { t("participants.print") }
            Forms.post(Site.Formats.participants(f.id), context) {
                Layout.scrolling(.ariaLabel(t("participants.table"))) {
                    el("table", .class("data-table participants")) {
                        el("caption") { t.count("participants.seated", seated.count) }
                        el("thead") {
                            el("tr") {
                                el("th", Attribute("scope", "col"), .class("numeric")) { t("participants.number") }
                                el("th", Attribute("scope", "col")) { t("account.name") }
                                el("th", Attribute("scope", "col")) { t("participants.attended") }
                                el("th", Attribute("scope", "col"), .class("signature")) { t("participants.signature") }
                            }
                        }
                        el("tbody") {
                            for (index, person) in seated.enumerated() {
                                el("tr") {
                                    el("td", .class("numeric")) { t.number(index + 1) }
                                    el("th", Attribute("scope", "row")) { person.name }
                                    el("td") {
                                        void("input", .type("checkbox"), .id("attended-\(person.id)"), .name("attended"), .value(String(person.id)),
                                             person.attended ? Attribute("checked", nil) : nil)
                                        el("label", .for("attended-\(person.id)"), .class("visually-hidden")) {
                                            t("participants.attendedOf", ["name": person.name])
                                        }
                                    }
                                    el("td", .class("signature")) {}
                                }
                            }
                        }
                    }
                }
                if !seated.isEmpty { el("div", .class("actions no-print")) { Forms.submit(t("participants.save")) } }
            }
            if !waiting.isEmpty {
                el("h2") { t.count("participants.waiting", waiting.count) }
                el("ol") { for person in waiting { el("li") { person.name } } }
            }
        }
    }
}
