import Foundation
import KonventDomain
import SQLKit

public struct SQLContributionStore: ContributionStore {
    let database: any KonventDatabase
    let search: SearchContext
    let plans = SearchPlanMemo()

    public init(database: any KonventDatabase, search: SearchContext = SearchContext()) {
        self.database = database
        self.search = search
    }

    /// Forgets the searches' plans, so that the next search runs as it would the first time (for measuring).
    public func forgetSearchPlans() { plans.forget() }

    static let columns = """
        c.id, c.kind, c.title, c.body, c.field_keys, c.district_key, c.municipality_key, c.author_id, c.anonymous,
        c.status, c.status_reason, c.supports_count, c.comments_count, c.followers_count, c.created_at, c.format_id,
        c.merged_into_id, c.edited_at, u.display_name AS author_name, o.name AS organisation_name, o.verified_at AS organisation_verified_at, fm.title AS format_title
        """
    static let from = """
        FROM contributions c LEFT JOIN users u ON u.id = c.author_id
        LEFT JOIN user_organisations uo ON uo.organisation_id = c.organisation_id AND uo.user_id = c.author_id AND uo.status = 'confirmed'
        LEFT JOIN organisations o ON o.id = uo.organisation_id
        LEFT JOIN formats fm ON fm.id = c.format_id
        """

    public func create(
        _ draft: ContributionDraft, author: UserID, at time: Timestamp, status: Contribution.Status
    ) async throws -> ContributionID {
        try await database.write { db in
            try await Self.insert(draft, author: author, at: time, status: status, kind: database.kind, search: search, in: db)
        }
    }

    public func createAll(
        _ drafts: [ContributionDraft], author: UserID, at time: Timestamp, status: Contribution.Status
    ) async throws -> [ContributionID] {
        try await database.write { db in
            var ids: [ContributionID] = []
            for draft in drafts {
                ids.append(try await Self.insert(draft, author: author, at: time, status: status, kind: database.kind, search: search, in: db))
            }
            return ids
        }
    }

