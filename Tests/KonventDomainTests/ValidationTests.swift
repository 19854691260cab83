import KonventDomain
import Testing

@Suite("Account validation")
struct ValidationTests {
    @Test(arguments: ["anna@example.org", " Anna.B+tag@Example.ORG ", "ä@bücher.de", "a@b.co"])
    func acceptsAddresses(_ text: String) throws {
        let address = try EmailAddress(text)
        #expect(address.value == address.value.trimmingWhitespace())
        #expect(address.value.split(separator: "@")[1] == address.value.split(separator: "@")[1].lowercased())
    }

    @Test(arguments: ["", "anna", "anna@", "@example.org", "anna@example", "a b@example.org", "anna@@example.org",
                      "anna@example..org", "anna@-example.org", "anna@example.org\r\nBcc: x@y.z", "<a>@example.org"])
    func rejectsAddresses(_ text: String) {
        #expect(throws: FieldError.self) { try EmailAddress(text) }
    }

    @Test func lookupIgnoresCase() throws {
        #expect(try EmailAddress("Anna@Example.org").lookupKey == EmailAddress("anna@EXAMPLE.org").lookupKey)
    }

    @Test func passwordRules() throws {
        #expect(throws: FieldError(field: "password", messageKey: "error.password.short")) {
            try AccountRules.password("elf zeichen")
        }
        #expect(try AccountRules.password("zwölf zeichen") == "zwölf zeichen")
        #expect(throws: FieldError(field: "password", messageKey: "error.password.long")) {
            try AccountRules.password(String(repeating: "ä", count: 40))
        }
    }

    @Test("all problems of a registration are reported at once")
    func registrationCollectsErrors() {
        do {
            _ = try Registration.validate(
                email: "kaputt", displayName: "  ", password: "kurz", passwordRepeat: "kurz", acceptedTerms: false, language: .de)
            Issue.record("expected a validation failure")
        } catch {
            #expect(error.errors.map(\.field) == ["email", "displayName", "password", "acceptPrivacy"])
        }
    }

    @Test func registrationChecksRepeat() {
        #expect(throws: ValidationFailure([FieldError(field: "passwordRepeat", messageKey: "error.password.mismatch")])) {
            try Registration.validate(
                email: "a@example.org", displayName: "A", password: "lang genug 123", passwordRepeat: "lang genug 124",
                acceptedTerms: true, language: .de)
        }
    }

    @Test func displayNameRules() throws {
        #expect(try AccountRules.displayName("  Anna  ") == "Anna")
        #expect(throws: FieldError.self) { try AccountRules.displayName(String(repeating: "x", count: 81)) }
        #expect(throws: FieldError.self) { try AccountRules.displayName("Anna\u{7}") }
    }
}

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test(arguments: [(Int64(0), "1970-01-01"), (1_767_225_599_999, "2025-12-31"), (1_767_225_600_000, "2026-01-01"),
                      (951_782_400_000, "2000-02-29"), (-86_400_000, "1969-12-31"), (1_803_859_200_000, "2027-03-01")])
    func iso(milliseconds: Int64, expected: String) {
        #expect(CalendarDate.iso(milliseconds: milliseconds) == expected)
    }
}
