import KonventDomain

/// `/contributions/{id}`: the contribution, its status, support, and the discussion.
public enum ContributionPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var contribution: Contribution
        public var comments: [CommentView]
        /// nil when the visitor may not support (the reason is shown instead).
        public var supported: Bool?
        public var mayComment: Bool
        public var denialKey: String?
        public var commentText: String
        public var errors: [FieldError]
        public var notice: String?

        public init(
            region: RegionConfiguration, contribution: Contribution, comments: [CommentView], supported: Bool?,
            mayComment: Bool, denialKey: String?, commentText: String = "", errors: [FieldError] = [], notice: String? = nil
        ) {
            self.region = region
            self.contribution = contribution
            self.comments = comments
            self.supported = supported
            self.mayComment = mayComment
            self.denialKey = denialKey
            self.commentText = commentText
            self.errors = errors
            self.notice = notice
        }
    }

    public struct CommentView: Sendable {
        public var id: Int64
        public var parentID: Int64?
        public var authorName: String?
        public var body: String
        public var date: String
        public var deleted: Bool
        public var hiddenReason: String?

        public init(id: Int64, parentID: Int64?, authorName: String?, body: String, date: String, deleted: Bool, hiddenReason: String?) {
            self.id = id
            self.parentID = parentID
            self.authorName = authorName
            self.body = body
            self.date = date
            self.deleted = deleted
            self.hiddenReason = hiddenReason
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, c = model.contribution
        return Layout.page(title: c.title, context) {
            el("p", .class("breadcrumb")) { el("a", .href("/contributions")) { t("contributions.title") } }
            el("h1") { c.title }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            Forms.errorSummary(model.errors, t)
            facts(model, t)
            el("div", .class("prose")) { SafeMarkup.render(c.text) }
            support(model, context)
            discussion(model, context)
        }
    }

    static func facts(_ model: Model, _ t: Translator) -> Node {
        let c = model.contribution
        let date = ContributionSummary.isoDate(c.createdAt)
        return el("dl", .class("facts")) {
            el("dt") { t("field.kind") }
            el("dd") { t(c.kind.catalogKey) }
            el("dt") { t("field.fieldOfAction") }
            el("dd") { ContributionSummary.fieldNames(c, model.region, t).joined(separator: ", ") }
            el("dt") { t("field.place") }
            el("dd") { ContributionSummary.placeName(c, model.region) }
            el("dt") { t("contribution.by") }
            el("dd") {
                c.publicAuthorName ?? t("contribution.anonymous")
                if let organisation = c.organisationName { " (\(organisation))" }
            }
            el("dt") { t("contribution.date") }
            el("dd") { el("time", .datetime(date)) { t.date(iso: date) } }
            el("dt") { t("contribution.status") }
            el("dd") {
                t(c.status.catalogKey)
                if let reason = c.statusReason { " – \(reason)" }
            }
        }
    }

    static func support(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, c = model.contribution
        return el("section", .class("support"), .ariaLabelledBy("support-title")) {
            el("h2", .id("support-title")) { t("contribution.support.title") }
            el("p") { t("contribution.supports", ["count": t.number(c.supportCount)]) }
            if let supported = model.supported {
                Forms.post("/contributions/\(c.id)/support\(supported ? "/withdraw" : "")", context) {
                    el("button", .type("submit"), .class(supported ? "button button--secondary" : "button")) {
                        supported ? t("contribution.support.withdraw") : t("contribution.support.add")
                    }
                }
            } else if let key = model.denialKey {
                denial(key, model, t)
            }
        }
    }

    /// Why the visitor cannot act, with the way to change it when there is one.
    static func denial(_ key: String, _ model: Model, _ t: Translator) -> Node {
        el("p", .class("hint")) {
            t(key)
            if key == DenialReason.signInRequired.catalogKey {
                " "
                el("a", .href("/login?next=/contributions/\(model.contribution.id)")) { t("layout.nav.login") }
            }
        }
    }

    static func discussion(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, c = model.contribution
        let threads = model.comments.filter { $0.parentID == nil }
        return el("section", .ariaLabelledBy("comments-title")) {
            el("h2", .id("comments-title")) { t("contribution.comments", ["count": t.number(c.commentCount)]) }
            if threads.isEmpty { el("p") { t("contribution.comments.none") } } else { commentList(threads, model, context) }
            if model.mayComment {
                Forms.post("/contributions/\(c.id)/comments", context, class: "form") {
                    Forms.textarea(name: "comment", label: t("contribution.comment.new"), value: model.commentText,
                                   hint: t("contribution.comment.hint"), rows: 4, errors: model.errors, t)
                    Forms.submit(t("contribution.comment.send"))
                }
            } else if let key = model.denialKey {
                denial(key, model, t)
            }
        }
    }

    static func commentList(_ threads: [CommentView], _ model: Model, _ context: PageContext) -> Node {
        let t = context.t, c = model.contribution
        return el("ol", .class("comments")) {
            for thread in threads {
                el("li") {
                    comment(thread, t)
                    let answers = model.comments.filter { $0.parentID == thread.id }
                    if !answers.isEmpty {
                        el("ol", .class("comments comments--answers")) {
                            for answer in answers { el("li") { comment(answer, t) } }
                        }
                    }
                    if model.mayComment {
                        el("details", .class("reply")) {
                            el("summary") { t("contribution.comment.reply") }
                            Forms.post("/contributions/\(c.id)/comments", context) {
                                void("input", .type("hidden"), .name("parent"), .value(String(thread.id)))
                                Forms.textarea(name: "reply-\(thread.id)", label: t("contribution.comment.answer"), value: "",
                                               hint: nil, rows: 3, errors: [], t)
                                Forms.submit(t("contribution.comment.send"))
                            }
                        }
                    }
                }
            }
        }
    }

    static func comment(_ comment: CommentView, _ t: Translator) -> Node {
        el("article", .class("comment"), .id("comment-\(comment.id)")) {
            el("p", .class("meta")) {
                el("strong") { comment.authorName ?? t("contribution.comment.formerAuthor") }
                " · "
                el("time", .datetime(comment.date)) { t.date(iso: comment.date) }
            }
            if let reason = comment.hiddenReason {
                el("p", .class("hint")) { t("contribution.comment.hidden", ["reason": reason]) }
            } else if comment.deleted {
                el("p", .class("hint")) { t("contribution.comment.deleted") }
            } else {
                SafeMarkup.render(comment.body)
            }
        }
    }
}
