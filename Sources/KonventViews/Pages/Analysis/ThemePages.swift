import KonventDomain

/// `/themes` and `/themes/{id}`: the office's own themes across fields of action, how many
/// contributions carry each, and for one theme the contributions the similarity search suggests.
public enum ThemePages {
    public struct ListModel: Sendable {
        public var themes: [Theme]
        public var name: String
        public var errors: [FieldError]

        public init(themes: [Theme], name: String = "", errors: [FieldError] = []) {
            self.themes = themes
            self.name = name
            self.errors = errors
        }
    }

    public static func list(_ model: ListModel, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("themes.title"), context) {
            el("h1") { t("themes.title") }
            el("p") { t("themes.intro") }
            Forms.errorSummary(model.errors, t)
            el("section", .ariaLabelledBy("themes-list-title")) {
                el("h2", .id("themes-list-title")) { t.count("themes.count", model.themes.count) }
                if model.themes.isEmpty {
                    el("p") { t("themes.none") }
                } else {
                    Layout.scrolling(.ariaLabelledBy("themes-list-title")) {
                        el("table", .class("data-table")) {
                            el("thead") {
                                el("tr") {
                                    el("th", Attribute("scope", "col")) { t("themes.name") }
                                    el("th", Attribute("scope", "col"), .class("numeric")) { t("participation.contributions") }
                                    el("th", Attribute("scope", "col")) { t("themes.list") }
                                }
                            }
                            el("tbody") {
                                for theme in model.themes {
                                    el("tr") {
                                        el("th", Attribute("scope", "row")) { el("a", .href(Site.Themes.page(theme.id))) { theme.name } }
                                        el("td", .class("numeric")) { t.number(theme.contributions) }
                                        el("td") {
                                            el("a", .href(Site.Contributions.list().query(["theme": theme.id.description]))) {
                                                t("themes.showList", ["name": theme.name])
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            el("section", .ariaLabelledBy("themes-new-title")) {
                el("h2", .id("themes-new-title")) { t("themes.new") }
                Forms.post(Site.Themes.list(), context, class: "form") {
                    Forms.input(.init(name: "name", label: t("themes.name"), value: model.name, hint: t("themes.name.hint")), errors: model.errors, t)
                    Forms.submit(t("themes.create"))
                }
            }
        }
    }

    public struct PageModel: Sendable {
        public var theme: Theme
        /// Contributions like the theme's name and members, not yet tagged, best first.
        public var suggestions: [(id: Int64, title: String, shared: [String])]
        public var notice: String?

        public init(theme: Theme, suggestions: [(id: Int64, title: String, shared: [String])], notice: String?) {
            self.theme = theme
            self.suggestions = suggestions
            self.notice = notice
        }
    }

    public static func page(_ model: PageModel, _ context: PageContext) -> [UInt8] {
        let t = context.t, theme = model.theme, filter = "".query(["theme": theme.id.description])
        return Layout.page(title: theme.name, context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Themes.list())) { t("themes.title") } }
            el("h1") { theme.name }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            el("p") { t.count("themes.carried", theme.contributions) }
            el("ul", .class("link-list")) {
                el("li") { el("a", .href(Site.Contributions.list() + filter)) { t("themes.showList", ["name": theme.name]) } }
                el("li") { el("a", .href(Site.Analysis.page() + filter)) { t("export.analysis") } }
                el("li") { el("a", .href(Site.Contributions.exportXLSX() + filter)) { t("export.xlsx") } }
            }
            el("section", .ariaLabelledBy("suggestions-title")) {
                el("h2", .id("suggestions-title")) { t("themes.suggestions") }
                el("p", .class("hint")) { t("themes.suggestions.hint") }
                if model.suggestions.isEmpty {
                    el("p") { t("themes.suggestions.none") }
                } else {
                    Forms.post(Site.Themes.tag(theme.id), context, class: "form") {
                        Forms.choices(name: "contribution", legend: t("themes.suggestions.choose"), type: "checkbox",
                                      options: model.suggestions.map { suggestion in
                                          (String(suggestion.id), t(suggestion.shared.isEmpty ? "themes.suggestion.plain" : "themes.suggestion", [
                                              "title": suggestion.title, "number": String(suggestion.id),
                                              "words": suggestion.shared.joined(separator: ", "),
                                          ]))
                                      }, selected: [], errors: [], t)
                        Forms.submit(t("themes.tag"))
                    }
                }
            }
            el("section", .ariaLabelledBy("theme-delete-title")) {
                el("h2", .id("theme-delete-title")) { t("themes.delete.title") }
                el("p", .class("hint")) { t("themes.delete.hint") }
                Forms.post(Site.Themes.delete(theme.id), context, class: "inline-form") {
                    el("button", .type("submit"), .class("button button--danger")) { t("themes.delete") }
                }
            }
        }
    }

    /// On a contribution's page, for the office: its themes, each to take away, and one to add.
    public static func section(
        contribution: ContributionID, carried: [Theme], all: [Theme], _ context: PageContext
    ) -> Node {
        let t = context.t, back = Site.Contributions.page(contribution)
        return el("div", .class("themes")) {
            el("h3", .id("themes-title")) { t("themes.title") }
            if carried.isEmpty {
                el("p") { t("themes.notTagged") }
            } else {
                el("ul", .class("plain-list")) {
                    for theme in carried {
                        el("li") {
                            el("a", .href(Site.Themes.page(theme.id))) { theme.name }
                            " "
                            Forms.post(Site.Themes.untag(theme.id, contribution), context, class: "inline-form") {
                                void("input", .type("hidden"), .name("back"), .value(back))
                                el("button", .type("submit"), .class("link-button")) { t("themes.untag", ["name": theme.name]) }
                            }
                        }
                    }
                }
            }
            let open = all.filter { theme in !carried.contains { $0.id == theme.id } }
            if !open.isEmpty {
                Forms.post(Site.Contributions.themes(contribution), context, class: "form") {
                    Forms.select(name: "theme", label: t("themes.add"), options: open.map { ($0.id.description, $0.name) }, selected: nil, errors: [], t)
                    Forms.submit(t("themes.tagOne"))
                }
            }
            el("p") { el("a", .href(Site.Themes.list())) { t("themes.manage") } }
        }
    }
}
