/// The rules an account's fields must satisfy, shared by the web forms and the CLI.
public enum AccountRules {
    public static let minimumPasswordLength = 12
    /// Bcrypt reads at most 72 bytes; longer passwords would be silently cut, so they are refused.
    public static let maximumPasswordBytes = 72
    public static let maximumDisplayNameLength = 80

    public static func password(_ raw: String, field: String = "password") throws(FieldError) -> String {
        if raw.count < minimumPasswordLength { throw FieldError(field: field, messageKey: "error.password.short") }
        if raw.utf8.count > maximumPasswordBytes { throw FieldError(field: field, messageKey: "error.password.long") }
        return raw
    }

    public static func displayName(_ raw: String) throws(FieldError) -> String {
        let name = raw.trimmingWhitespace()
        if name.isEmpty { throw FieldError(field: "displayName", messageKey: "error.displayName.missing") }
        if name.count > maximumDisplayNameLength { throw FieldError(field: "displayName", messageKey: "error.displayName.long") }
        if name.contains(where: \.isASCIIControl) { throw FieldError(field: "displayName", messageKey: "error.displayName.invalid") }
        return name
    }
}

/// A checked registration, ready to be stored once the password is hashed.
public struct Registration: Sendable, Equatable {
    public var email: EmailAddress
    public var displayName: String
    public var password: String
    public var language: Language

    public static func validate(
        email: String, displayName: String, password: String, passwordRepeat: String, acceptedTerms: Bool,
        language: Language
    ) throws(ValidationFailure) -> Registration {
        var v = Validator()
        let mail = v.check("email") { () throws(FieldError) in try EmailAddress(email) }
        let name = v.check("displayName") { () throws(FieldError) in try AccountRules.displayName(displayName) }
        let pass = v.check("password") { () throws(FieldError) in try AccountRules.password(password) }
        if pass != nil, password != passwordRepeat { v.add("passwordRepeat", "error.password.mismatch") }
        if !acceptedTerms { v.add("acceptPrivacy", "error.privacy.required") }
        try v.finish()
        return Registration(email: mail!, displayName: name!, password: pass!, language: language)
    }
}
