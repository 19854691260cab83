import KonventDomain

/// The office's announcements: the public archive and one announcement, the office's form with its
/// preview (whom it reaches), and the page a mail's unsubscribe link opens.
public enum AnnouncementPages {
    public struct ArchiveModel: Sendable {
        public var items: [(announcement: Announcement, date: String)]
        public var nextPage: String?
        public var mayAnnounce: Bool

        public init(items: [(announcement: Announcement, date: String)], nextPage: String?, mayAnnounce: Bool) {
            self.items = items
            self.nextPage = nextPage
            self.mayAnnounce = mayAnnounce
        }
    }

    public static func archive(_ model: ArchiveModel, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("announcements.title"), context) {
            el("h1") { t("announcements.title") }
            el("p") { t("announcements.intro") }
            if model.mayAnnounce { el("p") { el("a", .class("button"), .href(Site.Announcements.new())) { t("announcements.new") } } }
            if model.items.isEmpty {
                el("p") { t("announcements.none") }
            } else {
                el("ul", .class("result-list")) {
                    for (announcement, date) in model.items {
                        el("li") {
                            el("h2", .class("result-title")) { el("a", .href(Site.Announcements.page(announcement.id))) { announcement.title } }
                            el("p", .class("meta")) { t("announcements.sentOn", ["date": date]) }
                        }
                    }
                }
            }
            Layout.pages(previous: nil, next: model.nextPage, t)
        }
    }

    public static func page(_ announcement: Announcement, date: String, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: announcement.title, context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Announcements.archive())) { t("announcements.title") } }
            el("h1") { announcement.title }
            el("p", .class("meta")) { t("announcements.sentOn", ["date": date]) }
            el("div", .class("prose")) { SafeMarkup.render(announcement.body) }
        }
    }

    public struct FormModel: Sendable {
        public var region: RegionConfiguration
        public var title = "", body = "", district = "", field = "", measure = "", format = ""
        public var measures: [(value: String, label: String)] = []
        public var formats: [(value: String, label: String)] = []
        /// After "Vorschau": how many it would reach.
        public var reach: Int?
        public var errors: [FieldError] = []

        public init(region: RegionConfiguration) { self.region = region }
    }

    public static func form(_ model: FormModel, _ context: PageContext) -> [UInt8] {
        let t = context.t, all = [("", t("announcements.audience.all"))]
        return Layout.page(title: t("announcements.new"), context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Announcements.archive())) { t("announcements.title") } }
            el("h1") { t("announcements.new") }
            el("p") { t("announcements.new.intro") }
            Forms.errorSummary(model.errors, t)
            if let reach = model.reach, model.errors.isEmpty {
                el("section", .class("notice"), .role("status"), .ariaLabelledBy("preview-title")) {
                    el("h2", .id("preview-title")) { t.count("announcements.reach", reach) }
                    el("h3") { model.title }
                    el("div", .class("prose")) { SafeMarkup.render(model.body) }
                }
            }
            Forms.post(Site.Announcements.new(), context, class: "form") {
                Forms.input(.init(name: "title", label: t("announcements.field.title"), value: model.title, hint: t("announcements.field.title.hint")),
                            errors: model.errors, t)
                Forms.textarea(name: "body", label: t("announcements.field.body"), value: model.body, hint: t("announcements.field.body.hint"),
                               rows: 10, errors: model.errors, t)
                el("fieldset", .class("field")) {
                    el("legend") { t("announcements.audience") }
                    el("p", .class("hint")) { t("announcements.audience.hint") }
                    Forms.select(name: "district", label: t("announcements.audience.district"),
                                 options: all + model.region.districts.map { ($0.officialKey, $0.name) }, selected: model.district, errors: model.errors, t)
                    Forms.select(name: "field", label: t("announcements.audience.field"),
                                 options: all + model.region.fieldsOfAction.map { ($0.key, $0.name[t.language]) }, selected: model.field,
                                 errors: model.errors, t)
                    Forms.select(name: "measure", label: t("announcements.audience.measure"), options: all + model.measures,
                                 selected: model.measure, errors: model.errors, t)
                    Forms.select(name: "format", label: t("announcements.audience.format"), options: all + model.formats,
                                 selected: model.format, errors: model.errors, t)
                }
                el("div", .class("actions")) {
                    el("button", .type("submit"), .name("intent"), .value("preview"), .class("button button--secondary")) { t("announcements.preview") }
                    el("button", .type("submit"), .name("intent"), .value("send"), .class("button")) { t("announcements.send") }
                }
            }
        }
    }

    /// From a mail's link: one button stops the announcements, no sign-in needed.
    public static func unsubscribe(query: String, done: Bool, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("announcements.unsubscribe.title"), context) {
            el("h1") { t("announcements.unsubscribe.title") }
            if done {
                el("p", .role("status")) { t("announcements.unsubscribe.done") }
            } else {
                el("p") { t("announcements.unsubscribe.text") }
                Forms.post(Site.Announcements.unsubscribe() + query, context) { Forms.submit(t("announcements.unsubscribe.submit")) }
            }
        }
    }
}
