import KonventDomain
import KonventViews
import KonventWeb
import Testing

@Suite("The implementation overview")
struct ImplementationPageTests {
    @Test("programmes show their rate and next call deadline where the configuration holds them, and only then")
    func programmes() throws {
        var region = try RegionLoader.load(nil)
        let t = try Catalog.bundled().translator(.de)
        let context = PageContext(t: t, siteName: "Testregion", path: "/implementation", user: nil, csrfToken: "x", assetVersion: "v1")
        func page() -> String {
            var model = ImplementationPage.Model(region: region, rows: [], counts: [:])
            model.today = "2026-12-01"
            return String(decoding: ImplementationPage.render(model, context), as: UTF8.self)
        }
        var html = page()
        #expect(html.contains("Förderprogramme für die Maßnahmen"))
        #expect(!html.contains("</br>"), "a void element")
        #expect(!html.contains("Fördersatz") && !html.contains("Nächster Stichtag"), "no column of dashes")
        region.fundingProgrammes[0].rate = 40
        region.fundingProgrammes[0].deadlines = ["2026-06-30", "2027-03-31", "2026-12-15"]
        html = page()
        #expect(html.contains("<td class=\"numeric\">bis 40 %</td>"))
        #expect(html.contains("<time datetime=\"2026-12-15\">15.12.2026</time>"), "the next one, not the first listed")
        #expect(html.contains("kein Stichtag angekündigt"))
    }
}
