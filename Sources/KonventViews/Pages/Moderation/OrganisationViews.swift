import KonventDomain

/// Lists of memberships with the decisions the reader may take on them.
public enum OrganisationViews {
    /// Open requests, each with "confirm" and "decline".
    public static func requests(_ requests: [Membership], _ context: PageContext, labelledBy: String) -> Node {
        let t = context.t
        return el("ul", .class("plain-list"), .ariaLabelledBy(labelledBy)) {
            for request in requests {
                let ids = (request.organisation.id, request.user)
                el("li") {
                    el("span") {
                        t("organisation.request.line", ["name": request.displayName, "organisation": request.organisation.name])
                    }
                    " "
                    decision(Site.Organisations.confirm(ids.0, ids.1), t("organisation.request.confirm"), request, context)
                    " "
                    decision(Site.Organisations.decline(ids.0, ids.1), t("organisation.request.decline"), request, context)
                }
            }
        }
    }

    /// One button in a form of its own, named for screen readers with the person and organisation.
    static func decision(_ action: String, _ label: String, _ membership: Membership, _ context: PageContext) -> Node {
        Forms.post(action, context, class: "inline-form") {
            el("button", .type("submit"), .class("link-button")) {
                label
                el("span", .class("visually-hidden")) { ": \(membership.displayName), \(membership.organisation.name)" }
            }
        }
    }
}

/// `/organisations`: the office's view of organisations: requests to join, memberships made before
/// confirmation was needed, and every organisation with its members and the verification.
public enum OrganisationsPage {
    public struct Model: Sendable {
        public var requests: [Membership]
        public var toReview: [Membership]
        public var organisations: [(organisation: Organisation, members: Int)]
        /// The name to continue the list after, when there are more.
        public var next: String?
        public var notice: String?

        public init(
            requests: [Membership], toReview: [Membership], organisations: [(organisation: Organisation, members: Int)],
            next: String?, notice: String?
        ) {
            self.requests = requests
            self.toReview = toReview
            self.organisations = organisations
            self.next = next
            self.notice = notice
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("organisations.title"), context) {
            el("h1") { t("organisations.title") }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            el("section", .ariaLabelledBy("requests-title")) {
                el("h2", .id("requests-title")) { t("organisations.requests", ["count": t.number(model.requests.count)]) }
                if model.requests.isEmpty { el("p") { t("organisations.requests.none") } }
                OrganisationViews.requests(model.requests, context, labelledBy: "requests-title")
            }
            el("section", .ariaLabelledBy("review-title")) {
                el("h2", .id("review-title")) { t("organisations.review", ["count": t.number(model.toReview.count)]) }
                el("p") { t("organisations.review.intro") }
                if model.toReview.isEmpty { el("p") { t("organisations.review.none") } }
                el("ul", .class("plain-list"), .ariaLabelledBy("review-title")) {
                    for membership in model.toReview {
                let ids = (membership.organisation.id, membership.user)
                        el("li") {
                            el("span") {
                                t("organisation.member.line", ["name": membership.displayName, "organisation": membership.organisation.name])
                            }
                            " "
                            OrganisationViews.decision(Site.Organisations.keep(ids.0, ids.1), t("organisations.review.keep"), membership, context)
                            " "
                            OrganisationViews.decision(Site.Organisations.remove(ids.0, ids.1), t("organisations.member.remove"), membership, context)
                        }
                    }
                }
            }
            el("section", .ariaLabelledBy("all-title")) {
                el("h2", .id("all-title")) { t("organisations.all") }
                el("ul", .class("plain-list")) {
                    for (organisation, members) in model.organisations {
                        el("li") {
                            el("a", .href(Site.Organisations.page(organisation.id))) { organisation.name }
                            " (\(t(organisation.kind.catalogKey)), \(t.count("organisations.members", members)))"
                            if organisation.verified { " "; el("span", .class("badge")) { t("organisation.verified") } }
                        }
                    }
                }
                if let next = model.next {
                    el("p") { el("a", .href(Site.Organisations.list().query(["after": next]))) { t("organisations.next") } }
                }
            }
        }
    }
}

/// `/organisations/{id}`: one organisation for the office: verification and its members.
public enum OrganisationPage {
    public static func render(
        _ organisation: Organisation, members: [Membership], notice: String?, mergeSearch: String = "", mergeCandidates: [Organisation] = [],
        errors: [FieldError] = [], _ context: PageContext
    ) -> [UInt8] {
        let t = context.t
        return Layout.page(title: organisation.name, context) {
            el("p") { el("a", .href(Site.Organisations.list())) { t("organisations.title") } }
            el("h1") { organisation.name }
            if let notice { el("p", .class("notice"), .role("status")) { notice } }
            el("p") {
                t(organisation.kind.catalogKey)
                if organisation.verified { " "; el("span", .class("badge")) { t("organisation.verified") } }
            }
            Forms.post(Site.Organisations.verification(organisation.id), context) {
                void("input", .type("hidden"), .name("verified"), .value(organisation.verified ? "0" : "1"))
                el("button", .type("submit"), .class("button button--secondary")) {
                    t(organisation.verified ? "organisations.unverify" : "organisations.verify")
                }
            }
            Forms.errorSummary(errors, t)
            el("h2", .id("members-title")) { t("organisations.memberList") }
            if members.isEmpty { el("p") { t("organisations.members.none") } }
            el("ul", .class("plain-list"), .ariaLabelledBy("members-title")) {
                for member in members {
                let ids = (organisation.id, member.user)
                    el("li") {
                        el("span") { member.displayName }
                        if member.status == .requested { " "; el("span", .class("badge badge--warning")) { t("organisation.requested") } }
                        if member.needsReview { " "; el("span", .class("badge badge--warning")) { t("organisation.toReview") } }
                        " "
                        if member.status == .requested {
                            OrganisationViews.decision(Site.Organisations.confirm(ids.0, ids.1), t("organisation.request.confirm"), member, context)
                            " "
                        }
                        OrganisationViews.decision(Site.Organisations.remove(ids.0, ids.1), t("organisations.member.remove"), member, context)
                    }
                }
            }
            el("h2", .id("org-merge-title")) { t("organisations.merge.title") }
            el("p", .class("hint")) { t("organisations.merge.hint") }
            Forms.finder(action: Site.Organisations.page(organisation.id) + "#org-merge-title", name: "findDuplicate", value: mergeSearch,
                         label: t("organisations.merge.search"), found: "into", t)
            Forms.post(Site.Organisations.merge(organisation.id), context, class: "form") {
                Forms.found(name: "into", search: mergeSearch, options: mergeCandidates.map {
                    ($0.id.description, t("organisations.merge.candidate", ["name": $0.name, "kind": t($0.kind.catalogKey)]))
                }, t)
                Forms.submit(t("organisations.merge.submit", ["name": organisation.name]))
            }
        }
    }
}
