"""A writer's letters: shown to them, erased on request, purged on time, counts kept."""

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterFactory
from portevoix.privacy.actions import record_consent
from portevoix.privacy.models import Consent, Purpose
from portevoix.privacy.registry import erase_everything, export_everything

pytestmark = pytest.mark.django_db
STORY = "Ma femme et nos deux enfants attendent depuis trois ans."


def sent_letter(**fields):
    return LetterFactory(
        status=Letter.Status.SENT,
        sent_at=timezone.now(),
        confirmed_at=timezone.now(),
        body=STORY,
        **fields,
    )


def table_contains(text):
    """Search every column of every letters table in the database, raw."""
    with connection.cursor() as cursor:
        for table in ["letters_letter", "privacy_consent"]:
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608  fixed table names
            for row in cursor.fetchall():
                if any(text in str(value) for value in row):
                    return True
    return False


def test_the_letter_body_is_encrypted_in_the_database():
    letter = sent_letter()
    assert not table_contains("trois ans")
    assert Letter.objects.get(pk=letter.pk).body == STORY


def test_a_writer_sees_their_letters(campaign):
    letter = sent_letter(sender_email="awa@example.org")
    held = export_everything("awa@example.org")["letters"]["records"]
    assert held[0]["letter"] == STORY and held[0]["to"] == letter.to_name


def test_erasure_leaves_only_anonymous_counts():
    letter = sent_letter(sender_email="awa@example.org", sender_name="Awa Diallo")
    record_consent(
        email="awa@example.org",
        purpose=Purpose.SEND_LETTER,
        wording="Send it.",
        language="fr",
        source=letter.consent_source(),
    )
    draft = LetterFactory(sender_email="awa@example.org", status=Letter.Status.DRAFT)
    counted_before = Letter.objects.filter(status=Letter.Status.SENT).count()

    erase_everything("awa@example.org")

    assert not Letter.objects.filter(pk=draft.pk).exists()
    kept = Letter.objects.get(pk=letter.pk)
    assert kept.status == Letter.Status.SENT and kept.riding_name == letter.riding_name
    assert Letter.objects.filter(status=Letter.Status.SENT).count() == counted_before
    for trace in ["awa@example.org", "Awa Diallo", "trois ans", "H2X1Y4"]:
        assert not Letter.objects.filter(sender_email=trace).exists()
        assert not table_contains(trace), trace
    assert kept.body == "" and kept.sender_name == ""
    assert not Consent.objects.for_email("awa@example.org").exists()


def test_two_erased_letters_to_the_same_office_do_not_collide():
    first = sent_letter(sender_email="a@example.org", to_email="mp@parl.gc.ca")
    second = sent_letter(
        sender_email="b@example.org",
        to_email="mp@parl.gc.ca",
        campaign=first.campaign,
        template=first.template,
    )
    erase_everything("a@example.org")
    erase_everything("b@example.org")
    assert Letter.objects.filter(pk__in=[first.pk, second.pk], body="").count() == 2


def test_letter_texts_are_purged_after_the_campaigns_period():
    letter = sent_letter()
    letter.campaign.letter_body_retention_days = 90
    letter.campaign.save()
    with time_machine.travel(timezone.now() + timezone.timedelta(days=89)):
        call_command("purge_expired", verbosity=0)
    assert Letter.objects.get(pk=letter.pk).body == STORY
    with time_machine.travel(timezone.now() + timezone.timedelta(days=91)):
        call_command("purge_expired", verbosity=0)
    purged = Letter.objects.get(pk=letter.pk)
    assert purged.body == "" and purged.status == Letter.Status.SENT
    assert purged.sender_email  # contact details have their own, longer period


def test_contact_details_go_after_24_months_unless_the_writer_wants_news():
    quiet = sent_letter(sender_email="quiet@example.org")
    keen = sent_letter(
        sender_email="keen@example.org", campaign=quiet.campaign, template=quiet.template
    )
    record_consent(
        email="keen@example.org", purpose=Purpose.HEAR_FROM_CAMPAIGN, wording="News.", language="fr"
    )
    with time_machine.travel(timezone.now() + timezone.timedelta(days=30 * 24 + 1)):
        call_command("purge_expired", verbosity=0)
    assert Letter.objects.get(pk=quiet.pk).sender_email.endswith("@erased.invalid")
    assert Letter.objects.get(pk=keen.pk).sender_email == "keen@example.org"


def test_letters_never_confirmed_are_deleted_once_their_link_is_dead(settings):
    draft = LetterFactory(status=Letter.Status.AWAITING_CONFIRMATION)
    days = (
        settings.LETTER_CONFIRMATION_MAX_AGE // 86400 + settings.UNCONFIRMED_LETTER_RETENTION_DAYS
    )
    with time_machine.travel(timezone.now() + timezone.timedelta(days=days - 1)):
        call_command("purge_expired", verbosity=0)
    assert Letter.objects.filter(pk=draft.pk).exists()
    with time_machine.travel(timezone.now() + timezone.timedelta(days=days + 1)):
        call_command("purge_expired", verbosity=0)
    assert not Letter.objects.filter(pk=draft.pk).exists()
