import KonventDomain
import KonventStorage

/// Measures for the demo, written from the most supported contributions of each field of action and
/// taken through the configured review the way people would: the office screens, the ministries
/// assess and agree an opinion, the deciding body decides in sessions that its chair releases. The
/// result covers every state, over the last months, so that each page shows believable content.
struct DemoMeasures {
    let services: Services

    static let ministryByField = [
        "wirtschaft": "smwa", "wissenschaft-innovation": "smwk", "infrastruktur-mobilitaet": "smil",
        "bildung-fachkraefte": "smk", "daseinsvorsorge": "sms",
    ]

    /// Where each demo measure ends up, in order: the first group is decided in the first session,
    /// the second in the second; the rest wait at every earlier point of the way.
    enum Target: Equatable {
        case decided(outcome: String, session: Int, then: [MeasureTransition])
        /// Waiting for the deciding body (on the agenda of the next session).
        case awaitingDecision
        case opinionDrafted
        case assessing(assessed: Int)
        case revisedInScreening
        case screening
        case submitted
        case draft
    }

    static let targets: [Target] = [
        .decided(outcome: "adopted", session: 0, then: [.startImplementation, .complete]),
        .decided(outcome: "adopted", session: 0, then: [.startImplementation]),
        .decided(outcome: "adopted_with_conditions", session: 0, then: [.startImplementation]),
        .decided(outcome: "adopted", session: 0, then: []),
        .decided(outcome: "adopted_with_conditions", session: 0, then: []),
        .decided(outcome: "adopted_with_conditions", session: 0, then: []),
        .decided(outcome: "rejected", session: 0, then: []),
        .decided(outcome: "deferred", session: 0, then: []),
        .decided(outcome: "revision", session: 0, then: []),
        .decided(outcome: "adopted", session: 0, then: []),
        .decided(outcome: "adopted", session: 1, then: []),
        .decided(outcome: "adopted_with_conditions", session: 1, then: []),
        .decided(outcome: "adopted", session: 1, then: []),
        .decided(outcome: "deferred", session: 1, then: []),
        .decided(outcome: "rejected", session: 1, then: []),
        .decided(outcome: "adopted_with_conditions", session: 1, then: []),
        .decided(outcome: "adopted", session: 1, then: []),
        .decided(outcome: "revision", session: 1, then: []),
        .awaitingDecision, .awaitingDecision, .awaitingDecision, .awaitingDecision,
        .opinionDrafted, .opinionDrafted,
        .assessing(assessed: 0), .assessing(assessed: 1), .assessing(assessed: 2),
        .revisedInScreening, .screening, .screening, .submitted, .submitted, .draft, .draft, .draft,
    ]

    static let day: Int64 = 86_400_000

