import KonventDomain

/// The signed-in person's own page: profile, organisations, data export and deletion.
public enum AccountPage {
    public struct Model: Sendable {
        public var user: User
        public var ministryName: String?
        /// The person's memberships, requested ones included.
        public var organisations: [Membership]
        /// Open requests to join the organisations the person is a confirmed member of.
        public var requests: [Membership] = []
        public var errors: [FieldError]
        public var notice: String?
        public var organisationName: String
        public var notifications: [ContributionNotification] = []
        /// What the person was told about the measures they follow, and those measures.
        public var measureNotices: [MeasureNotice] = []
        public var followedMeasures: [MeasureHeadline] = []
        public var contributions: [Contribution] = []
        public var registrations: [(format: Format, times: FormatTimes, status: RegistrationStatus)] = []
        /// "immediately", "daily" or "never".
        public var notify = "immediately"
        /// Whether the person asked for the office's announcements, and confirmed it.
        public var announcements = AnnouncementSubscription.none
        /// What was typed into the profile forms, kept when they come back with errors.
        public var displayNameInput: String?
        public var newEmailInput = ""
        /// For the review stages' names in the news.
        public var region: RegionConfiguration?

        public init(
            user: User, ministryName: String?, organisations: [Membership], errors: [FieldError] = [],
            notice: String? = nil, organisationName: String = ""
        ) {
            self.user = user
            self.ministryName = ministryName
            self.organisations = organisations
            self.errors = errors
            self.notice = notice
            self.organisationName = organisationName
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        return Layout.page(title: t("account.title"), context) {
            el("h1") { t("account.title") }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            Forms.errorSummary(model.errors, t)
            profile(model, context)
            AccountActivity.render(model, context)
            organisations(model, context)
            announcements(model, context)
            data(model, context)
        }
    }

    /// The office's announcements: asked for here, confirmed by mail (double opt-in), stopped here or from any of them.
    static func announcements(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", .ariaLabelledBy("announcements-title")) {
            el("h2", .id("announcements-title")) { t("announcements.account.title") }
            switch model.announcements {
            case .none:
                el("p") { t("announcements.account.none") }
                Forms.post(Site.Announcements.subscribe(), context) { Forms.submit(t("announcements.account.subscribe")) }
            case .requested:
                el("p") { t("announcements.account.requested") }
                Forms.post(Site.Announcements.subscribe(), context, class: "inline-form") {
                    el("button", .type("submit"), .class("button button--secondary")) { t("announcements.account.resend") }
                }
                Forms.post(Site.Announcements.stop(), context, class: "inline-form") {
                    el("button", .type("submit"), .class("link-button")) { t("announcements.account.cancel") }
                }
            case .confirmed:
                el("p") { t("announcements.account.confirmed") }
                Forms.post(Site.Announcements.stop(), context) {
                    el("button", .type("submit"), .class("button button--secondary")) { t("announcements.account.stop") }
                }
            }
            el("p") { el("a", .href(Site.Announcements.archive())) { t("announcements.archive.link") } }
        }
    }

    static func profile(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, user = model.user
        return el("section", .ariaLabelledBy("profile-title")) {
            el("h2", .id("profile-title")) { t("account.profile") }
            el("dl", .class("facts")) {
                el("dt") { t("field.displayName") }
                el("dd") { user.displayName }
                el("dt") { t("field.email") }
                el("dd") {
                    user.email.value
                    " "
                    el("span", .class(user.isConfirmed ? "badge" : "badge badge--warning")) {
                        user.isConfirmed ? t("account.confirmed") : t("account.unconfirmed")
                    }
                }
                el("dt") { t("account.role") }
                el("dd") {
                    t(user.role.catalogKey)
                    if let ministry = model.ministryName { " – \(ministry)" }
                }
            }
            if !user.isConfirmed {
                Forms.post(Site.Accounts.confirmation(), context) {
                    el("button", .type("submit"), .class("button button--secondary")) { t("account.resend") }
                }
            }
            changes(model, context)
        }
    }

