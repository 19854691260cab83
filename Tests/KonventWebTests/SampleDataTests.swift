import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventViews
import KonventWeb
import SQLKit
import Testing

@Suite("Generated data")
struct SampleDataTests {
    @Test("the demo prints its accounts as a table: every role, the reviewer's ministry, where to begin")
    func demoTable() throws {
        let table = DemoData.table(DemoData.accounts, baseURL: "http://127.0.0.1:8080", catalog: try Catalog.bundled())
        let lines = table.split(separator: "\n")
        #expect(lines.contains { $0.contains("Passwort für alle Konten: \(DemoData.password)") })
        for account in DemoData.accounts { #expect(lines.contains { $0.contains(account.email) }, "\(account.email)") }
        #expect(lines.contains { $0.hasPrefix("Prüfung im Ressort (IMAG) – SMIL") && $0.hasSuffix("http://127.0.0.1:8080/review") })
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
    }

    @Test("the default region offers funding programmes with links, and not the JTF, which does not cover Südwestsachsen")
    func fundingProgrammes() throws {
        let region = try RegionLoader.load(nil)
        let names = region.fundingProgrammes.map(\.name)
        #expect(names.contains { $0.hasPrefix("EFRE") } && names.contains { $0.hasPrefix("ESF Plus") } && names.contains { $0.hasPrefix("GRW") })
        #expect(!region.fundingProgrammes.contains { $0.key.contains("jtf") || $0.name.contains("JTF") || $0.name.contains("gerechten Übergang") })
        #expect(region.fundingProgrammes.filter { $0.source == .eu || $0.source == .federal }.allSatisfy { $0.url?.hasPrefix("https://") == true })
        #expect(region.fundingProgramme(named: "grw – gewerbliche wirtschaft")?.key == "grw-gewerbe")
    }

    @Test("generate writes consistent rows and counters, the same for the same seed", arguments: TestDatabase.available)
    func consistent(database: TestDatabase) async throws {
        try await database.with { db in
            let services = try Services(
                configuration: AppConfiguration(), region: try RegionLoader.load(nil), database: db, catalog: try Catalog.bundled(),
                secret: "s", logger: TestDatabase.logger)
            try await SampleData(services: services).generate(.init(contributions: 120, comments: 80, supports: 300, people: 20, seed: 7))
            let numbers = try await db.read { db in
                try await db.raw("""
                    SELECT (SELECT COUNT(*) FROM contributions) AS contributions,
                           (SELECT COUNT(*) FROM contribution_comments) AS comments,
                           (SELECT COUNT(*) FROM contribution_supports) AS supports,
                           (SELECT SUM(supports_count) FROM contributions) AS counted_supports,
                           (SELECT SUM(comments_count) FROM contributions) AS counted_comments,
                           (SELECT COUNT(DISTINCT district_key) FROM contributions) AS districts,
                           (SELECT COUNT(DISTINCT kind) FROM contributions) AS kinds
                    """).first()!
            }
            #expect(try numbers.decode(column: "contributions", as: Int.self) == 120)
            #expect(try numbers.decode(column: "comments", as: Int.self) == 80)
            let supports = try numbers.decode(column: "supports", as: Int.self)
            #expect(supports > 200 && supports <= 300, "repeated pairs are skipped")
            #expect(try numbers.decode(column: "counted_supports", as: Int.self) == supports)
            #expect(try numbers.decode(column: "counted_comments", as: Int.self) == 80)
            #expect(try numbers.decode(column: "districts", as: Int.self) == 5)
            #expect(try numbers.decode(column: "kinds", as: Int.self) == 4)
            var query = ContributionQuery()
            query.search = "Fachkräfte"
            #expect(try await services.contributions.list(query).items.isEmpty == false, "generated texts are searchable")
        }
    }

    @Test("the demo tells one story: each measure is on the theme of its sources, the texts name their places right, people have names")
    func demoStory() async throws {
        try await withApp { _, services in
            _ = try await DemoData(services: services).load()
            var query = MeasureQuery()
            query.publicOnly = false
            let measures = try await services.measures.list(query)
            #expect(measures.count >= 30)
            for measure in measures {
                let theme = try #require(SampleTheme.all.first { measure.content.title.hasSuffix($0.measure) }, "\(measure.content.title)")
                let sources = try await services.measures.sources(of: measure.id).map(\.contribution)
                #expect(!sources.isEmpty)
                for source in sources where source.title != "Rufbus am Wochenende für die Dörfer" {
                    #expect(source.title.contains(theme.keyword), "\(measure.content.title) ← \(source.title)")
                }
                #expect(measure.content.indicators.map(\.name) == [theme.indicator])
            }
            let page = try await services.contributions.list({ var q = ContributionQuery(); q.limit = 100; return q }())
            for item in page.items {
                #expect(!item.title.contains("in Vogtlandkreis") && !item.text.contains("in Erzgebirgskreis"), "\(item.title)")
                #expect(!(item.publicAuthorName ?? "").hasPrefix("Teilnehmende"), "\(item.publicAuthorName ?? "")")
            }
        }
    }
}
