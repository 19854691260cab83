/// What changed between two versions of a measure, field by field, with a line diff for the texts,
/// so that a reviewer sees exactly what is new since the version they assessed.
public enum MeasureDiff {
    public enum Line: Sendable, Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    public struct Change: Sendable, Equatable {
        /// The catalog key of the field's name.
        public var fieldKey: String
        public var lines: [Line]
    }

    public static func changes(from old: MeasureContent, to new: MeasureContent) -> [Change] {
        func euros(_ value: Int) -> String { String(value) + " €" }
        let pairs: [(String, String, String)] = [
            ("measure.kindLabel", old.kind.rawValue, new.kind.rawValue),
            ("field.title", old.title, new.title),
            ("measure.goal", old.goal, new.goal),
            ("measure.description", old.description, new.description),
            ("field.fieldsOfAction", old.fields.joined(separator: "\n"), new.fields.joined(separator: "\n")),
            ("measure.territories", old.territories.joined(separator: "\n"), new.territories.joined(separator: "\n")),
            ("profile.sponsor", old.sponsor, new.sponsor),
            ("profile.partners", old.partners, new.partners),
            ("profile.estimatedCost", euros(old.estimatedCost), euros(new.estimatedCost)),
            ("measure.financing", financing(old), financing(new)),
            ("profile.timeframe", old.timeframe, new.timeframe),
            ("measure.indicators", old.indicators.map { "\($0.name): \($0.target)" }.joined(separator: "\n"),
             new.indicators.map { "\($0.name): \($0.target)" }.joined(separator: "\n")),
            ("measure.maturity", old.maturity.rawValue, new.maturity.rawValue),
            ("measure.leadMinistry", old.leadMinistry ?? "", new.leadMinistry ?? ""),
        ]
        return pairs.compactMap { key, before, after in
            before == after ? nil : Change(fieldKey: key, lines: lines(from: before, to: after))
        }
    }

    static func financing(_ content: MeasureContent) -> String {
        content.financing.map { "\($0.source.rawValue) \($0.programme): \($0.amount) €" }.joined(separator: "\n")
    }

    /// A line diff by longest common subsequence (texts here are short: paragraphs, not files).
    public static func lines(from old: String, to new: String) -> [Line] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [Line] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                result.append(.same(a[i]))
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                // What went comes before what came in its place, as readers expect.
                result.append(.removed(a[i]))
                i += 1
            } else {
                result.append(.added(b[j]))
                j += 1
            }
        }
        return result
    }
}
