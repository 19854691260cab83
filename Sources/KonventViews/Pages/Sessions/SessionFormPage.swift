import KonventDomain

/// The office plans a session (and later writes its minutes).
public enum SessionFormPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var id: Int64?
        public var input: BodySessionDraft.Input
        public var minutes: String
        public var chairs: [(id: Int64, name: String)]
        public var errors: [FieldError] = []

        public init(region: RegionConfiguration, id: Int64?, input: BodySessionDraft.Input, minutes: String, chairs: [(id: Int64, name: String)]) {
            self.region = region
            self.id = id
            self.input = input
            self.minutes = minutes
            self.chairs = chairs
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, input = model.input
        let title = t(model.id == nil ? "session.new" : "session.edit")
        return Layout.page(title: title, context) {
            el("h1") { title }
            Forms.errorSummary(model.errors, t)
            Forms.post(model.id.map { Site.Sessions.page(BodySessionID($0)) } ?? Site.Sessions.list(), context, class: "form") {
                Forms.select(name: "body", label: t("session.body"), options: model.region.bodies.map { ($0.key, $0.name[t.language]) },
                             selected: input.body, errors: model.errors, t)
                Forms.input(.init(name: "title", label: t("session.title"), value: input.title), errors: model.errors, t)
                Forms.input(.init(name: "start", label: t("format.start"), type: "datetime-local", value: input.start), errors: model.errors, t)
                Forms.input(.init(name: "end", label: t("format.end"), type: "datetime-local", value: input.end), errors: model.errors, t)
                Forms.input(.init(name: "place", label: t("session.place"), value: input.place), errors: model.errors, t)
                Forms.select(name: "chair", label: t("session.chair"),
                             options: [("", t("session.chair.none"))] + model.chairs.map { (String($0.id), $0.name) },
                             selected: input.chair, errors: model.errors, t)
                Forms.textarea(name: "participants", label: t("session.participants"), value: input.participants,
                               hint: t("session.participants.hint"), rows: 6, required: false, errors: model.errors, t)
                if model.id != nil {
                    Forms.textarea(name: "minutes", label: t("session.minutes"), value: model.minutes, hint: t("session.minutes.hint"),
                                   rows: 10, required: false, errors: model.errors, t)
                }
                Forms.submit(t("session.save"))
            }
        }
    }
}

/// Recording what the body decided on one agenda item: for a measure whose stage the body decides,
/// the body's assessment and an outcome of the stage; otherwise the decision in words. Both with the vote.
public enum DecisionFormPage {
    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var sessionID: Int64
        public var sessionTitle: String
        public var item: AgendaItem
        /// The stage the item decides, if it does.
        public var stage: ReviewConfiguration.Stage?
        public var assessment = AssessmentInput()
        public var input = ConclusionInput()
        public var errors: [FieldError] = []

        public init(region: RegionConfiguration, sessionID: Int64, sessionTitle: String, item: AgendaItem, stage: ReviewConfiguration.Stage?) {
            self.region = region
            self.sessionID = sessionID
            self.sessionTitle = sessionTitle
            self.item = item
            self.stage = stage
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t
        let title = t("session.decide", ["position": String(model.item.position)])
        return Layout.page(title: title, context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Sessions.page(BodySessionID(model.sessionID)))) { model.sessionTitle } }
            el("h1") { title }
            el("p", .class("lead")) {
                model.item.title
                if let measure = model.item.measure { " – \(measure.code) \(measure.title)" }
            }
            Forms.errorSummary(model.errors, t)
            Forms.post(Site.Sessions.decision(BodySessionID(model.sessionID), model.item.id), context, class: "form") {
                if let stage = model.stage {
                    ReviewPage.assessmentFields(stage, model.assessment, model.errors, t)
                    ReviewPage.conclusionFields(stage, model.input, voting: true, model.errors, t)
                } else {
                    Forms.textarea(name: "reasons", label: t("session.decision"), value: model.input.reasons, hint: nil, rows: 5,
                                   errors: model.errors, t)
                    ReviewPage.voteFields(model.input, model.errors, t)
                }
                Forms.submit(t("session.decision.save"))
            }
        }
    }
}
