// After adoption: dated progress reports (submitted, then published by the office; a correction
// replaces a report and keeps it), milestones with planned and actual days, indicator values over
// time (corrections as for reports), and the organisation that carries a measure, whose confirmed
// members report for it. A correction replaces its report once it is published.
let m012Implementation = Migration(version: 12, name: "implementation: progress, milestones, indicator values") { d in
    [
        "ALTER TABLE measures ADD COLUMN sponsor_organisation_id \(d.reference) REFERENCES organisations (id) ON DELETE SET NULL",
        // The latest published report's status, percent and day, kept with the measure for the overview's filters.
        "ALTER TABLE measures ADD COLUMN progress_status TEXT",
        "ALTER TABLE measures ADD COLUMN progress_percent INTEGER",
        "ALTER TABLE measures ADD COLUMN progress_date TEXT",
        "CREATE INDEX measures_progress ON measures (progress_status, code_prefix, code_number)",
        """
        CREATE TABLE progress_reports (
            id \(d.id),
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            report_date TEXT NOT NULL,
            status TEXT NOT NULL,
            percent INTEGER NOT NULL,
            body TEXT NOT NULL,
            links TEXT NOT NULL,
            author_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            published_at BIGINT,
            replaces_id \(d.reference) REFERENCES progress_reports (id) ON DELETE SET NULL,
            replaced_by_id \(d.reference) REFERENCES progress_reports (id) ON DELETE SET NULL,
            created_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX progress_reports_measure ON progress_reports (measure_id, report_date, id)",
        "CREATE INDEX progress_reports_unpublished ON progress_reports (published_at, id)",
        """
        CREATE TABLE milestones (
            id \(d.id),
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            planned TEXT NOT NULL,
            actual TEXT,
            created_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX milestones_measure ON milestones (measure_id, planned, id)",
        "CREATE INDEX milestones_open ON milestones (actual, planned, id)",
        """
        CREATE TABLE indicator_values (
            id \(d.id),
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            indicator TEXT NOT NULL,
            value_date TEXT NOT NULL,
            value DOUBLE PRECISION NOT NULL,
            source TEXT NOT NULL,
            author_id \(d.reference) REFERENCES users (id) ON DELETE SET NULL,
            replaces_id \(d.reference) REFERENCES indicator_values (id) ON DELETE SET NULL,
            replaced_by_id \(d.reference) REFERENCES indicator_values (id) ON DELETE SET NULL,
            created_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX indicator_values_measure ON indicator_values (measure_id, indicator, value_date, id)",
    ] + ["progress_reports", "milestones", "indicator_values"].flatMap { DataArea.versionTriggers(on: $0, area: .measures, d.kind) }
}
