"""What changes a letter: each verb runs in a transaction and queues its mail after commit."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from portevoix.campaigns.models import Campaign
from portevoix.intake import actions as intake
from portevoix.letters import placeholders
from portevoix.letters.delivery import recover_stuck_letter
from portevoix.letters.models import (
    SELF_SENDABLE_STATES,
    DeliveryAttempt,
    Letter,
    LetterTemplate,
)
from portevoix.letters.tasks import enqueue_delivery, send_confirmation_request
from portevoix.letters.wording import CONSENTS, ON_BEHALF_AGREEMENT
from portevoix.lib.db.statements import read_one
from portevoix.lib.emails import send_templated_email
from portevoix.lib.links import sign_public_id, unsign_public_id
from portevoix.privacy.actions import record_consent
from portevoix.representatives.models import PROVINCES

CONFIRMATION_SALT = "letters.confirm-sender"
ASK_AGAIN_AFTER_MINUTES = 10


# --- Composing -----------------------------------------------------------------------------------


def start_letter(*, campaign, template, language, postal_code="", province="", referral=None):
    return Letter.objects.create(
        campaign=campaign,
        template=template,
        language=language,
        postal_code=postal_code,
        province=province,
        referrer=referral.referrer if referral else None,
        referral_channel=referral.channel if referral else "",
    )


def address_letter(letter, *, representative=None, district=None, office_holder=None, copy_mp):
    """Fix who receives the letter, copying their name, title and addresses into it."""
    language = letter.language
    target = letter.template.target
    letter.district = district
    letter.representative = representative
    letter.office_holder = office_holder
    letter.riding_name = riding_name(district, language)
    letter.copy_mp = bool(copy_mp and representative and target != LetterTemplate.Target.MP)
    if target == LetterTemplate.Target.MP:
        address_to_representative(letter, representative)
    else:
        address_to_office_holder(letter, office_holder)
    if letter.copy_mp:
        letter.cc_name = representative.name
        letter.cc_title = placeholders.mp_title(representative.gender, letter.riding_name, language)
        letter.cc_email = representative.email.lower()
    else:
        letter.cc_name = letter.cc_title = letter.cc_email = ""
    refill_if_untouched(letter)
    letter.save()
    return letter


def riding_name(district, language):
    if district is None:
        return ""
    return district.name_fr if language == "fr" else district.name_en


def address_to_representative(letter, representative):
    """An MP, or a member of a provincial legislature (a meeting request can go to one)."""
    letter.to_name = representative.name
    letter.to_gender = representative.gender
    letter.to_title = representative_title(representative, letter.language)
    letter.to_email = representative.email.lower()
    with override(letter.language):
        letter.to_address = representative.mailing_address()


def representative_title(representative, language):
    riding = riding_name(representative.district, language)
    if representative.is_mp():
        return placeholders.mp_title(representative.gender, riding, language)
    return placeholders.member_title(
        representative.gender, riding, representative.district.province, language
    )


def office_holder_title(holder, language):
    return holder.title_fr if language == "fr" else holder.title_en


def address_to_office_holder(letter, holder):
    letter.to_name = holder.name
    letter.to_gender = holder.gender
    letter.to_title = office_holder_title(holder, letter.language)
    letter.to_email = holder.email.lower()
    letter.to_address = holder.mailing_address
    if holder.province:
        letter.province = holder.province


def describe_sender(letter, *, name, email, organization, on_behalf_of, story):
    letter.sender_name = name
    letter.sender_email = email.lower()
    letter.sender_organization = organization
    letter.on_behalf_of = on_behalf_of
    letter.on_behalf_agreement = str(ON_BEHALF_AGREEMENT) if on_behalf_of else ""
    refill_if_untouched(letter, story)
    letter.save()
    return letter


def refill_if_untouched(letter, story=None):
    """Give the template again with the new names, unless the writer made it their own."""
    has_story = any((story or {}).values())
    if letter.body and not letter.is_template_verbatim and not has_story:
        return
    letter.subject, letter.body = filled_template(letter, story or {})
    letter.is_template_verbatim = not has_story


def write_letter(letter, *, subject, body):
    letter.subject = subject
    letter.body = body
    letter.is_template_verbatim = is_word_for_word(letter)
    letter.save(update_fields=["subject", "body", "is_template_verbatim"])
    return letter


def is_word_for_word(letter):
    _subject, offered = filled_template(letter, {})
    return " ".join(offered.split()) == " ".join(letter.body.split())


def filled_template(letter, story):
    subject, body = letter.template.text_in(letter.language)
    values = placeholder_values(letter, story)
    return placeholders.fill(subject, values), placeholders.fill(body, values)


def placeholder_values(letter, story):
    with override(letter.language):
        return {
            "salutation": salutation(letter),
            "recipient_name": letter.to_name,
            "recipient_title": letter.to_title,
            "riding": letter.riding_name,
            "mp_name": letter.cc_name or (letter.to_name if letter.representative_id else ""),
            "province": str(dict(PROVINCES).get(letter.province, "")),
            "sender_name": letter.signer_name(),
            "organization": letter.sender_organization,
            "date": formats.date_format(timezone.localdate(), "DATE_FORMAT"),
            "story": story_text(story, letter.language),
        }


def salutation(letter):
    """By whom the letter is addressed to; a provincial member is addressed like an MP."""
    if not letter.is_addressed_to_office():
        return placeholders.mp_salutation(letter.to_gender, letter.to_name, letter.language)
    role = letter.office_holder.role if letter.office_holder else ""
    return placeholders.office_salutation(role, letter.to_gender, letter.language)


def story_text(story, language):
    """The guided answers as paragraphs of the letter, in the letter's language."""
    with override(language):
        lines = []
        if story.get("who"):
            lines.append(_("Who is waiting: %(who)s") % {"who": story["who"]})
        if story.get("how_long"):
            lines.append(_("How long we have been apart: %(time)s") % {"time": story["how_long"]})
        paragraphs = ["\n".join(lines)] if lines else []
        if story.get("effect"):
            paragraphs.append(story["effect"])
        return "\n\n".join(paragraphs)


