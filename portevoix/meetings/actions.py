"""What changes calls and meetings: each verb runs in a transaction and queues its mail after
commit, so an email never announces something the database did not keep."""

import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import override

from portevoix.letters import actions as letter_actions
from portevoix.letters import placeholders
from portevoix.letters.models import Letter, LetterTemplate
from portevoix.lib.emails import send_templated_email
from portevoix.lib.links import sign_public_id, unsign_public_id
from portevoix.lib.ratelimit import over_hourly_limit
from portevoix.meetings import tasks
from portevoix.meetings.models import (
    Call,
    Delegate,
    LogLinkRequest,
    MeetingEmail,
    MeetingRequest,
    Place,
)
from portevoix.meetings.personal_data import ERASED_DOMAIN
from portevoix.meetings.wording import ORGANIZE_CONSENT, QUOTE_CONSENT
from portevoix.privacy.actions import record_consent
from portevoix.privacy.models import Purpose
from portevoix.reports.models import ActionType, Outcome, QuotePermission, ReportBack

MEETING_REQUEST_TEMPLATE = "meeting-request"
MAX_DELEGATES = 12
CALLS_PER_HOUR_PER_NETWORK = 30
MEETINGS_PER_HOUR_PER_NETWORK = 5
LOG_LINKS_PER_HOUR_PER_NETWORK = 5
LOG_LINK_SALT = "meetings.lobbying-log"
LOG_LINK_MAX_AGE = 7 * 24 * 3600


# --- Calls ---------------------------------------------------------------------------------------


def too_many_calls(network):
    return over_hourly_limit(
        Call.objects.all(), CALLS_PER_HOUR_PER_NETWORK, network_address_hash=network
    )


def record_call(*, campaign, call_id, district, outcome, what_they_said, language, network):
    """One row per call page shown: a second click on the same page finds the first row."""
    now = timezone.now()
    call, _created = Call.objects.get_or_create(
        public_id=call_id,
        defaults={
            "campaign": campaign,
            "language": language,
            "district": district,
            "representative": district.current_representative(),
            "province": district.province,
            "outcome": outcome,
            "what_they_said": what_they_said,
            "outcome_at": now,
            "network_address_hash": network,
        },
    )
    return call


# --- Whom a meeting is with ----------------------------------------------------------------------


@dataclass
class Target:
    representative: object = None
    office_holder: object = None
    district: object = None
    province: str = ""

    def name(self):
        person = self.representative or self.office_holder
        return person.name if person else ""

    def title(self, language):
        if self.office_holder:
            return letter_actions.office_holder_title(self.office_holder, language)
        if self.representative:
            return letter_actions.representative_title(self.representative, language)
        return ""


def target_for_district(district):
    representative = district.current_representative() if district else None
    if representative is None:
        return None
    return Target(representative=representative, district=district, province=district.province)


def target_for_office(holder):
    if holder is None or not holder.name:
        return None
    district = holder.representative.district if holder.representative_id else None
    return Target(office_holder=holder, district=district, province=holder.province)


# --- Requesting a meeting ------------------------------------------------------------------------


def too_many_meetings(network):
    return over_hourly_limit(
        MeetingRequest.objects.all(), MEETINGS_PER_HOUR_PER_NETWORK, network_address_hash=network
    )


def request_template(campaign):
    return LetterTemplate.objects.filter(campaign=campaign, key=MEETING_REQUEST_TEMPLATE).first()


