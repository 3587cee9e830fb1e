"""Generated hostile input on every step of writing a letter: start, recipients, about you,
write, send. Never a crash, nothing sent without consent, nothing shown unescaped, and no line
break reaches an email header."""

from email import message_from_bytes

from django.core import mail
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from portevoix.campaigns.factories import CampaignFactory
from portevoix.letters import actions
from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import (
    LetterFactory,
    LetterTemplateFactory,
    RepresentativeFactory,
    postal_code_for,
)
from portevoix.lib.tests.test_hostile_input import UNESCAPED, hostile_text, maybe_email
from portevoix.privacy.models import Consent

EXAMPLES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def ticked(value):
    """Whether a checkbox posted with this value counts as ticked, as Django reads one:
    anything but nothing and "false" (in any case)."""
    return bool(value) and value.lower() != "false"


def assert_no_line_break_in_headers(test, message):
    for value in [message.subject, message.from_email, *message.to, *message.cc, *message.reply_to]:
        test.assertNotIn("\n", value)
        test.assertNotIn("\r", value)
    for value in message.extra_headers.values():
        test.assertNotIn("\n", str(value))
    parsed = message_from_bytes(message.message().as_bytes())
    test.assertIsNone(parsed["Bcc"])
    test.assertEqual(len(parsed.get_all("Subject")), 1)


class HostileLetterInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.campaign = CampaignFactory()
        cls.template = LetterTemplateFactory(campaign=cls.campaign, key="ind-write-mp")
        representative = RepresentativeFactory()
        postal_code_for(representative.district, "H2X1Y4")

    def assert_safe(self, response):
        self.assertIn(response.status_code, (200, 302, 400))
        body = response.content.decode(errors="replace")
        for payload in UNESCAPED:
            self.assertNotIn(payload, body)
        return body

    def draft(self, **fields):
        return LetterFactory(template=self.template, status=Letter.Status.DRAFT, **fields)

    @EXAMPLES
    @given(code=hostile_text)
    def test_the_start_step(self, code):
        before = Letter.objects.count()
        path = f"/en/campaigns/{self.campaign.slug}/letters/new/{self.template.key}/"
        response = self.client.post(path, {"postal_code": code})
        self.assert_safe(response)
        if response.status_code == 302:
            letter = Letter.objects.latest("created_at")
            # Only a real, normalized postal code is ever kept.
            self.assertRegex(letter.postal_code, r"^[A-Z]\d[A-Z]\d[A-Z]\d$")
        else:
            self.assertEqual(Letter.objects.count(), before)

    @EXAMPLES
    @given(district=hostile_text, holder=hostile_text, search=hostile_text)
    def test_the_recipients_step(self, district, holder, search):
        letter = self.draft(to_name="", to_title="", to_email="")
        self.assert_safe(self.client.get(letter.step_url("recipients"), {"q": search}))
        response = self.client.post(
            letter.step_url("recipients"), {"district": district, "office_holder": holder}
        )
        self.assert_safe(response)

    @EXAMPLES
    @given(
        name=hostile_text,
        email=maybe_email,
        organization=hostile_text,
        on_behalf=st.booleans(),
        on_behalf_of=hostile_text,
        agreed=st.booleans(),
    )
    def test_the_about_you_step(self, name, email, organization, on_behalf, on_behalf_of, agreed):
        letter = self.draft(sender_name="", sender_email="")
        data = {"name": name, "email": email, "organization": organization}
        if on_behalf:
            data.update(on_behalf="on", on_behalf_of=on_behalf_of)
        if agreed:
            data["on_behalf_agreed"] = "on"
        self.assert_safe(self.client.post(letter.step_url("sender"), data))
        letter.refresh_from_db()
        for kept in (letter.sender_name, letter.sender_organization, letter.on_behalf_of):
            self.assertNotIn("\n", kept)
            self.assertNotIn("\r", kept)
        if letter.on_behalf_of:
            self.assertTrue(agreed)  # never in someone's name without their agreement
        self.assert_safe(self.client.get(letter.step_url("preview")))

    @EXAMPLES
    @given(subject=hostile_text, body=hostile_text)
    def test_the_write_step_and_the_pages_that_show_it(self, subject, body):
        letter = self.draft()
        response = self.client.post(letter.step_url("write"), {"subject": subject, "body": body})
        self.assert_safe(response)
        letter.refresh_from_db()
        self.assertNotIn("\n", letter.subject)
        self.assert_safe(self.client.get(letter.step_url("preview")))
        self.assert_safe(self.client.get(letter.get_absolute_url()))

    @EXAMPLES
    @given(
        name=hostile_text,
        subject=hostile_text,
        body=hostile_text,
        consent=st.booleans(),
        extra=st.dictionaries(st.sampled_from(["hear_from_campaign", "follow_up"]), hostile_text),
    )
    @example(name="Amélie", subject="S", body="B", consent=True, extra={"follow_up": "0"})
    @example(name="Amélie", subject="S", body="B", consent=True, extra={"follow_up": "FALSE"})
    def test_sending_needs_consent_and_keeps_headers_whole(
        self, name, subject, body, consent, extra
    ):
        letter = self.draft(sender_email="amelie.hostile@example.org")
        self.client.post(letter.step_url("sender"), {"name": name, "email": letter.sender_email})
        self.client.post(letter.step_url("write"), {"subject": subject, "body": body})
        letter.refresh_from_db()
        data = dict(extra)
        if consent:
            data["send_letter"] = "on"
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(letter.step_url("send"), data)
        self.assert_safe(response)
        letter.refresh_from_db()
        if not consent:
            self.assertEqual(letter.status, Letter.Status.DRAFT)
            self.assertFalse(letter.consents().exists())
            self.assertEqual(mail.outbox, [])
            return
        self.assertTrue(letter.consents().filter(purpose="send_letter").exists())
        for purpose in ("hear_from_campaign", "follow_up"):
            recorded = Consent.objects.filter(source=letter.consent_source(), purpose=purpose)
            self.assertEqual(recorded.exists(), ticked(data.get(purpose)))
        token = actions.confirmation_token(letter)
        confirm = f"/en/campaigns/{self.campaign.slug}/letters/confirm/{token}/"
        with self.captureOnCommitCallbacks(execute=True):
            self.assert_safe(self.client.post(confirm))
        self.assertGreaterEqual(len(mail.outbox), 1)
        for message in mail.outbox:
            assert_no_line_break_in_headers(self, message)
        self.assert_safe(self.client.get(letter.get_absolute_url()))
