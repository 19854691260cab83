import KonventDomain
import SQLKit

public struct SQLFormatStore: FormatStore {
    let database: any KonventDatabase

    public init(database: any KonventDatabase) { self.database = database }

    static let columns = """
        f.id, f.kind, f.title, f.description, f.field_keys, f.district_key, f.municipality_key, f.place, f.online_url, f.bring,
        f.starts_at, f.ends_at, f.capacity, f.facilitator_id, f.registered_count, f.waitlist_count, f.contributions_count,
        f.documentation, f.participants, f.attachments, u.display_name AS facilitator_name
        """
    static let from = "FROM formats f LEFT JOIN users u ON u.id = f.facilitator_id"

    static func decode(_ row: any SQLRow) throws -> Format {
        var documentation: Format.Documentation?
        if let summary = try row.decode(column: "documentation", as: String?.self) {
            documentation = Format.Documentation(
                summary: summary, participants: try row.decode(column: "participants", as: Int?.self) ?? 0,
                attachments: try row.decode(column: "attachments", as: String?.self) ?? "")
        }
        var format = Format(
            id: FormatID(try row.decode(column: "id", as: Int64.self)),
            kind: Format.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .workshop,
            title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            fields: try row.decode(column: "field_keys", as: String.self).split(separator: ",").map(String.init),
            districtKey: try row.decode(column: "district_key", as: String.self),
            municipalityKey: try row.decode(column: "municipality_key", as: String?.self),
            place: try row.decode(column: "place", as: String.self),
            onlineURL: try row.decode(column: "online_url", as: String?.self),
            startsAt: try row.decode(column: "starts_at", as: Int64.self),
            endsAt: try row.decode(column: "ends_at", as: Int64.self),
            capacity: try row.decode(column: "capacity", as: Int?.self),
            facilitatorID: try row.decode(column: "facilitator_id", as: Int64?.self).map(UserID.init),
            facilitatorName: try row.decode(column: "facilitator_name", as: String?.self),
            registeredCount: try row.decode(column: "registered_count", as: Int.self),
            waitlistCount: try row.decode(column: "waitlist_count", as: Int.self),
            contributionCount: try row.decode(column: "contributions_count", as: Int.self),
            documentation: documentation)
        format.bring = try row.decode(column: "bring", as: String.self)
        return format
    }

