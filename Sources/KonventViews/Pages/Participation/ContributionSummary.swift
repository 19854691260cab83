import Foundation
import KonventDomain

/// How a contribution is named in lists: title as link, kind, fields, place, date and counts.
enum ContributionSummary {
    static func item(_ contribution: Contribution, _ region: RegionConfiguration, _ t: Translator) -> Node {
        el("article", .class("contribution-summary")) {
            el("h3") { el("a", .href(Site.Contributions.page(contribution.id))) { contribution.title } }
            el("p", .class("meta")) {
                el("span", .class("tag")) { t(contribution.kind.catalogKey) }
                " "
                fieldNames(contribution, region, t).joined(separator: ", ")
                " · "
                placeName(contribution, region)
                " · "
                el("time", .datetime(isoDate(contribution.createdAt))) { t.date(iso: isoDate(contribution.createdAt)) }
            }
            el("p", .class("counts")) {
                t("contribution.supports", ["count": t.number(contribution.supportCount)])
                " · "
                t("contribution.comments", ["count": t.number(contribution.commentCount)])
                if let format = contribution.formatTitle {
                    " · "
                    t("contribution.fromFormat", ["format": format])
                }
            }
        }
    }

    static func fieldNames(_ contribution: Contribution, _ region: RegionConfiguration, _ t: Translator) -> [String] {
        contribution.fields.compactMap { key in region.fieldOfAction(key)?.name[t.language] }
    }

    static func placeName(_ contribution: Contribution, _ region: RegionConfiguration) -> String {
        placeName(district: contribution.districtKey, municipality: contribution.municipalityKey, region)
    }

    static func placeName(district districtKey: String, municipality municipalityKey: String?, _ region: RegionConfiguration) -> String {
        region.placeName(district: districtKey, municipality: municipalityKey)
    }

    static func isoDate(_ date: Date) -> String {
        CalendarDate.iso(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }
}
