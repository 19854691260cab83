import KonventDomain

/// `/contributions/{id}`: the contribution, its status and timeline, support and follow, the
/// discussion, and for the office the moderation steps.
public enum ContributionPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var contribution: Contribution
        public var comments: [CommentView]
        /// nil when the visitor may not support (the reason is shown instead).
        public var supported: Bool?
        /// nil when the visitor may not follow.
        public var following: Bool?
        public var mayComment: Bool
        public var mayReport = false
        public var mayModerate = false
        public var denialKey: String?
        public var commentText: String
        public var errors: [FieldError]
        public var notice: String?
        public var timeline: [TimelineItem] = []
        /// The contribution this one was merged into, with its title.
        public var mergedInto: (id: Int64, title: String)?
        /// The measures it went into (those the visitor may see), with their state's name.
        public var measures: [(id: Int64, code: String, title: String, state: String)] = []
        /// Whether the visitor wrote it and may still change its wording.
        public var mayEdit = false
        /// Whether the visitor writes measures (the office: "a measure from this contribution").
        public var mayWriteMeasures = false
        /// The office's search for the contribution to merge this one into, and what it found.
        public var mergeSearch = ""
        public var mergeCandidates: [(id: Int64, title: String)] = []
        /// For the office: the themes the contribution carries and all there are; nil for everyone else.
        public var themes: (carried: [Theme], all: [Theme])?
        /// The wordings the author replaced (for the office).
        public var versions: [ContributionVersion] = []

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

        /// Text and discussion are withheld from the public while a contribution is hidden.
        var showsContent: Bool { contribution.status != .hidden || mayModerate }
    }

    public struct TimelineItem: Sendable {
        public var event: TimelineEvent
        /// The title of the contribution the event points to (merges).
        public var relatedTitle: String?

        public init(event: TimelineEvent, relatedTitle: String?) {
            self.event = event
            self.relatedTitle = relatedTitle
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
        public var edited = false
        /// The visitor wrote it and may still change it.
        public var mayEdit = false
        public var mayDelete = false

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
            el("p", .class("breadcrumb")) { el("a", .href(Site.Contributions.list())) { t("contributions.title") } }
            el("h1") { c.title }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            Forms.errorSummary(model.errors, t)
            stateNotice(model, t)
            facts(model, t)
            if model.showsContent {
                el("div", .class("prose")) { SafeMarkup.render(c.text) }
                if let profile = c.profile { ProjectProfileView.render(profile, model.region, t) }
                if model.mayEdit {
                    el("p") { el("a", .class("button button--secondary"), .href(Site.Contributions.edit(c.id))) { t("contribution.edit.link") } }
                }
            }
            if model.mayModerate && !model.versions.isEmpty { versions(model, t) }
            if !model.measures.isEmpty { measures(model, t) }
            if c.status.isListed {
                support(model, context)
                ContributionDiscussion.render(model, context)
            }
            timeline(model, t)
            if model.mayReport && c.status.isListed { ContributionModeration.reportForm(model, comment: nil, context) }
            if model.mayModerate { ContributionModeration.render(model, context) }
        }
    }

    /// What the public must know first: hidden, merged, or waiting for moderation.
    static func stateNotice(_ model: Model, _ t: Translator) -> Node {
        let c = model.contribution
        switch c.status {
        case .hidden:
            return el("p", .class("notice notice--warning"), .role("note")) {
                t("contribution.hiddenNotice", ["reason": c.statusReason ?? "–"])
            }
        case .merged:
            return el("p", .class("notice"), .role("note")) {
                t("contribution.mergedNotice")
                " "
                if let target = model.mergedInto { el("a", .href(Site.Contributions.page(ContributionID(target.id)))) { target.title } }
            }
        case .submitted:
            return el("p", .class("notice"), .role("note")) { t("contribution.awaitingModeration") }
        default:
            return .empty
        }
    }

    /// The earlier wordings, newest first, each folded.
    static func versions(_ model: Model, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("versions-title")) {
            el("h2", .id("versions-title")) { t.count("contribution.versions", model.versions.count) }
            for version in model.versions {
                let written = ContributionSummary.isoDate(version.writtenAt), replaced = ContributionSummary.isoDate(version.replacedAt)
                el("details", .class("version")) {
                    el("summary") { t("contribution.version", ["written": t.date(iso: written), "replaced": t.date(iso: replaced)]) }
                    el("h3") { version.title }
                    el("div", .class("prose")) { SafeMarkup.render(version.text) }
                }
            }
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
                if let organisation = c.organisationName {
                    " (\(organisation))"
                    if c.organisationVerified { " "; el("span", .class("badge")) { t("organisation.verified") } }
                }
            }
            el("dt") { t("contribution.source") }
            el("dd") {
                if let format = c.formatID {
                    el("a", .href(Site.Formats.page(format))) { c.formatTitle ?? t("contribution.source.format") }
                } else {
                    t("contribution.source.online")
                }
            }
            el("dt") { t("contribution.date") }
            el("dd") { el("time", .datetime(date)) { t.date(iso: date) } }
            if let edited = c.editedAt {
                let day = ContributionSummary.isoDate(edited)
                el("dt") { t("contribution.edited") }
                el("dd") { el("time", .datetime(day)) { t.date(iso: day) } }
            }
            el("dt") { t("contribution.status") }
            el("dd") {
                t(c.status.catalogKey)
                if let reason = c.statusReason, c.status != .hidden { " – \(reason)" }
            }
            el("dt") { t("contribution.followers") }
            el("dd") { t.number(c.followerCount) }
        }
    }

    static func support(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, c = model.contribution
        return el("section", .class("support"), .ariaLabelledBy("support-title")) {
            el("h2", .id("support-title")) { t("contribution.support.title") }
            el("p") { t("contribution.supports", ["count": t.number(c.supportCount)]) }
            if let supported = model.supported {
                el("div", .class("actions")) {
                    Forms.post(supported ? Site.Contributions.withdrawSupport(c.id) : Site.Contributions.support(c.id), context) {
                        el("button", .type("submit"), .class(supported ? "button button--secondary" : "button")) {
                            supported ? t("contribution.support.withdraw") : t("contribution.support.add")
                        }
                    }
                    if let following = model.following {
                        Forms.post(following ? Site.Contributions.unfollow(c.id) : Site.Contributions.follow(c.id), context) {
                            el("button", .type("submit"), .class("button button--secondary")) {
                                following ? t("contribution.unfollow") : t("contribution.follow")
                            }
                        }
                    }
                }
                el("p", .class("hint")) { t("contribution.follow.hint") }
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
                el("a", .href(Site.Accounts.login(next: Site.Contributions.page(model.contribution.id)))) { t("layout.nav.login") }
            }
        }
    }

    /// The way forward: the measures this contribution went into, and where they stand.
    static func measures(_ model: Model, _ t: Translator) -> Node {
        el("section", .class("notice"), .ariaLabelledBy("measures-title")) {
            el("h2", .id("measures-title")) { t("contribution.measures") }
            el("ul", .class("plain-list")) {
                for measure in model.measures {
                    el("li") {
                        el("a", .href(Site.Measures.page(MeasureID(measure.id)))) { "\(measure.code) \(measure.title)" }
                        " – \(measure.state)"
                    }
                }
            }
        }
    }

    static func timeline(_ model: Model, _ t: Translator) -> Node {
        let items = model.timeline.filter { $0.event.kind != .commented }
        guard !items.isEmpty else { return .empty }
        return el("section", .ariaLabelledBy("timeline-title")) {
            el("h2", .id("timeline-title")) { t("contribution.timeline") }
            el("ol", .class("timeline")) {
                for item in items {
                    let date = CalendarDate.iso(milliseconds: item.event.createdAt)
                    el("li", .class("timeline__item timeline__item--past")) {
                        el("time", .datetime(date)) { t.date(iso: date) }
                        el("p") { TimelineText.render(item.event, relatedTitle: item.relatedTitle, region: model.region, t) }
                    }
                }
            }
        }
    }
}

