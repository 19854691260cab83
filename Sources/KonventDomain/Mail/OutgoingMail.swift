/// A mail to one recipient, written in their language, queued in the outbox inside the
/// transaction that causes it.
public struct OutgoingMail: Sendable, Equatable {
    public var recipient: EmailAddress
    public var subject: String
    public var body: String
    /// Files sent along, such as the calendar entry of a format.
    public var attachments: [MailAttachment]
    /// Where the recipient stops mails of this kind (sent as `List-Unsubscribe`), for list mail.
    public var listUnsubscribe: String?

    public init(recipient: EmailAddress, subject: String, body: String, attachments: [MailAttachment] = [], listUnsubscribe: String? = nil) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.attachments = attachments
        self.listUnsubscribe = listUnsubscribe
    }
}

/// A text file attached to a mail (the outbox keeps it as it is; the mail carries it in base64).
public struct MailAttachment: Sendable, Equatable, Codable {
    public var filename: String
    /// For example `text/calendar; method=PUBLISH`.
    public var contentType: String
    public var text: String

    public init(filename: String, contentType: String, text: String) {
        self.filename = filename
        self.contentType = contentType
        self.text = text
    }
}
