// The review of measures: each pass through the review is a round; in it, assessments per stage and
// assessor, the way each stage ended (an outcome with reasons, conditions and a vote), the
// co-ministries' confirmations of an agreed opinion, and the sessions of the bodies with their agendas.
let m005Review = Migration(version: 5, name: "assessments, conclusions, sessions") { d in
    [
        "ALTER TABLE measures ADD COLUMN round INTEGER NOT NULL DEFAULT 0",
        // When the current stage began, for due dates; null outside review.
        "ALTER TABLE measures ADD COLUMN stage_started_at BIGINT",
        // Codes sort by prefix, then number (WT-9 before WT-10); lists page by that key.
        "ALTER TABLE measures ADD COLUMN code_prefix TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE measures ADD COLUMN code_number INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX measures_public_order ON measures (public, code_prefix, code_number)",
        "CREATE INDEX measures_order ON measures (code_prefix, code_number)",
        "CREATE INDEX measures_state_started ON measures (state, stage_started_at)",
        """
        CREATE TABLE assessments (
            id \(d.id),
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            round INTEGER NOT NULL,
            stage TEXT NOT NULL,
            assessor TEXT NOT NULL,
            measure_version INTEGER NOT NULL,
            content TEXT NOT NULL,
            author_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            UNIQUE (measure_id, round, stage, assessor)
        )
        """,
        "CREATE INDEX assessments_assessor ON assessments (assessor, updated_at)",
        """
        CREATE TABLE conclusions (
            id \(d.id),
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            round INTEGER NOT NULL,
            stage TEXT NOT NULL,
            outcome TEXT NOT NULL,
            reasons TEXT NOT NULL,
            conditions TEXT NOT NULL,
            voting TEXT,
            votes_yes INTEGER,
            votes_no INTEGER,
            votes_abstain INTEGER,
            session_id BIGINT,
            author_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            drafted_at BIGINT NOT NULL,
            concluded_at BIGINT,
            UNIQUE (measure_id, round, stage)
        )
        """,
        """
        CREATE TABLE confirmations (
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            round INTEGER NOT NULL,
            stage TEXT NOT NULL,
            ministry TEXT NOT NULL,
            user_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (measure_id, round, stage, ministry)
        )
        """,
        """
        CREATE TABLE body_sessions (
            id \(d.id),
            body TEXT NOT NULL,
            title TEXT NOT NULL,
            starts_at BIGINT NOT NULL,
            ends_at BIGINT NOT NULL,
            place TEXT NOT NULL,
            participants TEXT NOT NULL,
            chair_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            minutes TEXT NOT NULL,
            published_at BIGINT,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX body_sessions_starts ON body_sessions (starts_at, id)",
        """
        CREATE TABLE agenda_items (
            id \(d.id),
            session_id \(d.reference) NOT NULL REFERENCES body_sessions (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            measure_id \(d.reference) REFERENCES measures (id) ON DELETE SET NULL,
            outcome TEXT,
            decision TEXT NOT NULL DEFAULT '',
            conditions TEXT NOT NULL DEFAULT '',
            voting TEXT,
            votes_yes INTEGER,
            votes_no INTEGER,
            votes_abstain INTEGER,
            decided_at BIGINT,
            UNIQUE (session_id, position)
        )
        """,
        "CREATE INDEX session_items_measure ON agenda_items (measure_id)",
    ]
}
