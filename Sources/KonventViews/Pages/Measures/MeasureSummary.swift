import KonventDomain

/// How a measure's state is named: review stages by the configuration, the rest by the catalog.
public enum MeasureStateName {
    /// A review stage by its configured name ("Prüfung durch die IMAG"), so that people see where
    /// the measure is instead of "in Prüfung" at every stage; the vote that closes a stage is said too.
    public static func name(_ state: MeasureState, _ region: RegionConfiguration?, _ t: Translator) -> String {
        if case .inReview(let key, let phase) = state, let stage = region?.review.stage(key) {
            return phase == .assessing ? stage.name[t.language] : "\(stage.name[t.language]): \(t(state.catalogKey))"
        }
        return t(state.catalogKey)
    }
}

enum MeasureSummary {
    static func item(_ measure: Measure, _ region: RegionConfiguration, _ t: Translator) -> Node {
        let c = measure.content
        return el("article", .class("contribution-summary")) {
            el("h3") { el("a", .href(Site.Measures.page(measure.id))) { "\(measure.code) \(c.title)" } }
            el("p", .class("meta")) {
                el("span", .class("tag")) { t(c.kind.catalogKey) }
                " "
                c.fields.compactMap { region.fieldOfAction($0)?.name[t.language] }.joined(separator: ", ")
                " · "
                MeasureStateName.name(measure.state, region, t)
            }
            el("p", .class("counts")) { t("measure.cost", ["amount": t.number(c.estimatedCost)]) }
        }
    }
}
