import KonventDomain

/// `/measures/{id}`: what the measure is, where it came from, where it stands and how it got there;
/// for the office the next steps.
public enum MeasurePage {
    public struct Source: Sendable {
        public var id: Int64
        public var title: String
        public var note: String

        public init(id: Int64, title: String, note: String) {
            self.id = id
            self.title = title
            self.note = note
        }
    }

    public struct Step: Sendable {
        public var to: MeasureState
        public var reason: String?
        public var date: String
        /// A change of phase inside one review stage (an opinion drafted or reopened): internal.
        public var withinStage: Bool

        public init(to: MeasureState, reason: String?, date: String, withinStage: Bool = false) {
            self.to = to
            self.reason = reason
            self.date = date
            self.withinStage = withinStage
        }
    }

    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var measure: Measure
        public var sources: [Source]
        public var steps: [Step]
        public var ministries: [String]
        public var versions: [(version: Int, date: String)]
        /// The office's next steps (transition names) from here; empty for everyone else.
        public var nextSteps: [MeasureTransition]
        public var mayEdit: Bool
        public var notice: String?
        public var errors: [FieldError] = []
        /// Earlier versions are internal (they include the drafts).
        public var mayCompareVersions = false
        /// The office's search for a contribution to link as a source, and what it found.
        public var sourceSearch = ""
        public var sourceCandidates: [(id: Int64, title: String)] = []
        /// Its implementation, once adopted.
        public var implementation: ImplementationSection.Model?
        /// Whether the visitor follows it; nil when they may not follow (not signed in, not confirmed).
        public var following: Bool?
        /// A public measure offers following (to visitors: after signing in).
        public var offersFollowing = false
        /// Released decisions of the bodies on this measure: stage, conclusion, session.
        public var decisions: [(stage: String, conclusion: Conclusion, session: Int64?, date: String)] = []

