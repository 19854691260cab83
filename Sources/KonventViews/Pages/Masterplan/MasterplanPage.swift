import KonventDomain

/// `/masterplan` (the current draft, made from the data as it is now) and `/masterplan/{n}` (a
/// frozen version): the document, its versions and exports; for the office the chapters to write
/// and the buttons to publish a version and to record the adoption.
public enum MasterplanPage {
    public struct Version: Sendable {
        public var number: Int
        public var date: String
        public var adopted: String?

        public init(number: Int, date: String, adopted: String?) {
            self.number = number
            self.date = date
            self.adopted = adopted
        }
    }

    public struct Model: Sendable {
        public var document: MasterplanDocument
        /// Nil for the current draft.
        public var number: Int?
        public var versions: [Version]
        public var mayEdit: Bool
        public var notice: String?
        /// Comments on this version, by paragraph id; and whether it takes comments now.
        public var comments: [String: [PlanComment]] = [:]
        public var takesComments = false
        public var commentsUntil: String?
        /// The region's outlines, for the plan's map.
        public var map: ProjectedMap?

        public init(document: MasterplanDocument, number: Int?, versions: [Version], mayEdit: Bool) {
            self.document = document
            self.number = number
            self.versions = versions
            self.mayEdit = mayEdit
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, d = model.document
        let version = model.number.map(String.init) ?? "current"
        return Layout.page(title: d.title, context) {
            el("h1") { d.title }
            el("p", .class("lead")) { d.status }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            el("p") {
                t("masterplan.export")
                " "
                el("a", .href(Site.Masterplan.file("html")(version))) { "HTML" }
                " · "
                el("a", .href(Site.Masterplan.file("odt")(version))) { "ODT" }
                " · "
                el("a", .href(Site.Masterplan.file("docx")(version))) { "DOCX" }
                " · "
                el("a", .href(Site.Masterplan.file("pdf")(version))) { "PDF" }
            }
            el("p") { el("a", .href(Site.Masterplan.report())) { t("report.link") } }
            el("p") { el("a", .href(Site.Implementation.overview())) { t("masterplan.implementation") } }
            el("p") {
                t("masterplan.data")
                for file in ["measures.json", "measures.csv", "financing.csv", "indicators.csv", "trace.csv"] {
                    " "
                    el("a", .href(Site.Masterplan.data(file)())) { file }
                }
            }
            if model.mayEdit && model.number == nil { office(model, context) }
            MasterplanHTML.tableOfContents(d, title: t("masterplan.contents"))
            if let until = model.commentsUntil, let number = model.number {
                el("p", .class("notice")) {
                    t(model.takesComments ? "masterplan.comments.open" : "masterplan.comments.closed", ["date": t.date(iso: until)])
                    " "
                    el("a", .href(Site.Masterplan.commentsFile(number))) { t("masterplan.comments.export") }
                }
            }
            if let number = model.number {
                el("p") { el("a", .href(Site.Masterplan.compare() + "?from=\(number)&to=current")) { t("masterplan.compare.link", ["number": String(number)]) } }
            }
            MasterplanHTML.chapters(d, level: 2, map: model.map, after: { chapter in
                if model.mayEdit && model.number == nil && chapter.written {
                    el("p") { el("a", .href(Site.Masterplan.editChapter(chapter.key))) { t("masterplan.chapter.edit", ["title": chapter.title]) } }
                } else {
                    Node.empty
                }
            }, paragraph: { id in
                let comments = model.comments[id] ?? []
                guard let number = model.number, model.takesComments || !comments.isEmpty else { return Node.empty }
                return el("p", .class("paragraph-comments")) {
                    el("a", .href(Site.Masterplan.paragraph(number, id))) {
                        t(model.takesComments ? "masterplan.comments.write" : "masterplan.comments.read", ["count": t.number(comments.count)])
                    }
                }
            })
            el("p", .class("attribution")) { d.attribution }
            versions(model, context)
        }
    }

    static func versions(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", .ariaLabelledBy("versions-title")) {
            el("h2", .id("versions-title")) { t("masterplan.versions") }
            el("ul", .class("plain-list")) {
                el("li") { el("a", .href(Site.Masterplan.current())) { t("masterplan.current") } }
                for version in model.versions {
                    el("li") {
                        el("a", .href(Site.Masterplan.version(version.number))) { t("masterplan.version", ["number": String(version.number)]) }
                        " – "
                        el("time", .datetime(version.date)) { t.date(iso: version.date) }
                        if let adopted = version.adopted { " – \(t("masterplan.adoptedOn", ["date": t.date(iso: adopted)]))" }
                    }
                }
            }
        }
    }

    static func office(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", .class("moderation"), .ariaLabelledBy("masterplan-office-title")) {
            el("h2", .id("masterplan-office-title")) { t("masterplan.office") }
            Forms.post(Site.Masterplan.publish(), context, class: "form") {
                Forms.input(.init(name: "commentsUntil", label: t("masterplan.commentsUntil"), type: "date", hint: t("masterplan.commentsUntil.hint"),
                                  required: false), errors: [], t)
                Forms.submit(t("masterplan.publish"))
            }
            if let newest = model.versions.first, newest.adopted == nil {
                Forms.post(Site.Masterplan.adopt(newest.number), context, class: "inline-form") {
                    Forms.submit(t("masterplan.adopt", ["number": String(newest.number)]))
                }
            }
        }
    }
}

/// The office writes a chapter of the masterplan.
public enum MasterplanChapterPage {
    public struct Model: Sendable {
        public var key: String
        public var title: String
        public var text: String
        public var version: Int
        public var errors: [FieldError] = []
        public var notice: String?

        public init(key: String, title: String, text: String, version: Int) {
            self.key = key
            self.title = title
            self.text = text
            self.version = version
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        let title = t("masterplan.chapter.edit", ["title": model.title])
        return Layout.page(title: title, context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Masterplan.current())) { t("masterplan.title") } }
            el("h1") { title }
            if let notice = model.notice { el("p", .class("notice"), .role("alert")) { notice } }
            Forms.errorSummary(model.errors, t)
            Forms.post(Site.Masterplan.chapter(model.key), context, class: "form") {
                void("input", .type("hidden"), .name("version"), .value(String(model.version)))
                Forms.textarea(name: "text", label: t("masterplan.chapter.text"), value: model.text, hint: t("masterplan.chapter.hint"), rows: 20,
                               errors: model.errors, t)
                Forms.submit(t("masterplan.chapter.save"))
            }
        }
    }
}
