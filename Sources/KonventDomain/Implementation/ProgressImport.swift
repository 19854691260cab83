/// Progress for many measures at once from a CSV file: each row names a measure by its code and
/// carries a report (day, status, percent, text), an indicator value (indicator, value, source),
/// or both. Every row is checked as the forms check it; one bad row fails the whole file, and the
/// report names every bad line.
public enum ProgressImport {
    /// Column keys with the names a header may give them (German first, as the template writes them).
    public static let columns: [(key: String, names: [String])] = [
        ("code", ["kennung", "code"]), ("date", ["datum", "date"]), ("status", ["stand", "status"]), ("percent", ["prozent", "percent"]),
        ("text", ["bericht", "text"]), ("indicator", ["indikator", "indicator"]), ("value", ["wert", "value"]),
        ("source", ["quelle", "source"]),
    ]
    public static let requiredColumns = ["code", "date"]

    /// The template's header and one example row.
    public static func template(example code: String, indicator: String) -> [[String]] {
        [columns.map { $0.names[0].prefix(1).uppercased() + $0.names[0].dropFirst() },
         [code, "2027-03-31", "Im Plan", "25", "Die Arbeitsgruppe hat ihre Arbeit aufgenommen.", indicator, "12", "Statistik des Trägers"]]
    }

    public struct Item: Sendable, Equatable {
        public var line: Int
        public var code: String
        public var report: ProgressDraft?
        public var value: IndicatorValueDraft?
    }

    /// `facts` gives what is known of the measure with a code (nil: no such measure, or not one the
    /// importer may report for).
    public static func items(
        fromCSV bytes: [UInt8], facts: (String) -> ImplementationFacts?
    ) -> Result<[Item], ResultImport.Report> {
        let table: CSVTable
        do { table = try CSVTable.parse(bytes) } catch {
            return .failure(ResultImport.Report([ResultImport.fileProblem(error)]))
        }
        var errors: [ResultImport.LineError] = []
        var keys: [String?] = []
        for (column, written) in zip(table.header, table.headerAsWritten) {
            let key = columns.first { $0.names.contains(column) }?.key
            if key == nil { errors.append(.init(line: 1, messageKey: "import.error.unknownColumn", values: ["column": written])) }
            keys.append(key)
        }
        for column in requiredColumns where !keys.contains(column) {
            let name = columns.first { $0.key == column }!.names[0]
            errors.append(.init(line: 1, messageKey: "import.error.missingColumn", values: ["column": name]))
        }
        if !errors.isEmpty { return .failure(ResultImport.Report(errors)) }
        if table.rows.isEmpty { return .failure(ResultImport.Report([.init(line: 2, messageKey: "import.error.noRows")])) }
        var items: [Item] = []
        // Reports of one measure follow each other: a later row is checked after the earlier ones.
        var known: [String: ImplementationFacts] = [:]
        for record in table.rows {
            guard record.cells.count == keys.count else {
                errors.append(.init(line: record.line, messageKey: "import.error.cellCount",
                                    values: ["expected": String(keys.count), "found": String(record.cells.count)]))
                continue
            }
            var cells: [String: String] = [:]
            for (key, value) in zip(keys, record.cells) { if let key { cells[key] = value.trimmingWhitespace() } }
            func name(_ key: String) -> String {
                zip(keys, table.headerAsWritten).first { $0.0 == key }?.1 ?? key
            }
            func fail(_ problems: [FieldError], _ fields: [String: String]) {
                for problem in problems {
                    let key = fields[problem.field] ?? "code"
                    errors.append(.init(line: record.line, messageKey: problem.messageKey,
                                        values: ["column": name(key), "value": ResultImport.quoted(cells[key] ?? "")]))
                }
            }
            let code = cells["code", default: ""]
            // "wi-01" and "WI-01" are the same measure, also for the order of its rows.
            guard var facts = known[code.uppercased()] ?? facts(code) else {
                errors.append(.init(line: record.line, messageKey: "progress.error.code", values: ["column": name("code"), "value": ResultImport.quoted(code)]))
                continue
            }
            var item = Item(line: record.line, code: code)
            let reports = !(cells["status", default: ""] + cells["percent", default: ""] + cells["text", default: ""]).isEmpty
            let values = !(cells["indicator", default: ""] + cells["value", default: ""]).isEmpty
            if !reports && !values { errors.append(.init(line: record.line, messageKey: "progress.error.emptyRow")) }
            if reports {
                var input = ProgressInput()
                input.date = cells["date", default: ""]
                input.status = statusKey(cells["status", default: ""]) ?? cells["status", default: ""]
                input.percent = cells["percent", default: ""]
                input.text = cells["text", default: ""]
                do {
                    item.report = try input.validate(facts)
                    facts.latest = item.report?.status
                } catch {
                    fail(error.errors, ["date": "date", "status": "status", "percent": "percent", "text": "text", "measure": "code"])
                }
            }
            if values {
                var input = IndicatorValueInput()
                input.indicator = cells["indicator", default: ""]
                input.date = cells["date", default: ""]
                input.value = cells["value", default: ""]
                input.source = cells["source", default: ""].isEmpty ? "CSV-Import" : cells["source", default: ""]
                do {
                    item.value = try input.validate(facts)
                } catch {
                    fail(error.errors, ["indicator": "indicator", "valueDate": "date", "value": "value", "source": "source", "measure": "code"])
                }
            }
            known[code.uppercased()] = facts
            items.append(item)
        }
        return errors.isEmpty ? .success(items) : .failure(ResultImport.Report(errors))
    }

    /// A status by its key ("on_track") or its German or English name ("Im Plan", "on track").
    static func statusKey(_ text: String) -> String? {
        let text = text.trimmingWhitespace().lowercased()
        let names: [String: ProgressStatus] = [
            "geplant": .planned, "begonnen": .started, "im plan": .onTrack, "verzögert": .delayed, "verzoegert": .delayed,
            "gefährdet": .atRisk, "gefaehrdet": .atRisk, "abgeschlossen": .completed, "eingestellt": .stopped,
            "planned": .planned, "started": .started, "on track": .onTrack, "delayed": .delayed, "at risk": .atRisk,
            "completed": .completed, "stopped": .stopped,
        ]
        return (ProgressStatus(rawValue: text) ?? names[text])?.rawValue
    }
}
