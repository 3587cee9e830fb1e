"""Organizations and people invite organizations; endorsements that follow are credited."""

import pytest
from django.core import mail

from portevoix.endorsements.factories import (
    EndorsementFactory,
    InvitationFactory,
    ReferrerFactory,
)
from portevoix.endorsements.models import Endorsement, Invitation, Suppression, unsubscribe_token
from portevoix.endorsements.tests.helpers import (
    endorsement_form,
    links_in,
    referrer_linked_by,
    url,
)
from portevoix.lib.hashing import keyed_hash
from portevoix.spread.models import Channel, Referrer

pytestmark = pytest.mark.django_db


def compose_url(referrer, language="en", query=""):
    return url(
        "endorsements:compose",
        referrer.campaign.slug,
        referrer.private_token(),
        language=language,
        query=query,
    )


def invitation_form(**overrides):
    return {
        "sector": "health",
        "language": "fr",
        "to_organization": "Clinique du Parc",
        "to_email": "Info@CliniqueDuParc.example",
        "subject": "Invitation à appuyer la campagne",
        "body": "Bonjour, votre clinique appuierait-elle la demande ?",
        "consent_reply_to": "on",
        "method": "platform",
        **overrides,
    }


def invite(client, referrer, capture, **overrides):
    with capture(execute=True):
        return client.post(compose_url(referrer), invitation_form(**overrides))


def test_a_person_starts_inviting_and_is_asked_to_confirm_their_address(
    client, campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("endorsements:invite_start", campaign.slug, language="fr"),
            {"kind": "person", "name": "Amina", "email": "Amina@Example.org"},
        )
    referrer = Referrer.objects.get()
    assert referrer.kind == "person" and referrer.email == "amina@example.org"
    assert not referrer.has_confirmed_email()
    assert referrer_linked_by(response["Location"]) == referrer
    assert response["Location"].startswith(f"/fr/campagnes/{campaign.slug}/")
    [message] = mail.outbox
    assert "Confirmez votre adresse courriel" in message.subject
    confirm_path, private_path = links_in(message)
    assert referrer_linked_by(private_path) == referrer
    assert client.get(confirm_path).status_code == 200
    assert client.post(confirm_path)["Location"].endswith("?done=email-confirmed")
    referrer.refresh_from_db()
    assert referrer.has_confirmed_email()


def test_without_an_address_nothing_is_sent_and_only_own_email_is_offered(
    client, campaign, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("endorsements:invite_start", campaign.slug),
            {"kind": "person", "name": "Amina", "email": ""},
        )
    assert mail.outbox == []
    page = client.get(response["Location"] + "invite/?sector=faith&language=en")
    html = page.content.decode()
    assert 'value="own"' in html and 'value="platform"' not in html


def test_the_prepared_invitation_suits_the_sector_and_language(client):
    referrer = ReferrerFactory(name="Clinique juridique du Centre")
    faith_fr = client.get(compose_url(referrer, query="?sector=faith&language=fr"))
    labour_en = client.get(compose_url(referrer, query="?sector=labour&language=en"))
    assert "communautés de foi" in faith_fr.content.decode()
    assert "au nom de Clinique juridique du Centre" in faith_fr.content.decode()
    assert "workplace issue" in labour_en.content.decode()


def test_an_unknown_sector_gets_the_general_invitation(client):
    response = client.get(compose_url(ReferrerFactory(), query="?sector=spies&language=xx"))
    assert response.status_code == 200
    assert "vie communautaire" in response.content.decode() or "community life" in (
        response.content.decode()
    )


