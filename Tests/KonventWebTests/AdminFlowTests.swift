import Foundation
import HTTPTypes
import KonventDomain
import KonventStorage
import KonventTestSupport
import KonventWeb
import Testing

@Suite("The administrator's console", .serialized)
struct AdminFlowTests {
    func userCount(_ services: Services) async throws -> Int { try await services.accounts.countUsers() }

    @Test("invite with a role, set the password from the mail, change the role, deactivate, and find every act in the audit trail",
          arguments: TestDatabase.available)
    func accounts(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let admin = try await browserFor(browser, services, email: "admin@example.org", name: "Admin", role: "administrator")
            let office = try await browserFor(browser, services, email: "office@example.org", name: "Office", role: "convention_office")
            let resident = try await browserFor(browser, services, email: "ben@example.org", name: "Ben")
            for path in ["/admin", "/admin/users", "/admin/configuration", "/admin/settings", "/admin/audit"] {
                #expect(try await resident.get(path).status == .forbidden, "\(path)")
            }
            #expect(try await office.get("/admin/users").status == .forbidden)
            #expect(try await office.get("/admin/audit").status == .ok, "the office reads the audit trail")
            #expect(try await browser.get("/admin").status == .seeOther)

            let users = try await admin.get("/admin/users")
            #expect(users.body.contains("<a href=\"/admin\">Verwaltung</a>"), "in the administrator's navigation")
            let ministry = try #require(services.region.ministries.first)
            let before = try await userCount(services)
            // Bad input: nothing written.
            for (fields, status, message) in [
                ([("email", "kein-at"), ("name", "Neu"), ("role", "participant")], HTTPResponse.Status.unprocessableContent, "E-Mail"),
                ([("email", "neu@example.org"), ("name", "Neu"), ("role", "ministry_reviewer")], .unprocessableContent,
                 "ist ein Ressort nötig"),
                ([("email", "neu@example.org"), ("name", "Neu"), ("role", "king")], .unprocessableContent, "Wählen Sie eine Rolle"),
                ([("email", "BEN@example.org"), ("name", "Ben"), ("role", "participant")], .conflict, "gibt es schon ein Konto"),
            ] as [([(String, String)], HTTPResponse.Status, String)] {
                let refused = try await admin.post("/admin/users/invite", fields, csrfFrom: users)
                #expect(refused.status == status, "\(fields)")
                #expect(refused.body.contains(message), "\(fields)")
                #expect(refused.body.contains("value=\"\(fields[0].1)\""), "the form comes back as sent")
            }
            #expect(try await userCount(services) == before)

            let invited = try await admin.post("/admin/users/invite", [
                ("email", "neu@example.org"), ("name", "Nina Neu"), ("role", "ministry_reviewer"), ("ministry", ministry.key),
            ], csrfFrom: users)
            #expect(invited.status == .seeOther)
            let location = try #require(invited.headers[.location])
            #expect(try await admin.get(location).body.contains("Die Einladung an neu@example.org ist unterwegs."))
            #expect(!(try await admin.get("/admin/users?done=invited&email=Ihr%20Konto%20wurde%20gesperrt")).body.contains("gesperrt"),
                    "a crafted link puts no words into the notice")
            let found = try await admin.get("/admin/users?q=nina")
            #expect(found.body.contains("Nina Neu") && found.body.contains("eingeladen oder unbestätigt") && !found.body.contains("Ben<"))
            let id = try #require(try await services.administration.userID(email: EmailAddress("neu@example.org")))
            let stored = try #require(try await services.accounts.user(id))
            #expect(stored.role == .ministryReviewer && stored.ministry == ministry.key && !stored.isConfirmed)

