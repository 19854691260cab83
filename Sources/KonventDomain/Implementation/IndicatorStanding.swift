/// Where an indicator stands against its target, from its first and latest values that stand.
/// The target says no direction ("300 Plätze", "unter 20 %" is not parsed): the first value says
/// it. A first value below the target means the indicator should rise; above it, fall. With one
/// value, or a first value on the target, it should reach at least the target.
public enum IndicatorStanding: String, Sendable, CaseIterable {
    /// The latest value has reached the target.
    case onTarget = "on_target"
    /// Measured, but not there yet.
    case offTarget = "off_target"
    /// No value measured yet.
    case unmeasured
    /// The target is no number, so nothing can be compared.
    case noNumericTarget = "no_numeric_target"

    public var catalogKey: String { "indicator.standing.\(rawValue)" }

    public static func of(target: String, first: Double?, latest: Double?) -> IndicatorStanding {
        guard let goal = DecimalText.parse(target) else { return .noNumericTarget }
        guard let first, let latest else { return .unmeasured }
        let falling = first > goal
        return (falling ? latest <= goal : latest >= goal) ? .onTarget : .offTarget
    }
}

/// The first and the latest value of an indicator that stand (corrections replace, they do not count).
public struct IndicatorEnds: Sendable, Equatable {
    public var first: Double
    public var latest: Double

    public init(first: Double, latest: Double) {
        self.first = first
        self.latest = latest
    }
}