    static func insert(
        _ draft: ContributionDraft, author: UserID, at time: Timestamp, status: Contribution.Status, kind: DatabaseKind,
        search: SearchContext, in db: any SQLDatabase
    ) async throws -> ContributionID {
            // Only a confirmed member acts for an organisation; the form offers no other, and a
            // membership removed meanwhile must not slip through.
            if let organisation = draft.organisationID, try await db.raw("""
                SELECT 1 AS ok FROM user_organisations
                WHERE user_id = \(bind: author.rawValue) AND organisation_id = \(bind: organisation.rawValue) AND status = 'confirmed'
                """).first() == nil {
                throw StorageError.refused("not a confirmed member of the organisation")
            }
            let profile = try draft.profile.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
            let id = try await db.raw("""
                INSERT INTO contributions (kind, title, body, field_keys, district_key, municipality_key, author_id,
                    organisation_id, anonymous, status, listed, created_at, updated_at, format_id, profile)
                VALUES (\(bind: draft.kind.rawValue), \(bind: draft.title), \(bind: draft.text),
                    \(bind: draft.fields.joined(separator: ",")), \(bind: draft.districtKey), \(bind: draft.municipalityKey),
                    \(bind: author.rawValue), \(bind: draft.organisationID?.rawValue), \(bind: draft.anonymous ? 1 : 0),
                    \(bind: status.rawValue), \(bind: status.isListed ? 1 : 0), \(bind: time.milliseconds), \(bind: time.milliseconds),
                    \(bind: draft.formatID?.rawValue), \(bind: profile))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            if let format = draft.formatID {
                try await db.raw("UPDATE formats SET contributions_count = contributions_count + 1 WHERE id = \(bind: format.rawValue)").run()
            }
            for field in draft.fields {
                try await db.raw("INSERT INTO contribution_fields (field_key, contribution_id) VALUES (\(bind: field), \(bind: id))").run()
            }
            try await SearchIndex.write(
                search.document(title: draft.title, text: draft.text, district: draft.districtKey, municipality: draft.municipalityKey),
                id: id, kind: kind, in: db)
            try await AuditTrail.append(
                AuditEvent(actor: author, action: "contribution.created", subject: "contribution:\(id)",
                           detail: "status=\(status.rawValue)"), at: time, in: db)
            try await Timeline.record(.created, on: id, status: status, actor: author, at: time, notify: [], in: db)
            return ContributionID(id)
    }

    static func decode(_ row: any SQLRow) throws -> Contribution {
        let anonymous = try row.decode(column: "anonymous", as: Int.self) != 0
        var contribution = Contribution(
            id: ContributionID(try row.decode(column: "id", as: Int64.self)),
            kind: Contribution.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .idea,
            title: try row.decode(column: "title", as: String.self),
            text: try row.decode(column: "body", as: String.self),
            fields: try row.decode(column: "field_keys", as: String.self).split(separator: ",").map(String.init),
            districtKey: try row.decode(column: "district_key", as: String.self),
            municipalityKey: try row.decode(column: "municipality_key", as: String?.self),
            authorID: try row.decode(column: "author_id", as: Int64?.self).map(UserID.init),
            publicAuthorName: anonymous ? nil : try row.decode(column: "author_name", as: String?.self),
            organisationName: try row.decode(column: "organisation_name", as: String?.self),
            status: Contribution.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .submitted,
            statusReason: try row.decode(column: "status_reason", as: String?.self),
            supportCount: try row.decode(column: "supports_count", as: Int.self),
            commentCount: try row.decode(column: "comments_count", as: Int.self),
            createdAt: Date(storedMilliseconds: try row.decode(column: "created_at", as: Int64.self)))
        contribution.followerCount = try row.decode(column: "followers_count", as: Int.self)
        contribution.organisationVerified = try row.decode(column: "organisation_verified_at", as: Int64?.self) != nil
        contribution.formatID = try row.decode(column: "format_id", as: Int64?.self).map(FormatID.init)
        contribution.formatTitle = try row.decode(column: "format_title", as: String?.self)
        contribution.mergedIntoID = try row.decode(column: "merged_into_id", as: Int64?.self).map(ContributionID.init)
        contribution.editedAt = try row.decode(column: "edited_at", as: Int64?.self).map(Date.init(storedMilliseconds:))
        if row.contains(column: "profile"), let profile = try row.decode(column: "profile", as: String?.self) {
            contribution.profile = try? JSONDecoder().decode(ProjectProfile.self, from: Data(profile.utf8))
        }
        return contribution
    }

    public func contribution(_ id: ContributionID) async throws -> Contribution? {
        try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns), c.profile \(unsafeRaw: Self.from) WHERE c.id = \(bind: id.rawValue)")
                .first().map(Self.decode)
        }
    }

    public func edit(_ id: ContributionID, _ edit: ContributionEdit, by author: UserID, at time: Timestamp) async throws {
        try await database.write { db in
            // The row is locked (PostgreSQL) or the database is (SQLite), so that the office cannot
            // take the contribution up between this check and the change.
            let lock = database.kind == .postgres ? " FOR UPDATE" : ""
            guard let row = try await db.raw("""
                SELECT title, body, status, author_id, created_at, edited_at, district_key, municipality_key FROM contributions WHERE id = \(bind: id.rawValue)\(unsafeRaw: lock)
                """).first() else { throw StorageError.notFound }
            let status = Contribution.Status(rawValue: try row.decode(column: "status", as: String.self))
            guard try row.decode(column: "author_id", as: Int64?.self) == author.rawValue, status == .submitted || status == .published else {
                throw StorageError.refused("the contribution is no longer open for its author")
            }
            let written = try row.decode(column: "edited_at", as: Int64?.self) ?? row.decode(column: "created_at", as: Int64.self)
            try await db.raw("""
                INSERT INTO contribution_versions (contribution_id, title, body, written_at, replaced_at, replaced_by)
                VALUES (\(bind: id.rawValue), \(bind: try row.decode(column: "title", as: String.self)),
                        \(bind: try row.decode(column: "body", as: String.self)), \(bind: written), \(bind: time.milliseconds), \(bind: author.rawValue))
                """).run()
            try await db.raw("""
                UPDATE contributions SET title = \(bind: edit.title), body = \(bind: edit.text), edited_at = \(bind: time.milliseconds),
                    updated_at = \(bind: time.milliseconds)
                WHERE id = \(bind: id.rawValue)
                """).run()
            try await SearchIndex.write(
                search.document(title: edit.title, text: edit.text, district: try row.decode(column: "district_key", as: String.self),
                                municipality: try row.decode(column: "municipality_key", as: String?.self)),
                id: id.rawValue, kind: database.kind, in: db)
            try await AuditTrail.append(
                AuditEvent(actor: author, action: "contribution.edited", subject: "contribution:\(id)"), at: time, in: db)
        }
    }

    public func versions(of id: ContributionID) async throws -> [ContributionVersion] {
        try await database.read { db in
            try await db.raw("""
                SELECT title, body, written_at, replaced_at FROM contribution_versions
                WHERE contribution_id = \(bind: id.rawValue) ORDER BY id DESC LIMIT 100
                """).all().map { row in
                ContributionVersion(
                    title: try row.decode(column: "title", as: String.self), text: try row.decode(column: "body", as: String.self),
                    writtenAt: Date(storedMilliseconds: try row.decode(column: "written_at", as: Int64.self)),
                    replacedAt: Date(storedMilliseconds: try row.decode(column: "replaced_at", as: Int64.self)))
            }
        }
    }

    /// The conditions of the query's filters and search, without its page.
    func filters(_ query: ContributionQuery, _ plan: SearchPlan?) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = ["c.listed = 1"]
        if let kind = query.kind { conditions.append("c.kind = \(bind: kind.rawValue)") }
        if let district = query.district { conditions.append("c.district_key = \(bind: district)") }
        if let municipality = query.municipality { conditions.append("c.municipality_key = \(bind: municipality)") }
        if let status = query.status { conditions.append("c.status = \(bind: status.rawValue)") }
        if let format = query.format { conditions.append("c.format_id = \(bind: format.rawValue)") }
        if let theme = query.theme {
            conditions.append("EXISTS (SELECT 1 FROM contribution_themes xt WHERE xt.contribution_id = c.id AND xt.theme_id = \(bind: theme.rawValue))")
        }
        if let field = query.field {
            conditions.append("EXISTS (SELECT 1 FROM contribution_fields f WHERE f.contribution_id = c.id AND f.field_key = \(bind: field))")
        }
        if let plan { conditions.append(SearchIndex.condition(plan.syntax, kind: database.kind)) }
        return conditions
    }

    public func list(_ query: ContributionQuery) async throws -> ContributionPage {
        let plan = try await plan(query)
        if query.sort == .relevance, let plan { return try await ranked(query, plan) }
        let sortColumn = switch query.sort {
        case .newest, .relevance: "c.created_at"
        case .mostSupported: "c.supports_count"
        case .mostDiscussed: "c.comments_count"
        }
        var conditions = filters(query, plan)
        let backwards = query.before != nil
        if let before = query.before {
            conditions.append("(\(unsafeRaw: sortColumn), c.id) > (\(bind: before.value), \(bind: before.id))")
        } else if let after = query.after {
            conditions.append("(\(unsafeRaw: sortColumn), c.id) < (\(bind: after.value), \(bind: after.id))")
        }
        let limit = max(1, min(query.limit, 100))
        let order = backwards ? "ASC" : "DESC"
        let sql: SQLQueryString = "SELECT \(unsafeRaw: Self.columns), \(unsafeRaw: sortColumn) AS sort_value \(unsafeRaw: Self.from) WHERE "
            + conditions.joined(separator: " AND ")
            + " ORDER BY \(unsafeRaw: sortColumn) \(unsafeRaw: order), c.id \(unsafeRaw: order) LIMIT \(bind: limit + 1)"
        return try await database.read { db in
            let rows = try await db.raw(sql).all()
            let more = rows.count > limit
            let shown = backwards ? Array(rows.prefix(limit).reversed()) : Array(rows.prefix(limit))
            func key(_ row: (any SQLRow)?) throws -> PageKey? {
                guard let row else { return nil }
                return PageKey(value: try row.decode(column: "sort_value", as: Int64.self), id: try row.decode(column: "id", as: Int64.self))
            }
            var page = ContributionPage(items: try shown.map(Self.decode))
            // Forwards: a next page when there were more rows, a previous one when this page began after a key.
            // Backwards: the reverse.
            page.next = backwards || more ? try key(shown.last) : nil
            page.previous = (backwards ? more : query.after != nil) ? try key(shown.first) : nil
            page.correctedSearch = plan?.correctedSearch
            return page
        }
    }

    public func support(_ id: ContributionID, by user: UserID) async throws {
        let now = Timestamp.now
        do {
            try await database.write { db in
                if try await db.raw("""
                    SELECT 1 AS ok FROM contribution_supports WHERE contribution_id = \(bind: id.rawValue) AND user_id = \(bind: user.rawValue)
                    """).first() != nil {
                    throw StorageError.duplicate(field: "support")
                }
                try await db.raw("""
                    INSERT INTO contribution_supports (contribution_id, user_id, created_at)
                    VALUES (\(bind: id.rawValue), \(bind: user.rawValue), \(bind: now.milliseconds))
                    """).run()
                try await db.raw("UPDATE contributions SET supports_count = supports_count + 1 WHERE id = \(bind: id.rawValue)").run()
                try await AuditTrail.append(AuditEvent(actor: user, action: "contribution.supported", subject: "contribution:\(id)"),
                                            at: now, in: db)
            }
        } catch let error where isUniqueViolation(error) {
            throw StorageError.duplicate(field: "support")
        }
    }

    public func withdrawSupport(_ id: ContributionID, by user: UserID) async throws {
        let now = Timestamp.now
        try await database.write { db in
            guard try await db.raw("""
                DELETE FROM contribution_supports WHERE contribution_id = \(bind: id.rawValue) AND user_id = \(bind: user.rawValue)
                RETURNING user_id
                """).first() != nil else { return }
            try await db.raw("UPDATE contributions SET supports_count = supports_count - 1 WHERE id = \(bind: id.rawValue)").run()
            try await AuditTrail.append(AuditEvent(actor: user, action: "contribution.support_withdrawn", subject: "contribution:\(id)"),
                                        at: now, in: db)
        }
    }

    public func hasSupported(_ id: ContributionID, user: UserID) async throws -> Bool {
        try await database.read { db in
            try await db.raw("""
                SELECT 1 AS ok FROM contribution_supports WHERE contribution_id = \(bind: id.rawValue) AND user_id = \(bind: user.rawValue)
                """).first() != nil
        }
    }

    public func comments(on id: ContributionID) async throws -> [Comment] {
        try await database.read { db in
            try await db.raw("""
                SELECT m.id, m.parent_id, m.author_id, u.display_name, m.body, m.created_at, m.edited_at, m.deleted_at, m.hidden_reason
                FROM contribution_comments m LEFT JOIN users u ON u.id = m.author_id
                WHERE m.contribution_id = \(bind: id.rawValue) ORDER BY m.id
                """).all().map { row in
                Comment(
                    id: Comment.ID(try row.decode(column: "id", as: Int64.self)),
                    parentID: try row.decode(column: "parent_id", as: Int64?.self).map(Comment.ID.init),
                    authorID: try row.decode(column: "author_id", as: Int64?.self).map(UserID.init),
                    authorName: try row.decode(column: "display_name", as: String?.self),
                    body: try row.decode(column: "body", as: String.self),
                    createdAt: Timestamp(milliseconds: try row.decode(column: "created_at", as: Int64.self)),
                    edited: try row.decode(column: "edited_at", as: Int64?.self) != nil,
                    deleted: try row.decode(column: "deleted_at", as: Int64?.self) != nil,
                    hiddenReason: try row.decode(column: "hidden_reason", as: String?.self))
            }
        }
    }

    public func addComment(to id: ContributionID, parent: Comment.ID?, author: UserID, body: String) async throws -> Comment.ID {
        let now = Timestamp.now
        return try await database.write { db in
            guard let row = try await db.raw("SELECT listed FROM contributions WHERE id = \(bind: id.rawValue)").first(),
                  try row.decode(column: "listed", as: Int.self) == 1
            else { throw StorageError.notFound }
            // Threads are one level deep: an answer to an answer joins the thread of its parent.
            var parentID = parent?.rawValue
            if let parent {
                guard let parentRow = try await db.raw("""
                    SELECT parent_id FROM contribution_comments WHERE id = \(bind: parent.rawValue) AND contribution_id = \(bind: id.rawValue)
                    """).first() else { throw StorageError.notFound }
                parentID = try parentRow.decode(column: "parent_id", as: Int64?.self) ?? parent.rawValue
            }
            let commentID = try await db.raw("""
                INSERT INTO contribution_comments (contribution_id, parent_id, author_id, body, created_at)
                VALUES (\(bind: id.rawValue), \(bind: parentID), \(bind: author.rawValue), \(bind: body), \(bind: now.milliseconds))
                RETURNING id
                """).first()!.decode(column: "id", as: Int64.self)
            try await db.raw("UPDATE contributions SET comments_count = comments_count + 1 WHERE id = \(bind: id.rawValue)").run()
            try await AuditTrail.append(AuditEvent(actor: author, action: "comment.created", subject: "contribution:\(id)",
                                                   detail: "comment:\(commentID)"), at: now, in: db)
            try await Timeline.record(.commented, on: id.rawValue, related: commentID, actor: author, at: now,
                                      notify: try await Timeline.audience(of: id.rawValue, in: db), in: db)
            return Comment.ID(commentID)
        }
    }

    public func contributions(by author: UserID) async throws -> [Contribution] {
        try await database.read { db in
            try await db.raw("""
                SELECT \(unsafeRaw: Self.columns) \(unsafeRaw: Self.from) WHERE c.author_id = \(bind: author.rawValue)
                ORDER BY c.created_at DESC, c.id DESC LIMIT 200
                """).all().map(Self.decode)
        }
    }
}
