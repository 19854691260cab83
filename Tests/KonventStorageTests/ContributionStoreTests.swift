import Foundation
import KonventDomain
import KonventStorage
import KonventTestSupport
import SQLKit
import Testing

func draft(_ title: String, _ text: String, kind: Contribution.Kind = .idea, fields: [String] = ["wirtschaft"],
           district: String = "14521") -> ContributionDraft {
    ContributionDraft(kind: kind, title: title, text: text, fields: fields, districtKey: district, municipalityKey: nil,
                      organisationID: nil, anonymous: false)
}

func person(_ store: SQLAccountStore, _ email: String) async throws -> User {
    try await store.createUser(email: try EmailAddress(email), displayName: email, role: .participant, ministry: nil,
                               passwordHash: "h", language: .de, actor: nil)
}

@Suite("Contributions")
struct ContributionStoreTests {
    @Test("search finds German word forms", arguments: TestDatabase.available)
    func search(database: TestDatabase) async throws {
        try await database.with { db in
            let store = SQLContributionStore(database: db)
            let anna = try await person(SQLAccountStore(database: db), "anna@example.org")
            _ = try await store.create(draft("Fachkräftemangel im Erzgebirge", "Betriebe finden keine Auszubildenden mehr."),
                                       author: anna.id, at: .now, status: .published)
            _ = try await store.create(draft("Radweg entlang der Mulde", "Ein durchgehender Radweg würde Pendler entlasten."),
                                       author: anna.id, at: .now, status: .published)
            var query = ContributionQuery()
            query.search = "Fachkräfte"
            #expect(try await store.list(query).items.map(\.title) == ["Fachkräftemangel im Erzgebirge"])
            query.search = "radwege"
            #expect(try await store.list(query).items.map(\.title) == ["Radweg entlang der Mulde"])
            query.search = "\" OR 1=1 -- *"
            _ = try await store.list(query)  // operators and quotes are dropped, never passed on
            query.search = "Pendler Mulde"
            #expect(try await store.list(query).items.count == 1)
            let similar = try await store.similar(to: "Uns fehlen Fachkräfte und Auszubildende", limit: 5)
            #expect(similar.first?.contribution.title == "Fachkräftemangel im Erzgebirge")
        }
    }

    @Test("the similar hint chooses words that contributions have, not words no one used", arguments: TestDatabase.available)
    func similarSkipsUnusedWords(database: TestDatabase) async throws {
        try await database.with { db in
            let store = SQLContributionStore(database: db)
            let anna = try await person(SQLAccountStore(database: db), "anna@example.org")
            _ = try await store.create(draft("Schwimmbad in Stollberg erhalten", "Das Schwimmbad braucht eine neue Heizung."),
                                       author: anna.id, at: .now, status: .published)
            // Seven made-up words, rarer by the lexicon than any real one: they used to take every
            // place in the hint's query, and the two shared words were left out.
            let text = "Quibbelt Zorkanei Fribbelt Wumpelhaus Kratzonie Blubberwerk Schnirkelt: Schwimmbad Heizung"
            let similar = try await store.similar(to: text, limit: 5)
            #expect(similar.map(\.contribution.title) == ["Schwimmbad in Stollberg erhalten"])
            #expect(Set(similar.first?.sharedWords ?? []) == ["Schwimmbad", "Heizung"])
        }
    }

