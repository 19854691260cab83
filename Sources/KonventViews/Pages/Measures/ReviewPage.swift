import KonventDomain

/// `/measures/{id}/review`: the internal side of a measure's review. Every stage it went through with
/// the assessments (and the version each was written on), how the stage ended, and, for whoever's
/// turn it is, the form: an assessment, the lead's draft opinion, a confirmation or an objection.
public enum ReviewPage {
    public struct Assessment: Sendable {
        public var round: Int
        public var stage: String
        public var assessor: Assessor
        public var version: Int
        public var content: AssessmentContent
        public var date: String

        public init(round: Int, stage: String, assessor: Assessor, version: Int, content: AssessmentContent, date: String) {
            self.round = round
            self.stage = stage
            self.assessor = assessor
            self.version = version
            self.content = content
            self.date = date
        }
    }

    public struct Ending: Sendable {
        public var round: Int
        public var stage: String
        public var conclusion: Conclusion
        public var concluded: Bool
        public var session: Int64?
        public var date: String

        public init(round: Int, stage: String, conclusion: Conclusion, concluded: Bool, session: Int64?, date: String) {
            self.round = round
            self.stage = stage
            self.conclusion = conclusion
            self.concluded = concluded
            self.session = session
            self.date = date
        }
    }

    /// What the visitor may do here now.
    public enum Task: Sendable {
        /// Write or rewrite the assessment as this assessor; `concludes`: the form also takes the outcome.
        case assess(Assessor, concludes: Bool)
        /// The lead drafts the agreed opinion; `missing`: ministries that have not assessed yet.
        case draftOpinion(missing: [String])
        /// A co-ministry confirms or objects.
        case confirm(ministry: String)
    }

    public struct Model: Sendable {
        public var region: RegionConfiguration
        public var measure: Measure
        public var ministries: [String]
        public var assessments: [Assessment]
        public var endings: [Ending]
        public var confirmations: [String]
        public var tasks: [Task]
        /// The office assigns co-ministries.
        public var mayAssign: Bool
        /// The current stage's due date (ISO) and the days left (negative when overdue).
        public var due: (date: String, daysLeft: Int)?
        public var input = AssessmentInput()
        public var conclusionInput = ConclusionInput()
        public var errors: [FieldError] = []
        public var notice: String?
        /// The contributions the measure came from, shown beside the form.
        public var sources: [MeasurePage.Source] = []
        /// Just saved: the assessor's own assessment is shown above the form as it was stored.
        public var saved: Assessment?

        public init(
            region: RegionConfiguration, measure: Measure, ministries: [String], assessments: [Assessment], endings: [Ending],
            confirmations: [String], tasks: [Task], mayAssign: Bool
        ) {
            self.region = region
            self.measure = measure
            self.ministries = ministries
            self.assessments = assessments
            self.endings = endings
            self.confirmations = confirmations
            self.tasks = tasks
            self.mayAssign = mayAssign
        }
    }