/// One timeline event in words, with a link where it points to another contribution.
public enum TimelineText {
    public static func render(
        _ event: TimelineEvent, relatedTitle: String?, repeats: Int = 0, region: RegionConfiguration? = nil, _ t: Translator
    ) -> Node {
        var parts: [Node] = []
        switch event.kind {
        case .commented where repeats > 0:
            parts.append(.text(commentCount(repeats, t)))
        case .status:
            parts.append(.text(t("timeline.status", ["status": t(event.status?.catalogKey ?? "contribution.status.published")])))
        case .mergedInto, .mergedFrom:
            parts.append(.text(t(event.kind.catalogKey)))
            if let related = event.relatedID {
                parts.append(.text(" "))
                parts.append(el("a", .href(Site.Contributions.page(ContributionID(related)))) { relatedTitle ?? "#\(related)" })
            }
        case .measure:
            parts.append(.text(t(event.kind.catalogKey)))
            if let related = event.relatedID {
                parts.append(.text(" "))
                parts.append(el("a", .href(Site.Measures.page(MeasureID(related)))) { relatedTitle ?? "#\(related)" })
            }
            if let state = event.detail.flatMap(MeasureState.init) { parts.append(.text(": \(MeasureStateName.name(state, region, t))")) }
        case .progress:
            parts.append(.text(t(event.kind.catalogKey)))
            if let related = event.relatedID {
                parts.append(.text(" "))
                parts.append(el("a", .href(Site.Measures.page(MeasureID(related)) + "#implementation")) { relatedTitle ?? "#\(related)" })
            }
            parts.append(.text(progressDetail(event, t)))
        default:
            parts.append(.text(t(event.kind.catalogKey)))
        }
        if let reason = event.reason, !reason.isEmpty { parts.append(.text(" – \(reason)")) }
        return .fragment(parts)
    }

    /// ": Im Plan, 35 %" from a progress event's `status:percent`.
    static func progressDetail(_ event: TimelineEvent, _ t: Translator) -> String {
        progressDetail(detail: event.detail ?? "", t)
    }

    static func progressDetail(detail: String, _ t: Translator) -> String {
        let parts = detail.split(separator: ":")
        guard parts.count == 2, let status = ProgressStatus(rawValue: String(parts[0])), let percent = Int(parts[1]) else { return "" }
        return ": \(t(status.catalogKey)), \(percent) %"
    }

    /// The same in plain text, for mails.
    public static func plain(_ event: TimelineEvent, repeats: Int = 0, region: RegionConfiguration? = nil, _ t: Translator) -> String {
        var text = switch event.kind {
        case .commented where repeats > 0: commentCount(repeats, t)
        case .status: t("timeline.status", ["status": t(event.status?.catalogKey ?? "contribution.status.published")])
        case .measure: t(event.kind.catalogKey) + (event.detail.flatMap(MeasureState.init).map { ": \(MeasureStateName.name($0, region, t))" } ?? "")
        case .progress: t(event.kind.catalogKey) + progressDetail(event, t)
        default: t(event.kind.catalogKey)
        }
        if let reason = event.reason, !reason.isEmpty { text += " – \(reason)" }
        return text
    }

    /// "3 neue Kommentare" for a notification that folds `repeats` further comments into the first.
    static func commentCount(_ repeats: Int, _ t: Translator) -> String {
        t("timeline.commented.many", ["count": String(repeats + 1)])
    }
}
