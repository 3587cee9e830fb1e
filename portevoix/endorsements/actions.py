"""Every change with side effects: endorsing, confirming, moderating, inviting, unsubscribing."""

from datetime import timedelta

from django.contrib.admin.models import CHANGE, LogEntry
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import override

from portevoix.campaigns.models import Campaign
from portevoix.endorsements import tasks
from portevoix.endorsements.conf import setting
from portevoix.endorsements.forms import CONSENT_CONTACT, CONSENT_LISTING, CONSENT_REPLY_TO
from portevoix.endorsements.models import (
    Endorsement,
    Invitation,
    Organization,
    Suppression,
    normalized_email,
    referrer_consent_source,
)
from portevoix.intake import actions as intake
from portevoix.intake.limits import counting_statement
from portevoix.lib.db.statements import model_sql
from portevoix.lib.pagecache import bump_content_version
from portevoix.privacy import actions as privacy
from portevoix.privacy.models import Consent, Purpose
from portevoix.spread.models import Channel, Referrer
from portevoix.spread.referrals import referral_from_link

# A second submission of the same form sends a fresh link at most this often.
RESEND_AFTER = timedelta(minutes=5)
MERGEABLE = [Endorsement.Status.PENDING, Endorsement.Status.APPROVED]
STANDING = [Endorsement.Status.UNCONFIRMED, Endorsement.Status.PENDING, Endorsement.Status.APPROVED]


def on_commit(task, *args):
    transaction.on_commit(lambda: task.enqueue(*args))


# What each consent asked here is, in the privacy app's words. Being written to about the
# endorsement is answering what the person sent us (CONTACT_REPLY), not hearing from the
# campaign: these addresses never reach the CRM's list of people to write to. An invitation
# sent by Porte-voix in the inviter's name, answerable by them, is a message sent on their
# behalf (SEND_LETTER).
CONTACT = Purpose.CONTACT_REPLY
LISTING = Purpose.LIST_PUBLICLY
REPLY_TO = Purpose.SEND_LETTER


def record_consent(*, email, purpose, wording, language, campaign, source):
    """Keep the consent in the privacy app's table, worded as the person saw it."""
    with override(language):
        wording = str(wording)
    privacy.record_consent(
        email=email,
        purpose=purpose,
        wording=wording,
        language=language,
        campaign=campaign,
        source=source,
    )


# --- Endorsing --------------------------------------------------------------------------------


def find_duplicate(campaign, data):
    """The same organization, same contact, already endorsing: a second click, not a new row."""
    organizations = organizations_with_contact(data["contact_email"], data["organization_name"])
    if not organizations:
        return None  # the usual case, known from one read of the contact's index
    standing = Endorsement.objects.filter(
        campaign=campaign, status__in=STANDING, organization__in=organizations
    )
    return standing.select_related("organization").first()


# Read by the contact's address alone, so the database starts from its index whatever it
# knows of the tables; the name compared as Django's `iexact` does.
ORGANIZATIONS_WITH_CONTACT = (
    "SELECT {id} FROM {table} WHERE {contact_email} = %s AND UPPER({name}) = UPPER(%s)"
)


def organizations_with_contact(email, name):
    """Ids of the organizations with this contact and name (any case), with SQL made once
    per process: the worker runs it for every new endorsement."""
    sql = model_sql(
        Organization,
        ORGANIZATIONS_WITH_CONTACT,
        id="id",
        contact_email="contact_email",
        name="name",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [email, name])
        return [row[0] for row in cursor.fetchall()]


ENDORSEMENT_INTAKE = "endorsement"


def accept_endorsement(*, campaign, data, language, referral_link, network):
    """The request's half of the endorsement form: one row now; the worker records the
    endorsement and emails the link moments later (`submit_accepted_endorsement`).

    The post is counted against its network's hourly limit as it is stored, both at once
    (`intake.store_with`): over the limit, it is counted but not stored, and this returns
    None. Counted per window, since endorsements accepted moments ago are not rows yet.
    """
    payload = {
        "campaign": campaign.pk,
        "data": data,
        "language": language,
        "referral": referral_link,
        "network": network,
    }
    prepared = intake.prepare(ENDORSEMENT_INTAKE, payload)
    if not network:
        return intake.store(prepared)
    count = counting_statement("endorse", network, 3600)
    limit = setting("ENDORSEMENTS_PER_HOUR_PER_NETWORK")
    if intake.store_with(prepared, *count, at_most=limit):
        return prepared
    return None


def submit_accepted_endorsement(payload):
    """The worker's half of the endorsement form: carry out what `accept_endorsement` stored."""
    campaign = Campaign.objects.kept_by_id(payload["campaign"])
    data = payload["data"]
    return submit_endorsement(
        campaign=campaign,
        data=data,
        language=payload["language"],
        referral=referral_from_link(campaign, payload["referral"]),
        invitation=invitation_for_code(campaign, data.get("invitation")),
        network=payload["network"],
    )


