// One number per data area, raised by every transaction that changes one of its tables, so that
// caches key by the numbers they read instead of being forgotten by hand (see `DataArea`).
// SQLite raises the row in a trigger (its one writer serialises them anyway); PostgreSQL's
// statement triggers only note the area in the transaction, and `PostgresDatabase.write` raises the
// rows in a fixed order before the commit, so that transactions never deadlock on them.
let m009DataVersions = Migration(version: 9, name: "data versions per area") { d in
    var statements = [
        "CREATE TABLE data_versions (area TEXT PRIMARY KEY, version BIGINT NOT NULL)",
    ]
    statements += DataArea.allCases.map { "INSERT INTO data_versions (area, version) VALUES ('\($0.rawValue)', 1)" }
    if d.kind == .postgres {
        statements.append("""
            CREATE FUNCTION konvent_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE noted TEXT := coalesce(current_setting('konvent.touched', true), '');
            BEGIN
                IF position(',' || TG_ARGV[0] || ',' IN noted || ',') = 0 THEN
                    PERFORM set_config('konvent.touched', noted || ',' || TG_ARGV[0], true);
                END IF;
                RETURN NULL;
            END
            $$
            """)
    }
    for area in DataArea.allCases {
        for table in area.tables where !DataArea.tablesAfterVersion9.contains(table) {
            statements += DataArea.versionTriggers(on: table, area: area, d.kind)
        }
    }
    return statements
}

extension DataArea {
    /// Tables that later migrations create; each of those adds the triggers for its own tables.
    static let tablesAfterVersion9: Set<String> = ["contribution_versions", "progress_reports", "milestones", "indicator_values", "funding_lines", "funding_steps", "measure_districts", "themes",
                                                      "contribution_themes"]

    /// The triggers that raise the area's number when the table changes.
    static func versionTriggers(on table: String, area: DataArea, _ kind: DatabaseKind) -> [String] {
        switch kind {
        case .sqlite:
            ["INSERT", "UPDATE", "DELETE"].map { event in
                """
                CREATE TRIGGER \(table)_\(event.lowercased())_version AFTER \(event) ON \(table)
                BEGIN UPDATE data_versions SET version = version + 1 WHERE area = '\(area.rawValue)'; END
                """
            }
        case .postgres:
            ["""
                CREATE TRIGGER \(table)_version AFTER INSERT OR UPDATE OR DELETE ON \(table)
                FOR EACH STATEMENT EXECUTE FUNCTION konvent_note_change('\(area.rawValue)')
                """]
        }
    }
}
