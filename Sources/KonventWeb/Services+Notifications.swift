import KonventStorage

extension Services {
    /// Turns due notifications into mails in the outbox (at once, or as the daily digest).
    @discardableResult
    public func queueNotificationMails(at time: Timestamp) async throws -> Int {
        let mails = self.mails
        return try await notifications.queueDue(at: time) { recipient, mode, news in
            mails.notifications(recipient, mode: mode, news)
        }
    }

    /// How far ahead a format's reminder goes out: the day before.
    public static let reminderLead: Int64 = 24 * 60 * 60 * 1000

    /// Queues the reminders of the formats that start within the next day, once per registration.
    @discardableResult
    public func queueFormatReminders(at time: Timestamp) async throws -> Int {
        let mails = self.mails, clock = self.clock
        return try await formats.queueReminders(from: time, until: Timestamp(milliseconds: time.milliseconds + Self.reminderLead)) {
            mails.reminder($0, format: $1, times: clock.times($1))
        }
    }
}
