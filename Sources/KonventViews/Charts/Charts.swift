import KonventDomain

/// Numbers as the site writes them beside its figures.
public enum Charts {
    /// A non-negative number with `places` decimals in the language's notation.
    public static func decimal(_ value: Double, _ t: Translator, places: Int = 1) -> String {
        guard places > 0 else { return t.number(Int(max(value, 0).rounded())) }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((max(value, 0) * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return "\(t.number(scaled / scale))\(t.language == .de ? "," : ".")\(String(repeating: "0", count: places - fraction.count))\(fraction)"
    }

    /// The bounds of a figure's classes as its legend writes them.
    public static func legend(_ values: [Double], _ t: Translator, places: Int) -> [String] {
        Figure.classBounds(of: values).map { "\(decimal($0.low, t, places: places))–\(decimal($0.high, t, places: places))" }
    }

    /// The classes of whole counts as the whole numbers each holds ("0–1", "2", "3–4"): rounded
    /// bounds of equal intervals ("1–3", "3–4") would leave a reader guessing where 3 belongs.
    /// A class that holds no whole number is written "–".
    public static func countLegend(_ values: [Double], _ t: Translator) -> [String] {
        let lower = values.min() ?? 0, upper = values.max() ?? 0
        var members = Array(repeating: [Int](), count: Figure.classColours.count)
        for count in Int(lower)...Int(upper) { members[Figure.classIndex(Double(count), lower: lower, upper: upper)].append(count) }
        return members.map { counts in
            guard let first = counts.first, let last = counts.last else { return "–" }
            return first == last ? t.number(first) : "\(t.number(first))–\(t.number(last))"
        }
    }

    /// A month ("2026-01") as a column's label: "Januar 2026" in full, "Jan" over "2026" on the axis.
    public static func month(_ key: String, _ t: Translator) -> (label: String, axis: String) {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return (key, key) }
        return (t("month.\(month)") + " " + parts[0], t("month.short.\(month)") + "\n" + parts[0])
    }
}