def invitation_for_code(campaign, code):
    """The invitation a code names in this campaign; a forged or unknown code gives None."""
    if not code:
        return None
    found = Invitation.objects.select_related("referrer")
    return found.filter(campaign=campaign, code=code).first()


def submit_endorsement(*, campaign, data, language, referral=None, invitation=None, network=""):
    """Record an endorsement and send its contact a link to confirm it."""
    # Inside the worker's transaction (`intake.carry_out`) no savepoint: nothing here is
    # caught and retried, so an error undoes the whole carry-out, as it should.
    with transaction.atomic(savepoint=False):
        existing = find_duplicate(campaign, data)
        if existing is not None:
            resend_confirmation(existing)
            return existing
        organization = Organization.objects.create(
            name=data["organization_name"],
            sector=data["sector"],
            region=data["region"],
            website=data.get("website", ""),
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
        )
        endorsement = Endorsement.objects.create(
            campaign=campaign,
            organization=organization,
            statement=data.get("statement", ""),
            statement_language=data.get("statement_language") or language,
            language=language,
            confirmation_sent_at=timezone.now(),
            network_address_hash=network,
            **credit(referral, invitation),
        )
        record_endorsement_consents(endorsement, data, language)
        on_commit(tasks.send_endorsement_confirmation, endorsement.pk)
    return endorsement


def record_endorsement_consents(endorsement, data, language):
    agreed = [(CONTACT, CONSENT_CONTACT)]
    if data.get("consent_listing"):
        agreed.append((LISTING, CONSENT_LISTING))
    for purpose, wording in agreed:
        record_consent(
            email=endorsement.organization.contact_email,
            purpose=purpose,
            wording=wording,
            language=language,
            campaign=endorsement.campaign,
            source=endorsement.consent_source(),
        )


def credit(referral, invitation):
    """Who is credited: the invitation answered first, else the shared link followed."""
    if invitation is not None:
        return {
            "invitation": invitation,
            "referrer": invitation.referrer,
            "referral_channel": Channel.INVITATION,
        }
    if referral is not None:
        return {"referrer": referral.referrer, "referral_channel": referral.channel}
    return {}


def resend_confirmation(endorsement):
    """Another link for an unconfirmed endorsement, at most once every few minutes."""
    recently = timezone.now() - RESEND_AFTER
    moved = Endorsement.objects.filter(
        pk=endorsement.pk,
        status=Endorsement.Status.UNCONFIRMED,
        confirmation_sent_at__lt=recently,
    ).update(confirmation_sent_at=timezone.now())
    if moved:
        on_commit(tasks.send_endorsement_confirmation, endorsement.pk)
    return bool(moved)


def confirm_endorsement(endorsement):
    """The contact clicked their link: the endorsement goes to staff, once."""
    with transaction.atomic():
        moved = Endorsement.objects.filter(
            pk=endorsement.pk, status=Endorsement.Status.UNCONFIRMED
        ).update(status=Endorsement.Status.PENDING, confirmed_at=timezone.now())
        if moved:
            give_own_referrer(endorsement)
            on_commit(tasks.notify_staff_of_endorsement, endorsement.pk)
    endorsement.refresh_from_db()
    return bool(moved)


def give_own_referrer(endorsement):
    """A confirmed organization gets its code to invite allies and share the campaign."""
    organization = endorsement.organization
    referrer = Referrer.objects.create(
        campaign=endorsement.campaign,
        kind=Referrer.Kind.ORGANIZATION,
        name=organization.name,
        email=organization.contact_email,
        email_confirmed_at=timezone.now(),
        language=endorsement.language,
    )
    Endorsement.objects.filter(pk=endorsement.pk).update(own_referrer=referrer)
    return referrer


# --- Moderation -----------------------------------------------------------------------------------


def decide(endorsement, by, from_statuses, **changes):
    """Move an endorsement to its new status if it is in one of from_statuses; tell its contact."""
    with transaction.atomic():
        moved = Endorsement.objects.filter(pk=endorsement.pk, status__in=from_statuses).update(
            decided_at=timezone.now(), decided_by=by, outcome_notified_at=None, **changes
        )
        if moved:
            endorsement.refresh_from_db()
            audit(by, endorsement, changes)
            on_commit(tasks.send_endorsement_outcome, endorsement.pk)
            # update() sends no save signal: tell the page cache the public list changed.
            transaction.on_commit(bump_content_version)
    return bool(moved)


def audit(user, endorsement, changes):
    """Staff decisions show in the admin's history of the endorsement."""
    if user is None:
        return
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[endorsement],
        action_flag=CHANGE,
        change_message=f"status: {changes['status']}",
        single_object=True,
    )


def approve_endorsement(endorsement, by):
    """Only a confirmed endorsement can be approved: an unconfirmed one never appears."""
    return decide(
        endorsement,
        by,
        [Endorsement.Status.PENDING],
        status=Endorsement.Status.APPROVED,
        rejection_reason="",
    )


