"""Generated hostile input on every public form of the app: endorsing, inviting, the lists.

Never a crash; nothing stored without the consent the form asks for; whatever is stored and
shown again (the inviter's page, the invitation, the public list) is escaped; no line break
reaches an email header.
"""

from email import message_from_bytes

from django.core import mail
from django.test import override_settings
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from portevoix.campaigns.factories import CampaignFactory
from portevoix.endorsements.factories import ReferrerFactory
from portevoix.endorsements.models import REGIONS, Endorsement, Invitation, Sector
from portevoix.endorsements.tests.helpers import url
from portevoix.lib.tests.test_hostile_input import UNESCAPED, hostile_text, maybe_email
from portevoix.privacy.models import Consent, Purpose
from portevoix.spread.models import Referrer

EXAMPLES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
choice_or_hostile = st.one_of(st.sampled_from([*Sector.values, *dict(REGIONS), ""]), hostile_text)


def assert_headers_whole(test, message):
    for value in [message.subject, message.from_email, *message.to, *message.reply_to]:
        test.assertNotIn("\n", value)
        test.assertNotIn("\r", value)
    parsed = message_from_bytes(message.message().as_bytes())
    test.assertIsNone(parsed["Bcc"])
    test.assertEqual(len(parsed.get_all("Subject")), 1)


@override_settings(
    SITE_URL="https://porte-voix.example",
    ENDORSEMENTS_PER_HOUR_PER_NETWORK=1000,
    INVITATIONS_PER_DAY=1000,
    STAFF_NOTIFICATION_EMAILS=["team@council.example"],
)
class HostileEndorsementInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.campaign = CampaignFactory()

    def assert_safe(self, response):
        self.assertIn(response.status_code, (200, 302, 400))
        body = response.content.decode(errors="replace")
        for payload in UNESCAPED:
            self.assertNotIn(payload, body)
        return body

    @EXAMPLES
    @given(
        name=hostile_text,
        contact=hostile_text,
        email=maybe_email,
        website=hostile_text,
        statement=hostile_text,
        sector=choice_or_hostile,
        region=choice_or_hostile,
        consent_contact=st.booleans(),
        consent_listing=st.booleans(),
    )
    def test_the_endorsement_form_and_the_public_list(
        self,
        name,
        contact,
        email,
        website,
        statement,
        sector,
        region,
        consent_contact,
        consent_listing,
    ):
        data = {
            "organization_name": name,
            "contact_name": contact,
            "contact_email": email,
            "website": website,
            "statement": statement,
            "sector": sector,
            "region": region,
        }
        if consent_contact:
            data["consent_contact"] = "on"
        if consent_listing:
            data["consent_listing"] = "on"
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url("endorsements:endorse", self.campaign.slug), data)
        self.assert_safe(response)
        endorsement = Endorsement.objects.select_related("organization").first()
        if not consent_contact:
            self.assertIsNone(endorsement)
            self.assertFalse(Consent.objects.exists())
            return
        if endorsement is None:
            return  # refused for another reason: nothing to check further
        self.assertNotIn("\n", endorsement.organization.name)
        purposes = set(endorsement.consents().values_list("purpose", flat=True))
        expected = {Purpose.CONTACT_REPLY} | ({Purpose.LIST_PUBLICLY} if consent_listing else set())
        self.assertEqual(purposes, expected)
        for message in mail.outbox:
            assert_headers_whole(self, message)
        # Once approved, what was typed appears on the public list, escaped, only if agreed.
        Endorsement.objects.filter(pk=endorsement.pk).update(status=Endorsement.Status.APPROVED)
        page = self.assert_safe(self.client.get(url("endorsements:list", self.campaign.slug)))
        listed = list(self.campaign.endorsements.for_public_display())
        self.assertEqual(listed, [endorsement] if consent_listing else [])
        if consent_listing:
            self.assertIn(escape(endorsement.organization.name), page)

    @EXAMPLES
    @given(kind=hostile_text, name=hostile_text, email=maybe_email, trap=st.just(""))
    def test_the_inviter_form(self, kind, name, email, trap):
        data = {"kind": kind, "name": name, "email": email, "nickname": trap}
        response = self.client.post(url("endorsements:invite_start", self.campaign.slug), data)
        self.assert_safe(response)
        referrer = Referrer.objects.filter(campaign=self.campaign).first()
        if referrer is not None:
            self.assertNotIn("\n", referrer.name)
            self.assert_safe(self.client.get(referrer.private_url()))

    @EXAMPLES
    @given(
        organization=hostile_text,
        to_email=maybe_email,
        subject=hostile_text,
        body=hostile_text,
        method=st.sampled_from(["platform", "own", ""]),
        consent=st.booleans(),
        inviter_name=hostile_text,
    )
    def test_the_invitation_form_and_what_it_sends(
        self, organization, to_email, subject, body, method, consent, inviter_name
    ):
        # The inviter's name came through the inviter form, which refuses NUL characters
        # (PostgreSQL cannot store them): the factory is given a name that form would accept.
        accepted_name = " ".join(inviter_name.replace("\x00", "").split())
        referrer = ReferrerFactory(campaign=self.campaign, name=accepted_name)
        data = {
            "sector": "health",
            "language": "fr",
            "to_organization": organization,
            "to_email": to_email,
            "subject": subject,
            "body": body,
            "method": method,
        }
        if consent:
            data["consent_reply_to"] = "on"
        compose = url("endorsements:compose", self.campaign.slug, referrer.private_token())
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(compose, data)
        self.assert_safe(response)
        invitation = Invitation.objects.first()
        reply_to_consents = Consent.objects.filter(source=f"referrer:{referrer.pk}")
        if invitation is None:
            self.assertEqual(mail.outbox, [])
            return
        self.assertNotIn("\n", invitation.subject)
        if invitation.method == Invitation.Method.PLATFORM:
            # Sent by Porte-voix only with the inviter's agreement to show their address.
            self.assertTrue(consent)
            self.assertTrue(reply_to_consents.filter(purpose=Purpose.SEND_LETTER).exists())
        else:
            self.assertEqual(mail.outbox, [])
            args = [self.campaign.slug, referrer.private_token(), invitation.code]
            self.assert_safe(self.client.get(url("endorsements:invitation", *args)))
        for message in mail.outbox:
            assert_headers_whole(self, message)
        self.assert_safe(self.client.get(referrer.private_url()))

    @EXAMPLES
    @given(region=hostile_text, sector=hostile_text, province=hostile_text, token=hostile_text)
    def test_the_public_pages_and_links_with_hostile_queries(self, region, sector, province, token):
        listing = url("endorsements:list", self.campaign.slug)
        self.assert_safe(self.client.get(listing, {"region": region, "sector": sector}))
        page = url("endorsements:province", self.campaign.slug)
        self.assert_safe(self.client.get(page, {"province": province}))
        endorse = url("endorsements:endorse", self.campaign.slug)
        self.assert_safe(self.client.get(endorse, {"invitation": token}))
        safe_token = "".join(c for c in token if c.isalnum() or c in "-_:") or "x"
        self.assert_safe(self.client.post(url("endorsements:unsubscribe", safe_token)))
