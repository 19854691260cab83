import KonventDomain
import KonventViews
import Testing

@Suite("Site paths")
struct SiteTests {
    @Test("a template fills its parameters in order and escapes what is not plain")
    func fills() {
        #expect(Site.Contributions.page(ContributionID(12)) == "/contributions/12")
        #expect(Site.Sessions.decision(BodySessionID(3), 21) == "/sessions/3/items/21/decision")
        #expect(Site.Masterplan.paragraph(2, "region-1") == "/masterplan/2/paragraphs/region-1")
        #expect(Site.Masterplan.file("pdf")("current") == "/masterplan/current.pdf")
        #expect(Site.asset("Müller & Co/x") == "/static/M%C3%BCller%20%26%20Co%2Fx")
        #expect(Site.Contributions.list() == "/contributions")
    }

    @Test("queries leave out empty items and keep the slashes of a path to return to")
    func query() {
        #expect(Site.Accounts.login(next: "/formats/1") == "/login?next=/formats/1")
        #expect(Site.Contributions.list().query(["q": "Fachkräfte & Co", "district": nil, "field": ""]) == "/contributions?q=Fachkr%C3%A4fte%20%26%20Co")
        #expect(Site.Contributions.list().query(["a": "1"]).query(["b": "2"]) == "/contributions?a=1&b=2")
    }
}
