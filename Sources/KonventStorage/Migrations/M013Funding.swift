// Where the money of adopted measures stands: each financing line (opened at adoption from the
// adopted plan) with its status and approved and paid sums, and the steps that moved it.
let m013Funding = Migration(version: 13, name: "funding lines and their steps") { d in
    [
        """
        CREATE TABLE funding_lines (
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            line_index INTEGER NOT NULL,
            source TEXT NOT NULL,
            programme TEXT NOT NULL,
            programme_key TEXT,
            planned BIGINT NOT NULL,
            status TEXT NOT NULL,
            status_date TEXT,
            approved BIGINT NOT NULL DEFAULT 0,
            paid BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (measure_id, line_index)
        )
        """,
        "CREATE INDEX funding_lines_programme ON funding_lines (programme_key, status)",
        """
        CREATE TABLE funding_steps (
            id \(d.id),
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            line_index INTEGER NOT NULL,
            status TEXT NOT NULL,
            step_date TEXT NOT NULL,
            amount BIGINT,
            author_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            created_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX funding_steps_measure ON funding_steps (measure_id, line_index, id)",
    ] + ["funding_lines", "funding_steps"].flatMap { DataArea.versionTriggers(on: $0, area: .measures, d.kind) }
}
