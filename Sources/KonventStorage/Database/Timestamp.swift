import Foundation

/// Milliseconds since 1970 (UTC): how every point in time is stored.
public struct Timestamp: Sendable, Hashable, Comparable {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    public init(_ date: Date) { milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    public static var now: Timestamp { Timestamp(Date()) }
    public var date: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.milliseconds < rhs.milliseconds }
}

extension Date {
    var storedMilliseconds: Int64 { Timestamp(self).milliseconds }
    init(storedMilliseconds: Int64) { self = Timestamp(milliseconds: storedMilliseconds).date }
}
