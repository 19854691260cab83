import KonventDomain

/// The comments under a contribution: threads one level deep, with answer, edit, delete, report
/// and (for the office) hide, each a small form that works without JavaScript.
enum ContributionDiscussion {
    typealias Model = ContributionPage.Model
    typealias CommentView = ContributionPage.CommentView

    static func render(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, c = model.contribution
        let threads = model.comments.filter { $0.parentID == nil }
        return el("section", .ariaLabelledBy("comments-title")) {
            el("h2", .id("comments-title")) { t("contribution.comments", ["count": t.number(c.commentCount)]) }
            if threads.isEmpty { el("p") { t("contribution.comments.none") } } else { list(threads, model, context) }
            if model.mayComment {
                Forms.post(Site.Contributions.comments(c.id), context, class: "form") {
                    Forms.textarea(name: "comment", label: t("contribution.comment.new"), value: model.commentText,
                                   hint: t("contribution.comment.hint"), rows: 4, errors: model.errors, t)
                    Forms.submit(t("contribution.comment.send"))
                }
            } else if let key = model.denialKey {
                ContributionPage.denial(key, model, t)
            }
        }
    }

    static func list(_ threads: [CommentView], _ model: Model, _ context: PageContext) -> Node {
        let t = context.t, c = model.contribution
        return el("ol", .class("comments")) {
            for thread in threads {
                el("li") {
                    comment(thread, model, context)
                    let answers = model.comments.filter { $0.parentID == thread.id }
                    if !answers.isEmpty {
                        el("ol", .class("comments comments--answers")) {
                            for answer in answers { el("li") { comment(answer, model, context) } }
                        }
                    }
                    if model.mayComment {
                        el("details", .class("reply")) {
                            el("summary") { t("contribution.comment.reply") }
                            Forms.post(Site.Contributions.comments(c.id), context) {
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

    static func comment(_ comment: CommentView, _ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("article", .class("comment"), .id("comment-\(comment.id)")) {
            el("p", .class("meta")) {
                el("strong") { comment.authorName ?? t("contribution.comment.formerAuthor") }
                " · "
                el("time", .datetime(comment.date)) { t.date(iso: comment.date) }
                if comment.edited && !comment.deleted { " · \(t("contribution.comment.edited"))" }
            }
            if let reason = comment.hiddenReason {
                el("p", .class("hint")) { t("contribution.comment.hidden", ["reason": reason]) }
            } else if comment.deleted {
                el("p", .class("hint")) { t("contribution.comment.deleted") }
            } else {
                SafeMarkup.render(comment.body)
                actions(comment, model, context)
            }
        }
    }

    static func actions(_ comment: CommentView, _ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("div", .class("comment-actions")) {
            if comment.mayEdit {
                el("details") {
                    el("summary") { t("contribution.comment.edit") }
                    Forms.post(Site.Contributions.editComment(comment.id), context) {
                        Forms.textarea(name: "body-\(comment.id)", label: t("contribution.comment.editLabel"), value: comment.body,
                                       hint: t("contribution.comment.editHint"), rows: 3, errors: [], t)
                        Forms.submit(t("form.save"))
                    }
                }
            }
            if comment.mayDelete {
                el("details") {
                    el("summary") { t("contribution.comment.delete") }
                    Forms.post(Site.Contributions.deleteComment(comment.id), context) {
                        el("p") { t("contribution.comment.deleteConfirm") }
                        el("button", .type("submit"), .class("button button--danger")) { t("contribution.comment.delete") }
                    }
                }
            }
            if model.mayReport && !comment.mayDelete { ContributionModeration.reportForm(model, comment: comment.id, context) }
            if model.mayModerate {
                el("details") {
                    el("summary") { t("moderation.hideComment") }
                    Forms.post(Site.Contributions.hideComment(comment.id), context) {
                        Forms.input(.init(name: "reason-\(comment.id)", label: t("moderation.publicReason"),
                                          hint: t("moderation.publicReason.hint")), errors: [], t)
                        el("button", .type("submit"), .class("button button--danger")) { t("moderation.hide") }
                    }
                }
            }
        }
    }
}
