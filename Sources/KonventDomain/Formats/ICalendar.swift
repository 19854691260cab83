/// iCalendar text (RFC 5545) for formats: CRLF line ends, lines folded at 75 octets, text escaped,
/// times in UTC so that every calendar application places them right.
public enum ICalendar {
    public struct Event: Sendable {
        public var uid: String
        public var start: Int64
        public var end: Int64
        public var stamp: Int64
        public var summary: String
        public var description: String
        public var location: String
        public var url: String

        public init(uid: String, start: Int64, end: Int64, stamp: Int64, summary: String, description: String, location: String, url: String) {
            self.uid = uid
            self.start = start
            self.end = end
            self.stamp = stamp
            self.summary = summary
            self.description = description
            self.location = location
            self.url = url
        }
    }

    public static func calendar(name: String, events: [Event]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Konvent//Formate//DE", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:\(escape(name))"]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(utc(event.stamp))", "DTSTART:\(utc(event.start))",
                      "DTEND:\(utc(event.end))", "SUMMARY:\(escape(event.summary))"]
            if !event.location.isEmpty { lines.append("LOCATION:\(escape(event.location))") }
            if !event.description.isEmpty { lines.append("DESCRIPTION:\(escape(event.description))") }
            lines.append("URL:\(event.url)")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `YYYYMMDDTHHMMSSZ`.
    public static func utc(_ milliseconds: Int64) -> String {
        let date = CalendarDate.iso(milliseconds: milliseconds).replacingOccurrences(of: "-", with: "")
        let seconds = Int(CalendarDate.floorDivide(milliseconds, 1000) - CalendarDate.floorDivide(milliseconds, 86_400_000) * 86_400)
        return "\(date)T\(CalendarDate.pad(seconds / 3600, 2))\(CalendarDate.pad(seconds / 60 % 60, 2))\(CalendarDate.pad(seconds % 60, 2))Z"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default:
                if character.isASCIIControlCharacter { continue }
                result.append(character)
            }
        }
        return result
    }

    /// Folds a content line after at most 75 octets, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var result = "", count = 0
        for character in line {
            let size = character.utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.append(character)
            count += size
        }
        return result
    }
}

extension Character {
    var isASCIIControlCharacter: Bool { unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
}
