import KonventDomain
import KonventStorage
import KonventViews

/// The OParl objects made from Konvent's data.
extension OParlRoutes {
    var region: RegionConfiguration { basics.region }
    var licence: String { region.openData.licenceURI }
    var bodyURL: String { url("/bodies/\(region.key)") }

    var system: OParl.System {
        OParl.System(id: url("/system"), license: licence, body: url("/bodies"), name: "Konvent – " + region.name[.de],
                     contactEmail: region.openData.contact, contactName: region.openData.publisher?[.de], website: link("/"), web: link("/"))
    }

    func body(_ asked: ListRequest) -> OParl.Body {
        OParl.Body(
            id: bodyURL, system: url("/system"), shortName: region.name[.de], name: region.process.title[.de], website: link("/"), license: licence,
            contactEmail: region.openData.contact, contactName: region.openData.publisher?[.de], classification: "Region im Strukturwandel",
            organization: bodyURL + "/organizations", person: bodyURL + "/people", meeting: bodyURL + "/meetings", paper: bodyURL + "/papers",
            file: bodyURL + "/files", locationList: bodyURL + "/locations", legislativeTerm: asked.omitInternal ? nil : [legislativeTerm],
            web: link(Site.start()))
    }

    /// The process from its first milestone to its deadline.
    var legislativeTerm: OParl.LegislativeTerm {
        OParl.LegislativeTerm(id: url("/legislative-terms/\(region.key)"), body: bodyURL, name: region.process.title[.de],
                              startDate: region.milestones.first?.date, endDate: region.process.deadline)
    }

    func organization(_ body: RegionConfiguration.Body) -> OParl.Organization {
        let classification = switch body.kind {
        case .convention: "Regionalkonvent"
        case .interministerialWorkingGroup: "Interministerielle Arbeitsgruppe"
        case .steeringCommittee: "Lenkungskreis"
        }
        return OParl.Organization(id: url("/organizations/\(body.key)"), body: bodyURL, name: body.name[.de], classification: classification,
                                  meeting: url("/organizations/\(body.key)/meetings"), web: link(Site.Sessions.list()))
    }

    func location(_ territory: Territory) -> OParl.Location {
        OParl.Location(id: url("/locations/\(territory.officialKey)"), description: territory.name, locality: territory.name)
    }

    func meetingLocation(_ session: BodySession) -> OParl.Location {
        OParl.Location(id: url("/meetings/\(session.id)/location"), description: session.draft.place)
    }

    // MARK: Meetings

    func meetings(_ asked: ListRequest, of body: String?) async throws -> (items: [OParl.Meeting], next: String?) {
        let cursor = try asked.cursor.map { text throws(APIProblem) in
            guard let key = PageKey(text) else { throw APIProblem.badCursor(text) }
            return key
        }
        let found = try await service.bodySessions.page(after: cursor, limit: asked.limit + 1, changed: asked.changed, body: body)
        let shown = Array(found.prefix(asked.limit))
        // The list embeds each meeting's agenda, as OParl asks, unless the client omits the internal lists.
        let items = asked.omitInternal ? shown.map(meeting)
            : try await service.bodySessions.sessions(shown.map(\.id)).map { meeting($0, embedded: true) }
        return (items, found.count > asked.limit ? shown.last.map { PageKey(value: $0.startsAt, id: $0.id.rawValue).description } : nil)
    }

    func released(_ session: BodySession) -> Bool { basics.isReleased(session) }

    func meeting(_ summary: BodySessionSummary) -> OParl.Meeting {
        OParl.Meeting(
            id: url("/meetings/\(summary.id)"), name: summary.title, meetingState: summary.endsAt < Timestamp.now.milliseconds ? "durchgeführt" : "terminiert",
            start: time(summary.startsAt), end: time(summary.endsAt),
            location: OParl.Location(id: url("/meetings/\(summary.id)/location"), description: summary.place),
            organization: [url("/organizations/\(summary.body)")], created: time(summary.createdAt), modified: time(summary.updatedAt),
            web: link(Site.Sessions.page(summary.id)))
    }

    func meeting(_ session: BodySession, embedded: Bool) -> OParl.Meeting {
        var result = meeting(BodySessionSummary(session))
        result.location = meetingLocation(session)
        if embedded { result.agendaItem = session.items.map { agendaItem($0, of: session) } }
        if released(session) { result.resultsProtocol = minutes(session) }
        return result
    }

    func agendaItem(_ context: KonventRequestContext) async throws -> (BodySession, AgendaItem) {
        guard let id = context.parameters.get("id").flatMap(Int64.init), let session = try await service.bodySessions.session(containing: id),
              let item = session.items.first(where: { $0.id == id }) else { throw APIProblem.notFound }
        return (session, item)
    }

    func agendaItem(_ item: AgendaItem, of session: BodySession) -> OParl.AgendaItem {
        let open = released(session) && item.decidedAt != nil
        let outcome = item.outcome.flatMap { key in region.review.stages.first { $0.body == session.draft.body && $0.outcome(key) != nil }?.outcome(key) }
        return OParl.AgendaItem(
            id: url("/agenda-items/\(item.id)"), meeting: url("/meetings/\(session.id)"), number: String(item.position), order: item.position,
            name: item.title, consultation: consultation(item, of: session).map(\.id),
            result: open ? outcome?.label[.de] ?? (item.outcome == nil ? "zur Kenntnis genommen" : nil) : nil,
            resolutionText: open ? item.decision : nil, created: time(session.createdAt), modified: time(session.updatedAt),
            web: link(Site.Sessions.page(session.id)))
    }

