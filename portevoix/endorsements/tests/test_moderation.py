"""Staff approve, reject with a reason, or merge duplicates; the contact hears the outcome."""

import pytest
from django.core import mail
from django.urls import reverse

from portevoix.endorsements import actions
from portevoix.endorsements.factories import EndorsementFactory
from portevoix.endorsements.models import Endorsement
from portevoix.test import sign_in_staff

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:endorsements_endorsement_changelist"


def staff_client(client, cast):
    return sign_in_staff(client, cast["sophie"])


def run_action(client, action, endorsements, capture, **extra):
    data = {"action": action, "_selected_action": [e.pk for e in endorsements], **extra}
    with capture(execute=True):
        return client.post(reverse(CHANGELIST), data)


def pending(**kwargs):
    return EndorsementFactory(status=Endorsement.Status.PENDING, **kwargs)


def test_staff_approve_and_the_contact_is_told_in_their_language(
    client, cast, django_capture_on_commit_callbacks
):
    endorsement = pending(language="en")
    run_action(
        staff_client(client, cast), "approve", [endorsement], django_capture_on_commit_callbacks
    )
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.APPROVED
    assert endorsement.decided_by == cast["sophie"]
    [message] = mail.outbox
    assert message.to == [endorsement.organization.contact_email]
    assert "is approved" in message.subject
    assert "/en/campaigns/" in message.body and "/endorsers/" in message.body
    assert endorsement.outcome_notified_at is not None


def test_an_unconfirmed_endorsement_cannot_be_approved(
    client, cast, django_capture_on_commit_callbacks
):
    endorsement = EndorsementFactory(status=Endorsement.Status.UNCONFIRMED)
    response = run_action(
        staff_client(client, cast), "approve", [endorsement], django_capture_on_commit_callbacks
    )
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.UNCONFIRMED
    assert mail.outbox == []
    assert response.status_code == 302


def test_rejecting_asks_for_a_reason_first(client, cast, django_capture_on_commit_callbacks):
    endorsement = pending()
    response = run_action(
        staff_client(client, cast), "reject", [endorsement], django_capture_on_commit_callbacks
    )
    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.PENDING


def test_an_empty_reason_is_refused(client, cast, django_capture_on_commit_callbacks):
    endorsement = pending()
    response = run_action(
        staff_client(client, cast),
        "reject",
        [endorsement],
        django_capture_on_commit_callbacks,
        confirm="yes",
        reason="  ",
    )
    assert response.status_code == 200
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.PENDING


def test_staff_reject_with_a_reason_the_contact_receives(
    client, cast, django_capture_on_commit_callbacks
):
    endorsement = pending(language="fr")
    run_action(
        staff_client(client, cast),
        "reject",
        [endorsement],
        django_capture_on_commit_callbacks,
        confirm="yes",
        reason="Nous n’avons pas pu joindre votre organisme.",
    )
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.REJECTED
    [message] = mail.outbox
    assert "Au sujet de votre appui" in message.subject
    assert "Nous n’avons pas pu joindre votre organisme." in message.body


def test_merging_keeps_the_oldest_and_tells_the_duplicates(
    client, cast, django_capture_on_commit_callbacks
):
    first = pending()
    second = pending(campaign=first.campaign)
    run_action(
        staff_client(client, cast), "merge", [first, second], django_capture_on_commit_callbacks
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Endorsement.Status.PENDING
    assert second.status == Endorsement.Status.MERGED and second.merged_into == first
    [message] = mail.outbox
    assert message.to == [second.organization.contact_email]
    assert "déjà enregistré" in message.subject


def test_merging_one_endorsement_does_nothing(client, cast, django_capture_on_commit_callbacks):
    only = pending()
    run_action(staff_client(client, cast), "merge", [only], django_capture_on_commit_callbacks)
    only.refresh_from_db()
    assert only.status == Endorsement.Status.PENDING
    assert mail.outbox == []


def test_people_who_are_not_staff_cannot_moderate(client, cast, django_capture_on_commit_callbacks):
    endorsement = pending()
    client.force_login(cast["omar"])
    response = run_action(client, "approve", [endorsement], django_capture_on_commit_callbacks)
    assert response.status_code == 302 and "/login/" in response["Location"]
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.PENDING


def test_the_outcome_is_told_once_even_if_the_task_runs_twice(
    cast, django_capture_on_commit_callbacks
):
    from portevoix.endorsements.tasks import send_endorsement_outcome

    endorsement = pending()
    with django_capture_on_commit_callbacks(execute=True):
        actions.approve_endorsement(endorsement, cast["sophie"])
    send_endorsement_outcome.call(endorsement.pk)
    assert len(mail.outbox) == 1


def test_approving_twice_sends_one_email(cast, django_capture_on_commit_callbacks):
    endorsement = pending()
    with django_capture_on_commit_callbacks(execute=True):
        assert actions.approve_endorsement(endorsement, cast["sophie"])
        assert not actions.approve_endorsement(endorsement, cast["sophie"])
    assert len(mail.outbox) == 1


def test_the_admin_shows_consents_and_refuses_adding_by_hand(client, cast):
    endorsement = pending()
    staff_client(client, cast)
    change = client.get(reverse("admin:endorsements_endorsement_change", args=[endorsement.pk]))
    assert change.status_code == 200
    assert client.get(reverse("admin:endorsements_endorsement_add")).status_code == 403