    public func create(_ draft: FormatDraft, facilitator: UserID, actor: UserID, at time: Timestamp) async throws -> FormatID {
        try await database.write { db in
            let id = try await db.raw("""
                INSERT INTO formats (kind, title, description, field_keys, district_key, municipality_key, place, online_url,
                    starts_at, ends_at, capacity, facilitator_id, created_at, updated_at, bring)
                VALUES (\(bind: draft.kind.rawValue), \(bind: draft.title), \(bind: draft.description),
                    \(bind: draft.fields.joined(separator: ",")), \(bind: draft.districtKey), \(bind: draft.municipalityKey),
                    \(bind: draft.place), \(bind: draft.onlineURL), \(bind: draft.startsAt), \(bind: draft.endsAt),
                    \(bind: draft.capacity), \(bind: facilitator.rawValue), \(bind: time.milliseconds), \(bind: time.milliseconds),
                    \(bind: draft.bring))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await Self.replaceFields(draft.fields, of: id, in: db)
            try await AuditTrail.append(AuditEvent(actor: actor, action: "format.created", subject: "format:\(id)"), at: time, in: db)
            return FormatID(id)
        }
    }

    public func update(_ id: FormatID, _ draft: FormatDraft, facilitator: UserID?, actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard let row = try await db.raw("SELECT registered_count FROM formats WHERE id = \(bind: id.rawValue)").first() else {
                throw StorageError.notFound
            }
            // Fewer seats than people already seated would silently drop someone: refuse instead.
            if let capacity = draft.capacity, capacity < (try row.decode(column: "registered_count", as: Int.self)) {
                throw StorageError.duplicate(field: "capacity")
            }
            try await db.raw("""
                UPDATE formats SET kind = \(bind: draft.kind.rawValue), title = \(bind: draft.title),
                    description = \(bind: draft.description), field_keys = \(bind: draft.fields.joined(separator: ",")),
                    district_key = \(bind: draft.districtKey), municipality_key = \(bind: draft.municipalityKey),
                    place = \(bind: draft.place), online_url = \(bind: draft.onlineURL), starts_at = \(bind: draft.startsAt),
                    ends_at = \(bind: draft.endsAt), capacity = \(bind: draft.capacity), updated_at = \(bind: time.milliseconds),
                    bring = \(bind: draft.bring),
                    facilitator_id = COALESCE(\(bind: facilitator?.rawValue), facilitator_id)
                WHERE id = \(bind: id.rawValue)
                """).run()
            try await Self.replaceFields(draft.fields, of: id.rawValue, in: db)
            try await AuditTrail.append(AuditEvent(actor: actor, action: "format.updated", subject: "format:\(id)"), at: time, in: db)
        }
    }

    static func replaceFields(_ fields: [String], of id: Int64, in db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM format_fields WHERE format_id = \(bind: id)").run()
        for field in fields {
            try await db.raw("INSERT INTO format_fields (field_key, format_id) VALUES (\(bind: field), \(bind: id))").run()
        }
    }

    public func format(_ id: FormatID) async throws -> Format? {
        try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) \(unsafeRaw: Self.from) WHERE f.id = \(bind: id.rawValue)")
                .first().map(Self.decode)
        }
    }

    func filters(_ query: FormatQuery, now: Timestamp) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = [
            query.when == .upcoming ? "f.ends_at > \(bind: now.milliseconds)" : "f.ends_at <= \(bind: now.milliseconds)",
        ]
        if let kind = query.kind { conditions.append("f.kind = \(bind: kind.rawValue)") }
        if let district = query.district { conditions.append("f.district_key = \(bind: district)") }
        if let facilitator = query.facilitator { conditions.append("f.facilitator_id = \(bind: facilitator.rawValue)") }
        if let field = query.field {
            conditions.append("EXISTS (SELECT 1 FROM format_fields x WHERE x.format_id = f.id AND x.field_key = \(bind: field))")
        }
        return conditions
    }

    public func list(_ query: FormatQuery, now: Timestamp) async throws -> FormatPage {
        // Upcoming formats run forwards in time, past ones backwards; a "previous" page runs the
        // other way from its key and is turned round.
        let forwardsInTime = query.when == .upcoming
        let backwards = query.before != nil
        var conditions = filters(query, now: now)
        if let key = query.before ?? query.after {
            let later = forwardsInTime != backwards
            conditions.append(later ? "(f.starts_at, f.id) > (\(bind: key.value), \(bind: key.id))"
                                    : "(f.starts_at, f.id) < (\(bind: key.value), \(bind: key.id))")
        }
        let limit = max(1, min(query.limit, 100))
        let order = forwardsInTime != backwards ? "f.starts_at ASC, f.id ASC" : "f.starts_at DESC, f.id DESC"
        let sql: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) \(unsafeRaw: Self.from) WHERE "
            + conditions.joined(separator: " AND ") + " ORDER BY \(unsafeRaw: order) LIMIT \(bind: limit + 1)"
        return try await database.read { db in
            let formats = try await db.raw(sql).all().map(Self.decode)
            let more = formats.count > limit
            let items = backwards ? Array(formats.prefix(limit).reversed()) : Array(formats.prefix(limit))
            func key(_ format: Format?) -> PageKey? { format.map { PageKey(value: $0.startsAt, id: $0.id.rawValue) } }
            return FormatPage(
                items: items, next: backwards || more ? key(items.last) : nil,
                previous: (backwards ? more : query.after != nil) ? key(items.first) : nil)
        }
    }

    public func count(_ query: FormatQuery, now: Timestamp) async throws -> Int {
        let sql: SQLQueryString = "SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM formats f WHERE "
            + filters(query, now: now).joined(separator: " AND ") + " LIMIT \(bind: ContributionPage.countLimit + 1)) matching"
        return try await database.read { db in try await db.raw(sql).first()?.decode(column: "n", as: Int.self) ?? 0 }
    }

    public func calendar(from: Timestamp, limit: Int) async throws -> [Format] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.columns) \(unsafeRaw: Self.from) WHERE f.starts_at >= \(bind: from.milliseconds)
                ORDER BY f.starts_at, f.id LIMIT \(bind: limit)
                """).all().map(Self.decode)
        }
    }

