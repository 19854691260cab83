import KonventDomain

/// A notice to a measure's follower in words: "Neuer Stand: Beschlossen" or "Neuer Bericht zur
/// Umsetzung: Im Plan, 35 %", with the reason given.
public enum MeasureNoticeText {
    public static func plain(_ notice: MeasureNotice, region: RegionConfiguration?, _ t: Translator) -> String {
        var text = switch notice.kind {
        case .state:
            t("measureNotice.state", ["state": MeasureState(notice.detail).map { MeasureStateName.name($0, region, t) } ?? notice.detail])
        case .progress:
            t("measureNotice.progress") + TimelineText.progressDetail(detail: notice.detail, t)
        }
        if let reason = notice.reason, !reason.isEmpty { text += " – \(reason)" }
        return text
    }

    /// Where the notice points: the measure, or its implementation section.
    public static func target(_ notice: MeasureNotice) -> String {
        Site.Measures.page(notice.measureID) + (notice.kind == .progress ? "#implementation" : "")
    }
}
