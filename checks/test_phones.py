"""Every page type at a phone's width (320 and 390 px), in both languages, for every role: no page
may scroll sideways (wide tables scroll inside their own region instead), and every button, menu
entry and form control offers a touch target of at least 44 px."""
import json

from conftest import ARTIFACTS
from pages import visit_all

WIDTHS = [320, 390]
SCREENSHOTS = {"de-out-start", "de-out-contributions_1", "de-out-participation", "de-out-masterplan"}
# Inline links in running text are exempt (WCAG 2.5.5); these are the controls a thumb has to hit.
TARGETS = """[...document.querySelectorAll(
  'button, a.button, summary, select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), nav a')]
  .filter(e => e.offsetParent !== null && !e.closest('.skip-link') && !e.closest('.site-footer'))
  .map(e => [e.outerHTML.slice(0, 90), e.getBoundingClientRect().height])
  .filter(([_, height]) => height < 43.5)"""


def test_no_page_scrolls_sideways_on_a_phone(browser, server):
    wide, small = {}, {}
    for width in WIDTHS:
        def check(page, name, _response, width=width):
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                wide[f"{width}-{name}"] = scroll_width
            if width == 390:
                if found := page.evaluate(TARGETS):
                    small[name] = found
                if name in SCREENSHOTS:
                    (ARTIFACTS / "phones").mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(ARTIFACTS / "phones" / f"{name}-390.png"), full_page=True)

        visited = visit_all(browser, server, check, viewport={"width": width, "height": 800})
        assert len(visited) >= 20
    assert not wide, json.dumps(wide, indent=2)
    (ARTIFACTS / "phones").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "phones" / "small-targets.json").write_text(json.dumps(small, indent=2, ensure_ascii=False))
    assert not small, json.dumps(small, indent=2, ensure_ascii=False)
    assert len(list((ARTIFACTS / "phones").glob("*-390.png"))) == len(SCREENSHOTS)


def test_the_menu_opens_on_a_phone_without_script(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "/")
    assert not page.locator(".site-nav--wide").is_visible()
    menu_link = page.locator(".site-nav--menu a[href='/measures']")
    assert not menu_link.is_visible()
    page.locator(".site-menu__toggle").click()
    assert menu_link.is_visible()
    menu_link.click()
    assert page.url.endswith("/measures")
    context.close()


def test_the_navigation_stays_in_a_row_on_a_wide_screen(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(server.url + "/")
    assert page.locator(".site-nav--wide a[href='/measures']").is_visible()
    assert not page.locator(".site-menu").is_visible()
    context.close()