        public init(
            region: RegionConfiguration, measure: Measure, sources: [Source], steps: [Step], ministries: [String],
            versions: [(version: Int, date: String)], nextSteps: [MeasureTransition], mayEdit: Bool, notice: String?
        ) {
            self.region = region
            self.measure = measure
            self.sources = sources
            self.steps = steps
            self.ministries = ministries
            self.versions = versions
            self.nextSteps = nextSteps
            self.mayEdit = mayEdit
            self.notice = notice
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, m = model.measure, c = m.content
        return Layout.page(title: "\(m.code) \(c.title)", context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Measures.list())) { t("measures.title") } }
            el("h1") { "\(m.code) \(c.title)" }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            Forms.errorSummary(model.errors, t)
            facts(model, t)
            el("h2") { t("measure.goal") }
            el("div", .class("prose")) { SafeMarkup.render(c.goal) }
            el("h2") { t("measure.description") }
            el("div", .class("prose")) { SafeMarkup.render(c.description) }
            if let implementation = model.implementation { ImplementationSection.render(implementation, context) }
            financing(c, t)
            if !c.indicators.isEmpty { indicators(c, t) }
            sources(model, context)
            if !model.decisions.isEmpty { decisions(model, t) }
            if model.offersFollowing { follow(model, context) }
            history(model, t)
            if !model.nextSteps.isEmpty || model.mayEdit { office(model, context) }
        }
    }

    /// Following: the button for people who may, the way to sign in for visitors.
    static func follow(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, id = model.measure.id
        return el("section", .ariaLabelledBy("follow-title")) {
            el("h2", .id("follow-title")) { t("measure.follow.title") }
            el("p", .class("hint")) { t("measure.follow.hint") }
            if let following = model.following {
                if following { el("p", .role("status")) { t("measure.followed") } }
                Forms.post(following ? Site.Measures.unfollow(id) : Site.Measures.follow(id), context) {
                    el("button", .type("submit"), .class(following ? "button button--secondary" : "button")) {
                        following ? t("measure.unfollow") : t("measure.follow")
                    }
                }
            } else if context.user != nil {
                el("p") { t(DenialReason.confirmationRequired.catalogKey) }
            } else {
                el("p") { el("a", .href(Site.Accounts.login(next: Site.Measures.page(id)))) { t("measure.follow.signIn") } }
            }
        }
    }

    static func facts(_ model: Model, _ t: Translator) -> Node {
        let m = model.measure, c = m.content
        return el("dl", .class("facts")) {
            el("dt") { t("measure.state") }
            el("dd") {
                el("strong") { MeasureStateName.name(m.state, model.region, t) }
                if let reason = m.stateReason { " – \(reason)" }
            }
            el("dt") { t("measure.kindLabel") }
            el("dd") { t(c.kind.catalogKey) }
            el("dt") { t("field.fieldOfAction") }
            el("dd") { c.fields.compactMap { model.region.fieldOfAction($0)?.name[t.language] }.joined(separator: ", ") }
            el("dt") { t("measure.territories") }
            el("dd") { places(c, model.region, t) }
            el("dt") { t("profile.sponsor") }
            el("dd") { c.sponsor }
            if !c.partners.isEmpty {
                el("dt") { t("profile.partners") }
                el("dd") { c.partners }
            }
            el("dt") { t("measure.maturity") }
            el("dd") { t(c.maturity.catalogKey) }
            if !c.timeframe.isEmpty {
                el("dt") { t("profile.timeframe") }
                el("dd") { c.timeframe }
            }
            el("dt") { t("measure.ministries") }
            el("dd") {
                model.ministries.enumerated().map { index, key in
                    let name = model.region.ministry(key)?.abbreviation ?? key
                    return index == 0 && key == c.leadMinistry ? "\(name) (\(t("measure.lead")))" : name
                }.joined(separator: ", ")
            }
            el("dt") { t("measure.version") }
            el("dd") { String(m.version) }
        }
    }

    /// The places a measure is for, or "the whole region".
    static func places(_ c: MeasureContent, _ region: RegionConfiguration, _ t: Translator) -> String {
        c.territories.isEmpty ? t("measure.territories.all") : c.territories.compactMap { region.territory($0)?.name }.joined(separator: ", ")
    }

    static func financing(_ c: MeasureContent, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("financing-title")) {
            el("h2", .id("financing-title")) { t("measure.financing") }
            Layout.scrolling(.ariaLabelledBy("financing-title")) { el("table", .class("data-table")) {
                el("caption") { t("measure.cost", ["amount": t.number(c.estimatedCost)]) }
                el("thead") {
                    el("tr") {
                        el("th", Attribute("scope", "col")) { t("measure.financing.source") }
                        el("th", Attribute("scope", "col")) { t("measure.financing.programme") }
                        el("th", Attribute("scope", "col"), .class("numeric")) { t("measure.financing.amount") }
                    }
                }
                el("tbody") {
                    for line in c.financing {
                        el("tr") {
                            el("td") { t(line.source.catalogKey) }
                            el("td") { line.programme }
                            el("td", .class("numeric")) { t("profile.euros", ["amount": t.number(line.amount)]) }
                        }
                    }
                }
            } }
        }
    }

    static func indicators(_ c: MeasureContent, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("indicators-title")) {
            el("h2", .id("indicators-title")) { t("measure.indicators") }
            el("dl", .class("facts")) {
                for indicator in c.indicators {
                    el("dt") { indicator.name }
                    el("dd") { indicator.target }
                }
            }
        }
    }

    static func sources(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t
        return el("section", .ariaLabelledBy("sources-title")) {
            el("h2", .id("sources-title")) { t("measure.sources", ["count": t.number(model.sources.count)]) }
            if model.sources.isEmpty { el("p") { t("measure.sources.none") } }
            el("ul", .class("plain-list")) {
                for source in model.sources {
                    el("li") {
                        el("a", .href(Site.Contributions.page(ContributionID(source.id)))) { source.title }
                        if !source.note.isEmpty { " – \(source.note)" }
                    }
                }
            }
        }
    }

    static func decisions(_ model: Model, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("decisions-title")) {
            el("h2", .id("decisions-title")) { t("measure.decisions") }
            for decision in model.decisions.reversed() {
                let stage = model.region.review.stage(decision.stage)
                el("div", .class("conclusion")) {
                    el("h3") {
                        stage?.outcome(decision.conclusion.outcome)?.label[t.language] ?? decision.conclusion.outcome
                        " – "
                        stage?.name[t.language] ?? decision.stage
                    }
                    el("p", .class("meta")) {
                        el("time", .datetime(decision.date)) { t.date(iso: decision.date) }
                        if let session = decision.session {
                            " · "
                            el("a", .href(Site.Sessions.page(BodySessionID(session)))) { t("review.inSession") }
                        }
                    }
                    ReviewPage.voteLine(decision.conclusion.vote, t)
                    el("div", .class("prose")) { SafeMarkup.render(decision.conclusion.reasons) }
                    if !decision.conclusion.conditions.isEmpty {
                        el("h4") { t("review.conditions") }
                        el("div", .class("prose")) { SafeMarkup.render(decision.conclusion.conditions) }
                    }
                }
            }
        }
    }

    static func history(_ model: Model, _ t: Translator) -> Node {
        el("section", .ariaLabelledBy("history-title")) {
            el("h2", .id("history-title")) { t("measure.history") }
            el("ol", .class("timeline")) {
                for step in model.steps where model.mayCompareVersions || !step.withinStage {
                    el("li", .class("timeline__item timeline__item--past")) {
                        el("time", .datetime(step.date)) { t.date(iso: step.date) }
                        el("p") {
                            MeasureStateName.name(step.to, model.region, t)
                            if let reason = step.reason { " – \(reason)" }
                        }
                    }
                }
            }
            if model.mayCompareVersions && model.measure.state != .draft {
                el("p") { el("a", .href(Site.Measures.review(model.measure.id))) { t("measure.review") } }
            }
            if model.versions.count > 1 && model.mayCompareVersions {
                el("p") {
                    t("measure.versions", ["count": t.number(model.versions.count)])
                    " "
                    el("a", .href(Site.Measures.versions(model.measure.id))) { t("measure.versions.link") }
                }
            }
        }
    }

    static func office(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, m = model.measure
        return el("section", .class("moderation"), .ariaLabelledBy("office-title")) {
            el("h2", .id("office-title")) { t("measure.office") }
            if model.mayEdit { el("p") { el("a", .href(Site.Measures.edit(m.id))) { t("measure.edit") } } }
            if !model.nextSteps.isEmpty {
                Forms.post(Site.Measures.step(m.id), context, class: "form") {
                    void("input", .type("hidden"), .name("version"), .value(String(m.version)))
                    Forms.select(name: "step", label: t("measure.nextStep"),
                                 options: model.nextSteps.map { ($0.description, t("measure.step.\($0.description)")) },
                                 selected: nil, errors: model.errors, t)
                    Forms.input(.init(name: "reason", label: t("measure.stepReason"), required: false), errors: model.errors, t)
                    Forms.submit(t("measure.stepApply"))
                }
            }
            el("h3", .id("add-source-title")) { t("measure.addSource.title") }
            Forms.finder(action: Site.Measures.page(m.id) + "#add-source-title", name: "findSource", value: model.sourceSearch,
                         label: t("measure.addSource.search"), found: "contribution", t)
            Forms.post(Site.Measures.sources(m.id), context, class: "form") {
                Forms.found(name: "contribution", search: model.sourceSearch,
                            options: model.sourceCandidates.map { (String($0.id), t("finder.contribution", ["title": $0.title, "number": String($0.id)])) }, t)
                Forms.input(.init(name: "contribution", label: t("measure.addSource"), type: "number",
                                  hint: t("measure.addSource.hint"), required: false, markOptional: false), errors: model.errors, t)
                Forms.input(.init(name: "note", label: t("measure.sourceNote"), required: false), errors: model.errors, t)
                Forms.submit(t("measure.addSource.send"))
            }
        }
    }
}
