/// A wall-clock time as people enter it (`YYYY-MM-DDTHH:MM`, the value of an HTML datetime-local
/// field), before the web layer places it in the region's time zone.
public struct LocalDateTime: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// Accepts `YYYY-MM-DDTHH:MM` (a space instead of `T`, and seconds, are tolerated).
    public init?(_ text: String) {
        let text = text.trimmingWhitespace().replacingOccurrences(of: " ", with: "T")
        let parts = text.split(separator: "T")
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-"), time = parts[1].split(separator: ":")
        guard date.count == 3, date[0].count == 4, (2...3).contains(time.count),
              let year = Int(date[0]), let month = Int(date[1]), let day = Int(date[2]),
              let hour = Int(time[0]), let minute = Int(time[1]),
              (1...12).contains(month), (1...Self.days(in: month, of: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var isoDate: String { "\(CalendarDate.pad(year, 4))-\(CalendarDate.pad(month, 2))-\(CalendarDate.pad(day, 2))" }
    public var clock: String { "\(CalendarDate.pad(hour, 2)):\(CalendarDate.pad(minute, 2))" }
    /// The value of a datetime-local field.
    public var description: String { "\(isoDate)T\(clock)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute) < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute)
    }
}
