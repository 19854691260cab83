import KonventDomain
import KonventViews
import Testing

@Suite("Page layout")
struct LayoutTests {
    let catalog = try! Catalog.bundled()

    func context(_ language: Language = .de, user: PageContext.SignedIn? = nil) -> PageContext {
        PageContext(t: catalog.translator(language), siteName: "Testregion", path: "/login", user: user,
                    csrfToken: "tok\"en", assetVersion: "v1")
    }

    func html(_ language: Language = .de, user: PageContext.SignedIn? = nil) -> String {
        String(decoding: LoginPage.render(.init(email: "a@b.de\"", errors: [FieldError(field: "email", messageKey: "error.login.failed")]),
                                          context(language, user: user)), as: UTF8.self)
    }

    @Test func landmarksSkipLinkAndOneHeading() {
        let page = html()
        #expect(page.hasPrefix("<!DOCTYPE html><html lang=\"de\">"))
        #expect(page.contains("<a class=\"skip-link\" href=\"#main\">Zum Inhalt springen</a>"))
        #expect(page.contains("<header") && page.contains("<main id=\"main\"") && page.contains("<footer"))
        #expect(page.components(separatedBy: "<h1").count == 2)
        #expect(!page.contains("<script>"), "no inline script")
        #expect(!page.contains("style=\""), "no inline style")
    }

    @Test func errorSummaryLinksToTheField() {
        let page = html()
        #expect(page.contains("<a href=\"#field-email\">Die E-Mail-Adresse oder das Passwort ist nicht richtig.</a>"))
        #expect(page.contains("id=\"field-email\""))
        #expect(page.contains("aria-invalid=\"true\""))
        #expect(page.contains("aria-describedby=\"field-email-error\""))
        #expect(page.contains("<label for=\"field-email\">"))
    }

    @Test func formsCarryTheEscapedCSRFToken() {
        let page = html()
        #expect(page.contains("<input type=\"hidden\" name=\"_csrf\" value=\"tok&quot;en\">"))
        #expect(page.contains("value=\"a@b.de&quot;\""))
    }

    @Test func englishAndLanguageSwitch() {
        let page = html(.en)
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("Skip to content"))
        #expect(page.contains("href=\"/language?to=de&amp;back=/login\" lang=\"de\""))
    }

    @Test func signedInHeaderOffersLogoutAsAForm() {
        let page = html(user: .init(displayName: "Anna <3", role: .participant))
        #expect(page.contains("Mein Konto (Anna &lt;3)"))
        #expect(page.contains("<form method=\"post\" action=\"/logout\""))
    }
}
