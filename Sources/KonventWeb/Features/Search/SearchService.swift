import KonventDomain
import KonventStorage
import KonventViews

/// What the site-wide search works with: the contributions' own index, and an in-memory index of
/// measures, formats, sessions and the masterplan made once per data version.
struct SearchService: Sendable {
    let contributions: any ContributionStore
    let measures: any MeasureStore
    let formats: any FormatStore
    let sessions: any BodySessionStore
    let masterplan: MasterplanStore
    let search: SearchContext
    let indexes: VersionedCache<SiteSearchIndex>
    let keys: DataKeys

    func index() async throws -> SiteSearchIndex {
        let version = try await keys.key([.measures, .formats, .sessions, .masterplan])
        return try await indexes.value("site", version: version) { try await build() }.value
    }

    func build() async throws -> SiteSearchIndex {
        var documents: [SiteSearchIndex.Document] = []
        var query = MeasureQuery()
        query.publicOnly = false
        query.limit = 1000
        while true {
            let page = try await measures.list(query)
            documents += page.map { measure in
                .init(kind: .measures, title: "\(measure.code) \(measure.content.title)",
                      text: measure.content.goal + "\n" + measure.content.description, href: Site.Measures.page(measure.id),
                      isInternal: !measure.state.isPublic)
            }
            guard page.count == query.limit, let last = page.last, let key = MeasureQuery.key(ofCode: last.code) else { break }
            query.after = key
        }
        for when in FormatQuery.When.allCases {
            var formatQuery = FormatQuery()
            formatQuery.when = when
            formatQuery.limit = 100
            while true {
                let page = try await formats.list(formatQuery, now: .now)
                documents += page.items.map { format in
                    .init(kind: .formats, title: format.title, text: format.description + "\n" + format.place,
                          href: Site.Formats.page(format.id), isInternal: false)
                }
                guard let next = page.next else { break }
                formatQuery.after = next
            }
        }
        let now = Timestamp.now.milliseconds
        for summary in try await sessions.list(upcoming: true, now: now, limit: 500) + sessions.list(upcoming: false, now: now, limit: 500) {
            guard let session = try await sessions.session(summary.id) else { continue }
            let href = Site.Sessions.page(session.id)
            documents.append(.init(kind: .sessions, title: session.draft.title, text: session.draft.place, href: href, isInternal: false))
            for item in session.items where !item.decision.isEmpty {
                documents.append(.init(kind: .sessions, title: "\(session.draft.title): \(item.title)",
                                       text: item.decision + "\n" + item.conditions, href: href, isInternal: !session.isPublished))
            }
        }
        if let latest = try await masterplan.versions().map(\.number).max(), let document = try await masterplan.version(latest) {
            for chapter in document.chapters {
                for block in chapter.blocks {
                    guard case .paragraph(let id, let text) = block else { continue }
                    documents.append(.init(kind: .masterplan, title: chapter.title, text: text,
                                           href: Site.Masterplan.paragraph(latest, id), isInternal: false))
                }
            }
        }
        return SiteSearchIndex(documents, analyzer: search.analyzer)
    }
}
