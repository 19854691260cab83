"""Every page type at a phone's width (320 and 390 px), in both languages, for every role: no page
may scroll sideways; wide tables scroll inside their own region instead."""
import json

from pages import visit_all

WIDTHS = [320, 390]


def test_no_page_scrolls_sideways_on_a_phone(browser, server):
    found = {}
    for width in WIDTHS:
        def check(page, name, _response, width=width):
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                found[f"{width}-{name}"] = scroll_width

        visited = visit_all(browser, server, check, viewport={"width": width, "height": 800})
        assert len(visited) >= 20
    assert not found, json.dumps(found, indent=2)
