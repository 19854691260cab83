import SQLKit

/// OParl's filters of an external list: created and modified since or until (both inclusive), in
/// stored milliseconds. Empty: no condition.
public struct ChangeWindow: Sendable, Equatable {
    public var createdSince: Int64?
    public var createdUntil: Int64?
    public var modifiedSince: Int64?
    public var modifiedUntil: Int64?

    public init(createdSince: Int64? = nil, createdUntil: Int64? = nil, modifiedSince: Int64? = nil, modifiedUntil: Int64? = nil) {
        self.createdSince = createdSince
        self.createdUntil = createdUntil
        self.modifiedSince = modifiedSince
        self.modifiedUntil = modifiedUntil
    }

    /// The conditions on the table's `created_at` and `updated_at`, never empty (so that they join with AND).
    func conditions(_ alias: String) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let createdSince { conditions.append("\(unsafeRaw: alias).created_at >= \(bind: createdSince)") }
        if let createdUntil { conditions.append("\(unsafeRaw: alias).created_at <= \(bind: createdUntil)") }
        if let modifiedSince { conditions.append("\(unsafeRaw: alias).updated_at >= \(bind: modifiedSince)") }
        if let modifiedUntil { conditions.append("\(unsafeRaw: alias).updated_at <= \(bind: modifiedUntil)") }
        return conditions
    }
}
