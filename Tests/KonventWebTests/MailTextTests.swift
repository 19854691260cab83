import Foundation
import KonventDomain
@testable import KonventStorage
import KonventTestSupport
@testable import KonventWeb
import KonventViews
import Testing

@Suite("The texts of mails")
struct MailTextTests {
    @Test("a digest never repeats a line, and counts the lines it has; a review stage is named, not „in Prüfung“")
    func digestLines() async throws {
        try await withApp { _, services in
            let mails = Mails(catalog: try Catalog.bundled(), region: services.region, baseURL: "https://konvent.test")
            let anna = Recipient(id: UserID(1), email: EmailAddress(trusted: "anna@example.org"), name: "Anna", language: .de)
            func news(_ id: Int64, _ state: String) -> PendingNotification {
                PendingNotification(
                    id: id, recipient: anna, mode: .daily,
                    event: TimelineEvent(id: id, contributionID: ContributionID(7), kind: .measure, status: nil, reason: nil, relatedID: 3,
                                         createdAt: 0, detail: state),
                    contributionTitle: "Rufbus am Wochenende")
            }
            let mail = mails.notifications(anna, mode: .daily, PendingNews(contributions: [
                news(1, "review:imag:assessing"), news(2, "review:imag:assessing"), news(3, "review:lenkungskreis:assessing"),
            ]))
            let lines = mail.body.split(separator: "\n").filter { $0.hasPrefix("- ") }
            #expect(lines == ["- Rufbus am Wochenende: Maßnahme: Prüfung durch die IMAG",
                              "- Rufbus am Wochenende: Maßnahme: Entscheidung im Lenkungskreis"])
            #expect(Set(lines).count == lines.count && lines.count == 2, "\(lines)")
            #expect(mail.subject == "2 Neuigkeiten zu Ihren Beiträgen")
            #expect(!mail.body.contains("in Prüfung"))
        }
    }

    @Test("a follower of a measure reads its code, title, new stage or report, and the link to it")
    func measureNotices() async throws {
        try await withApp { _, services in
            let mails = Mails(catalog: try Catalog.bundled(), region: services.region, baseURL: "https://konvent.test")
            let ben = Recipient(id: UserID(2), email: EmailAddress(trusted: "ben@example.org"), name: "Ben", language: .de)
            func notice(_ id: Int64, _ kind: MeasureNotice.Kind, _ detail: String, reason: String? = nil) -> MeasureNotice {
                MeasureNotice(id: id, measureID: MeasureID(4), code: "M-MO-02", title: "Rufbus im Erzgebirge", kind: kind, detail: detail,
                              reason: reason, createdAt: 0)
            }
            let single = mails.notifications(ben, mode: .immediately, PendingNews(measures: [notice(1, .progress, "on_track:40")]))
            #expect(single.subject == "Neuigkeiten zu „M-MO-02 Rufbus im Erzgebirge“")
            #expect(single.body.contains("- M-MO-02 Rufbus im Erzgebirge: Neuer Bericht zur Umsetzung: Im Plan, 40 %\n  https://konvent.test/measures/4#implementation"),
                    "\(single.body)")
            let digest = mails.notifications(ben, mode: .daily, PendingNews(measures: [
                notice(1, .state, "adopted", reason: "einstimmig"), notice(2, .progress, "delayed:10"),
            ]))
            #expect(digest.subject == "2 Neuigkeiten zu Beiträgen und Maßnahmen")
            #expect(digest.body.contains("- M-MO-02 Rufbus im Erzgebirge: Neuer Stand: beschlossen – einstimmig\n  https://konvent.test/measures/4\n"),
                    "\(digest.body)")
        }
    }
}
