import Foundation
import KonventDomain
import Testing

@Suite("Demo texts")
struct SampleTextTests {
    @Test("a district takes its article, a town does not: im Vogtlandkreis, im Landkreis Zwickau, in Plauen")
    func places() {
        #expect(SampleText.inPlace("Vogtlandkreis") == "im Vogtlandkreis")
        #expect(SampleText.inPlace("Landkreis Zwickau") == "im Landkreis Zwickau")
        #expect(SampleText.inPlace("Plauen") == "in Plauen")
        #expect(SampleText.forPlace("Erzgebirgskreis") == "den Erzgebirgskreis")
        #expect(SampleText.forPlace("Chemnitz") == "Chemnitz")
    }
}

@Suite("Generated contributions")
struct GeneratedContributionTests {
    static let fields = ["wirtschaft", "wissenschaft-innovation", "infrastruktur-mobilitaet", "bildung-fachkraefte", "daseinsvorsorge"]

    @Test("a text keeps to one theme: its title carries the theme's word, every sentence is the theme's, every place reads right")
    func oneTheme() {
        var random = SampleText(seed: 7)
        for field in Self.fields {
            for place in ["Vogtlandkreis", "Landkreis Zwickau", "Plauen"] {
                for _ in 0..<60 {
                    let generated = random.contribution(field: field, place: place)
                    let theme = SampleTheme.all.first { $0.keyword == generated.theme }
                    #expect(theme?.field == field, "\(generated.title)")
                    #expect(generated.title.contains(generated.theme), "\(generated.title)")
                    for text in [generated.title, generated.text] {
                        #expect(!text.contains("{") && !text.contains("}"), "\(text)")
                        #expect(!text.contains("in Vogtlandkreis") && !text.contains("in Landkreis") && !text.contains("für Vogtlandkreis"), "\(text)")
                    }
                    let sentences = (theme?.situations ?? []) + (theme?.proposals ?? [])
                    let placed = Set(sentences.map { SampleTheme.placing($0, place) })
                    let written = generated.text.replacingOccurrences(of: "\n\n", with: " ")
                    var rest = written
                    for sentence in placed.sorted(by: { $0.count > $1.count }) { rest = rest.replacingOccurrences(of: sentence, with: "") }
                    #expect(rest.trimmingCharacters(in: .whitespaces).isEmpty, "only the theme's own sentences: \(written)")
                }
            }
        }
    }

    @Test("every field has its themes, each with a measure on it; people have names, not numbers")
    func themesAndNames() {
        for field in Self.fields { #expect(SampleTheme.of(field: field).count >= 4, "\(field)") }
        #expect(Set(SampleTheme.all.map(\.keyword)).count == SampleTheme.all.count, "one keyword per theme")
        #expect(SampleTheme.all.allSatisfy { !$0.measure.isEmpty && !$0.goal.isEmpty && !$0.indicator.isEmpty })
        #expect(SampleText.personName(0) == "Anja A.")
        #expect(SampleText.personName(37) == "Birgit B.")
        #expect(Set((0..<600).map(SampleText.personName)).count == 600, "distinct for a demo's people")
    }
}
