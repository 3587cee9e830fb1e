"""Generated hostile input on the report-back form (its "find the MP" step too) and on the
follow-up answer links: never a crash, nothing kept without the consent the form asks for,
the words shown escaped to staff, and no line break in any email header."""

import uuid
from urllib.parse import quote

from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from portevoix.campaigns.factories import CampaignFactory
from portevoix.letters.tests.factories import (
    DistrictFactory,
    LetterFactory,
    RepresentativeFactory,
)
from portevoix.letters.tests.test_hostile_input import assert_no_line_break_in_headers
from portevoix.lib.tests.test_hostile_input import UNESCAPED, hostile_text, maybe_email
from portevoix.privacy.models import Consent, Purpose
from portevoix.reports.links import answer_token
from portevoix.reports.models import ActionType, FollowUp, Outcome, QuotePermission, ReportBack
from portevoix.reports.tests.conftest import report_data
from portevoix.test import make_cast, sign_in_staff

CHOICES = {
    "action_type": ActionType.values,
    "outcome": Outcome.values,
    "target_kind": ["mp", "minister", "provincial", "other"],
    "quote_permission": QuotePermission.values,
    "province": ["", "QC", "NU"],
    "district": ["mp"],
}
# Most of the time every choice is a real one, so that reports get stored and shown; otherwise
# any of them may be anything at all.
well_formed_choices = st.fixed_dictionaries(
    {name: st.sampled_from(values) for name, values in CHOICES.items()}
)
hostile_choices = st.fixed_dictionaries(
    {name: st.one_of(st.sampled_from(values), hostile_text) for name, values in CHOICES.items()}
)

# Modest, so that the suite stays quick; CI runs them derandomized (see conftest.py).
EXAMPLES = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class HostileReportInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.campaign = CampaignFactory()
        cls.sophie = make_cast()["sophie"]
        district = DistrictFactory(name_fr="Laurier—Sainte-Marie", name_en="Laurier—Sainte-Marie")
        cls.mp = RepresentativeFactory(name="Hélène Députée", district=district)
        with translation.override("en"):
            cls.form_path = reverse("reports:report_back", args=[cls.campaign.slug])

    def assert_safe(self, response):
        self.assertIn(response.status_code, (200, 302, 400, 404))
        body = response.content.decode(errors="replace")
        for payload in UNESCAPED:
            self.assertNotIn(payload, body)
        return body

    def assert_mail_is_well_formed(self):
        for message in mail.outbox:
            assert_no_line_break_in_headers(self, message)

    @EXAMPLES
    @given(
        text=hostile_text,
        name=hostile_text.map(lambda text: text[:120]),
        email=st.one_of(st.just(""), maybe_email),
        consent_to_contact=st.booleans(),
        choices=st.one_of(well_formed_choices, well_formed_choices, hostile_choices),
    )
    def test_the_report_back_form(self, text, name, email, consent_to_contact, choices):
        data = report_data(
            **choices,
            target_description=text[:200],
            commitments=text,
            details=f"SECRET {text}",
            reporter_name=name,
            organization_name=name,
            reporter_email=email,
        )
        if choices["district"] == "mp":
            data["district"] = self.mp.district_id
        if consent_to_contact:
            data["consent_to_contact"] = "on"
        with self.captureOnCommitCallbacks(execute=True):  # its emails, as the worker sends them
            response = self.client.post(self.form_path, data)
        self.assert_safe(response)
        report = ReportBack.objects.filter(public_id=data["submission_id"]).first()
        if report is None:
            self.assertNotEqual(response.status_code, 302, "thanked but nothing kept")
            return
        consents = Consent.objects.active().filter(source=report.consent_source())
        if report.reporter_email:
            # An address is kept only with the consent to be contacted about the report.
            self.assertTrue(consent_to_contact)
            self.assertTrue(consents.filter(purpose=Purpose.CONTACT_REPLY).exists())
        if report.quote_permission != QuotePermission.PRIVATE:
            self.assertTrue(consents.filter(purpose=Purpose.QUOTE_PUBLICLY).exists())
        self.assertNotIn("\n", report.reporter_name)
        staff_page = self.staff_change_page(report)
        self.assertIn("SECRET", staff_page)  # staff read the words, escaped
        self.assert_mail_is_well_formed()

    def staff_change_page(self, report):
        staff = sign_in_staff(self.client_class(), self.sophie)
        response = staff.get(reverse("admin:reports_reportback_change", args=[report.pk]))
        self.assertEqual(response.status_code, 200)
        return self.assert_safe(response)

    @EXAMPLES
    @given(find=hostile_text, district=hostile_text, other=hostile_text)
    def test_the_find_the_mp_step(self, find, district, other):
        before = ReportBack.objects.count()
        data = report_data(find=find, district=district, details=other, find_mp="1")
        response = self.client.post(self.form_path, data)
        self.assert_safe(response)
        self.assertEqual(ReportBack.objects.count(), before)  # finding stores nothing
        self.assert_safe(self.client.get(self.form_path, {"letter": other}))

    @EXAMPLES
    @given(token=hostile_text, tamper=hostile_text, answer=hostile_text)
    def test_forged_follow_up_answers_record_nothing(self, token, tamper, answer):
        letter = LetterFactory(
            template__campaign=self.campaign, status="sent", sent_at=timezone.now()
        )
        follow_up = FollowUp.objects.create(letter=letter, due_at=timezone.now())
        real = answer_token(letter, FollowUp.Answer.USEFUL)
        forged = [
            token,
            real + tamper,
            real.replace(str(letter.public_id), str(uuid.uuid4())),
            real.replace(FollowUp.Answer.USEFUL, answer),
        ]
        for candidate in forged:
            if candidate == real or not candidate:
                continue
            with translation.override("en"):
                path = reverse(
                    "reports:followup_answer", args=[self.campaign.slug, quote(candidate, safe="")]
                )
            self.assert_safe(self.client.get(path))
            response = self.client.post(path, {"answer": answer})
            self.assert_safe(response)
            self.assertIn(response.status_code, (400, 404))
        follow_up.refresh_from_db()
        self.assertIsNone(follow_up.answered_at)
        self.assertEqual(follow_up.answer, "")
