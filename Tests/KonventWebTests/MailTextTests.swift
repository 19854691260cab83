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
            let mail = mails.notifications(anna, mode: .daily, [news(1, "review:imag:assessing"), news(2, "review:imag:assessing"),
                                                                 news(3, "review:lenkungskreis:assessing")])
            let lines = mail.body.split(separator: "\n").filter { $0.hasPrefix("- ") }
            #expect(lines == ["- Rufbus am Wochenende: Maßnahme: Prüfung durch die IMAG",
                              "- Rufbus am Wochenende: Maßnahme: Entscheidung im Lenkungskreis"])
            #expect(Set(lines).count == lines.count && lines.count == 2, "\(lines)")
            #expect(mail.subject == "2 Neuigkeiten zu Ihren Beiträgen")
            #expect(!mail.body.contains("in Prüfung"))
        }
    }
}