    public func register(
        _ id: FormatID, user: UserID, at time: Timestamp, mail: @Sendable (Recipient, Format, RegistrationStatus) -> OutgoingMail?
    ) async throws -> RegistrationStatus {
        let lock = database.kind == .postgres ? " FOR UPDATE" : ""
        return try await database.write { db in
            // The format row is locked, so that two people cannot take the last seat at once.
            guard let row = try await db.raw("""
                SELECT capacity, registered_count, waitlist_count, ends_at FROM formats WHERE id = \(bind: id.rawValue)\(unsafeRaw: lock)
                """).first() else { throw RegistrationRefusal.notFound }
            guard try row.decode(column: "ends_at", as: Int64.self) > time.milliseconds else { throw RegistrationRefusal.over }
            if try await db.raw("""
                SELECT 1 AS ok FROM format_registrations WHERE format_id = \(bind: id.rawValue) AND user_id = \(bind: user.rawValue)
                """).first() != nil { throw RegistrationRefusal.alreadyRegistered }
            let capacity = try row.decode(column: "capacity", as: Int?.self)
            let seated = try row.decode(column: "registered_count", as: Int.self)
            let waiting = try row.decode(column: "waitlist_count", as: Int.self)
            let status: RegistrationStatus
            if let capacity, seated >= capacity {
                guard waiting < max(capacity, 10) else { throw RegistrationRefusal.full }
                status = .waitlisted
            } else {
                status = .confirmed
            }
            try await db.raw("""
                INSERT INTO format_registrations (format_id, user_id, status, created_at)
                VALUES (\(bind: id.rawValue), \(bind: user.rawValue), \(bind: status.rawValue), \(bind: time.milliseconds))
                """).run()
            let counter = status == .confirmed ? "registered_count" : "waitlist_count"
            try await db.raw("UPDATE formats SET \(unsafeRaw: counter) = \(unsafeRaw: counter) + 1 WHERE id = \(bind: id.rawValue)").run()
            try await AuditTrail.append(
                AuditEvent(actor: user, action: "format.registered", subject: "format:\(id)", detail: "status=\(status.rawValue)"),
                at: time, in: db)
            if let person = try await db.raw("""
                SELECT id, email, display_name, locale FROM users WHERE id = \(bind: user.rawValue)
                """).first(), let format = try await db.raw("SELECT \(unsafeRaw: Self.columns) \(unsafeRaw: Self.from) WHERE f.id = \(bind: id.rawValue)")
                .first().map(Self.decode), let message = mail(try Self.recipient(person, id: "id"), format, status) {
                try await Outbox.enqueue(message, at: time, in: db)
            }
            return status
        }
    }

