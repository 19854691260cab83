import KonventDomain

/// `/admin` and its read-only and settings pages: what an administrator runs the installation with.
public enum AdminPage {
    public struct Overview: Sendable {
        public var users: Int
        public var auditEntries: Int

        public init(users: Int, auditEntries: Int) {
            self.users = users
            self.auditEntries = auditEntries
        }
    }

    static func breadcrumb(_ t: Translator) -> Node {
        el("nav", .ariaLabel(t("admin.breadcrumb")), .class("breadcrumb")) {
            el("a", .href(Site.Admin.index())) { t("admin.title") }
        }
    }

    public static func index(_ overview: Overview, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("admin.title"), context) {
            el("h1") { t("admin.title") }
            el("p") { t("admin.intro") }
            el("ul", .class("link-list")) {
                el("li") {
                    el("a", .href(Site.Admin.users())) { t("admin.users.title") }
                    " · \(t.count("admin.users.count", overview.users))"
                }
                el("li") {
                    el("a", .href(Site.Admin.audit())) { t("admin.audit.title") }
                    " · \(t.count("admin.audit.count", overview.auditEntries))"
                }
                el("li") { el("a", .href(Site.Organisations.list())) { t("admin.organisations") } }
                el("li") { el("a", .href(Site.Admin.configuration())) { t("admin.configuration.title") } }
                el("li") { el("a", .href(Site.Admin.settings())) { t("admin.settings.title") } }
            }
        }
    }

    public struct SettingsModel: Sendable {
        public var premoderation: Bool
        /// Whether progress reports are published as they come (otherwise the office releases them).
        public var progressDirect: Bool
        public var notice: String?

        public init(premoderation: Bool, progressDirect: Bool, notice: String?) {
            self.premoderation = premoderation
            self.progressDirect = progressDirect
            self.notice = notice
        }
    }

    public static func settings(_ model: SettingsModel, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("admin.settings.title"), context) {
            breadcrumb(t)
            el("h1") { t("admin.settings.title") }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            Forms.post(Site.Admin.settings(), context, class: "form") {
                Forms.choices(name: "premoderation", legend: t("admin.settings.premoderation"), type: "radio",
                              options: [("on", t("admin.settings.premoderation.on")), ("off", t("admin.settings.premoderation.off"))],
                              selected: [model.premoderation ? "on" : "off"], errors: [], t)
                Forms.choices(name: "progress", legend: t("admin.settings.progress"), type: "radio",
                              options: [("direct", t("admin.settings.progress.direct")), ("office", t("admin.settings.progress.office"))],
                              selected: [model.progressDirect ? "direct" : "office"], errors: [], t)
                Forms.submit(t("admin.settings.save"))
            }
        }
    }

    /// The configuration as loaded: what a second region would change in its file.
    public static func configuration(_ region: RegionConfiguration, _ context: PageContext) -> [UInt8] {
        let t = context.t, language = t.language
        return Layout.page(title: t("admin.configuration.title"), context) {
            breadcrumb(t)
            el("h1") { t("admin.configuration.title") }
            el("p") { t("admin.configuration.intro", ["region": region.name[language], "key": region.key, "zone": region.timeZone]) }
            table("config-fields", t("admin.configuration.fields"), [t("admin.configuration.key"), t("admin.configuration.code"), t("admin.configuration.name")],
                  region.fieldsOfAction.map { [$0.key, $0.code, $0.name[language]] })
            table("config-districts", t("admin.configuration.districts"),
                  [t("admin.configuration.officialKey"), t("admin.configuration.name"), t("admin.configuration.population"),
                   t("admin.configuration.municipalities")],
                  region.districts.map {
                      [$0.officialKey, $0.name, t.number($0.population), t.number(region.municipalities(in: $0.officialKey).count)]
                  })
            table("config-bodies", t("admin.configuration.bodies"), [t("admin.configuration.key"), t("admin.configuration.name")],
                  region.bodies.map { [$0.key, $0.name[language]] })
            table("config-ministries", t("admin.configuration.ministries"),
                  [t("admin.configuration.key"), t("admin.configuration.abbreviation"), t("admin.configuration.name")],
                  region.ministries.map { [$0.key, $0.abbreviation, $0.name[language]] })
            table("config-stages", t("admin.configuration.stages"),
                  [t("admin.configuration.key"), t("admin.configuration.name"), t("admin.configuration.body"), t("admin.configuration.criteria"),
                   t("admin.configuration.dueDays")],
                  region.review.stages.map { stage in
                      [stage.key, stage.name[language], region.bodies.first { $0.key == stage.body }?.name[language] ?? stage.body,
                       stage.criteria.map { "\($0.name[language]) (\(t("admin.configuration.weight", ["weight": String($0.weight)])))" }
                           .joined(separator: ", "),
                       t.number(stage.dueDays)]
                  })
            table("config-milestones", t("admin.configuration.milestones"), [t("admin.configuration.date"), t("admin.configuration.name")],
                  region.milestones.map { [t.date(iso: $0.date), $0.title[language]] })
        }
    }

    static func table(_ id: String, _ title: String, _ header: [String], _ rows: [[String]]) -> Node {
        el("section", .ariaLabelledBy("\(id)-title")) {
            el("h2", .id("\(id)-title")) { title }
            Layout.scrolling(.ariaLabel(title)) {
                el("table", .class("data-table")) {
                    el("thead") { el("tr") { for name in header { el("th", Attribute("scope", "col")) { name } } } }
                    el("tbody") {
                        for row in rows {
                            el("tr") {
                                if let first = row.first { el("th", Attribute("scope", "row")) { first } }
                                for cell in row.dropFirst() { el("td") { cell } }
                            }
                        }
                    }
                }
            }
        }
    }
}
