"""A second browser context signed in as staff who passed the two-step sign-in."""

from django.test import Client

from portevoix.test import make_cast, sign_in_staff


def staff_context(browser, base, locale="fr-CA"):
    client = sign_in_staff(Client(), make_cast()["sophie"])
    context = browser.new_context(locale=locale)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context
