"""Withdrawing a consent stops the mail it covered, even mail already queued.

The check is made when a message leaves, against the consent table: a person who withdrew
while their message waited in the queue does not receive it, and no invitation goes out in
their name.
"""

import pytest
from django.core import mail

from portevoix.endorsements import actions
from portevoix.endorsements.factories import ReferrerFactory
from portevoix.endorsements.models import Endorsement, Invitation, referrer_consent_source
from portevoix.endorsements.tasks import (
    NOT_IN_THEIR_NAME,
    send_endorsement_confirmation,
    send_endorsement_outcome,
    send_invitation,
)
from portevoix.endorsements.tests.helpers import endorsement_form, url
from portevoix.endorsements.tests.test_invitations import compose_url, invitation_form, invite
from portevoix.privacy.actions import erase_personal_data
from portevoix.privacy.links import make_token
from portevoix.privacy.models import Consent, Purpose

pytestmark = pytest.mark.django_db
CONTACT = "lea.roy@sante.example"


def endorse(client, campaign, capture):
    with capture(execute=True):
        client.post(url("endorsements:endorse", campaign.slug), endorsement_form())
    return Endorsement.objects.get()


def confirmed(client, campaign, capture):
    endorsement = endorse(client, campaign, capture)
    with capture(execute=True):
        actions.confirm_endorsement(endorsement)
    return endorsement


def withdraw_on_the_data_page(client, email, consent):
    response = client.post(f"/en/my-data/{make_token(email)}/consents/{consent.pk}/withdraw/")
    assert response.status_code == 302
    assert not Consent.objects.get(pk=consent.pk).is_active()


def contact_consent(endorsement):
    return endorsement.consents().get(purpose=Purpose.CONTACT_REPLY)


def test_a_contact_who_withdrew_is_not_told_the_outcome(
    client, campaign, cast, smtp, django_capture_on_commit_callbacks
):
    endorsement = confirmed(client, campaign, django_capture_on_commit_callbacks)
    smtp.wait_for(2)  # the confirmation link to the contact, the note to staff
    withdraw_on_the_data_page(client, CONTACT, contact_consent(endorsement))

    with django_capture_on_commit_callbacks(execute=True):
        assert actions.approve_endorsement(endorsement, cast["sophie"])

    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.APPROVED  # the decision stands
    assert endorsement.outcome_notified_at is None  # nothing was sent, nor claimed as sent
    assert [m["To"] for m in smtp.messages].count(CONTACT) == 1  # only the confirmation link


def test_a_withdrawal_while_the_outcome_waits_in_the_queue_stops_it(
    client, campaign, cast, django_capture_on_commit_callbacks
):
    endorsement = confirmed(client, campaign, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks() as queued:
        actions.reject_endorsement(endorsement, cast["sophie"], "Hors sujet")
    withdraw_on_the_data_page(client, CONTACT, contact_consent(endorsement))

    for enqueue in queued:  # the worker picks the task up only now
        enqueue()

    assert mail.outbox == []
    assert send_endorsement_outcome.call(endorsement.pk) == "consent withdrawn"


def test_a_contact_who_still_agrees_is_told(
    client, campaign, cast, smtp, django_capture_on_commit_callbacks
):
    endorsement = confirmed(client, campaign, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        actions.approve_endorsement(endorsement, cast["sophie"])
    messages = smtp.wait_for(3)
    assert [m["To"] for m in messages].count(CONTACT) == 2  # the link, then the outcome


def test_no_new_confirmation_link_after_withdrawing(
    client, campaign, django_capture_on_commit_callbacks
):
    endorsement = endorse(client, campaign, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    withdraw_on_the_data_page(client, CONTACT, contact_consent(endorsement))
    assert send_endorsement_confirmation.call(endorsement.pk) == "consent withdrawn"
    assert len(mail.outbox) == 1


def test_an_erased_contact_gets_no_outcome(
    client, campaign, cast, django_capture_on_commit_callbacks
):
    endorsement = confirmed(client, campaign, django_capture_on_commit_callbacks)
    erase_personal_data(CONTACT)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.approve_endorsement(endorsement, cast["sophie"])
    assert mail.outbox == []


# --- Invitations sent in an inviter's name ------------------------------------------------------


def invite_without_running(client, referrer):
    """Post the form; the send task stays queued until the test runs it."""
    return client.post(compose_url(referrer), invitation_form())


def reply_to_consent(referrer):
    return Consent.objects.get(
        source=referrer_consent_source(referrer), purpose=Purpose.SEND_LETTER
    )


def test_an_invitation_waiting_for_the_address_is_not_sent_after_withdrawing(
    client, smtp, django_capture_on_commit_callbacks
):
    referrer = ReferrerFactory(email_confirmed_at=None, email="info@cjc.example")
    invite(client, referrer, django_capture_on_commit_callbacks)
    assert Invitation.objects.get().status == Invitation.Status.AWAITING_CONFIRMATION
    withdraw_on_the_data_page(client, "info@cjc.example", reply_to_consent(referrer))

    with django_capture_on_commit_callbacks(execute=True):
        actions.confirm_inviter(referrer)

    invitation = Invitation.objects.get()
    assert invitation.status == Invitation.Status.FAILED
    assert invitation.last_error == NOT_IN_THEIR_NAME and invitation.sent_at is None
    assert smtp.messages == []


def test_a_queued_invitation_is_not_sent_once_the_inviter_withdrew(
    client, django_capture_on_commit_callbacks
):
    referrer = ReferrerFactory(email="info@cjc.example")
    with django_capture_on_commit_callbacks() as queued:
        invite_without_running(client, referrer)
    assert Invitation.objects.get().status == Invitation.Status.QUEUED
    withdraw_on_the_data_page(client, "info@cjc.example", reply_to_consent(referrer))

    for enqueue in queued:
        enqueue()

    invitation = Invitation.objects.get()
    assert mail.outbox == []
    assert invitation.status == Invitation.Status.FAILED
    assert invitation.last_error == NOT_IN_THEIR_NAME
    assert send_invitation.call(invitation.pk) == "not queued"  # and never later either


def test_agreeing_anew_sends_only_the_new_invitation(
    client, smtp, django_capture_on_commit_callbacks
):
    referrer = ReferrerFactory(email_confirmed_at=None, email="info@cjc.example")
    invite(client, referrer, django_capture_on_commit_callbacks)
    withdraw_on_the_data_page(client, "info@cjc.example", reply_to_consent(referrer))
    with django_capture_on_commit_callbacks(execute=True):
        actions.confirm_inviter(referrer)

    invite(client, referrer, django_capture_on_commit_callbacks, to_email="accueil@sante.example")

    [message] = smtp.wait_for(1)
    assert message["To"] == "accueil@sante.example"
    statuses = dict(Invitation.objects.values_list("to_email", "status"))
    assert statuses == {
        "info@cliniqueduparc.example": Invitation.Status.FAILED,
        "accueil@sante.example": Invitation.Status.SENT,
    }


def test_an_erased_inviters_queued_invitation_is_not_sent(
    client, django_capture_on_commit_callbacks
):
    referrer = ReferrerFactory(email="info@cjc.example")
    with django_capture_on_commit_callbacks() as queued:
        invite_without_running(client, referrer)
    erase_personal_data("info@cjc.example")
    for enqueue in queued:
        enqueue()
    assert mail.outbox == []
    assert Invitation.objects.get().status == Invitation.Status.FAILED
