"""The do-not-invite list holds keyed hashes only, and outlives the person's erasure."""

import pytest
from django.urls import reverse

from portevoix.endorsements import actions
from portevoix.endorsements.factories import InvitationFactory, ReferrerFactory
from portevoix.endorsements.models import Invitation, Suppression
from portevoix.lib.hashing import keyed_hash
from portevoix.privacy.actions import erase_personal_data
from portevoix.privacy.registry import export_everything
from portevoix.test import sign_in_staff

pytestmark = pytest.mark.django_db
ADDRESS = "info@cliniqueduparc.example"


def test_staff_add_an_address_and_only_its_hash_is_stored(client, cast):
    sign_in_staff(client, cast["sophie"])
    response = client.post(
        reverse("admin:endorsements_suppression_add"),
        {"email": "Info@CliniqueDuParc.example", "reason": "staff"},
    )
    assert response.status_code == 302
    kept = Suppression.objects.get()
    assert kept.email_hash == keyed_hash(ADDRESS)
    assert kept.reason == Suppression.Reason.STAFF
    listing = client.get(reverse("admin:endorsements_suppression_changelist")).content.decode()
    assert kept.email_hash in listing and "cliniqueduparc" not in listing
    change = client.get(reverse("admin:endorsements_suppression_change", args=[kept.pk]))
    assert change.status_code == 200 and "cliniqueduparc" not in change.content.decode()


def test_staff_cannot_add_the_same_address_twice(client, cast):
    Suppression.add(ADDRESS, Suppression.Reason.UNSUBSCRIBED)
    sign_in_staff(client, cast["sophie"])
    add = reverse("admin:endorsements_suppression_add")
    response = client.post(add, {"email": ADDRESS, "reason": "staff"})
    assert response.status_code == 200
    assert Suppression.objects.count() == 1


def test_staff_find_an_address_by_typing_it(client, cast):
    Suppression.add(ADDRESS, Suppression.Reason.UNSUBSCRIBED)
    Suppression.add("other@example.org", Suppression.Reason.STAFF)
    sign_in_staff(client, cast["sophie"])
    changelist = reverse("admin:endorsements_suppression_changelist")
    found = client.get(changelist, {"q": "INFO@cliniqueduparc.example"}).content.decode()
    assert keyed_hash(ADDRESS) in found
    assert keyed_hash("other@example.org") not in found


def test_the_invite_form_refuses_nothing_but_sends_nothing_to_a_hashed_address(
    django_capture_on_commit_callbacks, mailoutbox
):
    Suppression.add(ADDRESS, Suppression.Reason.UNSUBSCRIBED)
    referrer = ReferrerFactory()
    data = {
        "sector": "health",
        "language": "fr",
        "method": Invitation.Method.PLATFORM,
        "to_email": "INFO@cliniqueduparc.example",
        "subject": "Invitation",
        "body": "Bonjour",
    }
    with django_capture_on_commit_callbacks(execute=True):
        invitation = actions.create_invitation(referrer, data)
    assert invitation.status == Invitation.Status.SUPPRESSED
    assert mailoutbox == []


def test_erasure_keeps_the_hash_so_the_refusal_is_still_honoured(
    django_capture_on_commit_callbacks,
):
    InvitationFactory(to_email=ADDRESS)
    actions.unsubscribe(ADDRESS)
    assert export_everything(ADDRESS)["endorsements"]["records"][-1]["what"] == (
        "not to be sent invitations"
    )
    erase_personal_data(ADDRESS)
    assert not Invitation.objects.filter(to_email=ADDRESS).exists()
    assert Suppression.covers(ADDRESS)