    public func cancel(
        _ id: FormatID, user: UserID, at time: Timestamp, moveUpMail: @Sendable (Recipient, Format) -> OutgoingMail
    ) async throws -> Bool {
        let lock = database.kind == .postgres ? " FOR UPDATE" : ""
        return try await database.write { db in
            guard try await db.raw("SELECT id FROM formats WHERE id = \(bind: id.rawValue)\(unsafeRaw: lock)").first() != nil,
                  let row = try await db.raw("""
                    DELETE FROM format_registrations WHERE format_id = \(bind: id.rawValue) AND user_id = \(bind: user.rawValue)
                    RETURNING status
                    """).first()
            else { return false }
            let status = RegistrationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .confirmed
            let counter = status == .confirmed ? "registered_count" : "waitlist_count"
            try await db.raw("UPDATE formats SET \(unsafeRaw: counter) = \(unsafeRaw: counter) - 1 WHERE id = \(bind: id.rawValue)").run()
            try await AuditTrail.append(AuditEvent(actor: user, action: "format.cancelled", subject: "format:\(id)"), at: time, in: db)
            if status == .confirmed, let next = try await db.raw("""
                SELECT r.user_id, u.email, u.display_name, u.locale FROM format_registrations r JOIN users u ON u.id = r.user_id
                WHERE r.format_id = \(bind: id.rawValue) AND r.status = 'waitlisted' ORDER BY r.created_at, r.user_id LIMIT 1
                """).first() {
                let promoted = try next.decode(column: "user_id", as: Int64.self)
                try await db.raw("""
                    UPDATE format_registrations SET status = 'confirmed'
                    WHERE format_id = \(bind: id.rawValue) AND user_id = \(bind: promoted)
                    """).run()
                try await db.raw("""
                    UPDATE formats SET registered_count = registered_count + 1, waitlist_count = waitlist_count - 1
                    WHERE id = \(bind: id.rawValue)
                    """).run()
                let recipient = Recipient(
                    id: UserID(promoted), email: EmailAddress(trusted: try next.decode(column: "email", as: String.self)),
                    name: try next.decode(column: "display_name", as: String.self),
                    language: Language(rawValue: try next.decode(column: "locale", as: String.self)) ?? .de)
                let format = try await db.raw("SELECT \(unsafeRaw: Self.columns) \(unsafeRaw: Self.from) WHERE f.id = \(bind: id.rawValue)")
                    .first().map(Self.decode)!
                try await Outbox.enqueue(moveUpMail(recipient, format), at: time, in: db)
                try await AuditTrail.append(
                    AuditEvent(actor: nil, action: "format.moved_up", subject: "format:\(id)", detail: "user:\(promoted)"),
                    at: time, in: db)
            }
            return true
        }
    }

    public func queueReminders(
        from: Timestamp, until: Timestamp, mail: @Sendable (Recipient, Format) -> OutgoingMail
    ) async throws -> Int {
        try await database.write { db in
            let rows = try await db.raw("""
                SELECT r.format_id, r.user_id, u.email, u.display_name, u.locale
                FROM formats f JOIN format_registrations r ON r.format_id = f.id JOIN users u ON u.id = r.user_id
                WHERE f.starts_at > \(bind: from.milliseconds) AND f.starts_at <= \(bind: until.milliseconds)
                  AND r.status = 'confirmed' AND r.reminded_at IS NULL
                ORDER BY f.starts_at, r.format_id, r.user_id LIMIT 2000
                """).all()
            var formats: [Int64: Format] = [:]
            for row in rows {
                let formatID = try row.decode(column: "format_id", as: Int64.self)
                if formats[formatID] == nil {
                    formats[formatID] = try await db.raw("SELECT \(unsafeRaw: Self.columns) \(unsafeRaw: Self.from) WHERE f.id = \(bind: formatID)")
                        .first().map(Self.decode)
                }
                guard let format = formats[formatID] else { continue }
                let recipient = try Self.recipient(row, id: "user_id")
                try await Outbox.enqueue(mail(recipient, format), at: from, in: db)
                try await db.raw("""
                    UPDATE format_registrations SET reminded_at = \(bind: from.milliseconds)
                    WHERE format_id = \(bind: formatID) AND user_id = \(bind: recipient.id.rawValue)
                    """).run()
            }
            return rows.count
        }
    }

