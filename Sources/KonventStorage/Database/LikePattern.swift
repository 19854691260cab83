/// A `LIKE … ESCAPE '\'` pattern that finds the text anywhere, lower-cased, its own `%`, `_` and
/// `\` taken literally (the same on SQLite and PostgreSQL).
func containsPattern(_ text: String) -> String {
    "%" + text.lowercased().replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
        .replacingOccurrences(of: "_", with: "\\_") + "%"
}
