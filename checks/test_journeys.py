"""End-to-end journeys in a real browser against a real server."""
import re
import uuid

from playwright.sync_api import expect

from conftest import sign_in


def unique_email():
    return f"person-{uuid.uuid4().hex[:10]}@example.org"


def tab_to(page, locator, limit=60):
    """Tabs until `locator` has the focus, which must be visible."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("e => e === document.activeElement"):
            outline = locator.evaluate("e => getComputedStyle(e).outlineStyle")
            assert outline != "none", "focus must be visible"
            return
    raise AssertionError(f"could not reach {locator} with Tab")


def test_register_confirm_login_logout(page, server, mail):
    email = unique_email()
    page.goto(server.url + "/")
    page.get_by_role("link", name="Registrieren").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registrieren")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Anzeigename").fill("Jana Jähnig")
    page.get_by_label("Passwort", exact=True).fill("ein sicheres passwort")
    page.get_by_label("Passwort wiederholen").fill("ein sicheres passwort")
    page.get_by_label("Ich habe die Hinweise zum Datenschutz gelesen.").check()
    page.get_by_role("button", name="Konto anlegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bitte bestätigen Sie Ihre E-Mail-Adresse")

    link = mail.link(email, server.url + "/confirm?token=")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("E-Mail-Adresse bestätigt")

    sign_in(page, server, email, "ein sicheres passwort")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mein Konto")
    expect(page.get_by_text("bestätigt", exact=True)).to_be_visible()
    page.get_by_role("button", name="Abmelden").click()
    expect(page.get_by_role("link", name="Anmelden").first).to_be_visible()


def test_registration_errors_are_summarised_and_linked(page, server):
    page.goto(server.url + "/register")
    page.get_by_label("E-Mail-Adresse").fill("kein-at")
    page.get_by_label("Anzeigename").fill("X")
    page.get_by_label("Passwort", exact=True).fill("kurz")
    page.get_by_label("Passwort wiederholen").fill("kurz")
    # The browser's own checks would stop the form; the server's must hold on their own.
    page.eval_on_selector("form.form", "form => form.noValidate = true")
    page.get_by_role("button", name="Konto anlegen").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    summary.get_by_role("link", name=re.compile("mindestens 12 Zeichen")).click()
    expect(page.locator("#field-password")).to_be_focused()


def test_keyboard_only_sign_in_and_language_switch(page, server):
    """Tab, Enter and Space only; the focused element always has a visible outline."""
    page.goto(server.url + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    assert skip.evaluate("e => getComputedStyle(e).top") != "-48px"
    page.keyboard.press("Enter")

    page.goto(server.url + "/login")
    tab_to(page, page.get_by_label("E-Mail-Adresse"))
    page.keyboard.type("buergerin@demo.konvent.localhost")
    page.keyboard.press("Tab")
    page.keyboard.type("demo-passwort-2026")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mein Konto")

    tab_to(page, page.get_by_role("link", name="English"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("My account")
    tab_to(page, page.get_by_role("button", name="Sign out"))
    page.keyboard.press("Space")
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()


def test_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    sign_in(page, server, "geschaeftsstelle@demo.konvent.localhost")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mein Konto")
    page.get_by_label("Name der Organisation").fill("Landkreis Zwickau – Projektbüro")
    page.get_by_label("Art der Organisation").select_option("public_body")
    page.get_by_role("button", name="Organisation hinzufügen").click()
    expect(page.get_by_text("Landkreis Zwickau – Projektbüro (Behörde oder öffentliche Einrichtung)")).to_be_visible()
    context.close()


def test_contribute_find_support_comment(page, server):
    sign_in(page, server, "buergerin@demo.konvent.localhost")
    page.get_by_role("link", name="Beiträge").first.click()
    page.get_by_role("link", name="Beitrag einreichen").click()
    page.get_by_label("Projektidee").check()
    page.get_by_label("Titel").fill("Werkstattverbund für Fachkräftegewinnung im Erzgebirge")
    page.get_by_label("Beschreibung").fill(
        "Kleine Betriebe teilen sich Ausbildungswerkstätten.\n\n- gemeinsame Ausbilder\n- Werbung an Schulen")
    page.get_by_label("Bildung und Fachkräfte").check()
    page.get_by_label("Landkreis oder Stadt").select_option(label="Erzgebirgskreis")
    page.get_by_role("combobox", name="Gemeinde").select_option(label="Annaberg-Buchholz")
    # A project idea carries its project profile; the sponsor is required, the gates are a self-check.
    page.get_by_label("Träger").fill("Kreishandwerkerschaft Erzgebirge")
    page.get_by_label("Geschätzte Kosten").fill("2.500.000")
    page.get_by_label("Das Projekt wirkt überregional, nicht nur in einer Gemeinde.").check()
    page.get_by_role("button", name="Beitrag einreichen").click()
    if page.get_by_role("heading", name="Gibt es Ihren Beitrag vielleicht schon?").count():
        page.get_by_role("button", name="Beitrag einreichen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkstattverbund für Fachkräftegewinnung im Erzgebirge")
    expect(page.get_by_role("status")).to_contain_text("veröffentlicht")
    expect(page.locator("#profile-title + dl")).to_contain_text("Kreishandwerkerschaft Erzgebirge")

    page.goto(server.url + "/contributions")
    page.get_by_label("Suchbegriff").fill("Werkstätten Fachkraft")
    page.get_by_role("button", name="Anzeigen").click()
    page.get_by_role("link", name="Werkstattverbund für Fachkräftegewinnung im Erzgebirge").click()
    page.get_by_role("button", name="Diesen Beitrag unterstützen").click()
    expect(page.get_by_text("1 Unterstützung", exact=True)).to_be_visible()
    page.get_by_label("Ihr Kommentar").fill("Unser Betrieb in Annaberg würde mitmachen.")
    page.get_by_role("button", name="Kommentar senden").click()
    expect(page.locator("article.comment p", has_text="Unser Betrieb in Annaberg würde mitmachen.")).to_be_visible()
    # The author may still correct it for a while (the edit form is folded away until opened).
    expect(page.locator("article.comment", has_text="Unser Betrieb").get_by_text("Kommentar bearbeiten")).to_be_visible()


def test_workshop_registration_results_and_moderation(browser, server, mail):
    """A resident registers for a workshop, the facilitator captures results and imports a CSV file,
    the office hides an abusive comment with a public reason, and the author is told."""
    resident = browser.new_context(locale="de-DE").new_page()
    sign_in(resident, server, "buergerin@demo.konvent.localhost")
    resident.goto(server.url + "/formats?kind=future_workshop")
    resident.locator("main .result-list a").first.click()
    format_url = resident.url
    resident.get_by_role("button", name=re.compile("Zu dieser Veranstaltung anmelden|Auf die Warteliste")).click()
    expect(resident.get_by_role("status")).to_contain_text(re.compile("angemeldet|Warteliste"))
    seated = "angemeldet" in resident.get_by_role("status").inner_text()
    # The mail says when (in the region's time), where and how to cancel; a seat comes with a
    # calendar file that a real mail parser reads as one.
    subject = "Anmeldung bestätigt" if seated else "Auf der Warteliste"
    body = mail.text(mail.with_subject("buergerin@demo.konvent.localhost", subject))
    assert "Wann:" in body and " Uhr" in body and "#registration-title" in body, body
    if seated:
        files = mail.attachments("buergerin@demo.konvent.localhost", "Anmeldung bestätigt")
        assert len(files) == 1 and files[0][1] == "text/calendar", files
        assert "BEGIN:VEVENT" in files[0][2] and "DTSTART:" in files[0][2]
    resident.goto(server.url + "/account")
    expect(resident.locator("#registrations-title + ul")).to_contain_text("Zukunftswerkstatt")

    facilitator = browser.new_context(locale="de-DE").new_page()
    sign_in(facilitator, server, "moderation@demo.konvent.localhost")
    facilitator.goto(server.url + "/formats/1/results")
    facilitator.get_by_label("Art des Beitrags").first.select_option("idea")
    facilitator.locator("#field-title-1").fill("Werkstattgespräch jeden Monat")
    facilitator.locator("#field-text-1").fill("Ein fester Termin, an dem Betriebe und Schulen sich treffen.")
    facilitator.locator("#field-fields-1").select_option("bildung-fachkraefte")
    facilitator.get_by_role("button", name="Alle speichern").click()
    expect(facilitator.get_by_role("status")).to_contain_text("1 Beitrag gespeichert")
    facilitator.set_input_files("#field-file", files=[{
        "name": "ergebnisse.csv", "mimeType": "text/csv",
        "buffer": ("kind;title;text;field\nHerausforderung;Kein Bus nach 20 Uhr;Abends fährt kein Bus mehr in die Dörfer.;"
                   "Infrastruktur und Mobilität\nPotenzial;Leere Bahnhöfe;Die Bahnhöfe könnten Treffpunkte werden.;daseinsvorsorge\n"
                   ).encode()}])
    facilitator.get_by_role("button", name="Datei prüfen und importieren").click()
    expect(facilitator.get_by_role("status")).to_contain_text("2 Beiträge gespeichert")
    facilitator.goto(server.url + "/contributions?format=1")
    expect(facilitator.locator("main")).to_contain_text("Kein Bus nach 20 Uhr")

    # The resident comments on the new contribution; the office hides the comment with a reason.
    resident.goto(server.url + "/contributions?format=1")
    resident.get_by_role("link", name="Leere Bahnhöfe").click()
    contribution_url = resident.url
    resident.get_by_label("Ihr Kommentar").fill("Das ist doch alles Quatsch, ihr Trottel!")
    resident.get_by_role("button", name="Kommentar senden").click()
    office = browser.new_context(locale="de-DE").new_page()
    sign_in(office, server, "geschaeftsstelle@demo.konvent.localhost")
    office.goto(contribution_url)
    comment = office.locator("article.comment", has_text="Trottel")
    comment.get_by_text("Kommentar ausblenden").click()
    comment.get_by_label("Öffentliche Begründung").fill("Beleidigung entfernt")
    comment.get_by_role("button", name="Ausblenden").click()
    resident.goto(contribution_url)
    expect(resident.locator("main")).not_to_contain_text("Trottel")
    expect(resident.locator("main")).to_contain_text("Beleidigung entfernt")
    resident.goto(server.url + "/account")
    expect(resident.locator("#news-title + ul")).to_contain_text("Ein Kommentar wurde ausgeblendet – Beleidigung entfernt")
    # The demo server's mail loop sends it to the real SMTP sink.
    assert "Beleidigung entfernt" in mail.wait_for_body("buergerin@demo.konvent.localhost", "Beleidigung entfernt")


def test_ministry_assesses_by_keyboard(page, server):
    """A ministry's reviewer finds what awaits them on the desk and assesses it with Tab, arrow keys,
    typing and Enter; afterwards it waits for the others, not for them."""
    sign_in(page, server, "ressort-smf@demo.konvent.localhost")
    page.goto(server.url + "/review")
    waiting = page.get_by_role("region", name=re.compile("Wartet auf Sie"))
    measure = waiting.get_by_role("link", name=re.compile("^WT-06 "))
    tab_to(page, measure)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("WT-06")
    for criterion in ("Umsetzbarkeit (Gewicht 1)", "Finanzierbarkeit (Gewicht 1)"):
        select = page.get_by_label(criterion)
        tab_to(page, select)
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        assert select.input_value() != "", f"{criterion}: a score chosen by keyboard"
    tab_to(page, page.get_by_label("Bewertung", exact=True))
    page.keyboard.type("Aus Sicht des Finanzministeriums tragfähig; Kofinanzierung über das Landesprogramm möglich.")
    tab_to(page, page.get_by_role("button", name="Bewertung speichern"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Kofinanzierung über das Landesprogramm möglich.").first).to_be_visible()
    page.goto(server.url + "/review")
    expect(page.get_by_role("region", name=re.compile("Wartet auf Sie")).get_by_role("link", name=re.compile("^WT-06 "))).to_have_count(0)
    expect(page.get_by_role("region", name=re.compile("wartet auf andere")).get_by_role("link", name=re.compile("^WT-06 "))).to_have_count(1)


def test_administrator_invites_changes_role_and_finds_it_audited_by_keyboard(page, server, mail):
    """An administrator invites someone with a role, changes the role and finds both acts in the
    audit trail, with Tab, arrow keys, typing and Enter only."""
    email = unique_email()
    sign_in(page, server, "admin@demo.konvent.localhost")
    page.goto(server.url + "/admin/users")
    tab_to(page, page.get_by_label("E-Mail-Adresse", exact=True), limit=400)
    page.keyboard.type(email)
    tab_to(page, page.get_by_label("Anzeigename"))
    page.keyboard.type("Rita Ressort")
    role = page.locator("#invite-title ~ form").get_by_label("Rolle")
    tab_to(page, role)
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    assert role.input_value() == "ministry_reviewer"
    ministry = page.get_by_label(re.compile("^Ressort"))
    tab_to(page, ministry)
    page.keyboard.press("ArrowDown")
    assert ministry.input_value() != ""
    tab_to(page, page.get_by_role("button", name="Einladung senden"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text(f"Die Einladung an {email} ist unterwegs.")
    assert "Rolle „Prüfung im Ressort (IMAG)“" in mail.wait_for_body(email, "Passwort fest")

    tab_to(page, page.get_by_label("Name oder E-Mail-Adresse"), limit=400)
    page.keyboard.type(email)
    page.keyboard.press("Enter")
    person = page.get_by_role("link", name="Rita Ressort")
    tab_to(page, person)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rita Ressort")
    role = page.locator("#role-title ~ form").get_by_label("Rolle")
    tab_to(page, role)
    page.keyboard.press("ArrowUp")
    assert role.input_value() == "convention_office"
    tab_to(page, page.get_by_role("button", name="Rolle speichern"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Die Rolle ist gespeichert.")

    tab_to(page, page.get_by_role("link", name="Alle Änderungen an diesem Konto im Prüfprotokoll"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Prüfprotokoll")
    entries = page.locator(".audit-table")
    expect(entries.get_by_role("row").filter(has_text="account.role_changed")).to_contain_text("from=ministry_reviewer to=convention_office")
    expect(entries.get_by_role("row").filter(has_text="account.invited")).to_contain_text("Administration")


def test_finder_offers_candidates_while_typing(page, server):
    """With script, the office's finder lists the contributions it finds as the office types,
    without the search button; the choices are the server's own list."""
    sign_in(page, server, "geschaeftsstelle@demo.konvent.localhost")
    page.goto(server.url + "/contributions/2")
    search = page.get_by_label("Den anderen Beitrag nach Titel oder Stichwort suchen")
    search.press_sequentially("Rad", delay=50)
    found = page.locator("#found-into")
    expect(found).to_contain_text("Rad", timeout=5000)
    assert "findDuplicate" not in page.url, "no page load: the list came by script"
