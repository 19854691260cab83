"""Every page type, in both languages, for a visitor, a resident and the convention office, for axe
and the HTML checker."""
from conftest import sign_in

PUBLIC = ["/", "/register", "/login", "/password/forgot", "/impressum", "/datenschutz", "/barrierefreiheit",
          "/leichte-sprache", "/register/sent", "/confirm?token=unbekannt", "/nirgendwo",
          "/contributions", "/contributions?q=Fachkr%C3%A4fte&sort=supported", "/contributions/1",
          "/contributions?format=1&municipality=14521010", "/formats", "/formats?when=past&kind=workshop", "/formats/1",
          "/formats/45", "/participation", "/measures", "/measures/2", "/measures?state=adopted&field=wirtschaft", "/measures/5",
          "/sessions", "/sessions/1", "/sessions/3", "/masterplan", "/masterplan/1", "/masterplan/1/paragraphs/foreword-1",
          "/masterplan/compare?from=1&to=current", "/report", "/masterplan/current.html", "/masterplan/1.html", "/report.html",
          "/search", "/search?q=Wasserstoff", "/search?q=Radwege%20im%20Erzgebirge&type=contributions", "/search?q=Breitbnad",
          "/contributions?q=Plauen", "/search?q=%22NEAR(*%20%3Cscript%3E", "/implementation",
          "/implementation?status=delayed&field=wirtschaft", "/implementation?district=14521&programme=efre-sachsen", "/measures/4",
          "/announcements", "/announcements/1", "/daten"]
SIGNED_IN = ["/", "/account", "/contributions/new", "/contributions/1", "/formats/45", "/participation", "/measures/4"]
OFFICE = ["/moderation", "/contributions?kind=idea", "/organisations", "/organisations/1", "/contributions/2", "/formats/new", "/formats/1", "/formats/1/edit", "/formats/1/results",
          "/formats/1/documentation", "/formats/1/participants", "/account", "/measures", "/measures/new?from=1", "/measures/1", "/measures/1/edit", "/measures/1/versions",
          "/review", "/measures/5/review", "/measures/26/review", "/measures/29/review", "/sessions/new", "/sessions/3",
          "/sessions/3/edit", "/sessions/3/items/21/decision", "/sessions/1/items/1/decision",
          "/masterplan", "/masterplan/chapters/foreword/edit", "/search?q=Nahverkehr", "/measures/4", "/implementation",
          "/implementation/import", "/analysis", "/analysis?rows=month&columns=district&value=per-thousand&kind=idea",
          "/themes", "/themes/1", "/contributions?theme=2", "/announcements/new"]
MINISTRY = ["/review", "/measures/23/review", "/measures/3/review"]
ADMIN = ["/admin", "/admin/users", "/admin/users?q=demo", "/admin/users/2", "/admin/audit", "/admin/audit/verify",
         "/admin/audit?action=account.created", "/admin/configuration", "/admin/settings"]
STEERING = ["/review", "/sessions/3", "/sessions/3/items/22/decision", "/measures/19/review"]
ROLES = [("out", None, PUBLIC), ("in", "buergerin@demo.konvent.localhost", SIGNED_IN),
         ("office", "geschaeftsstelle@demo.konvent.localhost", OFFICE),
         ("ministry", "ressort@demo.konvent.localhost", MINISTRY), ("steering", "lenkungskreis@demo.konvent.localhost", STEERING),
         ("admin", "admin@demo.konvent.localhost", ADMIN)]


def visit_all(browser, server, visit, viewport=None):
    """Calls visit(page, name, response) for each page type; returns the names visited. `viewport`
    (width and height) gives the window a size, e.g. a phone's."""
    names = []
    for language in ["de", "en"]:
        for role, email, paths in ROLES:
            context = browser.new_context(locale="de-DE", **({"viewport": viewport} if viewport else {}))
            page = context.new_page()
            page.goto(f"{server.url}/language?to={language}&back=/")
            if email:
                page.goto(f"{server.url}/language?to=de&back=/")
                sign_in(page, server, email)
                page.goto(f"{server.url}/language?to={language}&back=/")
            for path in paths:
                response = page.goto(server.url + path)
                slug = path.strip('/').replace('/', '_').replace('?', '_').replace('&', '_').replace('=', '-').replace('%', '')
                name = f"{language}-{role}-{slug or 'start'}"
                visit(page, name, response)
                names.append(name)
            if role == "out":
                # A form that came back with errors.
                page.goto(server.url + "/register")
                page.eval_on_selector("form.form", "form => form.noValidate = true")
                page.locator("main button.button").click()
                visit(page, f"{language}-out-register-errors", None)
                names.append(f"{language}-out-register-errors")
            elif role == "in":
                # Her own contribution's edit form, found through her account page.
                page.goto(server.url + "/account")
                own = page.locator("main a[href^='/contributions/']").first.get_attribute("href")
                page.goto(server.url + own + "/edit")
                visit(page, f"{language}-in-contribution-edit", None)
                names.append(f"{language}-in-contribution-edit")
                # The contribution form after a submission with errors.
                page.goto(server.url + "/contributions/new")
                page.eval_on_selector("form.form", "form => form.noValidate = true")
                page.locator("main button.button").last.click()
                visit(page, f"{language}-in-contribution-errors", None)
                names.append(f"{language}-in-contribution-errors")
            elif role == "office":
                # The screening form sent without answers.
                page.goto(server.url + "/measures/29/review")
                page.eval_on_selector("form[action$='/assessments/office']", "form => form.noValidate = true")
                page.locator("form[action$='/assessments/office'] button").click()
                visit(page, f"{language}-office-assessment-errors", None)
                names.append(f"{language}-office-assessment-errors")
                # The results page with an import report.
                page.goto(server.url + "/formats/1/results")
                page.set_input_files("#field-file", files=[{"name": "x.csv", "mimeType": "text/csv",
                                                             "buffer": "art;titel\nIdee;X\n".encode()}])
                page.locator("form[enctype] button").click()
                visit(page, f"{language}-office-import-report", None)
                names.append(f"{language}-office-import-report")
            context.close()
    return names
