// Measures with their content (JSON, one version per saved change), the ministries they are assigned
// to, the contributions they came from, the steps of their review, and the numbering of codes.
let m004Measures = Migration(version: 4, name: "measures, versions, sources, review steps") { d in
    [
        """
        CREATE TABLE measures (
            id \(d.id),
            code TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            content TEXT NOT NULL,
            state TEXT NOT NULL,
            state_reason TEXT,
            public INTEGER NOT NULL,
            version INTEGER NOT NULL,
            lead_ministry TEXT,
            sources_count INTEGER NOT NULL DEFAULT 0,
            created_by \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX measures_public ON measures (public, code)",
        "CREATE INDEX measures_state ON measures (state, code)",
        """
        CREATE TABLE measure_fields (
            field_key TEXT NOT NULL,
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            PRIMARY KEY (field_key, measure_id)
        )
        """,
        "CREATE INDEX measure_fields_measure ON measure_fields (measure_id)",
        """
        CREATE TABLE measure_ministries (
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            ministry TEXT NOT NULL,
            lead INTEGER NOT NULL,
            PRIMARY KEY (measure_id, ministry)
        )
        """,
        "CREATE INDEX measure_ministries_ministry ON measure_ministries (ministry, measure_id)",
        """
        CREATE TABLE measure_sources (
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            contribution_id \(d.reference) NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
            note TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (measure_id, contribution_id)
        )
        """,
        "CREATE INDEX measure_sources_contribution ON measure_sources (contribution_id)",
        """
        CREATE TABLE measure_versions (
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            content TEXT NOT NULL,
            actor_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (measure_id, version)
        )
        """,
        """
        CREATE TABLE measure_events (
            id \(d.id),
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            from_state TEXT NOT NULL,
            to_state TEXT NOT NULL,
            step TEXT NOT NULL,
            reason TEXT,
            actor_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            created_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX measure_events_measure ON measure_events (measure_id, id)",
        // What a measure event says on the timeline of its source contributions (the measure's new state).
        "ALTER TABLE contribution_events ADD COLUMN detail TEXT",
        """
        CREATE TABLE measure_codes (
            prefix TEXT PRIMARY KEY,
            last_number INTEGER NOT NULL
        )
        """,
    ]
}
