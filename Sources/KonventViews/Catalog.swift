import Foundation
import KonventDomain

/// Every user-visible string, per language, from `Catalog/<language>.json`. Keys are shared by all
/// languages; a test checks that each catalog has exactly the same keys.
public struct Catalog: Sendable {
    private let tables: [Language: [String: String]]

    public init(tables: [Language: [String: String]]) { self.tables = tables }

    /// The catalogs shipped with Konvent.
    public static func bundled() throws -> Catalog {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Catalog") else {
                throw ConfigurationError("string catalog \(language.rawValue).json is missing from the bundle")
            }
            tables[language] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return Catalog(tables: tables)
    }

    public func keys(_ language: Language) -> Set<String> { Set(tables[language, default: [:]].keys) }

    public func translator(_ language: Language) -> Translator {
        Translator(language: language, table: tables[language] ?? [:], fallback: tables[.default] ?? [:])
    }
}

/// One language's strings. `t("key")` gives a text; `t("key", ["name": value])` fills `{name}`.
public struct Translator: Sendable {
    public let language: Language
    let table: [String: String]
    let fallback: [String: String]

    public func callAsFunction(_ key: String) -> String {
        table[key] ?? fallback[key] ?? "⟦\(key)⟧"
    }

    public func callAsFunction(_ key: String, _ values: KeyValuePairs<String, String>) -> String {
        var text = self(key)
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    public func callAsFunction(_ key: String, _ values: [String: String]) -> String {
        var text = self(key)
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    public func has(_ key: String) -> Bool { table[key] != nil }

    /// A whole number with the language's grouping (1.234 in German, 1,234 in English).
    public func number(_ value: Int) -> String {
        // Written out rather than through a Foundation formatter, which is costly per call on hot pages.
        let separator: Character = language == .de ? "." : ","
        var digits = Array(String(value.magnitude))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(separator, at: index)
            index -= 3
        }
        return (value < 0 ? "-" : "") + String(digits)
    }

    /// An ISO date (`2026-08-31`) as people read it: 31.08.2026 or 31 Aug 2026.
    public func date(iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return iso }
        switch language {
        case .de: return "\(CalendarDate.pad(parts[2], 2)).\(CalendarDate.pad(parts[1], 2)).\(CalendarDate.pad(parts[0], 4))"
        case .en:
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(parts[2]) \(months[max(0, min(11, parts[1] - 1))]) \(parts[0])"
        }
    }
}
