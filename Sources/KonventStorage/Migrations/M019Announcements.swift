// Announcements of the office to the people who asked for them (double opt-in), sent through the
// outbox in batches; every mail carries a List-Unsubscribe header, kept with it in the outbox.
let m019Announcements = Migration(version: 19, name: "announcements and their subscribers") { d in
    [
        """
        CREATE TABLE announcement_subscribers (
            user_id \(d.reference) PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
            requested_at BIGINT NOT NULL,
            confirmed_at BIGINT
        )
        """,
        "CREATE INDEX announcement_subscribers_confirmed ON announcement_subscribers (confirmed_at, user_id)",
        """
        CREATE TABLE announcements (
            id \(d.id),
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            audience TEXT NOT NULL,
            recipients INTEGER NOT NULL DEFAULT 0,
            queued_after BIGINT NOT NULL DEFAULT 0,
            created_by \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            created_at BIGINT NOT NULL,
            sent_at BIGINT
        )
        """,
        "CREATE INDEX announcements_sent ON announcements (sent_at, id)",
        "ALTER TABLE outbox ADD COLUMN list_unsubscribe TEXT",
    ]
}
