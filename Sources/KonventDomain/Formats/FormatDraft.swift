import struct Foundation.Date

/// A checked format, ready to be stored. Times are already placed in UTC by the caller's time zone.
public struct FormatDraft: Sendable, Equatable {
    public var kind: Format.Kind
    public var title: String
    public var description: String
    public var fields: [String]
    public var districtKey: String
    public var municipalityKey: String?
    public var place: String
    public var onlineURL: String?
    public var startsAt: Int64
    public var endsAt: Int64
    public var capacity: Int?
    /// What participants should bring (a laptop, documents); empty when nothing.
    public var bring = ""

    public init(
        kind: Format.Kind, title: String, description: String, fields: [String], districtKey: String, municipalityKey: String?,
        place: String, onlineURL: String?, startsAt: Int64, endsAt: Int64, capacity: Int?
    ) {
        self.kind = kind
        self.title = title
        self.description = description
        self.fields = fields
        self.districtKey = districtKey
        self.municipalityKey = municipalityKey
        self.place = place
        self.onlineURL = onlineURL
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.capacity = capacity
    }

    public static let titleLength = 5...140
    public static let descriptionLength = 20...10_000
    public static let capacityRange = 1...10_000

    /// The raw form, as strings.
    public struct Input: Sendable, Equatable {
        public var kind = ""
        public var title = ""
        public var description = ""
        public var fields: [String] = []
        public var district = ""
        public var municipality = ""
        public var place = ""
        public var onlineURL = ""
        public var start = ""
        public var end = ""
        public var capacity = ""
        public var bring = ""

        public init() {}
    }

    /// Checks a format form. `toUTC` places a wall-clock time in the region's zone (nil when that
    /// time does not exist there, as in the hour skipped in spring).
    public static func validate(
        _ input: Input, region: RegionConfiguration, toUTC: (LocalDateTime) -> Int64?
    ) throws(ValidationFailure) -> FormatDraft {
        var v = Validator()
        let kind = Format.Kind(rawValue: input.kind)
        if kind == nil { v.add("kind", "error.format.kind") }
        let title = input.title.trimmingWhitespace()
        if !titleLength.contains(title.count) || title.contains(where: \.isASCIIControl) { v.add("title", "error.format.title") }
        let description = input.description.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        if !descriptionLength.contains(description.count) { v.add("description", "error.format.description") }
        let known = Set(region.fieldsOfAction.map(\.key))
        let fields = region.fieldsOfAction.map(\.key).filter(Set(input.fields).contains)
        if fields.isEmpty || input.fields.contains(where: { !known.contains($0) }) { v.add("fields", "error.contribution.fields") }
        if !region.districts.contains(where: { $0.officialKey == input.district }) { v.add("district", "error.contribution.district") }
        var municipality: String?
        if !input.municipality.isEmpty {
            if region.municipalities(in: input.district).contains(where: { $0.officialKey == input.municipality }) {
                municipality = input.municipality
            } else {
                v.add("municipality", "error.contribution.municipality")
            }
        }
        let place = input.place.trimmingWhitespace()
        if place.count > 300 || place.contains(where: \.isASCIIControl) { v.add("place", "error.format.place") }
        var onlineURL: String?
        let url = input.onlineURL.trimmingWhitespace()
        if !url.isEmpty {
            if SafeLink.isAllowed(url), url.count <= 500, !url.hasPrefix("mailto:") { onlineURL = url } else {
                v.add("onlineURL", "error.format.onlineURL")
            }
        }
        if place.isEmpty && onlineURL == nil { v.add("place", "error.format.placeOrLink") }
        let start = LocalDateTime(input.start), end = LocalDateTime(input.end)
        let startsAt = start.flatMap(toUTC), endsAt = end.flatMap(toUTC)
        if startsAt == nil { v.add("start", "error.format.start") }
        if endsAt == nil { v.add("end", "error.format.end") }
        if let startsAt, let endsAt, endsAt <= startsAt { v.add("end", "error.format.endBeforeStart") }
        var capacity: Int?
        let capacityText = input.capacity.trimmingWhitespace()
        if !capacityText.isEmpty {
            if let value = Int(capacityText), capacityRange.contains(value) { capacity = value } else {
                v.add("capacity", "error.format.capacity")
            }
        }
        let bring = input.bring.trimmingWhitespace()
        if bring.count > 500 || bring.contains(where: \.isASCIIControl) { v.add("bring", "error.format.bring") }
        try v.finish()
        var draft = FormatDraft(
            kind: kind!, title: title, description: description, fields: fields, districtKey: input.district,
            municipalityKey: municipality, place: place, onlineURL: onlineURL, startsAt: startsAt!, endsAt: endsAt!,
            capacity: capacity)
        draft.bring = bring
        return draft
    }
}

/// Which links user text may carry: http, https and mailto only (no javascript:, data: or relative tricks).
public enum SafeLink {
    public static func isAllowed(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return false }
        return !url.unicodeScalars.contains { $0.value <= 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" }
    }
}

/// A format's documentation as entered after it took place.
public enum FormatDocumentationInput {
    public static func validate(summary: String, participants: String, attachments: String) throws(ValidationFailure)
        -> Format.Documentation
    {
        var v = Validator()
        let summary = summary.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        if !(10...20_000).contains(summary.count) { v.add("summary", "error.format.summary") }
        let count = Int(participants.trimmingWhitespace())
        if count == nil || !(0...100_000).contains(count!) { v.add("participants", "error.format.participants") }
        let attachments = attachments.replacingOccurrences(of: "\r\n", with: "\n").trimmingWhitespace()
        if attachments.count > 20_000 { v.add("attachments", "error.format.attachments") }
        try v.finish()
        return Format.Documentation(summary: summary, participants: count!, attachments: attachments)
    }
}