    public static func assessorName(_ assessor: Assessor, _ region: RegionConfiguration, _ t: Translator) -> String {
        switch assessor {
        case .office: t("review.assessor.office")
        case .ministry(let key): region.ministry(key)?.abbreviation ?? key
        case .body(let key): region.body(key)?.name[t.language] ?? key
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, m = model.measure
        return Layout.page(title: t("review.measure.title", ["code": m.code]), context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Measures.page(m.id))) { "\(m.code) \(m.content.title)" } }
            el("h1") { t("review.measure.title", ["code": m.code]) }
            if let notice = model.notice { el("p", .class("notice"), .role("status")) { notice } }
            Forms.errorSummary(model.errors, t)
            el("dl", .class("facts")) {
                el("dt") { t("measure.state") }
                el("dd") { el("strong") { MeasureStateName.name(m.state, model.region, t) } }
                el("dt") { t("measure.version") }
                el("dd") { String(m.version) }
                if let due = model.due {
                    el("dt") { t("review.due") }
                    el("dd") {
                        el("time", .datetime(due.date)) { t.date(iso: due.date) }
                        " – "
                        due.daysLeft < 0 ? el("strong") { t("review.overdue", ["count": t.number(-due.daysLeft)]) }
                            : Node.text(t("review.daysLeft", ["count": t.number(due.daysLeft)]))
                    }
                }
                el("dt") { t("measure.ministries") }
                el("dd") {
                    model.ministries.isEmpty ? t("review.ministries.none")
                        : model.ministries.map { model.region.ministry($0)?.abbreviation ?? $0 }.joined(separator: ", ")
                }
            }
            el("div", .class(model.tasks.isEmpty ? "review-layout review-layout--single" : "review-layout")) {
                el("div", .class("review-layout__work")) {
                    if let saved = model.saved, let stage = model.region.review.stage(saved.stage) {
                        el("section", .class("saved"), .ariaLabelledBy("saved-title")) {
                            el("h2", .id("saved-title")) { t("review.saved.title") }
                            assessmentView(saved, stage, model, t)
                        }
                    }
                    for task in model.tasks { taskForm(task, model, context) }
                }
                overview(model, t)
            }
            if model.mayAssign { assignForm(model, context) }
            stages(model, t)
        }
    }

    static func stages(_ model: Model, _ t: Translator) -> Node {
        let rounds = Set(model.assessments.map(\.round) + model.endings.map(\.round)).sorted(by: >)
        return el("section", .ariaLabelledBy("stages-title")) {
            el("h2", .id("stages-title")) { t("review.stages") }
            if rounds.isEmpty { el("p") { t("review.none") } }
            for round in rounds {
                for stage in model.region.review.stages {
                    let assessments = model.assessments.filter { $0.round == round && $0.stage == stage.key }
                    let ending = model.endings.first { $0.round == round && $0.stage == stage.key }
                    if !assessments.isEmpty || ending != nil {
                        el("section", .class("review-stage"), .ariaLabelledBy("stage-\(round)-\(stage.key)")) {
                            el("h3", .id("stage-\(round)-\(stage.key)")) {
                                t("review.stageInRound", ["stage": stage.name[t.language], "round": t.number(round)])
                            }
                            for assessment in assessments { assessmentView(assessment, stage, model, t) }
                            if let ending { endingView(ending, stage, model, t) }
                        }
                    }
                }
            }
        }
    }

    static func assessmentView(_ a: Assessment, _ stage: ReviewConfiguration.Stage, _ model: Model, _ t: Translator) -> Node {
        el("article", .class("assessment")) {
            el("h4") { assessorName(a.assessor, model.region, t) }
            el("p", .class("meta")) {
                el("time", .datetime(a.date)) { t.date(iso: a.date) }
                " · "
                t("review.onVersion", ["version": String(a.version)])
                if a.version != model.measure.version {
                    " · "
                    el("a", .href(Site.Measures.versions(model.measure.id) + "?from=\(a.version)&to=\(model.measure.version)")) {
                        t("review.compare", ["version": String(a.version)])
                    }
                }
            }
            if !stage.gates.isEmpty {
                el("dl", .class("facts")) {
                    for gate in stage.gates {
                        el("dt") { gate.question[t.language] }
                        el("dd") {
                            if let answer = a.content.gates[gate.key] {
                                el("strong") { t(answer.holds ? "review.gate.yes" : "review.gate.no") }
                                " – \(answer.justification)"
                            }
                        }
                    }
                }
            }
            if !stage.criteria.isEmpty {
                el("dl", .class("facts")) {
                    for criterion in stage.criteria {
                        el("dt") { criterion.name[t.language] }
                        el("dd") {
                            if let score = a.content.scores[criterion.key] {
                                t("review.score", ["score": String(score), "of": String(criterion.scale.count),
                                                   "label": criterion.scale[score - 1][t.language]])
                            }
                        }
                    }
                    if let share = a.content.weightedShare(in: stage) {
                        el("dt") { t("review.weighted") }
                        el("dd") {
                            el("strong") { t("review.percent", ["value": t.number(Int((share * 100).rounded()))]) }
                            void("br")
                            el("span", .class("hint")) { weighting(a.content, stage, t) }
                        }
                    }
                }
            }
            el("div", .class("prose")) { SafeMarkup.render(a.content.text) }
        }
    }

    /// How the weighted result came about: each criterion's place on its scale (the lowest step 0 %,
    /// the highest 100 %) with its weight, and their weighted mean.
    static func weighting(_ content: AssessmentContent, _ stage: ReviewConfiguration.Stage, _ t: Translator) -> String {
        let parts = stage.criteria.compactMap { criterion -> String? in
            guard let score = content.scores[criterion.key], criterion.scale.count > 1 else { return nil }
            let share = Int((Double(score - 1) / Double(criterion.scale.count - 1) * 100).rounded())
            return t("review.weighting.part", ["name": criterion.name[t.language], "score": String(score), "of": String(criterion.scale.count),
                                               "share": t.number(share), "weight": String(criterion.weight)])
        }
        return t("review.weighting", ["parts": parts.joined(separator: "; ")])
    }

    /// What is reviewed, beside the form: goal, cost and financing, indicators, places, sponsor and sources.
    static func overview(_ model: Model, _ t: Translator) -> Node {
        let m = model.measure, c = m.content
        return el("aside", .class("review-layout__measure"), .ariaLabelledBy("overview-title")) {
            el("h2", .id("overview-title")) { t("review.overview", ["code": m.code]) }
            el("p") { el("strong") { c.title } }
            el("h3") { t("measure.goal") }
            el("div", .class("prose")) { SafeMarkup.render(c.goal) }
            el("dl", .class("facts")) {
                el("dt") { t("measure.territories") }
                el("dd") { MeasurePage.places(c, model.region, t) }
                el("dt") { t("profile.sponsor") }
                el("dd") { c.sponsor }
                el("dt") { t("measure.maturity") }
                el("dd") { t(c.maturity.catalogKey) }
                if !c.timeframe.isEmpty {
                    el("dt") { t("profile.timeframe") }
                    el("dd") { c.timeframe }
                }
            }
            el("h3") { t("review.overview.cost", ["amount": t.number(c.estimatedCost)]) }
            if c.financing.isEmpty {
                el("p") { t("review.overview.noFinancing") }
            } else {
                el("ul", .class("plain-list")) {
                    for line in c.financing {
                        el("li") {
                            "\(t(line.source.catalogKey)): \(t("profile.euros", ["amount": t.number(line.amount)]))"
                            if !line.programme.isEmpty { " (\(line.programme))" }
                        }
                    }
                }
            }
            if !c.indicators.isEmpty {
                el("h3") { t("measure.indicators") }
                el("ul", .class("plain-list")) { for indicator in c.indicators { el("li") { "\(indicator.name): \(indicator.target)" } } }
            }
            el("h3") { t("measure.sources", ["count": t.number(model.sources.count)]) }
            if model.sources.isEmpty {
                el("p") { t("review.overview.noSources") }
            } else {
                el("ul", .class("plain-list")) {
                    for source in model.sources { el("li") { el("a", .href(Site.Contributions.page(ContributionID(source.id)))) { source.title } } }
                }
            }
            el("p") { el("a", .href(Site.Measures.page(m.id))) { t("review.overview.full") } }
        }
    }

    static func endingView(_ e: Ending, _ stage: ReviewConfiguration.Stage, _ model: Model, _ t: Translator) -> Node {
        el("div", .class(e.concluded ? "conclusion" : "conclusion conclusion--draft")) {
            el("h4") { t(e.concluded ? "review.conclusion" : "review.opinionDraft") }
            el("p") {
                el("strong") { stage.outcome(e.conclusion.outcome)?.label[t.language] ?? e.conclusion.outcome }
                " · "
                el("time", .datetime(e.date)) { t.date(iso: e.date) }
                if let session = e.session {
                    " · "
                    el("a", .href(Site.Sessions.page(BodySessionID(session)))) { t("review.inSession") }
                }
            }
            voteLine(e.conclusion.vote, t)
            el("div", .class("prose")) { SafeMarkup.render(e.conclusion.reasons) }
            if !e.conclusion.conditions.isEmpty {
                el("h5") { t("review.conditions") }
                el("div", .class("prose")) { SafeMarkup.render(e.conclusion.conditions) }
            }
            if !e.concluded {
                el("p") {
                    t("review.confirmedBy", ["list": model.confirmations.isEmpty ? "–"
                        : model.confirmations.map { model.region.ministry($0)?.abbreviation ?? $0 }.joined(separator: ", ")])
                }
            }
        }
    }

    public static func voteLine(_ vote: Vote?, _ t: Translator) -> Node {
        switch vote {
        case nil: .empty
        case .consensus: el("p") { t("review.vote.consensus") }
        case .counted(let yes, let no, let abstain):
            el("p") { t("review.vote.counted", ["yes": t.number(yes), "no": t.number(no), "abstain": t.number(abstain)]) }
        }
    }

    static func taskForm(_ task: Task, _ model: Model, _ context: PageContext) -> Node {
        let t = context.t, m = model.measure
        guard let stage = m.state.stage.flatMap(model.region.review.stage) else { return .empty }
        switch task {
        case .assess(let assessor, let concludes):
            let path = switch assessor {
            case .office: "office"
            case .ministry(let key): key
            case .body(let key): key
            }
            return el("section", .class("moderation"), .ariaLabelledBy("assess-title")) {
                el("h2", .id("assess-title")) { t("review.assess.title", ["assessor": assessorName(assessor, model.region, t)]) }
                Forms.post(Site.Measures.assessment(m.id, path), context, class: "form") {
                    assessmentFields(stage, model.input, model.errors, t)
                    if concludes { conclusionFields(stage, model.conclusionInput, voting: false, model.errors, t) }
                    Forms.submit(t(concludes ? "review.assess.conclude" : "review.assess.save"))
                }
            }
        case .draftOpinion(let missing):
            return el("section", .class("moderation"), .ariaLabelledBy("opinion-title")) {
                el("h2", .id("opinion-title")) { t("review.opinion.title") }
                if !missing.isEmpty {
                    el("p") {
                        t("review.opinion.missing", ["list": missing.map { model.region.ministry($0)?.abbreviation ?? $0 }.joined(separator: ", ")])
                    }
                } else {
                    Forms.post(Site.Measures.opinion(m.id), context, class: "form") {
                        conclusionFields(stage, model.conclusionInput, voting: false, model.errors, t)
                        Forms.submit(t("review.opinion.send"))
                    }
                }
            }
        case .confirm:
            return el("section", .class("moderation"), .ariaLabelledBy("confirm-title")) {
                el("h2", .id("confirm-title")) { t("review.confirm.title") }
                Forms.post(Site.Measures.confirmOpinion(m.id), context, class: "inline-form") {
                    Forms.submit(t("review.confirm.send"))
                }
                Forms.post(Site.Measures.objectToOpinion(m.id), context, class: "form") {
                    Forms.textarea(name: "objection", label: t("review.object.reason"), value: "", hint: nil, rows: 4, errors: model.errors, t)
                    Forms.submit(t("review.object.send"))
                }
            }
        }
    }

    /// Gates (yes/no with a justification), scores on each criterion's scale, and the text.
    public static func assessmentFields(
        _ stage: ReviewConfiguration.Stage, _ input: AssessmentInput, _ errors: [FieldError], _ t: Translator
    ) -> Node {
        Node.fragment([
            Node.fragment(stage.gates.map { gate in
                el("div", .class("gate")) {
                    Forms.choices(name: "gate-\(gate.key)", legend: gate.question[t.language], type: "radio",
                                  options: [("yes", t("review.gate.yes")), ("no", t("review.gate.no"))],
                                  selected: Set([input.gates[gate.key]?.holds].compactMap { $0 }), errors: errors, t)
                    Forms.input(.init(name: "justification-\(gate.key)", label: t("review.gate.justification"),
                                      value: input.gates[gate.key]?.justification ?? ""), errors: errors, t)
                }
            }),
            stage.criteria.isEmpty ? .empty : el("p", .class("hint")) { t("review.weighting.rule") },
            Node.fragment(stage.criteria.map { criterion in
                Forms.select(name: "score-\(criterion.key)", label: t("review.criterion", ["name": criterion.name[t.language],
                                                                                         "weight": String(criterion.weight)]),
                             options: [("", t("review.score.choose"))] + criterion.scale.enumerated().map {
                                 (String($0.offset + 1), "\($0.offset + 1) – \($0.element[t.language])")
                             }, selected: input.scores[criterion.key], errors: errors, t)
            }),
            Forms.textarea(name: "text", label: t("review.text"), value: input.text, hint: t("review.text.hint"), rows: 6, errors: errors, t),
        ])
    }

    /// The outcome of the stage, its reasons and conditions, and (in a session) the vote.
    public static func conclusionFields(
        _ stage: ReviewConfiguration.Stage, _ input: ConclusionInput, voting: Bool, _ errors: [FieldError], _ t: Translator
    ) -> Node {
        Node.fragment([
            Forms.choices(name: "outcome", legend: t("review.outcome"), type: "radio",
                          options: stage.outcomes.map { ($0.key, $0.label[t.language]) }, selected: [input.outcome], errors: errors, t),
            Forms.textarea(name: "reasons", label: t("review.reasons"), value: input.reasons, hint: nil, rows: 5, errors: errors, t),
            Forms.textarea(name: "conditions", label: t("review.conditions"), value: input.conditions, hint: t("review.conditions.hint"),
                           rows: 3, required: false, errors: errors, t),
            voting ? voteFields(input, errors, t) : .empty,
        ])
    }

    public static func voteFields(_ input: ConclusionInput, _ errors: [FieldError], _ t: Translator) -> Node {
        Node.fragment([
            Forms.choices(name: "voting", legend: t("review.voting"), type: "radio",
                          options: [("consensus", t("review.voting.consensus")), ("vote", t("review.voting.vote"))],
                          selected: [input.voting], errors: errors, t),
            Forms.input(.init(name: "yes", label: t("review.votes.yes"), type: "number", value: input.yes, required: false,
                              markOptional: false), errors: errors, t),
            Forms.input(.init(name: "no", label: t("review.votes.no"), type: "number", value: input.no, required: false,
                              markOptional: false), errors: errors, t),
            Forms.input(.init(name: "abstain", label: t("review.votes.abstain"), type: "number", value: input.abstain, required: false,
                              markOptional: false),
                        errors: errors, t),
        ])
    }

    static func assignForm(_ model: Model, _ context: PageContext) -> Node {
        let t = context.t, lead = model.measure.content.leadMinistry
        return el("section", .class("moderation"), .ariaLabelledBy("assign-title")) {
            el("h2", .id("assign-title")) { t("review.assign.title") }
            Forms.post(Site.Measures.ministries(model.measure.id), context, class: "form") {
                Forms.choices(name: "ministries", legend: t("review.assign.legend"), type: "checkbox",
                              options: model.region.ministries.filter { $0.key != lead }.map { ($0.key, "\($0.abbreviation) – \($0.name[t.language])") },
                              selected: Set(model.ministries), errors: model.errors, t)
                Forms.submit(t("review.assign.send"))
            }
        }
    }
}