def test_porte_voix_sends_it_from_the_platform_with_reply_to_the_inviter(
    client, django_capture_on_commit_callbacks
):
    referrer = ReferrerFactory(name="Clinique juridique du Centre", email="info@cjc.example")
    response = invite(client, referrer, django_capture_on_commit_callbacks)
    assert response["Location"].endswith("?done=queued")
    invitation = Invitation.objects.get()
    assert invitation.status == Invitation.Status.SENT and invitation.attempts == 1
    [message] = mail.outbox
    assert message.from_email == "Porte-voix <noreply@porte-voix.example>"
    assert message.to == ["info@cliniqueduparc.example"]
    assert message.reply_to == ["Clinique juridique du Centre <info@cjc.example>"]
    assert message.subject == "Invitation à appuyer la campagne"
    endorse_path, unsubscribe_path = links_in(message)
    assert endorse_path.endswith(f"/appuyer/?invitation={invitation.code}")
    assert message.extra_headers["List-Unsubscribe"] == (
        f"<https://porte-voix.example{unsubscribe_path}>"
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_it_waits_for_the_inviters_address_to_be_confirmed(
    client, django_capture_on_commit_callbacks
):
    from portevoix.endorsements import actions

    referrer = ReferrerFactory(email_confirmed_at=None)
    response = invite(client, referrer, django_capture_on_commit_callbacks)
    assert response["Location"].endswith("?done=awaiting")
    assert Invitation.objects.get().status == Invitation.Status.AWAITING_CONFIRMATION
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        actions.confirm_inviter(referrer)
    assert Invitation.objects.get().status == Invitation.Status.SENT
    assert len(mail.outbox) == 1


def test_platform_sending_needs_an_address_and_consent(client, django_capture_on_commit_callbacks):
    referrer = ReferrerFactory()
    response = invite(
        client, referrer, django_capture_on_commit_callbacks, to_email="", consent_reply_to=""
    )
    assert response.status_code == 400
    assert Invitation.objects.count() == 0


def test_an_invitation_to_a_suppressed_address_is_not_sent(
    client, django_capture_on_commit_callbacks
):
    Suppression.add("INFO@cliniqueduparc.example", Suppression.Reason.STAFF)
    response = invite(client, ReferrerFactory(), django_capture_on_commit_callbacks)
    assert response["Location"].endswith("?done=suppressed")
    assert Invitation.objects.get().status == Invitation.Status.SUPPRESSED
    assert mail.outbox == []


def test_an_address_suppressed_after_queueing_is_not_sent_either(
    django_capture_on_commit_callbacks,
):
    from portevoix.endorsements.tasks import send_invitation

    invitation = InvitationFactory(status=Invitation.Status.QUEUED)
    Suppression.add(invitation.to_email, Suppression.Reason.STAFF)
    assert send_invitation.call(invitation.pk) == "suppressed"
    assert mail.outbox == []


def test_the_daily_cap_holds(client, settings, django_capture_on_commit_callbacks):
    settings.INVITATIONS_PER_DAY = 2
    referrer = ReferrerFactory()
    for n in range(2):
        invite(client, referrer, django_capture_on_commit_callbacks, to_email=f"o{n}@x.example")
    response = invite(client, referrer, django_capture_on_commit_callbacks, to_email="o9@x.example")
    assert response.status_code == 400
    assert "limit of 2 invitations" in response.content.decode()
    assert len(mail.outbox) == 2
    # The same organization cannot dodge the cap with a second private link.
    twin = ReferrerFactory(campaign=referrer.campaign, email=referrer.email.upper())
    response = invite(client, twin, django_capture_on_commit_callbacks, to_email="o8@x.example")
    assert response.status_code == 400
    # From one's own email program, there is no cap.
    own = invite(client, referrer, django_capture_on_commit_callbacks, method="own")
    assert own.status_code == 302


def test_an_address_is_not_invited_twice_to_the_same_campaign(
    client, django_capture_on_commit_callbacks
):
    referrer = ReferrerFactory()
    invite(client, referrer, django_capture_on_commit_callbacks)
    other = ReferrerFactory(campaign=referrer.campaign)
    response = invite(client, other, django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert len(mail.outbox) == 1


def test_an_invitation_is_never_sent_twice(django_capture_on_commit_callbacks):
    from portevoix.endorsements.tasks import send_invitation

    invitation = InvitationFactory(status=Invitation.Status.QUEUED)
    assert send_invitation.call(invitation.pk) == "sent"
    assert send_invitation.call(invitation.pk) == "not queued"
    assert len(mail.outbox) == 1


def test_from_ones_own_email_program_it_gives_a_mailto_link_and_the_text(
    client, django_capture_on_commit_callbacks
):
    referrer = ReferrerFactory()
    response = invite(
        client, referrer, django_capture_on_commit_callbacks, method="own", to_email=""
    )
    invitation = Invitation.objects.get()
    assert invitation.status == Invitation.Status.DRAFT and mail.outbox == []
    page = client.get(response["Location"]).content.decode()
    assert "mailto:?subject=Invitation%20%C3%A0%20appuyer%20la%20campagne&amp;body=" in page
    assert f"invitation%3D{invitation.code}" in page
    assert f"?invitation={invitation.code}</textarea>" in page


def test_unsubscribing_asks_first_then_suppresses_the_address(client):
    token = unsubscribe_token("Info@CliniqueDuParc.example")
    path = url("endorsements:unsubscribe", token, language="fr")
    assert "Ne plus recevoir" in client.get(path).content.decode()
    assert Suppression.objects.count() == 0
    response = client.post(path)
    assert response.status_code == 200
    kept = Suppression.objects.get()
    # Only a keyed hash is kept, which still recognizes the address in any case.
    assert kept.email_hash == keyed_hash("info@cliniqueduparc.example")
    assert "cliniqueduparc" not in str(kept.__dict__)
    assert Suppression.covers("INFO@CliniqueDuParc.example")
    client.post(path)  # twice is harmless
    assert Suppression.objects.count() == 1


def test_mail_programs_can_unsubscribe_in_one_click_without_a_cookie(client):
    from django.test import Client

    token = unsubscribe_token("info@cliniqueduparc.example")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        url("endorsements:unsubscribe", token), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert Suppression.covers("info@cliniqueduparc.example")


def test_a_forged_unsubscribe_link_changes_nothing(client):
    response = client.post(url("endorsements:unsubscribe", "bm90LXNpZ25lZA:forged"))
    assert response.status_code == 400
    assert Suppression.objects.count() == 0


def test_an_endorsement_through_an_invitation_is_credited_to_the_inviter(
    client, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory()
    campaign = invitation.campaign
    form_page = client.get(
        url("endorsements:endorse", campaign.slug, query=f"?invitation={invitation.code}")
    )
    assert f'value="{invitation.code}"' in form_page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("endorsements:endorse", campaign.slug),
            endorsement_form(invitation=invitation.code),
        )
    endorsement = Endorsement.objects.get()
    assert endorsement.referrer == invitation.referrer
    assert endorsement.invitation == invitation
    assert endorsement.referral_channel == Channel.INVITATION


def test_a_forged_invitation_code_is_ignored(client, campaign, django_capture_on_commit_callbacks):
    other_campaigns_invitation = InvitationFactory()
    for code in ("forged123", other_campaigns_invitation.code):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                url("endorsements:endorse", campaign.slug),
                endorsement_form(invitation=code, organization_name=f"Org {code}"),
            )
        assert response.status_code == 302
    assert Endorsement.objects.count() == 2
    assert not Endorsement.objects.filter(referrer__isnull=False).exists()


def test_the_inviter_sees_how_many_endorsed_but_not_who_unless_public(client):
    referrer = ReferrerFactory()
    campaign = referrer.campaign
    EndorsementFactory(campaign=campaign, referrer=referrer, listed_publicly=True)
    hidden = EndorsementFactory(campaign=campaign, referrer=referrer, listed_publicly=False)
    EndorsementFactory(campaign=campaign, referrer=referrer, status=Endorsement.Status.UNCONFIRMED)
    page = client.get(referrer.private_url()).content.decode()
    assert "2 organismes ont appuyé la campagne grâce à vos invitations" in page
    assert hidden.organization.name not in page
    assert page.count("Centre d&#x27;accueil numéro") == 1
    assert client.get(referrer.private_url())["Cache-Control"] == "private, no-store"


def test_a_forged_private_link_is_not_found(client):
    referrer = ReferrerFactory()
    slug = referrer.campaign.slug
    assert client.get(url("endorsements:allies", slug, "forged")).status_code == 404
    token = referrer.private_token()
    assert client.get(url("endorsements:allies", "other-campaign", token)).status_code == 404
    assert client.post(url("endorsements:allies", slug, token)).status_code == 405
