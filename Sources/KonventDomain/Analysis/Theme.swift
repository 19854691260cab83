public enum ThemeTag {}
public typealias ThemeID = ID<ThemeTag>

/// A theme of the office's own across fields of action ("Wasserstoff"), with how many listed
/// contributions carry it.
public struct Theme: Sendable, Equatable {
    public var id: ThemeID
    public var name: String
    public var contributions: Int

    public init(id: ThemeID, name: String, contributions: Int) {
        self.id = id
        self.name = name
        self.contributions = contributions
    }

    /// A theme's name: 2 to 80 characters, trimmed.
    public static func name(_ text: String) throws(FieldError) -> String {
        let name = text.trimmingWhitespace()
        guard (2...80).contains(name.count) else { throw FieldError(field: "name", messageKey: "theme.error.name") }
        return name
    }
}