    /// Name, address and password, each in a fold of its own that opens by itself when its form
    /// came back with an error.
    static func changes(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, fields = Set(model.errors.map(\.field))
        func fold(_ title: String, opened: Bool, @NodeBuilder _ content: () -> Node) -> Node {
            el("details", .class("account-change"), opened ? Attribute("open", nil) : nil) {
                el("summary") { title }
                content()
            }
        }
        return .fragment([
            fold(t("account.name.change"), opened: fields.contains("displayName")) {
                Forms.post(Site.Accounts.name(), context, class: "form") {
                    Forms.input(.init(name: "displayName", label: t("field.displayName"),
                                      value: model.displayNameInput ?? model.user.displayName, hint: t("register.displayName.hint"),
                                      autocomplete: "nickname"), errors: model.errors, t)
                    Forms.submit(t("account.name.save"))
                }
            },
            fold(t("account.email.change"), opened: !fields.isDisjoint(with: ["newEmail", "emailPassword"])) {
                el("p") { t("account.email.intro") }
                Forms.post(Site.Accounts.email(), context, class: "form") {
                    Forms.input(.init(name: "newEmail", label: t("account.email.new"), type: "email", value: model.newEmailInput,
                                      autocomplete: "email"), errors: model.errors, t)
                    Forms.input(.init(name: "emailPassword", label: t("account.password.current"), type: "password",
                                      autocomplete: "current-password"), errors: model.errors, t)
                    Forms.submit(t("account.email.send"))
                }
            },
            fold(t("account.password.change"), opened: !fields.isDisjoint(with: ["currentPassword", "newPassword"])) {
                el("p") { t("account.password.intro") }
                Forms.post(Site.Accounts.password(), context, class: "form") {
                    Forms.input(.init(name: "currentPassword", label: t("account.password.current"), type: "password",
                                      autocomplete: "current-password"), errors: model.errors, t)
                    Forms.input(.init(name: "newPassword", label: t("account.password.new"), type: "password",
                                      hint: t("register.password.hint"), autocomplete: "new-password"), errors: model.errors, t)
                    Forms.submit(t("account.password.save"))
                }
            },
        ])
    }

    static func organisations(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", .ariaLabelledBy("organisations-title")) {
            el("h2", .id("organisations-title")) { t("account.organisations") }
            el("p") { t("account.organisations.intro") }
            if model.organisations.isEmpty {
                el("p") { t("account.organisations.none") }
            } else {
                el("ul", .class("plain-list")) {
                    for membership in model.organisations {
                        let organisation = membership.organisation
                        el("li") {
                            el("span") { "\(organisation.name) (\(t(organisation.kind.catalogKey)))" }
                            if organisation.verified { " "; el("span", .class("badge")) { t("organisation.verified") } }
                            if membership.status == .requested {
                                " "; el("span", .class("badge badge--warning")) { t("organisation.requested") }
                            }
                            " "
                            Forms.post(Site.Accounts.leaveOrganisation(organisation.id), context, class: "inline-form") {
                                el("button", .type("submit"), .class("link-button")) {
                                    t(membership.status == .requested ? "account.organisations.withdraw" : "account.organisations.remove")
                                    el("span", .class("visually-hidden")) { ": \(organisation.name)" }
                                }
                            }
                        }
                    }
                }
            }
            if !model.requests.isEmpty {
                el("h3", .id("requests-title")) { t("account.organisations.requests") }
                OrganisationViews.requests(model.requests, context, labelledBy: "requests-title")
            }
            Forms.post(Site.Accounts.organisations(), context, class: "form") {
                Forms.input(.init(name: "organisationName", label: t("field.organisationName"), value: model.organisationName,
                                  autocomplete: "organization"), errors: model.errors, t)
                Forms.select(
                    name: "organisationKind", label: t("field.organisationKind"),
                    options: Organisation.Kind.allCases.map { ($0.rawValue, t($0.catalogKey)) }, selected: nil,
                    errors: model.errors, t)
                Forms.submit(t("account.organisations.add"))
            }
        }
    }

    static func data(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", .ariaLabelledBy("data-title")) {
            el("h2", .id("data-title")) { t("account.data") }
            el("p") { t("account.export.intro") }
            el("p") { el("a", .class("button button--secondary"), .href(Site.Accounts.export())) { t("account.export") } }
            el("h3") { t("account.delete") }
            el("p") { t("account.delete.intro") }
            Forms.post(Site.Accounts.delete(), context, class: "form") {
                Forms.input(.init(name: "password", label: t("account.delete.password"), type: "password",
                                  autocomplete: "current-password"), errors: model.errors, t)
                el("button", .type("submit"), .class("button button--danger")) { t("account.delete.submit") }
            }
        }
    }
}