# --- Consent and confirmation ---------------------------------------------------------------


LETTER_CONFIRMATION_INTAKE = "letter-confirmation"


def request_confirmation(public_id, campaign_id, *, purposes, language):
    """The writer asked Porte-voix to send it: the letter awaits their confirmation at once;
    the worker records their consents and emails them the link moments later.

    Returns whether it moved: not if it is not there, not a draft any more (a second click,
    which then stores nothing) or not ready to send.
    """
    payload = {"letter_public_id": str(public_id), "purposes": list(purposes), "language": language}
    prepared = intake.prepare(LETTER_CONFIRMATION_INTAKE, payload)
    # Stored with the letter's change of state, never one without the other.
    move = Letter.objects.sendable_draft_awaits_confirmation(public_id, campaign_id, timezone.now())
    return intake.store_with(prepared, *move)


# What the worker reads of the letter a confirmation request is about (others load if read).
ASKED_LETTER_FIELDS = ("id", "campaign", "status", "sender_email")


def letter_asked_for(payload):
    """The letter a confirmation request is about, or None: by its public id, or, in a
    request stored before the send step wrote that, by its key.

    Read with SQL made once per process: the worker reads one for every "send it for me",
    and building the ORM's query for a letter's columns (with its campaign's) cost more than a
    third of carrying the request out, all of it while holding SQLite's only write lock.
    """
    if "letter_public_id" in payload:
        return read_one(Letter.objects, ASKED_LETTER_FIELDS, public_id=payload["letter_public_id"])
    return read_one(Letter.objects, ASKED_LETTER_FIELDS, id=payload["letter"])


def carry_out_confirmation_request(payload):
    """The worker's half of "send it for me": the consents as worded, then the email."""
    letter = letter_asked_for(payload)
    if letter is None or letter.status != Letter.Status.AWAITING_CONFIRMATION:
        return  # erased or withdrawn in the seconds it waited: nothing to ask any more
    campaign = Campaign.objects.kept_by_id(letter.campaign_id)
    language = payload["language"]
    with override(language):
        for purpose in payload["purposes"]:
            record_consent(
                email=letter.sender_email,
                purpose=purpose,
                wording=str(CONSENTS[purpose]),
                language=language,
                campaign=campaign,
                source=letter.consent_source(),
            )
    send_confirmation_request.enqueue(letter.pk)


def confirmation_token(letter):
    return sign_public_id(CONFIRMATION_SALT, letter.public_id)


def letter_from_confirmation(token):
    """(letter, problem) from a confirmation link; problem is "expired", "invalid" or None."""
    public_id, problem = unsign_public_id(
        CONFIRMATION_SALT, token, settings.LETTER_CONFIRMATION_MAX_AGE
    )
    if public_id is None:
        return None, problem
    letter = Letter.objects.select_related("campaign", "template").filter(public_id=public_id)
    letter = letter.first()
    return letter, (problem if letter else "invalid")


def email_confirmation_request(letter_id, reminder=False):
    letter = Letter.objects.select_related("campaign").filter(pk=letter_id).first()
    if letter is None or letter.status != Letter.Status.AWAITING_CONFIRMATION:
        return "nothing to confirm"
    send_templated_email(
        "letter_reminder" if reminder else "letter_confirm",
        to=[letter.sender_email],
        context=confirmation_context(letter),
        language=letter.language,
    )
    return "asked"


def confirmation_context(letter):
    with override(letter.language):
        path = reverse("letters:confirm", args=[letter.campaign.slug, confirmation_token(letter)])
        status_path = letter.get_absolute_url()
    return {
        "letter": letter,
        "confirm_url": settings.SITE_URL + path,
        "status_url": settings.SITE_URL + status_path,
        "valid_days": settings.LETTER_CONFIRMATION_MAX_AGE // 86400,
    }