    /// `count` measures; beyond the demo's own list the targets repeat (for benchmarks), and their
    /// sources are taken by number instead of by support.
    func load(office: UserID, count: Int = targets.count, progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws {
        let region = services.region, review = region.review
        let now = Timestamp.now.milliseconds
        let reviewers = try await reviewerAccounts()
        let chair = try await services.accounts.credentials(email: EmailAddress(trusted: DemoData.accounts[4].email))?.user.id ?? office
        var used: Set<ContributionID> = []
        var themesUsed: [String: Int] = [:]
        var decisions: [[(MeasureID, String)]] = [[], []]
        var waiting: [MeasureID] = []
        var later: [(MeasureID, [MeasureTransition])] = []
        for index in 0..<count {
            progress(index, count)
            let target = Self.targets[index % Self.targets.count]
            let field = region.fieldsOfAction[index % region.fieldsOfAction.count]
            let themes = SampleTheme.of(field: field.key)
            let theme = themes[(index / region.fieldsOfAction.count) % themes.count]
            let sources: [Contribution]
            if count <= Self.targets.count {
                // The most supported contributions on the measure's theme, each taken up once.
                var query = ContributionQuery()
                query.field = field.key
                query.search = theme.keyword
                query.sort = .mostSupported
                query.limit = 30
                // The search also finds synonyms ("Bus" for "Nahverkehr"); a source names the theme itself.
                sources = Array(try await services.contributions.list(query).items
                    .filter { !used.contains($0.id) && $0.title.contains(theme.keyword) }.prefix(2))
                guard !sources.isEmpty else { continue }
                used.formUnion(sources.map(\.id))
            } else {
                guard let source = try await services.contributions.contribution(ContributionID(Int64(index + 1))) else { continue }
                sources = [source]
            }
            let repeated = themesUsed[theme.keyword, default: 0]
            themesUsed[theme.keyword] = repeated + 1
            // Earlier measures started earlier; each step a day after the last.
            var time = now - Int64(110 - (index % Self.targets.count) * 2) * Self.day
            func next() -> Timestamp {
                time += Self.day
                return Timestamp(milliseconds: time)
            }
            let lead = Self.ministryByField[field.key] ?? region.ministries.first?.key
            let id = try await services.measures.create(
                content(sources[0], theme: theme, pilot: repeated > 0, field: field, number: index, leadMinistry: lead),
                codePrefix: field.code,
                sources: sources.map { ($0.id, "gleiches Anliegen, zusammengefasst") }, actor: office, at: next())
            let machine = services.measureMachine
            func step(_ transition: MeasureTransition) async throws {
                _ = try await services.measures.transition(id, transition, reason: nil, machine: machine, actor: office, at: next())
            }
            if target == .draft { continue }
            try await step(.submit)
            if target == .submitted { continue }
            try await step(.startReview)
            if target == .screening { continue }
            stages: for stage in review.stages {
                switch stage.assessors {
                case .office:
                    let revise = target == .revisedInScreening
                    let outcome = stage.outcomes.first { $0.effect == (revise ? .revise : .advance) }?.key ?? stage.outcomes[0].key
                    _ = try await services.reviews.conclude(
                        id, by: .office, assessment(stage, number: index, failing: revise), Conclusion(
                            outcome: outcome, reasons: revise
                                ? "Die Wirkung über die Gemeinde hinaus ist noch nicht belegt; bitte mit den Nachbarkommunen schärfen."
                                : "Alle veröffentlichten Kriterien sind erfüllt; weiter an die IMAG.", conditions: ""),
                        machine: machine, actor: office, at: next())
                    if revise { break stages }
                case .ministries:
                    // Measures still being assessed also ask the demo reviewer's ministry, last, so that its desk has work waiting.
                    let asksDemoReviewer = if case .assessing = target { true } else { false }
                    let co = (["smf", index % 2 == 0 ? "sk" : "smul"] + (asksDemoReviewer ? ["smil"] : []))
                        .filter { $0 != lead && region.ministry($0) != nil }
                    try await services.measures.assignCoMinistries(id, co, actor: office, at: next())
                    let ministries = [lead].compactMap { $0 } + co
                    let assessed = if case .assessing(let count) = target { count } else { ministries.count }
                    for ministry in ministries.prefix(assessed) {
                        try await services.reviews.saveAssessment(
                            id, by: .ministry(ministry), assessment(stage, number: index + ministry.count), review: review,
                            actor: reviewers[ministry] ?? office, at: next())
                    }
                    if case .assessing = target { break stages }
                    guard let lead, stage.conclusion == .agreedOpinion else { break stages }
                    let opinion = opinion(stage, target)
                    _ = try await services.reviews.draftOpinion(id, lead: lead, opinion, machine: machine, actor: reviewers[lead] ?? office,
                                                                at: next())
                    if target == .opinionDrafted {
                        if let first = co.first {
                            _ = try await services.reviews.confirmOpinion(id, ministry: first, machine: machine, actor: reviewers[first] ?? office,
                                                                          at: next())
                        }
                        break stages
                    }
                    for ministry in co {
                        _ = try await services.reviews.confirmOpinion(id, ministry: ministry, machine: machine,
                                                                      actor: reviewers[ministry] ?? office, at: next())
                    }
                case .body:
                    switch target {
                    case .decided(let outcome, let session, let then):
                        decisions[session].append((id, outcome))
                        if !then.isEmpty { later.append((id, then)) }
                    case .awaitingDecision: waiting.append(id)
                    default: break
                    }
                }
            }
        }
        guard let deciding = review.stages.last, deciding.conclusion == .sessionDecision else { return }
        // Sessions decide at most 25 measures each; the demo has one session per group.
        var number = 1
        for (index, group) in decisions.enumerated() {
            let start = atTen(now - (index == 0 ? 40 : 12) * Self.day)
            for chunk in stride(from: 0, to: group.count, by: 25) {
                number += 1
                try await decide(Array(group[chunk..<min(chunk + 25, group.count)]), in: deciding,
                                 title: "\(number). Sitzung des Lenkungskreises", start: start + Int64(chunk / 25) * 3_600_000 * 4,
                                 chair: chair, office: office)
            }
            // What was adopted in the first sessions moves into implementation meanwhile.
            if index == 0 {
                for (id, steps) in later {
                    for (offset, step) in steps.enumerated() {
                        _ = try await services.measures.transition(
                            id, step, reason: nil, machine: services.measureMachine, actor: office,
                            at: Timestamp(milliseconds: start + Int64(10 + offset * 15) * Self.day))
                    }
                }
            }
        }
        try await upcoming(Array(waiting.prefix(25)), title: "\(number + 1). Sitzung des Lenkungskreises", body: deciding.body, chair: chair,
                           office: office, now: now)
    }

    /// Ten in the morning, the region's time, on the day of `milliseconds`.
    func atTen(_ milliseconds: Int64) -> Int64 {
        var local = services.clock.local(milliseconds)
        local.hour = 10
        local.minute = 0
        return services.clock.utc(local) ?? milliseconds
    }

    /// One reviewer per ministry taking part, so that every assessment has its author.
    func reviewerAccounts() async throws -> [String: UserID] {
        var reviewers: [String: UserID] = [:]
        for ministry in services.region.ministries {
            let email = "ressort-\(ministry.key)@demo.konvent.localhost"
            if let user = try await services.accounts.credentials(email: EmailAddress(trusted: email))?.user {
                reviewers[ministry.key] = user.id
                continue
            }
            reviewers[ministry.key] = try await services.addUser(
                email: email, name: "Referat \(ministry.abbreviation)", role: Role.ministryReviewer.rawValue, ministry: ministry.key,
                password: DemoData.password).id
        }
        return reviewers
    }

    /// A measure on the theme of its sources; a theme taken up again becomes a pilot in the lead source's district.
    func content(
        _ lead: Contribution, theme: SampleTheme, pilot: Bool, field: RegionConfiguration.FieldOfAction, number: Int, leadMinistry: String?
    ) -> MeasureContent {
        let cost = 400_000 + (number % 7) * 350_000
        let district = services.region.districts.first { $0.officialKey == lead.districtKey }?.name
        let title = if pilot, let district { "Modellvorhaben \(SampleText.inPlace(district)): \(theme.measure)" } else { theme.measure }
        return MeasureContent(
            kind: number % 3 == 0 ? .project : .measure, title: title, goal: theme.goal,
            description: lead.text + "\n\nDie Geschäftsstelle hat dazu gleichartige Beiträge zusammengefasst.",
            fields: [field.key], territories: [lead.districtKey], sponsor: "Regionalkonvent mit Partnern aus der Region",
            partners: "Kommunen, Kammern, Hochschulen", estimatedCost: cost,
            financing: [line(Self.programmes[number % Self.programmes.count], amount: cost * 3 / 4),
                        line("kommunaler-eigenanteil", amount: cost - cost * 3 / 4)],
            timeframe: "2027–2030", indicators: [Indicator(name: theme.indicator, target: "\(15 + number)")],
            maturity: number % 2 == 0 ? .outline : .idea, leadMinistry: leadMinistry)
    }

    /// The configured programmes the demo's measures draw on, in turn.
    static let programmes = ["efre-sachsen", "grw-infrastruktur", "esf-plus-sachsen", "grw-gewerbe"]

    /// A financing line on a configured programme (a state line by name where the region has none).
    func line(_ key: String, amount: Int) -> FinancingLine {
        guard let programme = services.region.fundingProgrammes.first(where: { $0.key == key }) else {
            return FinancingLine(source: key == "kommunaler-eigenanteil" ? .municipal : .state, programme: "Landesmittel", amount: amount)
        }
        return FinancingLine(source: programme.source, programme: programme.name, amount: amount, programmeKey: programme.key)
    }

    func assessment(_ stage: ReviewConfiguration.Stage, number: Int, failing: Bool = false) -> AssessmentContent {
        var gates: [String: AssessmentContent.GateAnswer] = [:]
        for (index, gate) in stage.gates.enumerated() {
            let holds = !(failing && index == 1)
            gates[gate.key] = .init(holds: holds, justification: holds ? "Nach den eingereichten Unterlagen erfüllt."
                                                                        : "Bisher wirkt das Vorhaben nur in einer Gemeinde.")
        }
        var scores: [String: Int] = [:]
        for (index, criterion) in stage.criteria.enumerated() {
            scores[criterion.key] = 1 + (number + index * 2) % criterion.scale.count
        }
        let text = failing ? "Gute Idee, aber noch zu eng gefasst." : [
            "Das Vorhaben ist gut vorbereitet; Träger und Partner sind benannt, die Finanzierung ist plausibel.",
            "Fachlich tragfähig. Die Förderfähigkeit ist im Detail mit dem Programm zu klären.",
            "Die Umsetzung hängt an der Kofinanzierung der Kommunen; der Zeitplan ist ambitioniert, aber erreichbar.",
        ][number % 3]
        return AssessmentContent(gates: gates, scores: scores, text: text)
    }

    func opinion(_ stage: ReviewConfiguration.Stage, _ target: Target) -> Conclusion {
        let key: String = switch target {
        case .decided(outcome: "rejected", _, _): "do_not_recommend"
        case .decided(outcome: "adopted_with_conditions", _, _): "recommend_with_conditions"
        default: "recommend"
        }
        let outcome = stage.outcome(key) ?? stage.outcomes.first { $0.effect == .advance } ?? stage.outcomes[0]
        return Conclusion(
            outcome: outcome.key,
            reasons: outcome.isFavourable ? "Die beteiligten Ressorts halten das Vorhaben für umsetzbar und finanzierbar."
                : "Die Finanzierung ist aus Sicht der Ressorts nicht gesichert; eine Empfehlung ist derzeit nicht möglich.",
            conditions: outcome.hasConditions ? "Die Kofinanzierung ist bis zur Bewilligung verbindlich nachzuweisen." : "")
    }

    /// A released session of the deciding body with one agenda item per measure.
    func decide(
        _ items: [(MeasureID, String)], in stage: ReviewConfiguration.Stage, title: String, start: Int64, chair: UserID, office: UserID
    ) async throws {
        let sessions = services.bodySessions
        let draft = BodySessionDraft(
            body: stage.body, title: title, startsAt: start, endsAt: start + 3 * 3_600_000, place: "Sächsische Staatskanzlei, Dresden",
            participants: "Staatssekretärinnen und Staatssekretäre der Ressorts\nVertretung des Regionalkonvents\nGeschäftsstelle (Protokoll)",
            chairID: chair)
        let session = try await sessions.create(draft, actor: office, at: Timestamp(milliseconds: start - 14 * Self.day))
        try await sessions.addItem(session, title: "Bericht der Geschäftsstelle zum Stand der Beteiligung", measure: nil, actor: office,
                                   at: Timestamp(milliseconds: start - 7 * Self.day))
        for (id, _) in items {
            let title = try await services.measures.measure(id)?.content.title ?? "Maßnahme"
            try await sessions.addItem(session, title: title, measure: id, actor: office, at: Timestamp(milliseconds: start - 7 * Self.day))
        }
        guard let agenda = try await sessions.session(session)?.items else { return }
        let at = Timestamp(milliseconds: start + 3_600_000)
        try await sessions.recordDecision(session, item: agenda[0].id,
                                          Conclusion(outcome: "", reasons: "Der Lenkungskreis nimmt den Bericht zur Kenntnis.", conditions: "",
                                                     vote: .consensus), assessment: nil, review: services.region.review, actor: office, at: at)
        for (item, (_, outcome)) in zip(agenda.dropFirst(), items) {
            guard let chosen = stage.outcome(outcome) else { continue }
            let reasons: String = switch chosen.effect {
            case .adopt: "Das Vorhaben ist fachlich tragfähig und strategisch bedeutsam für den Strukturwandel der Region."
            case .adoptWithConditions: "Das Vorhaben wird beschlossen; die Auflagen sichern Finanzierung und regionale Wirkung."
            case .defer_: "Die Entscheidung wird vertagt, bis die Förderkulisse des Bundes feststeht."
            case .reject: "Das Vorhaben ist im Rahmen des Masterplans nicht finanzierbar; die IMAG hat keine Empfehlung ausgesprochen."
            default: "Zur Überarbeitung zurück: Ziele und Indikatoren sind zu schärfen."
            }
            let vote: Vote = chosen.isFavourable ? .counted(yes: 8, no: 1, abstain: 1) : .consensus
            try await sessions.recordDecision(
                session, item: item.id,
                Conclusion(outcome: outcome, reasons: reasons,
                           conditions: chosen.hasConditions ? "Kofinanzierung bis zur Bewilligung nachweisen; jährlicher Bericht an den Lenkungskreis." : "",
                           vote: vote),
                assessment: { var body = assessment(stage, number: item.position); body.text = reasons; return body }(),
                review: services.region.review, actor: office, at: at)
        }
        try await sessions.update(session, draft, minutes: """
            Die Sitzung wird um 10:00 Uhr eröffnet. Die Geschäftsstelle berichtet über den Stand der Beteiligung.

            Der Lenkungskreis berät die von der IMAG bewerteten Vorhaben einzeln; die Beschlüsse stehen bei den Tagesordnungspunkten.
            """, actor: office, at: at)
        try await sessions.publish(session, machine: services.measureMachine, actor: chair, at: Timestamp(milliseconds: start + 2 * Self.day))
    }

    /// The next session, planned, with the measures that wait for it.
    func upcoming(_ waiting: [MeasureID], title: String, body: String, chair: UserID, office: UserID, now: Int64) async throws {
        let start = atTen(now + 14 * Self.day)
        let session = try await services.bodySessions.create(
            BodySessionDraft(body: body, title: title, startsAt: start, endsAt: start + 3 * 3_600_000,
                             place: "Sächsische Staatskanzlei, Dresden", participants: "", chairID: chair), actor: office, at: .now)
        for id in waiting {
            let title = try await services.measures.measure(id)?.content.title ?? "Maßnahme"
            try await services.bodySessions.addItem(session, title: title, measure: id, actor: office, at: .now)
        }
    }
}
