// People who follow a measure itself, not only the contributions it came from, and what they are
// told: its stages and decisions and its published progress. A notice stands on its own (the
// measure, what happened, when), since a measure's news need not touch any contribution's timeline.
let m016MeasureFollows = Migration(version: 16, name: "followers of measures and their notices") { d in
    [
        """
        CREATE TABLE measure_follows (
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            user_id \(d.reference) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (measure_id, user_id)
        )
        """,
        "CREATE INDEX measure_follows_user ON measure_follows (user_id, created_at)",
        """
        CREATE TABLE measure_notices (
            id \(d.id),
            user_id \(d.reference) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL,
            reason TEXT,
            created_at BIGINT NOT NULL,
            mailed_at BIGINT
        )
        """,
        "CREATE INDEX measure_notices_user ON measure_notices (user_id, id)",
        "CREATE INDEX measure_notices_unmailed ON measure_notices (mailed_at, user_id)",
    ]
}