def reject_endorsement(endorsement, by, reason):
    return decide(
        endorsement,
        by,
        MERGEABLE,
        status=Endorsement.Status.REJECTED,
        rejection_reason=reason.strip(),
    )


def merge_endorsements(endorsements, by):
    """Keep the oldest confirmed endorsement; the others become its duplicates. Returns count."""
    candidates = sorted(
        (e for e in endorsements if e.status in MERGEABLE),
        key=lambda e: (e.status != Endorsement.Status.APPROVED, e.created_at, e.pk),
    )
    if len(candidates) < 2:
        return 0
    keeper, duplicates = candidates[0], candidates[1:]
    merged = 0
    for duplicate in duplicates:
        merged += decide(
            duplicate,
            by,
            MERGEABLE,
            status=Endorsement.Status.MERGED,
            merged_into=keeper,
        )
    return merged


# --- Inviters and invitations --------------------------------------------------------------------


def start_inviter(*, campaign, kind, name, email, language):
    """A person or an organization starts inviting; an address given is confirmed by a link."""
    with transaction.atomic():
        referrer = Referrer.objects.create(
            campaign=campaign, kind=kind, name=name, email=email, language=language
        )
        if email:
            on_commit(tasks.send_inviter_confirmation, referrer.pk)
    return referrer


def confirm_inviter(referrer):
    """The inviter's address is theirs: send the invitations that waited for it."""
    with transaction.atomic():
        moved = Referrer.objects.filter(pk=referrer.pk, email_confirmed_at__isnull=True).update(
            email_confirmed_at=timezone.now()
        )
        waiting = referrer.invitations.filter(status=Invitation.Status.AWAITING_CONFIRMATION)
        for invitation_id in waiting.values_list("pk", flat=True):
            queue_invitation(invitation_id)
    referrer.refresh_from_db()
    return bool(moved)


def queue_invitation(invitation_id):
    waiting = Invitation.objects.filter(
        pk=invitation_id,
        status__in=[Invitation.Status.AWAITING_CONFIRMATION, Invitation.Status.DRAFT],
    )
    invitation = waiting.select_related("referrer").first()
    if invitation is not None and not tasks.may_send_in_the_name_of(invitation.referrer):
        # They withdrew while it waited for their address: it is not sent in their name.
        waiting.update(status=Invitation.Status.FAILED, last_error=tasks.NOT_IN_THEIR_NAME)
        return
    moved = waiting.update(status=Invitation.Status.QUEUED, queued_at=timezone.now())
    if moved:
        on_commit(tasks.send_invitation, invitation_id)


def create_invitation(referrer, data):
    """Record an invitation; Porte-voix sends it once the inviter's address is confirmed."""
    by_platform = data["method"] == Invitation.Method.PLATFORM
    with transaction.atomic():
        invitation = Invitation.objects.create(
            campaign=referrer.campaign,
            referrer=referrer,
            sector=data["sector"],
            language=data["language"],
            method=data["method"],
            to_email=data.get("to_email", ""),
            to_organization=data.get("to_organization", ""),
            subject=data["subject"],
            body=data["body"],
            status=initial_status(referrer, data) if by_platform else Invitation.Status.DRAFT,
        )
        if by_platform:
            record_reply_to_consent(referrer)
        if invitation.status == Invitation.Status.QUEUED:
            queue_invitation_now(invitation)
    return invitation


def initial_status(referrer, data):
    if Suppression.covers(data["to_email"]):
        return Invitation.Status.SUPPRESSED
    if not referrer.has_confirmed_email():
        return Invitation.Status.AWAITING_CONFIRMATION
    return Invitation.Status.QUEUED


def queue_invitation_now(invitation):
    Invitation.objects.filter(pk=invitation.pk).update(queued_at=timezone.now())
    on_commit(tasks.send_invitation, invitation.pk)


def record_reply_to_consent(referrer):
    """Once per inviter, and again if they withdrew it and then agreed anew."""
    source = referrer_consent_source(referrer)
    already = Consent.objects.active().filter(source=source, purpose=REPLY_TO)
    if not already.exists():
        record_consent(
            email=referrer.email,
            purpose=REPLY_TO,
            wording=CONSENT_REPLY_TO,
            language=referrer.language,
            campaign=referrer.campaign,
            source=source,
        )


def unsubscribe(address):
    """This address receives no invitation from Porte-voix again, for any campaign."""
    address = normalized_email(address)
    with transaction.atomic():
        suppression = Suppression.add(address, Suppression.Reason.UNSUBSCRIBED)
        Invitation.objects.filter(
            to_email=address,
            status__in=[Invitation.Status.QUEUED, Invitation.Status.AWAITING_CONFIRMATION],
        ).update(status=Invitation.Status.SUPPRESSED)
    return suppression
