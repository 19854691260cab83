// Formats with registrations and a waitlist; where a contribution came from and its project profile;
// merging, following, reports for moderation; each contribution's timeline and each person's
// notifications (sent at once or as a daily digest).
let m003Formats = Migration(version: 3, name: "formats, registrations, timeline, follows, reports, notifications") { d in
    [
        """
        CREATE TABLE formats (
            id \(d.id),
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            field_keys TEXT NOT NULL,
            district_key TEXT NOT NULL,
            municipality_key TEXT,
            place TEXT NOT NULL,
            online_url TEXT,
            starts_at BIGINT NOT NULL,
            ends_at BIGINT NOT NULL,
            capacity INTEGER,
            facilitator_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            registered_count INTEGER NOT NULL DEFAULT 0,
            waitlist_count INTEGER NOT NULL DEFAULT 0,
            contributions_count INTEGER NOT NULL DEFAULT 0,
            documentation TEXT,
            participants INTEGER,
            attachments TEXT,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX formats_start ON formats (starts_at, id)",
        "CREATE INDEX formats_district ON formats (district_key, starts_at, id)",
        "CREATE INDEX formats_kind ON formats (kind, starts_at, id)",
        "CREATE INDEX formats_facilitator ON formats (facilitator_id, starts_at)",
        """
        CREATE TABLE format_fields (
            field_key TEXT NOT NULL,
            format_id \(d.reference) NOT NULL REFERENCES formats (id) ON DELETE CASCADE,
            PRIMARY KEY (field_key, format_id)
        )
        """,
        "CREATE INDEX format_fields_format ON format_fields (format_id)",
        """
        CREATE TABLE format_registrations (
            format_id \(d.reference) NOT NULL REFERENCES formats (id) ON DELETE CASCADE,
            user_id \(d.reference) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (format_id, user_id)
        )
        """,
        "CREATE INDEX format_registrations_queue ON format_registrations (format_id, status, created_at)",
        "CREATE INDEX format_registrations_user ON format_registrations (user_id)",
        "ALTER TABLE contributions ADD COLUMN format_id \(d.reference) REFERENCES formats (id) ON DELETE SET NULL",
        "ALTER TABLE contributions ADD COLUMN profile TEXT",
        "ALTER TABLE contributions ADD COLUMN merged_into_id \(d.reference) REFERENCES contributions (id) ON DELETE SET NULL",
        "ALTER TABLE contributions ADD COLUMN followers_count INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX contributions_format ON contributions (format_id, created_at, id)",
        "CREATE INDEX contributions_municipality ON contributions (municipality_key, listed, created_at, id)",
        "CREATE INDEX contributions_status ON contributions (status, created_at, id)",
        "CREATE INDEX contributions_organisation ON contributions (organisation_id, listed)",
        """
        CREATE TABLE contribution_follows (
            contribution_id \(d.reference) NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
            user_id \(d.reference) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (contribution_id, user_id)
        )
        """,
        "CREATE INDEX contribution_follows_user ON contribution_follows (user_id)",
        """
        CREATE TABLE contribution_events (
            id \(d.id),
            contribution_id \(d.reference) NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            status TEXT,
            reason TEXT,
            related_id BIGINT,
            actor_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            created_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX contribution_events_timeline ON contribution_events (contribution_id, id)",
        """
        CREATE TABLE notifications (
            id \(d.id),
            user_id \(d.reference) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            event_id \(d.reference) NOT NULL REFERENCES contribution_events (id) ON DELETE CASCADE,
            created_at BIGINT NOT NULL,
            mailed_at BIGINT
        )
        """,
        "CREATE INDEX notifications_user ON notifications (user_id, id)",
        "CREATE INDEX notifications_unmailed ON notifications (mailed_at, user_id)",
        "ALTER TABLE users ADD COLUMN notify TEXT NOT NULL DEFAULT 'immediately'",
        """
        CREATE TABLE reports (
            id \(d.id),
            contribution_id \(d.reference) NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
            comment_id \(d.reference) REFERENCES contribution_comments (id) ON DELETE CASCADE,
            reporter_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            reason TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            resolved_at BIGINT,
            resolved_by \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            resolution TEXT
        )
        """,
        "CREATE INDEX reports_open ON reports (resolved_at, id)",
    ]
}
