import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// The API's measures, the bodies' sessions, the masterplan's versions and the participation figures.
extension APIRoutes {
    func measures(_ request: Request) async throws -> API.Page<API.Measure> {
        let parameters = try APIParameters(request, allowed: ["field", "state", "district", "programme", "cursor", "limit"])
        var query = MeasureQuery()
        query.publicOnly = true
        query.field = try parameters.choice("field", basics.region.fieldsOfAction.map { ($0.key, $0.key) })
        query.states = try parameters.choice("state", service.measureStates.filter(isPublic).map { ($0.description, [$0]) }) ?? []
        query.district = try parameters.choice("district", basics.region.districts.map { ($0.officialKey, $0.officialKey) })
        query.programme = try parameters.choice("programme", basics.region.fundingProgrammes.map { ($0.key, $0.key) })
        query.after = try parameters.cursor(MeasureQuery.key(ofCode:))
        let limit = try parameters.limit
        query.limit = limit + 1
        let found = try await service.measures.list(query)
        let shown = Array(found.prefix(limit))
        return page(shown.map { representation($0) }, Site.API.measures(), parameters,
                    next: found.count > limit ? shown.last?.code : nil, html: Site.Measures.list())
    }

    func measure(_ id: MeasureID, _ request: Request) async throws -> API.Measure {
        _ = try APIParameters(request, allowed: [])
        guard let measure = try await service.measures.measure(id), isPublic(measure.state) else { throw APIProblem.notFound }
        var result = representation(measure)
        result.sources = try await service.measures.sources(of: id).filter { $0.contribution.status.isListed }.map {
            let c = $0.contribution
            return API.Reference(id: c.id.rawValue, title: c.title,
                                 links: .init(selfLink: link(Site.API.contribution(c.id)), html: link(Site.Contributions.page(c.id))))
        }
        // The bodies' decisions are public once their session is released, as on the measure's page.
        let sessions = Dictionary(try await service.bodySessions.sessions(of: id).map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        result.decisions = try await service.reviews.conclusions(of: id).compactMap { ending in
            guard let concluded = ending.concludedAt, let session = ending.session else { return nil }
            return API.Decision(
                stage: ending.stage, outcome: ending.conclusion.outcome, reasons: ending.conclusion.reasons,
                conditions: ending.conclusion.conditions, vote: ending.conclusion.vote.map(API.Vote.init),
                session: .init(id: session.rawValue, title: sessions[session] ?? "",
                               links: .init(selfLink: link(Site.API.session(session)), html: link(Site.Sessions.page(session)))),
                date: time(concluded.milliseconds))
        }
        result.reports = try await service.implementation.reports(of: id, includeUnpublished: false, before: nil, limit: 100).map {
            API.ProgressReport(date: $0.date, status: $0.status.rawValue, percent: $0.percent, text: $0.text)
        }
        return result
    }

    func representation(_ m: Measure) -> API.Measure {
        let c = m.content
        return API.Measure(
            id: m.id.rawValue, code: m.code, kind: c.kind.rawValue, title: c.title, goal: c.goal, description: c.description,
            state: m.state.description, fields: c.fields, territories: c.territories.map(place), sponsor: c.sponsor, partners: c.partners,
            estimatedCost: c.estimatedCost, financing: c.financing.map { .init(source: $0.source.rawValue, programme: $0.programme, amount: $0.amount) },
            timeframe: c.timeframe, indicators: c.indicators.map { .init(name: $0.name, target: $0.target) }, maturity: c.maturity.rawValue,
            leadMinistry: c.leadMinistry, progress: m.progress.map { .init(status: $0.status.rawValue, percent: $0.percent, date: $0.date) },
            updatedAt: time(m.updatedAt),
            links: .init(selfLink: link(Site.API.measure(m.id)), html: link(Site.Measures.page(m.id))))
    }

    // MARK: Sessions

    func sessions(_ request: Request) async throws -> API.Page<API.Session> {
        let parameters = try APIParameters(request, allowed: ["cursor", "limit"])
        let limit = try parameters.limit
        let found = try await service.bodySessions.page(after: try parameters.cursor(PageKey.init), limit: limit + 1, changed: ChangeWindow(), body: nil)
        let shown = Array(found.prefix(limit))
        return page(shown.map(representation), Site.API.sessions(), parameters,
                    next: found.count > limit ? shown.last.map { PageKey(value: $0.startsAt, id: $0.id.rawValue).description } : nil,
                    html: Site.Sessions.list())
    }

    func representation(_ s: BodySessionSummary) -> API.Session {
        API.Session(
            id: s.id.rawValue, body: body(s.body), title: s.title, startsAt: time(s.startsAt), endsAt: time(s.endsAt), place: s.place,
            releasedAt: s.publishedAt.map(time), links: .init(selfLink: link(Site.API.session(s.id)), html: link(Site.Sessions.page(s.id))))
    }

    func body(_ key: String) -> API.Place { API.Place(key: key, name: basics.region.body(key)?.name[.de] ?? key) }

    func session(_ id: BodySessionID, _ request: Request) async throws -> API.Session {
        _ = try APIParameters(request, allowed: [])
        guard let session = try await service.bodySessions.session(id) else { throw APIProblem.notFound }
        // Decisions and minutes only once the chair released them, as the session's page shows them.
        let released = basics.isReleased(session)
        var result = representation(BodySessionSummary(session))
        result.agenda = session.items.map { item in
            API.AgendaItem(
                position: item.position, title: item.title,
                measure: item.measure.flatMap { m in isPublic(m.state) ? reference(id: m.id, code: m.code, title: m.title, state: m.state) : nil },
                outcome: released ? item.outcome : nil, decision: released && item.decidedAt != nil ? item.decision : nil,
                conditions: released && item.decidedAt != nil ? item.conditions : nil, vote: released ? item.vote.map(API.Vote.init) : nil)
        }
        result.minutes = released ? session.minutes : nil
        return result
    }

    // MARK: Masterplan and figures

    func representation(_ v: MasterplanVersion) -> API.MasterplanVersion {
        API.MasterplanVersion(
            number: v.number, publishedAt: time(v.createdAt.milliseconds), adoptedAt: v.adoptedAt.map { time($0.milliseconds) },
            commentsUntil: v.commentsUntil.map { time($0.milliseconds) },
            files: Dictionary(uniqueKeysWithValues: MasterplanFormat.allCases.map { ($0.rawValue, link(Site.Masterplan.file($0.rawValue)(String(v.number)))) }),
            links: .init(selfLink: link(Site.API.masterplanVersion(v.number)), html: link(Site.Masterplan.version(v.number))))
    }

    func representation(_ f: ParticipationFigures) -> API.Figures {
        func counts(_ values: [String: Int]) -> [API.Count] { values.keys.sorted().map { API.Count(key: $0, count: values[$0] ?? 0) } }
        return API.Figures(
            contributions: f.totalContributions, formats: f.totalFormats, supports: f.totalSupports, comments: f.totalComments,
            takenUp: f.takenUp, publicMeasures: f.publicMeasures, contributionsByDistrict: counts(f.contributionsByDistrict),
            contributionsByMunicipality: counts(f.contributionsByMunicipality), contributionsByField: counts(f.contributionsByField),
            contributionsByKind: counts(f.contributionsByKind), contributionsByOrganisationKind: counts(f.contributionsByOrganisationKind),
            formatsByDistrict: counts(f.formatsByDistrict), formatsByField: counts(f.formatsByField),
            links: .init(selfLink: link(Site.API.figures()), html: link(Site.participation())))
    }
}
