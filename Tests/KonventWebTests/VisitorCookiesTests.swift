import HTTPTypes
@testable import KonventWeb
import Testing

@Suite("The visitor's cookies, read in one pass")
struct VisitorCookiesTests {
    @Test("finds the three names among others, keeps '=' inside a value, the first of a name counts")
    func parses() {
        var fields = HTTPFields()
        fields.append(HTTPField(name: .cookie, value: "other=1; konvent_lang=en;konvent_csrf=ab=c; konvent_lang=de"))
        fields.append(HTTPField(name: .cookie, value: "konvent_session=s1; konvent_csrf=later"))
        #expect(VisitorCookies(fields) == VisitorCookies(session: "s1", csrf: "ab=c", language: "en"))
    }

    @Test("a name that only ends or begins like one of ours, a pair without '=', no header: nothing")
    func ignores() {
        var fields = HTTPFields()
        fields.append(HTTPField(name: .cookie, value: "xkonvent_lang=en; konvent_csrf_old=1; konvent_session; =x"))
        #expect(VisitorCookies(fields) == VisitorCookies())
        #expect(VisitorCookies(HTTPFields()) == VisitorCookies())
    }

    @Test("an empty value is kept as empty (the session lookup skips it)")
    func empty() {
        var fields = HTTPFields()
        fields.append(HTTPField(name: .cookie, value: "konvent_session=; konvent_lang=en"))
        #expect(VisitorCookies(fields) == VisitorCookies(session: "", language: "en"))
    }
}