    static func recipient(_ row: any SQLRow, id column: String) throws -> Recipient {
        Recipient(
            id: UserID(try row.decode(column: column, as: Int64.self)),
            email: EmailAddress(trusted: try row.decode(column: "email", as: String.self)),
            name: try row.decode(column: "display_name", as: String.self),
            language: Language(rawValue: try row.decode(column: "locale", as: String.self)) ?? .de)
    }

    public func registration(_ id: FormatID, user: UserID) async throws -> RegistrationStatus? {
        try await database.read { db in
            try await db.raw("""
                SELECT status FROM format_registrations WHERE format_id = \(bind: id.rawValue) AND user_id = \(bind: user.rawValue)
                """).first().flatMap { RegistrationStatus(rawValue: try $0.decode(column: "status", as: String.self)) }
        }
    }

    public func registrations(of user: UserID) async throws -> [FormatRegistration] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.columns), r.status AS registration_status
                FROM format_registrations r JOIN formats f ON f.id = r.format_id LEFT JOIN users u ON u.id = f.facilitator_id
                WHERE r.user_id = \(bind: user.rawValue) ORDER BY f.starts_at DESC LIMIT 200
                """).all().map { row in
                FormatRegistration(
                    format: try Self.decode(row),
                    status: RegistrationStatus(rawValue: try row.decode(column: "registration_status", as: String.self)) ?? .confirmed)
            }
        }
    }

    public func participants(_ id: FormatID) async throws -> [Participant] {
        try await database.read { db in
            try await db.raw("""
                SELECT r.user_id, u.display_name, u.email, r.status, r.created_at, r.attended
                FROM format_registrations r JOIN users u ON u.id = r.user_id
                WHERE r.format_id = \(bind: id.rawValue) ORDER BY r.status, r.created_at, r.user_id
                """).all().map { row in
                Participant(
                    id: UserID(try row.decode(column: "user_id", as: Int64.self)),
                    name: try row.decode(column: "display_name", as: String.self),
                    email: try row.decode(column: "email", as: String.self),
                    status: RegistrationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .confirmed,
                    registeredAt: Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
                    attended: try row.decode(column: "attended", as: Int.self) != 0)
            }
        }
    }

    public func recordAttendance(_ id: FormatID, attended: Set<UserID>, actor: UserID, at time: Timestamp) async throws -> Int {
        try await database.write { db in
            guard try await db.raw("SELECT id FROM formats WHERE id = \(bind: id.rawValue)").first() != nil else { throw StorageError.notFound }
            try await db.raw("UPDATE format_registrations SET attended = 0 WHERE format_id = \(bind: id.rawValue)").run()
            var came = 0
            if !attended.isEmpty {
                // One statement for the whole list (a workshop has tens of people, a conference hundreds).
                let users = attended.sorted { $0.rawValue < $1.rawValue }.map { "\(bind: $0.rawValue)" as SQLQueryString }
                    .joined(separator: ", ")
                came = try await db.raw("""
                    UPDATE format_registrations SET attended = 1
                    WHERE format_id = \(bind: id.rawValue) AND status = 'confirmed' AND user_id IN (\(users))
                    RETURNING user_id
                    """).all().count
            }
            try await AuditTrail.append(
                AuditEvent(actor: actor, action: "format.attendance", subject: "format:\(id)", detail: "attended=\(came)"), at: time, in: db)
            return came
        }
    }

    public func document(_ id: FormatID, _ documentation: Format.Documentation, actor: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            guard try await db.raw("""
                UPDATE formats SET documentation = \(bind: documentation.summary), participants = \(bind: documentation.participants),
                    attachments = \(bind: documentation.attachments), updated_at = \(bind: time.milliseconds)
                WHERE id = \(bind: id.rawValue) RETURNING id
                """).first() != nil else { throw StorageError.notFound }
            try await AuditTrail.append(AuditEvent(actor: actor, action: "format.documented", subject: "format:\(id)"), at: time, in: db)
        }
    }
}
