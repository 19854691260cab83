import KonventDomain

/// `/measures/{id}/versions`: every saved version, and what changed between two of them.
public enum MeasureVersionsPage {
    public struct Model: Sendable {
        public var measure: Measure
        public var versions: [(version: Int, date: String)]
        public var from: Int
        public var to: Int
        public var changes: [MeasureDiff.Change]

        public init(measure: Measure, versions: [(version: Int, date: String)], from: Int, to: Int, changes: [MeasureDiff.Change]) {
            self.measure = measure
            self.versions = versions
            self.from = from
            self.to = to
            self.changes = changes
        }
    }

    public static func render(_ model: Model, _ context: PageContext) -> [UInt8] {
        let t = context.t, m = model.measure
        return Layout.page(title: t("measure.versions.title"), context) {
            el("p", .class("breadcrumb")) { el("a", .href(Site.Measures.page(m.id))) { "\(m.code) \(m.content.title)" } }
            el("h1") { t("measure.versions.title") }
            el("form", .method("get"), .action(Site.Measures.versions(m.id)), .class("filters")) {
                Forms.select(name: "from", label: t("measure.versions.from"),
                             options: model.versions.map { (String($0.version), "\($0.version) (\(t.date(iso: $0.date)))") },
                             selected: String(model.from), errors: [], t)
                Forms.select(name: "to", label: t("measure.versions.to"),
                             options: model.versions.map { (String($0.version), "\($0.version) (\(t.date(iso: $0.date)))") },
                             selected: String(model.to), errors: [], t)
                Forms.submit(t("measure.versions.compare"))
            }
            el("h2") { t("measure.versions.changes", ["from": String(model.from), "to": String(model.to)]) }
            if model.changes.isEmpty { el("p") { t("measure.versions.same") } }
            for change in model.changes {
                el("section", .class("diff")) {
                    el("h3") { t(change.fieldKey) }
                    el("ul", .class("diff-lines")) {
                        for line in change.lines {
                            switch line {
                            case .same(let text): el("li") { text }
                            case .removed(let text):
                                el("li") { el("del") { el("span", .class("visually-hidden")) { t("measure.versions.removed") }; text } }
                            case .added(let text):
                                el("li") { el("ins") { el("span", .class("visually-hidden")) { t("measure.versions.added") }; text } }
                            }
                        }
                    }
                }
            }
        }
    }
}