def request_meeting(*, campaign, template, target, data, slots, language, network=""):
    """The meeting, its request letter (a draft the organizer checks and sends), the consent."""
    with transaction.atomic():
        meeting = MeetingRequest.objects.create(
            campaign=campaign,
            language=language,
            organizer_name=data["name"],
            organizer_email=data["email"],
            organization_name=data["organization"],
            representative=target.representative,
            office_holder=target.office_holder,
            district=target.district,
            province=target.province,
            with_name=target.name(),
            with_title=target.title(language),
            proposed_times=proposed_times_text(data["proposed_times"], slots, language),
            place=data["place"],
            place_details=data["place_details"],
            subject=template.subject_fr if language == "fr" else template.subject_en,
            network_address_hash=network,
        )
        meeting.letter = write_request_letter(meeting, template, target)
        meeting.save(update_fields=["letter"])
        queue_email(meeting, MeetingEmail.Kind.ORGANIZER_LINK)
        with override(language):
            record_consent(
                email=meeting.organizer_email,
                purpose=Purpose.FOLLOW_UP,
                wording=str(ORGANIZE_CONSENT),
                language=language,
                campaign=campaign,
                source=meeting.consent_source(),
            )
    return meeting


def proposed_times_text(free_text, slots, language):
    with override(language):
        lines = [
            "– " + formats.date_format(timezone.localtime(slot), "DATETIME_FORMAT")
            for slot in slots
        ]
    if free_text.strip():
        lines.append(" ".join(free_text.split()))
    return "\n".join(lines)


def place_text(meeting):
    with override(meeting.language):
        label = str(Place(meeting.place).label) if meeting.place else ""
    return ", ".join(part for part in [label, meeting.place_details] if part)


def write_request_letter(meeting, template, target):
    """A letters.Letter to whoever the meeting is with, filled with the proposed times."""
    letter = letter_actions.start_letter(
        campaign=meeting.campaign,
        template=template,
        language=meeting.language,
        province=target.province,
    )
    address_request_letter(letter, target)
    letter_actions.describe_sender(
        letter,
        name=meeting.organizer_name,
        email=meeting.organizer_email,
        organization=meeting.organization_name,
        on_behalf_of="",
        story={},
    )
    fill_request_letter(letter, meeting)
    letter.save()
    return letter


def address_request_letter(letter, target):
    """Addressed as the letters app addresses an MP, a provincial member or an office holder:
    the salutation and the title follow whom the meeting is with, not the template's target."""
    letter.representative = target.representative
    letter.office_holder = target.office_holder
    letter.district = target.district
    letter.province = target.province
    letter.copy_mp = False
    letter.cc_name = letter.cc_title = letter.cc_email = ""
    if target.office_holder:
        # The holder's own riding (a minister is also an MP) is not the writer's.
        letter.riding_name = ""
        letter_actions.address_to_office_holder(letter, target.office_holder)
    else:
        letter.riding_name = letter_actions.riding_name(target.district, letter.language)
        letter_actions.address_to_representative(letter, target.representative)


def fill_request_letter(letter, meeting):
    subject, body = letter.template.text_in(meeting.language)
    values = request_values(letter, meeting)
    letter.subject = placeholders.fill(subject, values)
    letter.body = placeholders.fill(body, values)
    # The times make it the organizer's own letter: changing their details must not undo them.
    letter.is_template_verbatim = False


def request_values(letter, meeting):
    values = letter_actions.placeholder_values(letter, {})
    values["proposed_times"] = meeting.proposed_times
    values["meeting_place"] = place_text(meeting)
    return values


class CannotChange(Exception):
    """The request has left (or is leaving): whom it goes to can no longer change."""


def change_target(meeting, target):
    """Before the request leaves, meet someone else: the letter is written again for them."""
    with transaction.atomic():
        meeting = MeetingRequest.objects.select_for_update().get(pk=meeting.pk)
        letter = Letter.objects.select_for_update().filter(pk=meeting.letter_id).first()
        if meeting.status != MeetingRequest.Status.DRAFT or letter is None or not letter.is_draft():
            raise CannotChange
        meeting.representative = target.representative
        meeting.office_holder = target.office_holder
        meeting.district = target.district
        meeting.province = target.province
        meeting.with_name = target.name()
        meeting.with_title = target.title(meeting.language)
        meeting.save(
            update_fields=[
                "representative",
                "office_holder",
                "district",
                "province",
                "with_name",
                "with_title",
            ]
        )
        letter = Letter.objects.select_related("template").get(pk=letter.pk)
        address_request_letter(letter, target)
        fill_request_letter(letter, meeting)
        letter.save()
    return meeting


