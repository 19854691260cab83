public enum AnnouncementTag {}
public typealias AnnouncementID = ID<AnnouncementTag>

/// Whom an announcement goes to, beyond having asked for announcements: people who contributed in a
/// district or a field of action, the followers of a measure, the participants of a format. Empty:
/// everyone who asked.
public struct AnnouncementAudience: Sendable, Equatable {
    public var district: String?
    public var field: String?
    public var measure: MeasureID?
    public var format: FormatID?

    public init(district: String? = nil, field: String? = nil, measure: MeasureID? = nil, format: FormatID? = nil) {
        self.district = district
        self.field = field
        self.measure = measure
        self.format = format
    }

    /// As stored: `district=14521&field=wirtschaft`, the empty parts left out.
    public var stored: String {
        [("district", district), ("field", field), ("measure", measure?.description), ("format", format?.description)]
            .compactMap { name, value in value.map { "\(name)=\($0)" } }.joined(separator: "&")
    }

    public init(stored: String) {
        self.init()
        for pair in stored.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "district": district = parts[1]
            case "field": field = parts[1]
            case "measure": measure = MeasureID(parts[1])
            case "format": format = FormatID(parts[1])
            default: continue
            }
        }
    }
}

/// An announcement as the archive shows it.
public struct Announcement: Sendable, Equatable {
    public var id: AnnouncementID
    public var title: String
    public var body: String
    public var audience: AnnouncementAudience
    public var recipients: Int
    public var sentAt: Int64?

    public init(id: AnnouncementID, title: String, body: String, audience: AnnouncementAudience, recipients: Int, sentAt: Int64?) {
        self.id = id
        self.title = title
        self.body = body
        self.audience = audience
        self.recipients = recipients
        self.sentAt = sentAt
    }

    /// A title of 5 to 150 characters and a text of 20 to 10,000, both trimmed.
    public static func validate(title: String, body: String) throws(ValidationFailure) -> (title: String, body: String) {
        var v = Validator()
        let title = title.trimmingWhitespace(), body = body.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        if !(5...150).contains(title.count) { v.add("title", "announcement.error.title") }
        if !(20...10_000).contains(body.count) { v.add("body", "announcement.error.body") }
        try v.finish()
        return (title, body)
    }
}

/// A person's standing with announcements: not asked, asked but not confirmed by mail, confirmed.
public enum AnnouncementSubscription: Sendable, Equatable {
    case none, requested, confirmed
}
