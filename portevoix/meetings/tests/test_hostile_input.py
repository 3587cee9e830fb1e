"""Generated hostile input on every public form of calls and meetings: the call record, the
meeting request, the organizer's invite form and report, a delegate's answer (and forged
links), the lobbying log request. Never a crash, nothing kept without the consent asked,
what people wrote shown escaped later, and no line break in any email header."""

import uuid
from urllib.parse import quote

from django.core import mail
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from portevoix.campaigns.factories import CampaignFactory
from portevoix.letters.tests.factories import (
    LetterTemplateFactory,
    RepresentativeFactory,
    postal_code_for,
)
from portevoix.letters.tests.test_hostile_input import assert_no_line_break_in_headers
from portevoix.lib.tests.test_hostile_input import UNESCAPED, hostile_text, maybe_email
from portevoix.meetings.models import Call, Delegate, MeetingRequest, Place
from portevoix.meetings.tests.helpers import make_meeting
from portevoix.privacy.models import Consent, Purpose
from portevoix.reports.models import QuotePermission, ReportBack, StatedPosition
from portevoix.test import make_cast, sign_in_staff

SAFE_STATUSES = (200, 302, 400, 404, 405, 429)

# Modest, so that the suite stays quick; CI runs them derandomized (see conftest.py).
EXAMPLES = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def real_or_hostile(values):
    """Three times in four a real choice, so that rows get stored and shown; else anything."""
    return st.tuples(
        st.sampled_from([True, True, True, False]), st.sampled_from(values), hostile_text
    ).map(lambda drawn: drawn[1] if drawn[0] else drawn[2])


one_line = hostile_text.map(lambda text: " ".join(text.split())[:100])
mostly_one_line = st.one_of(one_line, one_line, hostile_text)
plain_email = st.from_regex(r"[a-z]{1,12}@[a-z]{1,12}\.example", fullmatch=True)
mostly_an_email = st.one_of(plain_email, plain_email, maybe_email)


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


class HostileMeetingInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.campaign = CampaignFactory()
        cls.sophie = make_cast()["sophie"]
        cls.template = LetterTemplateFactory(campaign=cls.campaign, key="meeting-request")
        cls.mp = RepresentativeFactory(name="Hélène Tremblay")
        postal_code_for(cls.mp.district, "H2X1Y4")

    def assert_safe(self, response):
        self.assertIn(response.status_code, SAFE_STATUSES)
        body = response.content.decode(errors="replace")
        for payload in UNESCAPED:
            self.assertNotIn(payload, body)
        return body

    def assert_mail_is_well_formed(self):
        for message in mail.outbox:
            assert_no_line_break_in_headers(self, message)

    def post(self, path, data):
        """Post, and run what the request queued (its emails) as the worker would."""
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(path, data)
        self.assert_mail_is_well_formed()
        return response

    def meeting(self):
        return make_meeting(self.campaign, self.template, self.mp)

    def organizer_page(self, meeting):
        response = self.client.get(meeting.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        return self.assert_safe(response)

    # --- Calls ---------------------------------------------------------------------------------

    @EXAMPLES
    @given(
        said=hostile_text,
        outcome=real_or_hostile(Call.Outcome.values),
        call_id=st.one_of(st.uuids().map(str), st.uuids().map(str), hostile_text),
        district=real_or_hostile(["mp"]),
    )
    def test_the_call_record(self, said, outcome, call_id, district):
        data = {
            "call_id": call_id,
            "district": self.mp.district_id if district == "mp" else district,
            "outcome": outcome,
            "what_they_said": said,
            "website": "",
        }
        response = self.post(en("meetings:call_record", self.campaign.slug), data)
        self.assert_safe(response)
        call = (
            Call.objects.filter(public_id=call_id).first() if response.status_code == 302 else None
        )
        if call is not None:
            self.assertEqual(call.what_they_said, said.strip())
            self.assert_safe(self.client.get(response["Location"]))
            self.assert_safe(self.staff().get(en("admin:meetings_call_change", call.pk)))

    def staff(self):
        return sign_in_staff(self.client_class(), self.sophie)

    # --- Requesting a meeting ------------------------------------------------------------------

    @EXAMPLES
    @given(
        name=mostly_one_line,
        email=mostly_an_email,
        organization=mostly_one_line,
        times=mostly_one_line,
        place=real_or_hostile(Place.values),
        place_details=mostly_one_line,
        consent=real_or_hostile([True]).map(lambda drawn: drawn is True),
        district=real_or_hostile(["mp"]),
        office=real_or_hostile([""]),
    )
    def test_the_meeting_request(
        self, name, email, organization, times, place, place_details, consent, district, office
    ):
        target = {
            "district": self.mp.district_id if district == "mp" else district,
            "office": office,
        }
        path = en("meetings:meeting_new", self.campaign.slug)
        self.assert_safe(self.client.get(path, target))
        data = {
            **target,
            "name": name,
            "email": email,
            "organization": organization,
            "proposed_times": times,
            "place": place,
            "place_details": place_details,
            "website": "",
        }
        if consent:
            data["consent"] = "on"
        before = MeetingRequest.objects.count()
        response = self.post(path, data)
        self.assert_safe(response)
        if not consent:
            self.assertEqual(MeetingRequest.objects.count(), before)
        for meeting in MeetingRequest.objects.all():
            consents = Consent.objects.active().filter(source=meeting.consent_source())
            self.assertTrue(consents.filter(purpose=Purpose.FOLLOW_UP).exists())
            self.assertNotIn("\n", meeting.organizer_name)
            self.organizer_page(meeting)

    # --- The organizer's page: inviting, reporting ---------------------------------------------

    @EXAMPLES
    @given(
        name=mostly_one_line,
        email=mostly_an_email,
        role=real_or_hostile(Delegate.Role.values),
        language=real_or_hostile(["fr", "en"]),
    )
    def test_the_invite_form(self, name, email, role, language):
        meeting = self.meeting()
        mail.outbox.clear()
        data = {"name": name, "email": email, "role": role, "language": language}
        response = self.post(
            en("meetings:invite", self.campaign.slug, meeting.private_token()), data
        )
        self.assert_safe(response)
        for delegate in meeting.delegates.all():
            self.assertNotIn("\n", delegate.name)
            self.assert_safe(self.client.get(delegate.get_absolute_url()))
        self.organizer_page(meeting)

    @EXAMPLES
    @given(
        details=hostile_text,
        other=hostile_text,
        commitments=hostile_text,
        position=real_or_hostile(StatedPosition.values),
        quote=real_or_hostile(QuotePermission.values),
        attendee=real_or_hostile(["coming"]),
    )
    def test_the_post_meeting_report(self, details, other, commitments, position, quote, attendee):
        meeting = self.meeting()
        coming = Delegate.objects.create(
            meeting=meeting,
            name="Nadia",
            email="nadia@example.org",
            role=Delegate.Role.LIVED_EXPERIENCE,
            language="fr",
            answer=Delegate.Answer.ACCEPTED,
        )
        data = {
            "attendees": [str(coming.pk) if attendee == "coming" else attendee],
            "other_attendees": other,
            "details": f"SECRET {details}",
            "stated_position": position,
            "commitments": commitments,
            "follow_up_needed": commitments,
            "quote_permission": quote,
        }
        path = en("meetings:report", self.campaign.slug, meeting.private_token())
        response = self.post(path, data)
        self.assert_safe(response)
        report = ReportBack.objects.filter(meeting=meeting).first()
        if report is None:
            return
        if report.quote_permission != QuotePermission.PRIVATE:
            consents = Consent.objects.active().filter(source=report.consent_source())
            self.assertTrue(consents.filter(purpose=Purpose.QUOTE_PUBLICLY).exists())
        self.organizer_page(meeting)
        staff_page = self.assert_safe(
            self.staff().get(en("admin:reports_reportback_change", report.pk))
        )
        self.assertIn("SECRET", staff_page)

    # --- A delegate's answer -------------------------------------------------------------------

    @EXAMPLES
    @given(
        note=hostile_text,
        answer=real_or_hostile(["accepted", "declined"]),
        forged=hostile_text,
        tamper=hostile_text,
    )
    def test_the_delegate_answer_and_forged_links(self, note, answer, forged, tamper):
        meeting = self.meeting()
        delegate = Delegate.objects.create(
            meeting=meeting,
            name="Nadia",
            email="nadia@example.org",
            role=Delegate.Role.SUPPORTER,
            language="fr",
        )
        real = delegate.private_token()
        for token in {
            forged,
            real + tamper,
            real.replace(str(delegate.public_id), str(uuid.uuid4())),
        }:
            if not token or token == real:
                continue
            path = en("meetings:delegate", self.campaign.slug, quote(token, safe=""))
            self.assert_safe(self.client.get(path))
            self.assertEqual(self.post(path, {"answer": "accepted", "note": note}).status_code, 404)
        delegate.refresh_from_db()
        self.assertIsNone(delegate.answered_at)  # no forged link answered for them

        response = self.post(delegate.get_absolute_url(), {"answer": answer, "note": note})
        self.assert_safe(response)
        self.assert_safe(self.client.get(delegate.get_absolute_url()))
        self.organizer_page(meeting)

    # --- The lobbying log ----------------------------------------------------------------------

    @EXAMPLES
    @given(email=st.one_of(st.just("organizer"), maybe_email), trap=real_or_hostile([""]))
    def test_the_lobbying_log_request(self, email, trap):
        meeting = self.meeting()
        if email == "organizer":
            email = meeting.organizer_email
        mail.outbox.clear()
        path = en("meetings:log_request", self.campaign.slug)
        self.assert_safe(self.post(path, {"email": email, "website": trap}))