def organizer_context(meeting):
    with override(meeting.language):
        return {
            "meeting": meeting,
            "organizer_url": settings.SITE_URL + meeting.get_absolute_url(),
            "letter_url": (
                settings.SITE_URL + meeting.letter.step_url("preview") if meeting.letter else ""
            ),
        }


def send_organizer_link(email):
    meeting = email.meeting
    if not reachable(meeting.organizer_email):
        return False
    send_templated_email(
        "meeting_organizer",
        to=[meeting.organizer_email],
        context=organizer_context(meeting),
        language=meeting.language,
    )
    return True


# --- The organizer's page ----------------------------------------------------------------------

OPEN_STATES = [
    MeetingRequest.Status.DRAFT,
    MeetingRequest.Status.REQUESTED,
    MeetingRequest.Status.SCHEDULED,
]


def note_sent_by_organizer(meeting):
    """The organizer says they sent it: the request is on its way, its letter counts as sent."""
    if meeting.letter_id:
        letter_actions.mark_self_sent(meeting.letter)
    return note_request_sent(meeting)


def note_request_sent(meeting):
    """The letter left (by Porte-voix, or by the organizer's own means): it is requested."""
    return MeetingRequest.objects.filter(pk=meeting.pk, status=MeetingRequest.Status.DRAFT).update(
        status=MeetingRequest.Status.REQUESTED
    )


def schedule_meeting(meeting, *, date, time, duration_minutes):
    moment = timezone.make_aware(datetime.combine(date, time))
    changed = MeetingRequest.objects.filter(pk=meeting.pk, status__in=OPEN_STATES).update(
        status=MeetingRequest.Status.SCHEDULED,
        meeting_at=moment,
        duration_minutes=duration_minutes,
        # A new date deserves its own question the day after.
        report_prompt_sent_at=None,
    )
    return bool(changed)


def cancel_meeting(meeting):
    changed = MeetingRequest.objects.filter(pk=meeting.pk, status__in=OPEN_STATES).update(
        status=MeetingRequest.Status.CANCELLED
    )
    return bool(changed)


# --- The delegation --------------------------------------------------------------------------


class DelegationFull(Exception):
    pass


class AlreadyInvited(Exception):
    pass


def invite_delegate(meeting, *, name, email, role, language):
    try:
        with transaction.atomic():
            # Locks the meeting row so two invitations at once cannot pass the limit together.
            MeetingRequest.objects.select_for_update().filter(pk=meeting.pk).first()
            if meeting.delegates.count() >= MAX_DELEGATES:
                raise DelegationFull
            delegate = Delegate.objects.create(
                meeting=meeting, name=name, email=email, role=role, language=language
            )
            queue_email(meeting, MeetingEmail.Kind.INVITATION, delegate=delegate)
    except IntegrityError:
        raise AlreadyInvited from None
    return delegate


def send_invitation(email):
    delegate = email.delegate
    if delegate is None or not reachable(delegate.email):
        return False
    with override(delegate.language):
        url = settings.SITE_URL + delegate.get_absolute_url()
    send_templated_email(
        "meeting_invitation",
        to=[delegate.email],
        context={"delegate": delegate, "meeting": delegate.meeting, "invitation_url": url},
        language=delegate.language,
        reply_to=[delegate.meeting.organizer_email],
    )
    Delegate.objects.filter(pk=delegate.pk).update(invitation_sent_at=timezone.now())
    return True


def answer_invitation(delegate, *, answer, note):
    """Once: the first answer counts; a second click changes nothing."""
    changed = Delegate.objects.filter(pk=delegate.pk, answered_at__isnull=True).update(
        answer=answer, answered_at=timezone.now()
    )
    if changed and note:
        delegate.refresh_from_db()
        delegate.note = note
        delegate.save(update_fields=["note"])
    return bool(changed)


