// A measure's own field of action is the first its content names (the plan prints it there). Tables
// that count per field count each measure once, under its own field, so that the totals over all
// fields are the number of measures; the rows of further fields stay for filtering.
let m007MainField = Migration(version: 7, name: "a measure's own field of action") { d in
    [
        "ALTER TABLE measure_fields ADD COLUMN main INTEGER NOT NULL DEFAULT 0",
        """
        UPDATE measure_fields SET main = 1
        WHERE field_key = (SELECT \(d.firstElement(ofJSON: "m.content", array: "fields")) FROM measures m WHERE m.id = measure_fields.measure_id)
        """,
        "CREATE INDEX measure_fields_main ON measure_fields (measure_id, main)",
    ]
}
