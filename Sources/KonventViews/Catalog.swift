import Foundation
import KonventDomain

/// Every user-visible string, per language, from `Catalog/<language>.json`. Keys are shared by all
/// languages; a test checks that each catalog has exactly the same keys. A counted phrase is an
/// object with the forms `one` and `other` (German and English need no more), chosen by `{count}`.
public struct Catalog: Sendable {
    public enum Entry: Sendable, Decodable, Equatable {
        case text(String)
        case plural(one: String, other: String)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
                return
            }
            let forms = try container.decode([String: String].self)
            guard let one = forms["one"], let other = forms["other"], forms.count == 2 else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a counted phrase has exactly the forms one and other")
            }
            self = .plural(one: one, other: other)
        }
    }

    private let tables: [Language: [String: Entry]]

    public init(tables: [Language: [String: Entry]]) { self.tables = tables }

    public init(texts: [Language: [String: String]]) { self.tables = texts.mapValues { $0.mapValues(Entry.text) } }

    /// The catalogs shipped with Konvent.
    public static func bundled() throws -> Catalog {
        var tables: [Language: [String: Entry]] = [:]
        for language in Language.allCases {
            guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Catalog") else {
                throw ConfigurationError("string catalog \(language.rawValue).json is missing from the bundle")
            }
            tables[language] = try JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: url))
        }
        return Catalog(tables: tables)
    }

    public func keys(_ language: Language) -> Set<String> { Set(tables[language, default: [:]].keys) }

    /// The keys of the counted phrases.
    public func pluralKeys(_ language: Language) -> Set<String> {
        Set(tables[language, default: [:]].compactMap { if case .plural = $0.value { $0.key } else { nil } })
    }

    public func translator(_ language: Language) -> Translator {
        Translator(language: language, table: tables[language] ?? [:], fallback: tables[.default] ?? [:])
    }
}

/// One language's strings. `t("key")` gives a text; `t("key", ["name": value])` fills `{name}`;
/// `t.count("key", 3)` writes a counted phrase in the form for 3 ("3 Beiträge", "1 Beitrag").
public struct Translator: Sendable {
    public let language: Language
    let table: [String: Catalog.Entry]
    let fallback: [String: Catalog.Entry]

    public func callAsFunction(_ key: String) -> String { text(key, count: nil) }

    public func callAsFunction(_ key: String, _ values: KeyValuePairs<String, String>) -> String {
        var text = self.text(key, count: values.first { $0.key == "count" }.flatMap { Self.count(of: $0.value) })
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    public func callAsFunction(_ key: String, _ values: [String: String]) -> String {
        var text = self.text(key, count: values["count"].flatMap(Self.count(of:)))
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// A counted phrase with `{count}` written as the language writes numbers, and further values.
    public func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        self(key, values.merging(["count": number(count)]) { $1 })
    }

    func text(_ key: String, count: Int?) -> String {
        switch table[key] ?? fallback[key] {
        case .text(let text): text
        case .plural(let one, let other): count == 1 ? one : other
        case nil: "⟦\(key)⟧"
        }
    }

    /// The number a filled-in count stands for ("1.234" and "1,234" alike); nil when it is none.
    static func count(of text: String) -> Int? {
        let digits = text.filter(\.isNumber)
        return digits.isEmpty || digits.count != text.filter({ $0 != "." && $0 != "," && $0 != "\u{202F}" }).count ? nil : Int(digits)
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
