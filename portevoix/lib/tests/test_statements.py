"""SQL written once per process for the busiest statements reads and writes what the ORM would."""

import uuid

import pytest
from django.db import connection
from django.utils import timezone

from portevoix.campaigns.factories import CampaignFactory
from portevoix.endorsements.actions import organizations_with_contact
from portevoix.endorsements.models import Organization
from portevoix.intake.models import WindowCount
from portevoix.letters.models import Letter
from portevoix.letters.tests.factories import LetterFactory
from portevoix.lib.db.statements import db_values, model_sql, read_one

pytestmark = pytest.mark.django_db

SEND_FIELDS = ("campaign", "public_id", "status", "body", "sender_email")


def quoted(name):
    return connection.ops.quote_name(name)


def test_it_quotes_the_table_and_the_columns_of_the_named_fields():
    sql = model_sql(
        Letter,
        "SELECT {columns} FROM {table} WHERE {campaign} = %s",
        columns=("id", "status"),
        campaign="campaign",
    )
    parts = ["SELECT", f"{quoted('id')}, {quoted('status')}", "FROM", quoted("letters_letter")]
    assert sql == " ".join([*parts, "WHERE", quoted("campaign_id"), "= %s"])


def test_it_gives_one_placeholder_for_each_column():
    sql = model_sql(
        WindowCount,
        "INSERT INTO {table} ({columns}) VALUES ({placeholders})",
        columns=("key", "count", "ends_at"),
    )
    assert sql.endswith("VALUES (%s, %s, %s)")


def test_it_makes_each_statement_once_per_process():
    first = model_sql(Letter, "SELECT {id} FROM {table}", id="id")
    assert model_sql(Letter, "SELECT {id} FROM {table}", id="id") is first


def test_values_are_passed_as_each_field_stores_them():
    public_id, when = uuid.uuid4(), timezone.now()
    values = db_values(Letter, public_id=public_id, confirmation_requested_at=when)
    assert values == [
        Letter._meta.get_field("public_id").get_db_prep_save(public_id, connection),
        Letter._meta.get_field("confirmation_requested_at").get_db_prep_save(when, connection),
    ]


def test_a_letter_is_read_by_its_link_with_only_the_named_columns():
    letter = LetterFactory()
    found = read_by_link(letter.public_id, letter.campaign_id, SEND_FIELDS)
    assert found.pk == letter.pk
    assert found.body == letter.body  # stored encrypted, read back in clear
    assert found.status == Letter.Status.DRAFT
    assert "subject" in found.get_deferred_fields()
    assert found.subject == letter.subject  # read when asked for, as with only()


def test_a_letter_read_by_its_link_has_each_value_as_the_orm_gives_it():
    letter = LetterFactory()
    fields = ("created_at", "public_id", "campaign", "status", "sender_email", "id")
    found = read_by_link(letter.public_id, letter.campaign_id, fields)
    by_orm = Letter.objects.only(*fields).get(pk=letter.pk)
    for name in ["created_at", "public_id", "campaign_id", "status", "sender_email"]:
        assert getattr(found, name) == getattr(by_orm, name), name
        assert type(getattr(found, name)) is type(getattr(by_orm, name)), name
    assert isinstance(found.public_id, uuid.UUID)
    assert found.created_at.tzinfo is not None
    assert found.get_deferred_fields() == by_orm.get_deferred_fields()


def test_a_letter_is_not_found_in_another_campaign_or_by_an_unknown_id():
    letter = LetterFactory()
    other = CampaignFactory()
    assert read_by_link(letter.public_id, other.pk, SEND_FIELDS) is None
    assert read_by_link(uuid.uuid4(), letter.campaign_id, SEND_FIELDS) is None


def read_by_link(public_id, campaign_id, fields):
    return read_one(Letter.objects, ("id", *fields), public_id=public_id, campaign=campaign_id)


def move(letter, when):
    return Letter.objects.sendable_draft_awaits_confirmation(
        letter.public_id, letter.campaign_id, when
    )


def test_only_a_draft_moves_to_awaiting_confirmation_and_only_once():
    letter = LetterFactory()
    asked_at = timezone.now()
    assert run_returning(*move(letter, asked_at)) == [(letter.pk,)]
    letter.refresh_from_db()
    assert letter.status == Letter.Status.AWAITING_CONFIRMATION
    assert letter.confirmation_requested_at == asked_at
    assert run_returning(*move(letter, timezone.now())) == []
    letter.refresh_from_db()
    assert letter.confirmation_requested_at == asked_at


def test_a_letter_moves_only_from_its_own_campaign():
    letter = LetterFactory()
    elsewhere = Letter.objects.sendable_draft_awaits_confirmation(
        letter.public_id, CampaignFactory().pk, timezone.now()
    )
    assert run_returning(*elsewhere) == []
    letter.refresh_from_db()
    assert letter.is_draft()


@pytest.mark.parametrize(
    "missing",
    [
        {},
        {"body": ""},
        {"to_email": ""},
        {"to_name": ""},
        {"to_title": ""},
        {"to_name": "", "to_title": ""},
        {"sender_name": ""},
        {"sender_email": ""},
    ],
)
def test_a_draft_moves_exactly_when_the_letter_says_it_can_be_sent(missing):
    letter = LetterFactory(**missing)
    ready = letter.is_sendable() and letter.can_be_sent_by_platform()
    assert run_returning(*move(letter, timezone.now())) == ([(letter.pk,)] if ready else [])
    letter.refresh_from_db()
    assert letter.is_draft() is not ready


def run_returning(sql, values):
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        return cursor.fetchall()


def organization(name, email):
    return Organization.objects.create(
        name=name, sector="settlement", region="QC", contact_name="Contact", contact_email=email
    )


def test_organizations_with_a_contact_match_the_address_and_the_name_in_any_case():
    mine = organization("Maison d'accueil", "accueil@example.org")
    organization("Maison d'accueil", "autre@example.org")
    organization("Another name", "accueil@example.org")
    assert organizations_with_contact("accueil@example.org", "MAISON D'ACCUEIL") == [mine.pk]
    assert organizations_with_contact("accueil@example.org", "Maison") == []
    assert organizations_with_contact("nobody@example.org", "Maison d'accueil") == []
