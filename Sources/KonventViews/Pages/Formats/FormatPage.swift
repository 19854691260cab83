import KonventDomain

/// `/formats/{id}`: what, when, where; registration with the waitlist; the documentation and the
/// results; for its facilitator and the office the tools to run it.
public enum FormatPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var format: Format
        public var times: FormatTimes
        public var isOver: Bool
        /// The visitor's registration; nil when not registered.
        public var registration: RegistrationStatus?
        public var mayRegister: Bool
        public var denialKey: String?
        public var mayManage: Bool
        public var participants: [(name: String, email: String, status: RegistrationStatus)]
        public var notice: String?

        public init(
            region: RegionConfiguration, format: Format, times: FormatTimes, isOver: Bool, registration: RegistrationStatus?,
            mayRegister: Bool, denialKey: String?, mayManage: Bool, participants: [(name: String, email: String, status: RegistrationStatus)],
            notice: String?
        ) {
            self.region = region
            self.format = format
            self.times = times
            self.isOver = isOver
            self.registration = registration
            self.mayRegister = mayRegister
            self.denialKey = denialKey
            self.mayManage = mayManage
            self.participants = participants
            self.notice = notice
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, f = model.format
        return Layout.page(title: f.title, context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Formats.list())) { t("formats.title") } }
            el("h1") { f.title }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            facts(model, t)
            el("div", .class("prose")) { SafeMarkup.render(f.description) }
            el("p") { el("a", .href(Site.Formats.calendar(f.id))) { t("format.addToCalendar") } }
            registration(model, context)
            if let documentation = f.documentation { self.documentation(documentation, t) }
            results(model, t)
            if model.mayManage { manage(model, t) }
        }
    }

    static func facts(_ model: Model, _ t: Translator) -> Node {
        let f = model.format
        return el("dl", .class("facts")) {
            el("dt") { t("format.kind") }
            el("dd") { t(f.kind.catalogKey) }
            el("dt") { t("format.when") }
            el("dd") { FormatSummary.when(model.times, t) }
            el("dt") { t("field.place") }
            el("dd") {
                ContributionSummary.placeName(district: f.districtKey, municipality: f.municipalityKey, model.region)
                if !f.place.isEmpty { " · \(f.place)" }
            }
            if let url = f.onlineURL {
                el("dt") { t("format.onlineURL") }
                el("dd") { el("a", .href(url), Attribute("rel", "noopener noreferrer")) { url } }
            }
            if !f.bring.isEmpty {
                el("dt") { t("format.bring") }
                el("dd") { f.bring }
            }
            el("dt") { t("field.fieldOfAction") }
            el("dd") { f.fields.compactMap { model.region.fieldOfAction($0)?.name[t.language] }.joined(separator: ", ") }
            el("dt") { t("format.facilitator") }
            el("dd") { f.facilitatorName ?? "–" }
            el("dt") { t("format.seatsTitle") }
            el("dd") { FormatSummary.seats(f, t) }
        }
    }

    static func registration(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, f = model.format
        return el("section", .class("support"), .ariaLabelledBy("registration-title")) {
            el("h2", .id("registration-title")) { t("format.registration") }
            if model.isOver {
                el("p") { t("format.over") }
            } else if let status = model.registration {
                el("p") { status == .confirmed ? t("format.registered") : t("format.waitlisted") }
                Forms.post(Site.Formats.cancel(f.id), context) {
                    el("button", .type("submit"), .class("button button--secondary")) { t("format.cancel") }
                }
            } else if model.mayRegister {
                let full = f.isFull
                if full { el("p") { t("format.fullWaitlist") } }
                Forms.post(Site.Formats.register(f.id), context) {
                    el("button", .type("submit"), .class("button")) { full ? t("format.joinWaitlist") : t("format.register") }
                }
            } else if model.denialKey == DenialReason.signInRequired.catalogKey {
                // "Anmelden" means both signing in and registering for an event: the two are kept apart.
                el("p") { t("format.signInFirst") }
                el("div", .class("actions")) {
                    el("a", .class("button"), .href(Site.Accounts.login(next: Site.Formats.page(f.id)))) { t("format.signIn") }
                    el("a", .class("button button--secondary"), .href(Site.Accounts.register().query([
                        ("next", Site.Formats.page(f.id)), ("attend", String(f.id.rawValue)),
                    ]))) {
                        t("format.createAccount")
                    }
                }
            } else if let key = model.denialKey {
                el("p", .class("hint")) { t(key) }
            }
        }
    }

    static func documentation(_ documentation: Format.Documentation, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("documentation-title")) {
            el("h2", .id("documentation-title")) { t("format.documentation") }
            el("p") { t("format.participants", ["count": t.number(documentation.participants)]) }
            el("div", .class("prose")) { SafeMarkup.render(documentation.summary) }
            if !documentation.attachments.isEmpty {
                el("h3") { t("format.attachments") }
                el("div", .class("prose")) { SafeMarkup.render(documentation.attachments) }
            }
        }
    }

    static func results(_ model: Model, _ t: Translator) -> Node {
        let f = model.format
        return el("section", .ariaLabelledBy("results-title")) {
            el("h2", .id("results-title")) { t("format.results") }
            if f.contributionCount == 0 {
                el("p") { t("format.results.none") }
            } else {
                el("p") {
                    el("a", .href(Site.Contributions.list() + "?format=\(f.id)")) {
                        t("format.results.link", ["count": t.number(f.contributionCount)])
                    }
                }
            }
        }
    }

    static func manage(_ model: Model, _ t: Translator) -> Node {
        let f = model.format
        return el("section", .class("moderation"), .ariaLabelledBy("manage-title")) {
            el("h2", .id("manage-title")) { t("format.manage") }
            el("ul", .class("actions-list")) {
                el("li") { el("a", .href(Site.Formats.edit(f.id))) { t("format.edit") } }
                el("li") { el("a", .href(Site.Formats.results(f.id))) { t("format.captureResults") } }
                el("li") { el("a", .href(Site.Formats.documentation(f.id))) { t("format.document") } }
                el("li") { el("a", .href(Site.Formats.participants(f.id))) { t("format.participantsPage") } }
            }
            el("h3") { t("format.participantList") }
            if model.participants.isEmpty {
                el("p") { t("format.participantList.none") }
            } else {
                Layout.scrolling(.ariaLabel(t("format.participantList"))) { el("table", .class("data-table")) {
                    el("thead") {
                        el("tr") {
                            el("th", Attribute("scope", "col")) { t("account.name") }
                            el("th", Attribute("scope", "col")) { t("account.email") }
                            el("th", Attribute("scope", "col")) { t("format.registrationStatus") }
                        }
                    }
                    el("tbody") {
                        for participant in model.participants {
                            el("tr") {
                                el("td") { participant.name }
                                el("td") { participant.email }
                                el("td") { t("format.registration.\(participant.status.rawValue)") }
                            }
                        }
                    }
                } }
            }
        }
    }
}