def withdraw_from_delegation(delegate):
    """Anyone who said yes can step back at any time, without giving a reason."""
    changed = Delegate.objects.filter(pk=delegate.pk, answer=Delegate.Answer.ACCEPTED).update(
        answer=Delegate.Answer.DECLINED, answered_at=timezone.now()
    )
    return bool(changed)


# --- After the meeting ----------------------------------------------------------------------


def send_report_prompts(now=None):
    """The day after a planned meeting, ask its organizer once how it went.

    Asking is marked on the meeting and queued as an email in one transaction: the email is
    then retried until the mail server takes it, and never queued twice for the same date.
    """
    now = now or timezone.now()
    sent = 0
    for meeting_id in MeetingRequest.objects.needing_report_prompt(now).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            claimed = MeetingRequest.objects.needing_report_prompt(now).filter(pk=meeting_id)
            if not claimed.update(report_prompt_sent_at=now):
                continue
            email = MeetingEmail.objects.create(
                meeting_id=meeting_id, kind=MeetingEmail.Kind.REPORT_PROMPT
            )
        # Already in the background: send it now; a refusal leaves it queued for a retry.
        outcome, come_back_at = deliver_email(email.pk)
        if come_back_at is not None:
            tasks.enqueue_email(email.pk, come_back_at)
        sent += outcome == "sent"
    return sent


def send_report_prompt(email):
    meeting = email.meeting
    if not reachable(meeting.organizer_email):
        return False
    with override(meeting.language):
        report_url = settings.SITE_URL + reverse(
            "meetings:report", args=[meeting.campaign.slug, meeting.private_token()]
        )
    send_templated_email(
        "meeting_report_prompt",
        to=[meeting.organizer_email],
        context={"meeting": meeting, "report_url": report_url},
        language=meeting.language,
    )
    return True


# --- Sending a meeting's emails ------------------------------------------------------------

SENDERS = {
    MeetingEmail.Kind.ORGANIZER_LINK: send_organizer_link,
    MeetingEmail.Kind.INVITATION: send_invitation,
    MeetingEmail.Kind.REPORT_PROMPT: send_report_prompt,
}


def reachable(address):
    """An address to write to: not blank, not erased on the person's request."""
    return "@" in address and not address.endswith(ERASED_DOMAIN)


def queue_email(meeting, kind, delegate=None):
    """A row for the email, and its task once the row is kept (call inside the transaction)."""
    email = MeetingEmail.objects.create(meeting=meeting, kind=kind, delegate=delegate)
    transaction.on_commit(lambda: tasks.enqueue_email(email.pk))
    return email


