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
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
            case ";": result.append(contentsOf: "\\;".unicodeScalars)
            case ",": result.append(contentsOf: "\\,".unicodeScalars)
            case "\r": result.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !previousWasCR { result.append(contentsOf: "\\n".unicodeScalars) }
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Folds a content line after at most 75 octets, never inside a UTF-8 sequence. Works on bytes:
    /// a feed has hundreds of thousands of them.
    static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + line.utf8.count / 24)
        var count = 0
        for byte in line.utf8 {
            // Only the first byte of a sequence (not 10xxxxxx) may start a new line.
            if byte & 0xC0 != 0x80 {
                let size = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if count + size > 75 {
                    out += [13, 10, 32]
                    count = 1
                }
            }
            out.append(byte)
            count += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
