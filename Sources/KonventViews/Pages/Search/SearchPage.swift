import KonventDomain

/// `/search`: one search over contributions, measures, formats, sessions and the masterplan, with
/// the number of hits per kind (each a filter) and the best hits of each.
public enum SearchPage {
    public struct Hit: Sendable {
        public var title: String
        public var href: String
        public var snippet: String

        public init(title: String, href: String, snippet: String) {
            self.title = title
            self.href = href
            self.snippet = snippet
        }
    }

    public struct Section: Sendable {
        /// "contributions", "measures", "formats", "sessions", "masterplan".
        public var kind: String
        public var total: Int
        public var totalIsCapped = false
        public var hits: [Hit]
        /// Where all hits of this kind are (the contribution list, or this page filtered).
        public var more: String?

        public init(kind: String, total: Int, hits: [Hit], more: String?) {
            self.kind = kind
            self.total = total
            self.hits = hits
            self.more = more
        }
    }

    public struct Model: Sendable {
        public var search: String
        /// The kind the page is limited to, nil for all.
        public var kind: String?
        public var sections: [Section]
        public var correctedSearch: String?

        public init(search: String, kind: String?, sections: [Section]) {
            self.search = search
            self.kind = kind
            self.sections = sections
        }
    }

    public static let kinds = ["contributions", "measures", "formats", "sessions", "masterplan"]

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: model.search.isEmpty ? t("search.title") : t("search.titleFor", ["search": model.search]), context) {
            el("h1") { t("search.title") }
            el("form", .method("get"), .action(Site.search()), .class("filters"), .role("search"), .ariaLabel(t("search.refine"))) {
                Forms.input(.init(name: "q", label: t("search.field"), type: "search", value: model.search), errors: [], t)
                Forms.select(name: "type", label: t("search.kind"),
                             options: [("", t("search.kind.all"))] + kinds.map { ($0, t("search.kind.\($0)")) },
                             selected: model.kind ?? "", errors: [], t)
                Forms.submit(t("search.submit"))
            }
            if !model.search.isEmpty { results(model, t) }
        }
    }

    static func results(_ model: Model, _ t: Translator) -> Node {
        let found = model.sections.reduce(0) { $0 + $1.total }
        return el("section", .ariaLabelledBy("search-results")) {
            el("h2", .id("search-results")) { t("search.found", ["count": t.number(found)]) }
            if let corrected = model.correctedSearch {
                el("p", .class("notice")) { t("contributions.corrected", ["typed": model.search, "corrected": corrected]) }
            }
            if found == 0 {
                el("p") { t("search.none") }
            } else {
                el("ul", .class("search-kinds")) {
                    for section in model.sections where section.total > 0 {
                        el("li") {
                            el("a", .href("#search-\(section.kind)")) {
                                t("search.kind.\(section.kind)") + " (" + Layout.countNumber(section.total, capped: section.totalIsCapped, t) + ")"
                            }
                        }
                    }
                }
                for section in model.sections where section.total > 0 {
                    el("section", .ariaLabelledBy("search-\(section.kind)")) {
                        el("h3", .id("search-\(section.kind)")) { t("search.kind.\(section.kind)") }
                        el("ul", .class("result-list")) {
                            for hit in section.hits {
                                el("li") {
                                    el("a", .href(hit.href)) { hit.title }
                                    if !hit.snippet.isEmpty { el("p", .class("meta")) { hit.snippet } }
                                }
                            }
                        }
                        if let more = section.more, section.total > section.hits.count {
                            el("p") { el("a", .href(more)) { t("search.more", ["kind": t("search.kind.\(section.kind)")]) } }
                        }
                    }
                }
            }
        }
    }

    /// The first words of a text, cut at a word.
    public static func snippet(_ text: String, length: Int = 180) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > length else { return flat }
        let cut = flat.prefix(length)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }
}
