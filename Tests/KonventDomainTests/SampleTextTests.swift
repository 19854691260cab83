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
