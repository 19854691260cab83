import Hummingbird

/// A request's query, checked against what the endpoint takes: an unknown or repeated parameter is
/// refused rather than ignored, so that a client never believes a filter applied that did not.
struct APIParameters {
    static let limits = 1...100
    static let defaultLimit = 20

    private var values: [String: String] = [:]

    init(_ request: Request, allowed: [String]) throws(APIProblem) {
        for (name, value) in request.uri.queryParameters {
            let name = String(name)
            guard allowed.contains(name) else { throw .unknownParameter(name, allowed: allowed) }
            guard values[name] == nil else { throw .repeated(name) }
            guard !value.isEmpty else { throw .empty(name) }
            values[name] = String(value)
        }
    }

    /// The value, nil when absent (an empty one is refused on arrival).
    func string(_ name: String) -> String? { values[name] }

    func text(_ name: String, maxLength: Int) throws(APIProblem) -> String? {
        guard let value = string(name) else { return nil }
        guard value.count <= maxLength else { throw .tooLong(name, maxLength) }
        return value
    }

    /// A value from a fixed set, named in the refusal.
    func choice<T>(_ name: String, _ options: [(String, T)]) throws(APIProblem) -> T? {
        guard let value = string(name) else { return nil }
        guard let found = options.first(where: { $0.0 == value }) else { throw .badValue(name, value, allowed: options.map(\.0)) }
        return found.1
    }

    func id(_ name: String) throws(APIProblem) -> Int64? {
        guard let value = string(name) else { return nil }
        guard let id = Int64(value), id > 0 else { throw .badValue(name, value) }
        return id
    }

    var limit: Int {
        get throws(APIProblem) {
            guard let value = string("limit") else { return Self.defaultLimit }
            guard let limit = Int(value), Self.limits.contains(limit) else { throw .badLimit(value, range: Self.limits) }
            return limit
        }
    }

    func cursor<Key>(_ parse: (String) -> Key?) throws(APIProblem) -> Key? {
        guard let value = string("cursor") else { return nil }
        guard let key = parse(value) else { throw .badCursor(value) }
        return key
    }

    /// The query as given, without the cursor: what the next page's link keeps.
    func keeping(except: String = "cursor") -> [(String, String?)] {
        values.keys.sorted().filter { $0 != except }.map { ($0, values[$0]) }
    }
}
