// The districts a measure is placed in, for the implementation overview's filter and map: its
// territories are kept in the content's JSON, which neither database can filter by with an index.
// Municipalities count for their district (the first five digits of the official key). Rows for
// measures saved before this version are written at start (`SQLMeasureStore.indexMissingDistricts`).
let m015MeasureDistricts = Migration(version: 15, name: "the districts of measures") { d in
    [
        """
        CREATE TABLE measure_districts (
            district_key TEXT NOT NULL,
            measure_id \(d.reference) NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
            PRIMARY KEY (district_key, measure_id)
        )
        """,
        "CREATE INDEX measure_districts_measure ON measure_districts (measure_id)",
        "DELETE FROM settings WHERE key = 'measure_districts_indexed'",
    ] + DataArea.versionTriggers(on: "measure_districts", area: .measures, d.kind)
}
