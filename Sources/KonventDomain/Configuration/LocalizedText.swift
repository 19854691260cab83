/// A text given in several languages; German is required, other languages fall back to it.
public struct LocalizedText: Sendable, Equatable, Codable {
    public var texts: [Language: String]

    public init(de: String, en: String? = nil) {
        texts = [.de: de]
        if let en { texts[.en] = en }
    }

    public subscript(language: Language) -> String {
        texts[language] ?? texts[.default] ?? ""
    }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: String].self)
        var texts: [Language: String] = [:]
        for (key, value) in raw {
            guard let language = Language(rawValue: key) else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: decoder.codingPath, debugDescription: "unknown language '\(key)' (expected de or en)"))
            }
            texts[language] = value
        }
        guard texts[.default] != nil else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "a German text ('de') is required"))
        }
        self.texts = texts
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: texts.map { ($0.key.rawValue, $0.value) }))
    }
}