            // The invitation's link sets the password and confirms the address.
            let mail = try #require(try await services.outbox.due().last { $0.mail.recipient.value == "neu@example.org" })
            #expect(mail.mail.subject.hasPrefix("Einladung zu Konvent") && mail.mail.body.contains("„Prüfung im Ressort (IMAG)“"))
            let token = try #require(mail.mail.body.split(separator: "token=").last?.split(whereSeparator: \.isWhitespace).first)
            let nina = Browser(client: browser.client)
            let form = try await nina.get("/password/reset?token=\(token)")
            #expect(form.status == .ok)
            let set = try await nina.post("/password/reset", [
                ("token", String(token)), ("password", "ein langes neues passwort"), ("passwordRepeat", "ein langes neues passwort"),
            ], csrfFrom: form)
            #expect(set.status == .ok || set.status == .seeOther)
            #expect(try await services.accounts.user(id)?.isConfirmed == true)
            let login = try await nina.get("/login")
            #expect(try await nina.post("/login", [("email", "neu@example.org"), ("password", "ein langes neues passwort")], csrfFrom: login)
                .status == .seeOther)

            // Role and ministry.
            let page = try await admin.get("/admin/users/\(id)")
            #expect(page.body.contains("Nina Neu") && page.body.contains("Überall abmelden"))
            let noMinistry = try await admin.post("/admin/users/\(id)/role", [("role", "ministry_reviewer"), ("ministry", "")], csrfFrom: page)
            #expect(noMinistry.status == .unprocessableContent && noMinistry.body.contains("ist ein Ressort nötig"))
            let unknownMinistry = try await admin.post("/admin/users/\(id)/role", [("role", "ministry_reviewer"), ("ministry", "xyz")], csrfFrom: page)
            #expect(unknownMinistry.status == .unprocessableContent)
            #expect(try await services.accounts.user(id)?.role == .ministryReviewer)
            let changed = try await admin.post("/admin/users/\(id)/role", [("role", "convention_office"), ("ministry", ministry.key)], csrfFrom: page)
            #expect(changed.status == .seeOther)
            let afterChange = try #require(try await services.accounts.user(id))
            #expect(afterChange.role == .conventionOffice && afterChange.ministry == nil, "only reviewers keep a ministry")

            // Deactivating ends her session and her sign-in; reactivating brings the sign-in back.
            #expect(try await nina.get("/account").status == .ok)
            #expect(try await admin.post("/admin/users/\(id)/active", [("active", "0")], csrfFrom: page).status == .seeOther)
            #expect(try await nina.get("/account").status == .seeOther, "her session ended")
            let again = try await nina.get("/login")
            #expect(try await nina.post("/login", [("email", "neu@example.org"), ("password", "ein langes neues passwort")], csrfFrom: again)
                .status == .unauthorized)
            #expect(try await admin.get("/admin/users?q=neu").body.contains("deaktiviert"))
            #expect(try await admin.post("/admin/users/\(id)/active", [("active", "1")], csrfFrom: page).status == .seeOther)
            #expect(try await nina.post("/login", [("email", "neu@example.org"), ("password", "ein langes neues passwort")], csrfFrom: again)
                .status == .seeOther)
            #expect(try await admin.post("/admin/users/\(id)/sessions/end", [], csrfFrom: page).status == .seeOther)
            #expect(try await nina.get("/account").status == .seeOther, "signed out everywhere")

            // The last administrator stays.
            let adminID = try #require(try await services.administration.userID(email: EmailAddress("admin@example.org")))
            let own = try await admin.get("/admin/users/\(adminID)")
            for (path, fields) in [("active", [("active", "0")]), ("role", [("role", "participant"), ("ministry", "")])] {
                let refused = try await admin.post("/admin/users/\(adminID)/\(path)", fields, csrfFrom: own)
                #expect(refused.status == .conflict, "\(path)")
                #expect(refused.body.contains("das letzte aktive Konto"), "\(path)")
            }
            #expect(try await services.accounts.user(adminID)?.role == .administrator)
            #expect(try await admin.get("/admin").status == .ok, "still signed in, still an administrator")

            // Every act is in the audit trail, found by subject, actor and action.
            let trail = try await admin.get("/admin/audit?subject=user:\(id)")
            for action in ["account.invited", "account.password_reset", "account.role_changed", "account.deactivated", "account.reactivated",
                           "account.sessions_ended"] {
                #expect(trail.body.contains("<code>\(action)</code>"), "\(action)")
            }
            let byActor = try await admin.get("/admin/audit?actor=admin%40example.org&action=account.role_changed")
            #expect(byActor.body.contains("from=ministry_reviewer to=convention_office") && byActor.body.contains("Admin (\(adminID))"))
            let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "Europe/Berlin")!, formatOptions: [.withFullDate])
            #expect(try await admin.get("/admin/audit?from=\(today)&until=\(today)&action=account.invited").body.contains("<code>account.invited</code>"))
            #expect(!(try await admin.get("/admin/audit?until=2020-01-01&action=account.invited")).body.contains("<code>account.invited</code>"))
            for query in ["from=gestern", "actor=niemand%40example.org", "until=2026-13-40"] {
                #expect(try await admin.get("/admin/audit?\(query)").status == .unprocessableContent, "\(query)")
            }
        }
    }

    @Test("the audit trail's verification names the first broken entry", arguments: TestDatabase.available)
    func verification(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let admin = try await browserFor(browser, services, email: "admin@example.org", name: "Admin", role: "administrator")
            let intact = try await admin.get("/admin/audit/verify")
            #expect(intact.body.contains("Die Kette ist unversehrt"))
            let second = try await services.database.read { db in
                try await db.raw("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 1").first()!.decode(column: "id", as: Int64.self)
            }
            try await services.database.write { db in
                try await db.raw("UPDATE audit_log SET detail = 'role=participant' WHERE id = \(bind: second)").run()
            }
            let broken = try await admin.get("/admin/audit/verify")
            #expect(broken.body.contains("Die Kette ist gebrochen: 1 Eintrag passt, Eintrag Nr. \(second) passt nicht mehr."))
            #expect(broken.body.contains("href=\"/admin/audit?before=\(second + 1)#entry-\(second)\""))
        }
    }

    @Test("settings and configuration", arguments: TestDatabase.available)
    func settings(database: TestDatabase) async throws {
        try await withApp(database) { browser, services in
            let admin = try await browserFor(browser, services, email: "admin@example.org", name: "Admin", role: "administrator")
            let page = try await admin.get("/admin/settings")
            #expect(page.status == .ok)
            let saved = try await admin.post("/admin/settings", [("premoderation", "on"), ("progress", "direct")], csrfFrom: page)
            #expect(saved.status == .seeOther)
            #expect(try await services.settings.value("premoderation") == "on")
            #expect(try await services.settings.value("progress_publishing") == "direct")
            let refused = try await admin.post("/admin/settings", [("premoderation", "maybe"), ("progress", "direct")], csrfFrom: page)
            #expect(refused.status == .unprocessableContent)
            #expect(try await services.settings.value("premoderation") == "on")
            let trail = try await admin.get("/admin/audit?action=setting.changed")
            #expect(trail.body.contains("<code>setting:premoderation</code>"))
            let configuration = try await admin.get("/admin/configuration")
            for district in services.region.districts { #expect(configuration.body.contains(district.name)) }
            for stage in services.region.review.stages { #expect(configuration.body.contains(stage.name[.de])) }
        }
    }
}
