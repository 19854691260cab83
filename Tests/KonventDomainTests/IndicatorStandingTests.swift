import KonventDomain
import Testing

@Suite("Indicators against their targets")
struct IndicatorStandingTests {
    @Test("rising or falling as the first value says; no number, no comparison")
    func standing() {
        #expect(IndicatorStanding.of(target: "300", first: 120, latest: 310) == .onTarget)
        #expect(IndicatorStanding.of(target: "300", first: 120, latest: 250) == .offTarget)
        // Emissions should fall: the first value lies above the target.
        #expect(IndicatorStanding.of(target: "1.000", first: 1_800, latest: 950) == .onTarget)
        #expect(IndicatorStanding.of(target: "1.000", first: 1_800, latest: 1_200) == .offTarget)
        #expect(IndicatorStanding.of(target: "12,5", first: 12.5, latest: 12.5) == .onTarget)
        #expect(IndicatorStanding.of(target: "300", first: nil, latest: nil) == .unmeasured)
        #expect(IndicatorStanding.of(target: "deutlich mehr", first: 1, latest: 2) == .noNumericTarget)
    }
}