    /// An agenda item about a public measure is that measure's consultation in the body.
    func consultation(_ item: AgendaItem, of session: BodySession) -> OParl.Consultation? {
        guard let measure = item.measure, isPublic(measure.state) else { return nil }
        return consultation(item: item.id, measure: measure.id, session: session.id, body: session.draft.body,
                            deciding: released(session) && item.outcome != nil)
    }

    func consultation(item: Int64, measure: MeasureID, session: BodySessionID, body: String, deciding: Bool) -> OParl.Consultation {
        OParl.Consultation(
            id: url("/consultations/\(item)"), paper: url("/papers/\(measure)"), agendaItem: url("/agenda-items/\(item)"),
            meeting: url("/meetings/\(session)"), organization: [url("/organizations/\(body)")], authoritative: deciding,
            role: deciding ? "Beschlussfassung" : "Beratung")
    }

    // MARK: Papers

    func papers(_ asked: ListRequest) async throws -> (items: [OParl.Paper], next: String?) {
        var query = MeasureQuery()
        query.publicOnly = true
        query.changed = asked.changed
        query.after = try asked.cursor.map { text throws(APIProblem) in
            guard let key = MeasureQuery.key(ofCode: text) else { throw APIProblem.badCursor(text) }
            return key
        }
        query.limit = asked.limit + 1
        let found = try await service.measures.list(query)
        let shown = Array(found.prefix(asked.limit))
        let entries = try await service.bodySessions.agendaEntries(of: shown.map(\.id))
        return (shown.map { paper($0, entries: entries[$0.id] ?? [], embedded: !asked.omitInternal) },
                found.count > asked.limit ? shown.last?.code : nil)
    }

    func paper(_ measure: Measure, entries: [AgendaEntry], embedded: Bool) -> OParl.Paper {
        let c = measure.content
        return OParl.Paper(
            id: url("/papers/\(measure.id)"), body: bodyURL, name: c.title, reference: measure.code, date: day(measure.createdAt),
            paperType: c.kind == .project ? "Projekt" : "Maßnahme",
            location: embedded ? c.territories.compactMap { region.territory($0) }.map(location) : nil,
            consultation: entries.map {
                consultation(item: $0.item, measure: measure.id, session: $0.session, body: $0.body, deciding: $0.publishedAt != nil && $0.outcome != nil)
            },
            created: time(measure.createdAt), modified: time(measure.updatedAt), web: link(Site.Measures.page(measure.id)))
    }

    // MARK: Files

    /// The masterplan's published versions in every format, and the minutes of released sessions.
    func files(_ asked: ListRequest) async throws -> (items: [OParl.File], next: String?) {
        var all = try await service.masterplan.versions().flatMap { version in MasterplanFormat.allCases.map { masterplanFile(version, $0) } }
        for summary in try await service.bodySessions.page(after: nil, limit: 5000, changed: ChangeWindow(), body: nil) where summary.publishedAt != nil {
            all.append(minutes(summary, text: nil))
        }
        let window = asked.changed
        let admitted = all.filter { file in
            let created = OParlRoutes.milliseconds(file.created) ?? 0, modified = OParlRoutes.milliseconds(file.modified) ?? 0
            return window.createdSince.map { created >= $0 } ?? true && window.createdUntil.map { created <= $0 } ?? true
                && window.modifiedSince.map { modified >= $0 } ?? true && window.modifiedUntil.map { modified <= $0 } ?? true
        }
        return paged(admitted, asked)
    }

    func file(_ key: String) async throws -> OParl.File? {
        if key.hasPrefix("minutes-"), let id = BodySessionID(String(key.dropFirst("minutes-".count))),
           let session = try await service.bodySessions.session(id), released(session) {
            return minutes(session)
        }
        let parts = key.split(separator: "-")
        guard parts.count == 3, parts[0] == "masterplan", let number = Int(parts[1]), let format = MasterplanFormat(rawValue: String(parts[2])),
              let version = try await service.masterplan.versions().first(where: { $0.number == number }) else { return nil }
        return masterplanFile(version, format)
    }

    func masterplanFile(_ version: MasterplanVersion, _ format: MasterplanFormat) -> OParl.File {
        let changed = (version.adoptedAt ?? version.createdAt).milliseconds
        let address = link(Site.Masterplan.file(format.rawValue)(String(version.number)))
        return OParl.File(
            id: url("/files/masterplan-\(version.number)-\(format.rawValue)"),
            name: "Masterplan, Fassung \(version.number)" + (version.adoptedAt == nil ? "" : " (beschlossen)"),
            fileName: "masterplan-\(version.number).\(format.rawValue)", mimeType: String(format.contentType.prefix { $0 != ";" }),
            date: day(version.createdAt.milliseconds), accessUrl: address, downloadUrl: address, fileLicense: licence,
            created: time(version.createdAt.milliseconds), modified: time(changed), web: link(Site.Masterplan.version(version.number)))
    }

    func minutes(_ session: BodySession) -> OParl.File { minutes(BodySessionSummary(session), text: session.minutes) }

    func minutes(_ summary: BodySessionSummary, text: String?) -> OParl.File {
        let released = summary.publishedAt ?? summary.updatedAt
        return OParl.File(
            id: url("/files/minutes-\(summary.id)"), name: "Protokoll: \(summary.title)", fileName: "protokoll-sitzung-\(summary.id).html",
            mimeType: "text/html", date: day(released), text: text, accessUrl: link(Site.Sessions.page(summary.id)), fileLicense: licence,
            meeting: [url("/meetings/\(summary.id)")], created: time(released), modified: time(max(released, summary.updatedAt)),
            web: link(Site.Sessions.page(summary.id)))
    }
}
