import Foundation
import KonventDomain
import KonventViews
import Testing

@Suite("String catalog")
struct CatalogTests {
    let catalog = try! Catalog.bundled()

    @Test("German and English have exactly the same keys, none empty")
    func sameKeys() {
        #expect(catalog.keys(.de) == catalog.keys(.en))
        for language in Language.allCases {
            let t = catalog.translator(language)
            for key in catalog.keys(language) { #expect(!t(key).isEmpty, "\(language) \(key)") }
        }
    }

    @Test("every key the code names exists in the catalog")
    func usedKeysExist() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let pattern = try Regex(#"(?:\bt|messageKey:|\.add\([^,]+,|translator\([^)]*\)\()\(?\s*"([a-zA-Z]+\.[a-zA-Z0-9_.\-]+)""#)
        var used = Set<String>()
        for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let key = match.output[1].substring { used.insert(String(key)) }
            }
        }
        // Keys built from enums (roles, organisation kinds, denial reasons, legal pages).
        for role in Role.allCases { used.insert(role.catalogKey) }
        for kind in Organisation.Kind.allCases { used.insert(kind.catalogKey) }
        for page in RegionConfiguration.requiredPages { used.insert("page.\(page)") }
        for kind in Contribution.Kind.allCases { used.insert(kind.catalogKey) }
        for status in Contribution.Status.allCases { used.insert(status.catalogKey) }
        for kind in Format.Kind.allCases { used.insert(kind.catalogKey) }
        for kind in TimelineEvent.Kind.allCases { used.insert(kind.catalogKey) }
        for status in ["confirmed", "waitlisted"] { used.insert("format.registration.\(status)") }
        for mode in ["immediately", "daily", "never"] { used.insert("account.notify.\(mode)") }
        for when in ["upcoming", "past"] { used.insert("formats.when.\(when)") }
        for notice in ["registered", "waitlisted", "cancelled", "saved", "documented"] { used.insert("format.notice.\(notice)") }
        for state in MeasureStateMachine(review: ReviewConfiguration(stages: [
            .init(key: "s", body: "b", name: LocalizedText(de: "S"), assessors: .ministries, conclusion: .agreedOpinion, gates: [],
                  criteria: [], outcomes: [], dueDays: 1),
        ])).states { used.insert(state.catalogKey) }
        for kind in Measure.Kind.allCases { used.insert(kind.catalogKey) }
        for maturity in Measure.Maturity.allCases { used.insert(maturity.catalogKey) }
        for source in FinancingLine.Source.allCases { used.insert(source.catalogKey) }
        for resolution in PlanComment.Resolution.allCases { used.insert(resolution.catalogKey) }
        for reason in ["sign_in_required", "confirmation_required", "not_permitted", "not_owner", "already_signed_in", "wrong_state"] {
            used.insert("denied.\(reason)")
        }
        #expect(used.count > 60)
        let missing = used.subtracting(catalog.keys(.de))
        #expect(missing.isEmpty, "missing in the catalog: \(missing.sorted())")
    }

    @Test func fillsPlaceholders() {
        #expect(catalog.translator(.de)("layout.nav.accountOf", ["name": "Anna"]) == "Mein Konto (Anna)")
        #expect(catalog.translator(.en)("layout.nav.accountOf", ["name": "Anna"]) == "My account (Anna)")
    }

    @Test("every counted phrase, in both languages, with 0, 1 and 2: the number filled in, the singular only for one")
    func plurals() {
        #expect(catalog.pluralKeys(.de) == catalog.pluralKeys(.en), "a phrase counted in one language is counted in the other")
        #expect(catalog.pluralKeys(.de).count >= 15)
        for language in Language.allCases {
            let t = catalog.translator(language)
            for key in catalog.pluralKeys(language) {
                let none = t.count(key, 0), one = t.count(key, 1), two = t.count(key, 2)
                #expect(none.contains("0") && two.contains("2"), "\(language) \(key): \(none) / \(two)")
                #expect(one != two.replacingOccurrences(of: "2", with: "1"), "\(language) \(key) has a singular of its own: \(one)")
                for text in [none, one, two] { #expect(!text.contains("{count}"), "\(language) \(key): \(text)") }
                #expect(t(key, ["count": t.number(1)]) == one, "a count filled in as text chooses the form too")
                #expect(t.count(key, 1_000) == t(key, ["count": t.number(1_000)]) && t.count(key, 1_000) != one.replacingOccurrences(of: "1", with: t.number(1_000)), "a thousand is plural")
            }
        }
        #expect(catalog.translator(.de).count("measure.sources", 1) == "Herkunft: 1 Beitrag")
        #expect(catalog.translator(.de).count("measure.sources", 2) == "Herkunft: 2 Beiträge")
        #expect(catalog.translator(.en).count("organisations.members", 1) == "1 member")
    }

    @Test("a number next to a word is a counted phrase, so that nothing reads „1 Beiträge“")
    func countsNextToWordsArePlural() throws {
        let pattern = try Regex(#"\{(count|formats|contributions|measures|members|days|minutes|capacity|abstain|supports|comments|takenUp)\} \p{L}"#)
        for language in Language.allCases {
            let t = catalog.translator(language)
            for key in catalog.keys(language).subtracting(catalog.pluralKeys(language)) {
                #expect(t(key).firstMatch(of: pattern) == nil, "\(language) \(key): \(t(key))")
            }
        }
    }

    @Test func formatsNumbersAndDates() {
        #expect(catalog.translator(.de).number(1_410_000) == "1.410.000")
        #expect(catalog.translator(.en).number(1_410_000) == "1,410,000")
        #expect(catalog.translator(.de).date(iso: "2026-08-31") == "31.08.2026")
        #expect(catalog.translator(.en).date(iso: "2026-08-31") == "31 Aug 2026")
    }
}
