import KonventStorage
import Logging
import ServiceLifecycle

/// Sends what waits in the outbox, with retries and back-off. Without SMTP the mails stay in the
/// outbox and are written to the log, so that a local demo can still follow a confirmation link.
public struct MailDelivery: Service {
    let outbox: Outbox
    let client: SMTPClient?
    let interval: Duration
    let logger: Logger
    /// Runs before each round, to turn due notifications into mails.
    let prepare: @Sendable () async throws -> Void

    public init(
        outbox: Outbox, client: SMTPClient?, interval: Duration, logger: Logger,
        prepare: @escaping @Sendable () async throws -> Void = {}
    ) {
        self.outbox = outbox
        self.client = client
        self.interval = interval
        self.logger = logger
        self.prepare = prepare
    }

    public func run() async throws {
        if client == nil {
            logger.notice("KONVENT_SMTP_URL is not set: mails stay in the outbox and are written to this log")
        }
        var lastLogged: Int64 = 0
        // Each round after a pause, the first one too: a test that delivers by itself (with a long
        // interval) then never races this loop for a mail.
        // A cancelled task ends too (a service group cancels the others when one fails): the sleep
        // would return at once, and the loop would spin, logging a CancellationError each time.
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            guard !Task.isShuttingDownGracefully, !Task.isCancelled else { break }
            do { try await prepare() } catch { logger.error("notifications not queued", metadata: ["error": "\(databaseErrorDescription(error) ?? "\(error)")"]) }
            if client == nil {
                lastLogged = await logPending(after: lastLogged)
            } else {
                await deliverDue()
            }
        }
    }

    /// Tries every due mail once; returns how many were delivered.
    @discardableResult
    public func deliverDue() async -> Int {
        guard let client else { return 0 }
        var delivered = 0
        do {
            for queued in try await outbox.claim() {
                do {
                    try await client.send(queued.mail)
                    try await outbox.markSent(queued.id)
                    delivered += 1
                    logger.info("mail delivered", metadata: ["outbox_id": "\(queued.id)"])
                } catch {
                    try await outbox.markFailed(queued.id, attempts: queued.attempts, error: "\(error)")
                    logger.warning("mail delivery failed", metadata: [
                        "outbox_id": "\(queued.id)", "attempt": "\(queued.attempts + 1)", "error": "\(error)",
                    ])
                }
            }
        } catch {
            logger.error("outbox unreadable", metadata: ["error": "\(databaseErrorDescription(error) ?? "\(error)")"])
        }
        return delivered
    }

    private func logPending(after lastLogged: Int64) async -> Int64 {
        guard let due = try? await outbox.due(limit: 100) else { return lastLogged }
        var last = lastLogged
        for queued in due where queued.id > lastLogged {
            // The body (links with tokens among it) only at debug level: an operator's log is no mailbox.
            logger.info("mail kept in outbox (no SMTP configured)", metadata: [
                "outbox_id": "\(queued.id)", "to": "\(queued.mail.recipient)", "subject": "\(queued.mail.subject)",
            ])
            logger.debug("mail body", metadata: ["outbox_id": "\(queued.id)", "body": "\(queued.mail.body)"])
            last = max(last, queued.id)
        }
        return last
    }
}
