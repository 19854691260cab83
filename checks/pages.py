"""Every page type, in both languages, logged out and logged in, for axe and the HTML checker."""
from conftest import sign_in

PUBLIC = ["/", "/register", "/login", "/password/forgot", "/impressum", "/datenschutz", "/barrierefreiheit",
          "/leichte-sprache", "/register/sent", "/confirm?token=unbekannt", "/nirgendwo",
          "/contributions", "/contributions?q=Fachkr%C3%A4fte&sort=supported", "/contributions/1"]
SIGNED_IN = ["/", "/account", "/contributions/new", "/contributions/1"]


def visit_all(browser, server, visit):
    """Calls visit(page, name, response) for each page type; returns the names visited."""
    names = []
    for language in ["de", "en"]:
        for signed_in in [False, True]:
            context = browser.new_context(locale="de-DE")
            page = context.new_page()
            page.goto(f"{server.url}/language?to={language}&back=/")
            if signed_in:
                page.goto(f"{server.url}/language?to=de&back=/")
                sign_in(page, server, "buergerin@demo.konvent.localhost")
                page.goto(f"{server.url}/language?to={language}&back=/")
            for path in SIGNED_IN if signed_in else PUBLIC:
                response = page.goto(server.url + path)
                slug = path.strip('/').replace('/', '_').replace('?', '_').replace('&', '_').replace('=', '-').replace('%', '')
                name = f"{language}-{'in' if signed_in else 'out'}-{slug or 'start'}"
                visit(page, name, response)
                names.append(name)
            if not signed_in:
                # A form that came back with errors.
                page.goto(server.url + "/register")
                page.eval_on_selector("form.form", "form => form.noValidate = true")
                page.locator("button.button").click()
                visit(page, f"{language}-out-register-errors", None)
                names.append(f"{language}-out-register-errors")
            else:
                # The contribution form after a submission with errors.
                page.goto(server.url + "/contributions/new")
                page.eval_on_selector("form.form", "form => form.noValidate = true")
                page.locator("main button.button").click()
                visit(page, f"{language}-in-contribution-errors", None)
                names.append(f"{language}-in-contribution-errors")
            context.close()
    return names