    @Test("filters and key-based pages cover every row exactly once", arguments: TestDatabase.available)
    func paging(database: TestDatabase) async throws {
        try await database.with { db in
            let store = SQLContributionStore(database: db)
            let anna = try await person(SQLAccountStore(database: db), "anna@example.org")
            let start = Timestamp.now.milliseconds
            for index in 0..<25 {
                _ = try await store.create(
                    draft("Beitrag Nummer \(index)", "Ein Text, der lang genug ist, Nummer \(index).",
                          kind: index % 2 == 0 ? .idea : .challenge, fields: index % 3 == 0 ? ["bildung-fachkraefte"] : ["wirtschaft"],
                          district: index % 5 == 0 ? "14511" : "14521"),
                    // Several rows share a timestamp, so that the id must break ties.
                    author: anna.id, at: Timestamp(milliseconds: start + Int64(index / 3)), status: .published)
            }
            var query = ContributionQuery()
            query.limit = 7
            var seen: [ContributionID] = []
            repeat {
                let page = try await store.list(query)
                seen += page.items.map(\.id)
                query.after = page.next
            } while query.after != nil
            #expect(seen.count == 25)
            #expect(Set(seen).count == 25)
            #expect(seen == seen.sorted(by: >))

            // Back again, page by page: the same pages in reverse, each saying how many match.
            query = ContributionQuery()
            query.limit = 7
            var pages: [[ContributionID]] = []
            var page = try await store.list(query)
            #expect(page.previous == nil)
            #expect(try await store.count(query) == 25)
            pages.append(page.items.map(\.id))
            while let next = page.next {
                query.after = next
                page = try await store.list(query)
                pages.append(page.items.map(\.id))
            }
            #expect(pages.map(\.count) == [7, 7, 7, 4])
            var back = pages.count - 1
            while let previous = page.previous {
                query.after = nil
                query.before = previous
                page = try await store.list(query)
                back -= 1
                #expect(page.items.map(\.id) == pages[back], "page \(back) again")
                #expect(page.next != nil)
                #expect(try await store.count(query) == 25, "the count sees the filters, not the page")
            }
            #expect(back == 0, "back to the first page, which has no previous one")

            var filtered = ContributionQuery()
            filtered.kind = .idea
            filtered.field = "bildung-fachkraefte"
            filtered.limit = 100
            let ideasPage = try await store.list(filtered)
            let ideas = ideasPage.items
            #expect(ideas.count == 5 && ideasPage.items.count == 5)  // 0, 6, 12, 18, 24
            #expect(try await store.count(filtered) == 5)
            #expect(ideas.allSatisfy { $0.kind == .idea && $0.fields == ["bildung-fachkraefte"] })
            filtered = ContributionQuery()
            filtered.district = "14511"
            #expect(try await store.list(filtered).items.count == 5)
        }
    }

    @Test("one support per person, counters maintained, withdrawal and account deletion included", arguments: TestDatabase.available)
    func supports(database: TestDatabase) async throws {
        try await database.with { db in
            let accounts = SQLAccountStore(database: db)
            let store = SQLContributionStore(database: db)
            let anna = try await person(accounts, "anna@example.org"), ben = try await person(accounts, "ben@example.org")
            let id = try await store.create(draft("Ein Titel hier", "Ein Text, der lang genug ist."), author: anna.id, at: .now, status: .published)
            try await store.support(id, by: ben.id)
            await #expect(throws: StorageError.duplicate(field: "support")) { try await store.support(id, by: ben.id) }
            try await store.support(id, by: anna.id)
            #expect(try await store.contribution(id)?.supportCount == 2)
            try await store.withdrawSupport(id, by: anna.id)
            try await store.withdrawSupport(id, by: anna.id)
            #expect(try await store.contribution(id)?.supportCount == 1)
            #expect(try await store.hasSupported(id, user: ben.id))

            var bySupport = ContributionQuery()
            bySupport.sort = .mostSupported
            let other = try await store.create(draft("Noch ein Titel", "Noch ein Text, lang genug."), author: anna.id, at: .now, status: .published)
            #expect(try await store.list(bySupport).items.map(\.id) == [id, other])

            try await accounts.deleteAccount(ben.id)
            #expect(try await store.contribution(id)?.supportCount == 0)
            try await accounts.deleteAccount(anna.id)
            let kept = try #require(try await store.contribution(id))
            #expect(kept.authorID == nil && kept.publicAuthorName == nil, "the contribution stays, without its author")
        }
    }

    @Test("comments are threaded one level and counted", arguments: TestDatabase.available)
    func comments(database: TestDatabase) async throws {
        try await database.with { db in
            let store = SQLContributionStore(database: db)
            let anna = try await person(SQLAccountStore(database: db), "anna@example.org")
            let id = try await store.create(draft("Ein Titel hier", "Ein Text, der lang genug ist."), author: anna.id, at: .now, status: .published)
            let first = try await store.addComment(to: id, parent: nil, author: anna.id, body: "Erster")
            let answer = try await store.addComment(to: id, parent: first, author: anna.id, body: "Antwort")
            let deeper = try await store.addComment(to: id, parent: answer, author: anna.id, body: "Antwort auf Antwort")
            let comments = try await store.comments(on: id)
            #expect(comments.map(\.id) == [first, answer, deeper])
            #expect(comments.map(\.parentID) == [nil, first, first])
            #expect(try await store.contribution(id)?.commentCount == 3)
            await #expect(throws: StorageError.notFound) {
                _ = try await store.addComment(to: ContributionID(999), parent: nil, author: anna.id, body: "x")
            }
        }
    }
}
