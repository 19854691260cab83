/// A plain-text mail waiting to be sent. It is written to the outbox in the same transaction as
/// the change that causes it, so that a change never happens without its mail, or the reverse.
public struct OutgoingMail: Sendable, Equatable {
    public var recipient: EmailAddress
    public var subject: String
    public var body: String

    public init(recipient: EmailAddress, subject: String, body: String) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
    }
}
