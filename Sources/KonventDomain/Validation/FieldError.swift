/// One problem with one submitted field. `messageKey` names the explanation in the string catalog,
/// so that the web layer can say it in the visitor's language and link it to the field.
public struct FieldError: Sendable, Equatable, Error {
    public var field: String
    public var messageKey: String
    /// Words the message names, in each language (the criterion an error is about, say).
    public var values: [String: LocalizedText]

    public init(field: String, messageKey: String, values: [String: LocalizedText] = [:]) {
        self.field = field
        self.messageKey = messageKey
        self.values = values
    }
}

/// All problems of one submission at once, so that a form can list them together.
public struct ValidationFailure: Error, Sendable, Equatable {
    public var errors: [FieldError]

    public init(_ errors: [FieldError]) { self.errors = errors }

    public func message(for field: String) -> String? {
        errors.first { $0.field == field }?.messageKey
    }
}

/// Collects field errors while a form is checked, then either yields the value or throws them all.
public struct Validator {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func check<T>(_ field: String, _ body: () throws(FieldError) -> T) -> T? {
        do { return try body() } catch {
            errors.append(FieldError(field: field, messageKey: error.messageKey))
            return nil
        }
    }

    public mutating func add(_ field: String, _ messageKey: String, _ values: [String: LocalizedText] = [:]) {
        errors.append(FieldError(field: field, messageKey: messageKey, values: values))
    }

    public func finish() throws(ValidationFailure) {
        if !errors.isEmpty { throw ValidationFailure(errors) }
    }
}
