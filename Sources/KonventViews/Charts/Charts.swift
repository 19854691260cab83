import KonventDomain

/// Numbers as the site writes them beside its figures.
public enum Charts {
    /// A non-negative number with `places` decimals in the language's notation.
    public static func decimal(_ value: Double, _ t: Translator, places: Int = 1) -> String {
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

    /// A month ("2026-01") as a column's label: "Januar 2026" in full, "Jan" over "2026" on the axis.
    public static func month(_ key: String, _ t: Translator) -> (label: String, axis: String) {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return (key, key) }
        return (t("month.\(month)") + " " + parts[0], t("month.short.\(month)") + "\n" + parts[0])
    }
}
