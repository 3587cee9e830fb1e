"""Generated hostile input on every public form: no crash, nothing executed, no consent skipped."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from portevoix.campaigns.factories import CampaignFactory
from portevoix.campaigns.models import ContactMessage
from portevoix.privacy.models import Consent

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "Name\r\nBcc: victim@example.org",
    '=HYPERLINK("http://evil.example")',
    "\u202eevil",
    "ﷺ 你好 Zoë œ « »",
]
hostile_text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=300),
    st.builds(lambda a, b: a + b, st.sampled_from(PAYLOADS), st.text(max_size=50)),
)
maybe_email = st.one_of(st.emails(), hostile_text)
UNESCAPED = ("<script>alert(1)</script>", "<img src=x onerror")


class HostileInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.campaign = CampaignFactory()

    def assert_safe(self, response):
        self.assertIn(response.status_code, (200, 302, 400))
        body = response.content.decode(errors="replace")
        for payload in UNESCAPED:
            self.assertNotIn(payload, body)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(name=hostile_text, email=maybe_email, message=hostile_text, consent=st.booleans())
    def test_the_contact_form(self, name, email, message, consent):
        data = {"name": name, "email": email, "message": message, "organization": name}
        if consent:
            data["consent_to_reply"] = "on"
        before = ContactMessage.objects.count()
        response = self.client.post(f"/en/campaigns/{self.campaign.slug}/contact/", data)
        self.assert_safe(response)
        stored = ContactMessage.objects.count() - before
        if not consent:
            self.assertEqual(stored, 0)
        for row in ContactMessage.objects.all():
            self.assertNotIn("\n", row.name)  # a name never carries a header break
            self.assertTrue(row.consent_to_reply)
            self.assertTrue(Consent.objects.filter(email=row.email).exists())

    @settings(max_examples=40, deadline=None)
    @given(email=maybe_email, trap=st.one_of(st.just(""), hostile_text))
    def test_the_personal_data_request(self, email, trap):
        response = self.client.post("/fr/mes-donnees/", {"email": email, "website": trap})
        self.assert_safe(response)

    @settings(max_examples=40, deadline=None)
    @given(code=hostile_text)
    def test_the_find_your_mp_form(self, code):
        response = self.client.get("/en/find-your-mp/", {"postal_code": code})
        self.assert_safe(response)

    @settings(max_examples=30, deadline=None)
    @given(query=hostile_text)
    def test_the_riding_search(self, query):
        self.assert_safe(
            self.client.get("/fr/trouver-votre-depute/circonscriptions/", {"q": query})
        )
