"""axe-core in the page under test: the WCAG 2.x A and AA rules.

axe is a script: run it in a page whose context allows JavaScript.
"""

from axe_playwright_python.sync_playwright import Axe

WCAG_A_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    }
}


def violations_on(page):
    results = Axe().run(page, options=WCAG_A_AA)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def assert_accessible(page):
    found = violations_on(page)
    assert found == [], f"{page.url}: {found}"
