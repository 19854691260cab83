import KonventStorage

extension Services {
    /// Turns due notifications into mails in the outbox (at once, or as the daily digest).
    @discardableResult
    public func queueNotificationMails(at time: Timestamp) async throws -> Int {
        let mails = self.mails
        return try await notifications.queueDue(at: time) { recipient, mode, items in
            mails.notifications(recipient, mode: mode, items)
        }
    }
}
