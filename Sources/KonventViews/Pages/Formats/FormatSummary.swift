import KonventDomain

/// A format's times in the region's zone, worked out by the web layer (the views do no time-zone math).
public struct FormatTimes: Sendable {
    public var start: LocalDateTime
    public var end: LocalDateTime

    public init(start: LocalDateTime, end: LocalDateTime) {
        self.start = start
        self.end = end
    }
}

/// How a format is named in lists and on its page.
enum FormatSummary {
    static func item(_ format: Format, _ times: FormatTimes, _ region: RegionConfiguration, _ t: Translator) -> Node {
        el("article", .class("format-summary")) {
            el("h3") { el("a", .href(Site.Formats.page(format.id))) { format.title } }
            el("p", .class("meta")) {
                el("span", .class("tag")) { t(format.kind.catalogKey) }
                " "
                when(times, t)
                " · "
                ContributionSummary.placeName(district: format.districtKey, municipality: format.municipalityKey, region)
            }
            el("p", .class("counts")) { seats(format, t) }
        }
    }

    static func when(_ times: FormatTimes, _ t: Translator) -> Node {
        let sameDay = times.start.isoDate == times.end.isoDate
        return .fragment([
            el("time", .datetime(times.start.description)) { "\(t.date(iso: times.start.isoDate)), \(times.start.clock)" },
            .text("–"),
            el("time", .datetime(times.end.description)) {
                sameDay ? t("format.clock", ["time": times.end.clock]) : "\(t.date(iso: times.end.isoDate)), \(times.end.clock)"
            },
        ])
    }

    static func seats(_ format: Format, _ t: Translator) -> String {
        guard let capacity = format.capacity else {
            return t("format.seats.open", ["registered": t.number(format.registeredCount)])
        }
        var text = t("format.seats", ["registered": t.number(format.registeredCount), "count": t.number(capacity)])
        if format.waitlistCount > 0 { text += " · " + t("format.waitlist", ["count": t.number(format.waitlistCount)]) }
        return text
    }
}
