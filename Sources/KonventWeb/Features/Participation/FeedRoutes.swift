import Hummingbird
import KonventDomain
import KonventStorage
import KonventViews

/// Atom feeds: the newest public contributions (with the list's filters) and the sent announcements.
struct FeedRoutes {
    let basics: WebBasics
    let contributions: any ContributionStore
    let announcements: any AnnouncementStore
    let masterplan: MasterplanStore
    let sessions: any BodySessionStore

    static let entries = 50

    func add(to router: Router<KonventRequestContext>) {
        router.get(Site.Feeds.contributions.route) { request, context in
            let t = basics.translator(context)
            let parameters = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
            // Unknown filters are refused, as in the office's export: a feed never says it holds what it does not.
            var query = try AnalysisRoutes.query(parameters.filter { $0.0 != "theme" }, region: basics.region)
            guard !parameters.contains(where: { $0.0 == "theme" }) else { throw WebError.unprocessable("export.unknownFilter") }
            query.sort = .newest
            query.limit = Self.entries
            let items = try await contributions.list(query).items
            let filters = "".query(parameters.map { ($0.0, Optional($0.1)) })
            let feed = AtomFeed(
                id: absolute(Site.Feeds.contributions() + filters), title: t("feed.contributions.title", ["site": basics.region.name[t.language]]),
                subtitle: t("feed.contributions.subtitle"), selfLink: absolute(Site.Feeds.contributions() + filters),
                htmlLink: absolute(Site.Contributions.list() + filters), author: basics.region.name[t.language],
                language: t.language.rawValue,
                entries: items.map { item in
                    AtomFeed.Entry(
                        id: absolute(Site.Contributions.page(item.id)), title: "\(t(item.kind.catalogKey)): \(item.title)",
                        updated: Int64((item.editedAt ?? item.createdAt).timeIntervalSince1970 * 1000),
                        link: absolute(Site.Contributions.page(item.id)), summary: item.text,
                        category: item.fields.compactMap { basics.region.fieldOfAction($0)?.name[t.language] }.first)
                })
            return response(feed)
        }
        router.get(Site.Feeds.masterplan.route) { _, context in try await masterplanFeed(context) }
        router.get(Site.Feeds.decisions.route) { _, context in try await decisionsFeed(context) }
        router.get(Site.Feeds.announcements.route) { _, context in
            let t = basics.translator(context)
            let items = try await announcements.archive(before: nil, limit: Self.entries)
            let feed = AtomFeed(
                id: absolute(Site.Feeds.announcements()), title: t("feed.announcements.title", ["site": basics.region.name[t.language]]),
                subtitle: t("announcements.intro"), selfLink: absolute(Site.Feeds.announcements()), htmlLink: absolute(Site.Announcements.archive()),
                author: basics.region.name[t.language], language: t.language.rawValue,
                entries: items.map { item in
                    AtomFeed.Entry(id: absolute(Site.Announcements.page(item.id)), title: item.title, updated: item.sentAt ?? 0,
                                   link: absolute(Site.Announcements.page(item.id)), summary: item.body)
                })
            return response(feed)
        }
    }

    /// The published versions of the masterplan, the adopted ones said so.
    func masterplanFeed(_ context: KonventRequestContext) async throws -> Response {
        let t = basics.translator(context)
        let versions = try await masterplan.versions().prefix(Self.entries)
        let feed = AtomFeed(
            id: absolute(Site.Feeds.masterplan()), title: t("feed.masterplan.title", ["site": basics.region.name[t.language]]),
            subtitle: t("feed.masterplan.subtitle"), selfLink: absolute(Site.Feeds.masterplan()), htmlLink: absolute(Site.Masterplan.current()),
            author: basics.region.name[t.language], language: t.language.rawValue,
            entries: versions.map { version in
                AtomFeed.Entry(
                    id: absolute(Site.Masterplan.version(version.number)),
                    title: t(version.adoptedAt == nil ? "feed.masterplan.version" : "feed.masterplan.adopted", ["version": String(version.number)]),
                    updated: (version.adoptedAt ?? version.createdAt).milliseconds, link: absolute(Site.Masterplan.version(version.number)),
                    summary: t("feed.masterplan.summary", ["version": String(version.number),
                                                           "date": t.date(iso: CalendarDate.iso(milliseconds: version.createdAt.milliseconds))]))
            })
        return response(feed)
    }

    /// The bodies' decisions once their session is released: what was decided, on what, by whom.
    func decisionsFeed(_ context: KonventRequestContext) async throws -> Response {
        let t = basics.translator(context)
        let decisions = try await sessions.releasedDecisions(limit: Self.entries)
        let feed = AtomFeed(
            id: absolute(Site.Feeds.decisions()), title: t("feed.decisions.title", ["site": basics.region.name[t.language]]),
            subtitle: t("feed.decisions.subtitle"), selfLink: absolute(Site.Feeds.decisions()), htmlLink: absolute(Site.Sessions.list()),
            author: basics.region.name[t.language], language: t.language.rawValue,
            entries: decisions.map { decision in
                let body = basics.region.body(decision.session.body)?.name[t.language] ?? decision.session.body
                let outcome = decision.item.outcome.flatMap { key in
                    basics.region.review.stages.first { $0.body == decision.session.body && $0.outcome(key) != nil }?.outcome(key)?.label[t.language]
                }
                let link = absolute(Site.Sessions.page(decision.session.id)) + "#item-\(decision.item.position)"
                return AtomFeed.Entry(
                    id: link, title: "\(body): \(decision.item.title)" + (outcome.map { " – \($0)" } ?? ""),
                    updated: decision.session.publishedAt ?? decision.item.decidedAt ?? 0, link: link,
                    summary: decision.item.decision + (decision.item.conditions.isEmpty ? "" : "\n\n" + t("review.conditions") + ": " + decision.item.conditions))
            })
        return response(feed)
    }

    func absolute(_ path: String) -> String { basics.mails.link(path) }

    /// Every feed says its licence and whom to name, as the open data's page does.
    func response(_ feed: AtomFeed) -> Response {
        var feed = feed
        let openData = basics.region.openData, t = basics.catalog.translator(Language(rawValue: feed.language) ?? .de)
        feed.rights = t("feed.rights", [
            "licence": openData.licenceURI == RegionConfiguration.OpenData.defaultLicence ? t("opendata.licence.dlde") : openData.licenceURI,
            "source": openData.attribution?[t.language] ?? basics.region.name[t.language]])
        return Response(status: .ok, headers: [.contentType: AtomFeed.contentType, .cacheControl: "public, max-age=60"],
                        body: .init(byteBuffer: .init(bytes: feed.xml())))
    }
}
