import Foundation
import KonventDomain
import KonventViews

/// Wall-clock times in the region's zone: what people type into a form becomes UTC, and stored
/// UTC times are shown as the region's local time (summer time included).
public struct RegionClock: Sendable {
    let calendar: Calendar

    public init(timeZone identifier: String) throws(ConfigurationErrorMessage) {
        guard let zone = TimeZone(identifier: identifier) else {
            throw ConfigurationErrorMessage("timeZone: unknown time zone '\(identifier)'")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// nil for a time the zone skips (the hour lost in spring).
    public func utc(_ local: LocalDateTime) -> Int64? {
        let components = DateComponents(year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute)
        guard let date = calendar.date(from: components) else { return nil }
        let back = self.local(Int64((date.timeIntervalSince1970 * 1000).rounded()))
        return back == local ? Int64((date.timeIntervalSince1970 * 1000).rounded()) : nil
    }

    public func local(_ milliseconds: Int64) -> LocalDateTime {
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        return LocalDateTime(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0,
                             minute: parts.minute ?? 0)
    }

    /// ISO 8601 in the region's zone with its offset ("2026-12-02T07:16:05+01:00"), as open data gives times.
    public func iso8601(_ milliseconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = calendar.timeZone.secondsFromGMT(for: date) / 60
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        let zone = (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
        return "\(p.year ?? 1970)-\(two(p.month))-\(two(p.day))T\(two(p.hour)):\(two(p.minute)):\(two(p.second))" + zone
    }

    public func times(_ format: Format) -> FormatTimes {
        FormatTimes(start: local(format.startsAt), end: local(format.endsAt))
    }
}
