import KonventDomain

/// One paragraph of a published version with its comments and the office's answers; the comment
/// form while the period runs, the answer forms for the office.
public enum MasterplanParagraphPage {
    public struct Model: Sendable {
        public var version: Int
        public var paragraph: (id: String, text: String)
        public var chapterTitle: String
        public var comments: [PlanComment]
        public var mayComment: Bool
        public var mayAnswer: Bool
        public var takesComments: Bool
        public var body = ""
        public var errors: [FieldError] = []

        public init(version: Int, paragraph: (id: String, text: String), chapterTitle: String, comments: [PlanComment], mayComment: Bool,
                    mayAnswer: Bool, takesComments: Bool) {
            self.version = version
            self.paragraph = paragraph
            self.chapterTitle = chapterTitle
            self.comments = comments
            self.mayComment = mayComment
            self.mayAnswer = mayAnswer
            self.takesComments = takesComments
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        let title = t("masterplan.paragraph.title", ["chapter": model.chapterTitle])
        return Layout.page(title: title, context) {
            el("p", .class("breadcrumb")) {
                el("a", .href(Site.Masterplan.version(model.version) + "#p-\(model.paragraph.id)")) { t("masterplan.version", ["number": String(model.version)]) }
            }
            el("h1") { title }
            el("blockquote", .id("p-\(model.paragraph.id)")) { el("p") { model.paragraph.text } }
            Forms.errorSummary(model.errors, t)
            el("section", .ariaLabelledBy("comments-title")) {
                el("h2", .id("comments-title")) { t("masterplan.comments.title", ["count": t.number(model.comments.count)]) }
                for comment in model.comments {
                    el("article", .class("comment"), .id("comment-\(comment.id)")) {
                        el("p", .class("meta")) {
                            comment.authorName ?? t("masterplan.comment.formerAccount")
                            " · "
                            el("time", .datetime(CalendarDate.iso(milliseconds: comment.createdAt))) {
                                t.date(iso: CalendarDate.iso(milliseconds: comment.createdAt))
                            }
                        }
                        el("div", .class("prose")) { SafeMarkup.render(comment.body) }
                        if let resolution = comment.resolution {
                            el("div", .class("conclusion")) {
                                el("p") { el("strong") { t(resolution.catalogKey) } }
                                if let answer = comment.answer { el("div", .class("prose")) { SafeMarkup.render(answer) } }
                            }
                        }
                        if model.mayAnswer {
                            Forms.post(Site.Masterplan.answer(comment.id), context, class: "form") {
                                Forms.select(name: "resolution-\(comment.id)", label: t("masterplan.resolution"),
                                             options: PlanComment.Resolution.allCases.map { ($0.rawValue, t($0.catalogKey)) },
                                             selected: comment.resolution?.rawValue, errors: model.errors, t)
                                Forms.textarea(name: "answer-\(comment.id)", label: t("masterplan.answer"), value: comment.answer ?? "", hint: nil, rows: 3,
                                               errors: model.errors, t)
                                Forms.submit(t("masterplan.answer.send"))
                            }
                        }
                    }
                }
            }
            if model.takesComments {
                if model.mayComment {
                    Forms.post(Site.Masterplan.paragraphComments(model.version, model.paragraph.id), context, class: "form") {
                        Forms.textarea(name: "body", label: t("masterplan.comment"), value: model.body, hint: t("masterplan.comment.hint"), rows: 5,
                                       errors: model.errors, t)
                        Forms.submit(t("masterplan.comment.send"))
                    }
                } else {
                    el("p") { el("a", .href(Site.Accounts.login())) { t("masterplan.comment.signIn") } }
                }
            }
        }
    }
}

/// `/masterplan/compare`: what changed between two versions, chapter by chapter.
public enum MasterplanComparePage {
    public struct Model: Sendable {
        public var from: String
        public var to: String
        public var chapters: [MasterplanComparison.Chapter]

        public init(from: String, to: String, chapters: [MasterplanComparison.Chapter]) {
            self.from = from
            self.to = to
            self.chapters = chapters
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        let name = { (version: String) in version == "current" ? t("masterplan.current") : t("masterplan.version", ["number": version]) }
        let title = t("masterplan.compare.title", ["from": name(model.from), "to": name(model.to)])
        return Layout.page(title: title, context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Masterplan.current())) { t("masterplan.title") } }
            el("h1") { title }
            if model.chapters.isEmpty { el("p") { t("masterplan.compare.same") } }
            for chapter in model.chapters {
                el("section", .class("diff")) {
                    el("h2") { chapter.title }
                    for line in chapter.lines {
                        switch line {
                        case .same(let text): el("p") { text }
                        case .added(let text): el("p") { el("ins") { el("span", .class("visually-hidden")) { t("measure.versions.added") }; text } }
                        case .removed(let text): el("p") { el("del") { el("span", .class("visually-hidden")) { t("measure.versions.removed") }; text } }
                        }
                    }
                }
            }
        }
    }
}