def claim_email(email_id, now):
    return bool(
        MeetingEmail.objects.due(now)
        .filter(pk=email_id)
        .update(status=MeetingEmail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )


def deliver_email(email_id):
    """Send one queued email if it is due; return what happened and when to come back, if ever.

    Claimed first, so two workers never send it. A worker that dies while sending leaves the
    row "sending": it is not sent again (once too few beats once too many for these emails),
    and staff see it in the admin.
    """
    now = timezone.now()
    if not claim_email(email_id, now):
        return "not due", None
    email = MeetingEmail.objects.select_related("meeting__campaign", "delegate").get(pk=email_id)
    try:
        sent = SENDERS[email.kind](email)
    except (smtplib.SMTPException, OSError) as error:
        return retry_email(email, f"{type(error).__name__}: {error}"[:1000])
    status = MeetingEmail.Status.SENT if sent else MeetingEmail.Status.NOT_NEEDED
    MeetingEmail.objects.filter(pk=email.pk, status=MeetingEmail.Status.SENDING).update(
        status=status, sent_at=timezone.now() if sent else None, claimed_at=None, last_error=""
    )
    return ("sent" if sent else "not needed"), None


def retry_email(email, error):
    """Back to the queue after a growing delay; failed when the delays are used up."""
    delay = email.retry_delay()
    still_mine = MeetingEmail.objects.filter(pk=email.pk, status=MeetingEmail.Status.SENDING)
    if delay is None:
        still_mine.update(status=MeetingEmail.Status.FAILED, claimed_at=None, last_error=error)
        return "failed", None
    when = timezone.now() + timedelta(seconds=delay)
    still_mine.update(
        status=MeetingEmail.Status.QUEUED, next_attempt_at=when, claimed_at=None, last_error=error
    )
    return "retry", when


def send_due_emails(now=None):
    """What the minute's sweep does: every due email, whatever happened to its task."""
    outcomes = [
        deliver_email(email_id)[0]
        for email_id in MeetingEmail.objects.due(now).values_list("pk", flat=True)
    ]
    return {outcome: outcomes.count(outcome) for outcome in set(outcomes)}


def file_report(meeting, *, form, language):
    """The organizer's report: a ReportBack for moderation; the meeting counts as held."""
    data = form.cleaned_data
    with transaction.atomic():
        claimed = MeetingRequest.objects.filter(
            pk=meeting.pk, status__in=OPEN_STATES, reported_at__isnull=True
        ).update(status=MeetingRequest.Status.HELD, reported_at=timezone.now())
        if not claimed:
            return None
        report = ReportBack.objects.create(
            campaign=meeting.campaign,
            language=language,
            action_type=ActionType.MEETING,
            meeting=meeting,
            representative=meeting.representative,
            office_holder=meeting.office_holder,
            district=meeting.district,
            province=meeting.province,
            target_description=meeting.with_name,
            action_date=timezone.localdate(meeting.meeting_at) if meeting.meeting_at else None,
            outcome=Outcome.MET,
            stated_position=data["stated_position"],
            attendees=form.attendees_text(),
            details=data["details"],
            commitments=data["commitments"],
            follow_up_needed=data["follow_up_needed"],
            quote_permission=data["quote_permission"],
            reporter_name=meeting.organizer_name,
            reporter_email=meeting.organizer_email,
            organization_name=meeting.organization_name,
        )
        if data["quote_permission"] != QuotePermission.PRIVATE:
            with override(language):
                record_consent(
                    email=meeting.organizer_email,
                    purpose=Purpose.QUOTE_PUBLICLY,
                    wording=str(QUOTE_CONSENT[data["quote_permission"]]),
                    language=language,
                    campaign=meeting.campaign,
                    source=report.consent_source(),
                )
    return report


# --- The lobbying log -------------------------------------------------------------------------


def too_many_log_links(network):
    return over_hourly_limit(
        LogLinkRequest.objects.all(), LOG_LINKS_PER_HOUR_PER_NETWORK, network_address_hash=network
    )


def request_log_link(*, campaign, email, language, network):
    """Email the log's link if this address organized meetings; say the same thing either way."""
    with transaction.atomic():
        LogLinkRequest.objects.create(network_address_hash=network)
        meeting = campaign.meetings.for_organizer(email).order_by("-created_at").first()
        if meeting is not None:
            transaction.on_commit(lambda: tasks.send_log_link.enqueue(meeting.pk, language))


def log_token(meeting):
    return sign_public_id(LOG_LINK_SALT, meeting.public_id)


def meeting_from_log_token(token):
    public_id, problem = unsign_public_id(LOG_LINK_SALT, token, LOG_LINK_MAX_AGE)
    if public_id is None or problem:
        return None
    return MeetingRequest.objects.filter(public_id=public_id).first()


def email_log_link(meeting_id, language):
    meeting = MeetingRequest.objects.select_related("campaign").filter(pk=meeting_id).first()
    if meeting is None:
        return "nothing to send"
    with override(language):
        url = settings.SITE_URL + reverse(
            "meetings:log", args=[meeting.campaign.slug, log_token(meeting)]
        )
    send_templated_email(
        "meeting_log_link",
        to=[meeting.organizer_email],
        context={"campaign": meeting.campaign, "log_url": url, "valid_days": 7},
        language=language,
    )
    return "sent"