def ask_again(letter):
    """A fresh confirmation link, at most once every few minutes, to the same address only."""
    now = timezone.now()
    recently = now - timedelta(minutes=ASK_AGAIN_AFTER_MINUTES)
    with transaction.atomic():
        moved = Letter.objects.filter(
            pk=letter.pk,
            status=Letter.Status.AWAITING_CONFIRMATION,
            confirmation_requested_at__lt=recently,
        ).update(confirmation_requested_at=now, reminder_sent_at=None)
        if moved:
            transaction.on_commit(lambda: send_confirmation_request.enqueue(letter.pk))
    return bool(moved)


class Confirmation:
    QUEUED = "queued"
    ALREADY = "already"
    REPEAT = "repeat"


def confirm_letter(letter):
    """The writer clicked their link: queue the letter once, or say why not."""
    now = timezone.now()
    try:
        with transaction.atomic():
            moved = Letter.objects.filter(
                pk=letter.pk, status=Letter.Status.AWAITING_CONFIRMATION
            ).update(
                status=Letter.Status.QUEUED,
                confirmed_at=now,
                next_attempt_at=now,
                enqueued_at=now,
            )
            if moved:
                transaction.on_commit(lambda: enqueue_delivery(letter.pk))
    except IntegrityError:
        # The database refused a second letter from this address to this recipient.
        return Confirmation.REPEAT
    if not moved:
        return Confirmation.ALREADY
    return Confirmation.QUEUED


# --- Sent by the writer -------------------------------------------------------------------------


class SelfSent:
    MARKED = "marked"
    ALREADY = "already"
    REFUSED = "refused"
    REPEAT = "repeat"


def mark_self_sent(letter):
    """The writer sent it from their own email, or printed and posted it: count it, once.

    A letter Porte-voix has in hand (queued, sending, sent) cannot be marked: it would count
    twice, and a pending delivery would still go out.
    """
    if letter.was_self_sent():
        return SelfSent.ALREADY
    if not letter.may_be_marked_self_sent():
        return SelfSent.REFUSED
    now = timezone.now()
    try:
        with transaction.atomic():
            moved = Letter.objects.filter(pk=letter.pk, status__in=SELF_SENDABLE_STATES).update(
                status=Letter.Status.SELF_SENT,
                sent_at=now,
                failed_at=None,
                # Saying they sent it is the writer's confirmation, unless they confirmed before.
                confirmed_at=Coalesce("confirmed_at", Value(now)),
            )
    except IntegrityError:
        # This writer already has a letter to this recipient counted in this campaign.
        return SelfSent.REPEAT
    if not moved:
        letter.refresh_from_db(fields=["status"])
        return SelfSent.ALREADY if letter.was_self_sent() else SelfSent.REFUSED
    return SelfSent.MARKED


# --- Staff ---------------------------------------------------------------------------------------


def retry_letter(letter):
    """Staff send a failed letter again, with a fresh set of attempts."""
    now = timezone.now()
    with transaction.atomic():
        # Attempts keep counting so the history stays whole; the retry delays start over.
        moved = Letter.objects.filter(pk=letter.pk, status=Letter.Status.FAILED).update(
            status=Letter.Status.QUEUED,
            attempts_before_retry=F("attempts"),
            next_attempt_at=now,
            enqueued_at=now,
            failed_at=None,
        )
        if moved:
            transaction.on_commit(lambda: enqueue_delivery(letter.pk))
    return bool(moved)


# --- The sweep ---------------------------------------------------------------------------------


def sweep(now=None, all_workers_stopped=False):
    """What a periodic sweep does; safe to run at any time, from any number of processes.

    With `all_workers_stopped`, no margin is kept for a worker that may still be busy.
    """
    now = now or timezone.now()
    after = 0 if all_workers_stopped else None
    stuck = Letter.objects.stuck_sending(now, after=after)
    recovered = [recover_stuck(letter) for letter in stuck]
    requeued = requeue_lost(now, after=after)
    reminded = send_due_reminders(now)
    return {
        "recovered": len([outcome for outcome in recovered if outcome]),
        "requeued": requeued,
        "reminded": reminded,
    }


def recover_stuck(letter):
    outcome = recover_stuck_letter(letter)
    if outcome == DeliveryAttempt.Outcome.INTERRUPTED:
        enqueue_delivery(letter.pk)
    return outcome


def requeue_lost(now, after=None):
    count = 0
    lost = Letter.objects.possibly_lost(now, after=after)
    for letter_id in lost.values_list("pk", flat=True):
        # Marked first, so the next sweep does not queue it again straight away.
        if lost.filter(pk=letter_id).update(enqueued_at=now):
            enqueue_delivery(letter_id)
            count += 1
    return count


def send_due_reminders(now=None):
    """Once per letter: remind a writer who has not confirmed after a day."""
    count = 0
    for letter_id in Letter.objects.needing_reminder(now).values_list("pk", flat=True):
        claimed = Letter.objects.needing_reminder(now).filter(pk=letter_id)
        if claimed.update(reminder_sent_at=now or timezone.now()):
            email_confirmation_request(letter_id, reminder=True)
            count += 1
    return count
