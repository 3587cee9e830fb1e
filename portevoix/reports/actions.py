"""Writes of the reports app: reports received, moderated, positions set, follow-ups sent."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from portevoix.letters.models import Letter
from portevoix.lib.emails import send_templated_email
from portevoix.lib.pagecache import bump_content_version
from portevoix.privacy.actions import record_consent
from portevoix.privacy.models import Consent, Purpose
from portevoix.reports.forms import CONSENT_TO_CONTACT, TargetKind
from portevoix.reports.links import answer_token
from portevoix.reports.models import (
    FollowUp,
    MpPosition,
    PositionChange,
    QuotePermission,
    ReportBack,
)
from portevoix.reports.uploads import stored_name
from portevoix.representatives.models import OfficeHolder
from portevoix.staff.audit import record

logger = logging.getLogger("portevoix.reports")

REMINDER_AFTER = timedelta(days=7)
# Letters sent longer ago than their follow-up day plus this are not asked any more: a
# follow-up weeks late (a site just upgraded, a long outage) would puzzle more than help.
FOLLOWUP_GRACE = timedelta(days=7)


# --- Report-back ------------------------------------------------------------------------------


def submit_report(*, campaign, form, language, network_address_hash, letter=None):
    """Store a report once, with the consents given; the same form sent twice makes one row.

    Returns (report, created).
    """
    data = form.cleaned_data
    existing = ReportBack.objects.filter(public_id=data["submission_id"]).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            report = ReportBack(
                public_id=data["submission_id"],
                campaign=campaign,
                language=language,
                action_type=data["action_type"],
                action_date=data.get("action_date"),
                outcome=data["outcome"],
                stated_position=data.get("stated_position", ""),
                commitments=data.get("commitments", "").strip(),
                details=data.get("details", "").strip(),
                reporter_name=data.get("reporter_name", ""),
                reporter_email=data.get("reporter_email", ""),
                organization_name=data.get("organization_name", ""),
                quote_permission=data["quote_permission"],
                network_address_hash=network_address_hash,
                letter=letter,
            )
            describe_target(report, form)
            if data.get("reply_file"):
                upload = data["reply_file"]
                report.reply_file.save(stored_name(upload), File(upload), save=False)
            report.save()
            record_report_consents(report, form, language)
    except IntegrityError:
        # Sent twice at the same moment: the other request stored it.
        return ReportBack.objects.get(public_id=data["submission_id"]), False
    return report, True


def describe_target(report, form):
    data = form.cleaned_data
    kind = data["target_kind"]
    report.target_description = data.get("target_description", "")
    if kind == TargetKind.MP:
        district = form.chosen_district()
        report.district = district
        report.representative = district.current_representative() if district else None
        report.province = district.province if district else ""
    elif kind == TargetKind.MINISTER:
        report.office_holder = OfficeHolder.objects.federal_immigration_minister()
    elif kind == TargetKind.PROVINCIAL:
        report.province = data.get("province", "")
        holder = form.chosen_office_holder()
        if holder is not None and holder.province == report.province:
            report.office_holder = holder


def record_report_consents(report, form, language):
    """The words the person was shown, in their language, kept with the report's source."""
    data = form.cleaned_data
    with override(language):
        if report.quote_permission != QuotePermission.PRIVATE:
            record_consent(
                email=report.reporter_email,
                purpose=Purpose.QUOTE_PUBLICLY,
                wording=str(QuotePermission(report.quote_permission).label),
                language=language,
                campaign=report.campaign,
                source=report.consent_source(),
            )
        if report.reporter_email and data.get("consent_to_contact"):
            record_consent(
                email=report.reporter_email,
                purpose=Purpose.CONTACT_REPLY,
                wording=str(CONSENT_TO_CONTACT),
                language=language,
                campaign=report.campaign,
                source=report.consent_source(),
            )


# --- Moderation -------------------------------------------------------------------------------


def moderate_report(report, actor, decision):
    """Approve or reject a report; returns False when it already had that decision."""
    with transaction.atomic():
        changed = (
            ReportBack.objects.filter(pk=report.pk)
            .exclude(moderation=decision)
            .update(moderation=decision, moderated_by=actor, moderated_at=timezone.now())
        )
        if changed:
            record(actor, f"report.{decision}", report)
            # update() sends no signal: the public results page must still see the change.
            transaction.on_commit(bump_content_version)
    return bool(changed)


def approve_report(report, actor):
    return moderate_report(report, actor, ReportBack.Moderation.APPROVED)


def reject_report(report, actor):
    return moderate_report(report, actor, ReportBack.Moderation.REJECTED)


# --- The MP position tracker ------------------------------------------------------------------


def set_position(
    *,
    campaign,
    representative,
    position,
    evidence,
    evidence_date,
    actor,
    summary_fr="",
    summary_en="",
    source_url="",
    report=None,
):
    """Add one piece of evidence to an MP's history; the newest evidence sets the position.

    Evidence found late (an old statement added today) joins the history without
    overriding what newer evidence says.
    """
    with transaction.atomic():
        change = PositionChange.objects.create(
            campaign=campaign,
            representative=representative,
            position=position,
            evidence=evidence,
            evidence_date=evidence_date,
            summary_fr=summary_fr,
            summary_en=summary_en,
            source_url=source_url,
            report=report,
            set_by=actor if getattr(actor, "pk", None) else None,
        )
        newest = (
            PositionChange.objects.filter(campaign=campaign, representative=representative)
            .order_by("-evidence_date", "-set_at", "-pk")
            .first()
        )
        current, _created = MpPosition.objects.update_or_create(
            campaign=campaign,
            representative=representative,
            defaults={"position": newest.position, "since": newest.evidence_date},
        )
        record(
            actor,
            "position.set",
            change,
            position=position,
            evidence=evidence,
            evidence_date=evidence_date.isoformat(),
            current=current.position,
            report=report.pk if report else None,
        )
    return change


# --- Follow-ups of letters --------------------------------------------------------------------


def agreed_to_follow_up(letter_field, email_field):
    """True when the writer agreed, for this very letter, to be asked later how it went.

    The letters app records that agreement with the letter as its source ("letter:<pk>").
    """
    return Exists(
        Consent.objects.active().filter(
            purpose=Purpose.FOLLOW_UP,
            email=OuterRef(email_field),
            source=Concat(Value("letter:"), Cast(OuterRef(letter_field), CharField())),
        )
    )


def schedule_followups(now):
    """A FollowUp row for each sent letter whose writer agreed and that has none yet."""
    letters = (
        Letter.objects.filter(
            status=Letter.Status.SENT,
            sent_at__isnull=False,
            follow_up__isnull=True,
            campaign__followup_after_days__gt=0,
        )
        .annotate(agreed=agreed_to_follow_up("pk", "sender_email"))
        .filter(agreed=True)
        .select_related("campaign")
    )
    rows = []
    for letter in letters:
        due_at = letter.sent_at + timedelta(days=letter.campaign.followup_after_days)
        if due_at + FOLLOWUP_GRACE >= now:
            rows.append(FollowUp(letter=letter, due_at=due_at))
    # Another worker may schedule the same letters: the one-to-one key keeps one row each.
    FollowUp.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def still_wanted(follow_ups):
    """Follow-ups whose writer has not withdrawn their agreement, in campaigns still asking."""
    return (
        follow_ups.filter(letter__campaign__followup_after_days__gt=0)
        .annotate(agreed=agreed_to_follow_up("letter_id", "letter__sender_email"))
        .filter(agreed=True)
    )


def send_due_followups(now):
    return send_claimed(
        still_wanted(FollowUp.objects.due(now)),
        "followup_question",
        unsent={"sent_at__isnull": True},
        claim={"sent_at": now, "reminder_due_at": now + REMINDER_AFTER},
        release={"sent_at": None, "reminder_due_at": None},
    )


def send_due_reminders(now):
    return send_claimed(
        still_wanted(FollowUp.objects.reminder_due(now)),
        "followup_reminder",
        unsent={"reminder_sent_at__isnull": True, "answer": ""},
        claim={"reminder_sent_at": now},
        release={"reminder_sent_at": None},
    )


def send_claimed(follow_ups, template, *, unsent, claim, release):
    """Email each follow-up this worker claims; release the claim when the email fails."""
    sent = 0
    for follow_up_id in follow_ups.values_list("pk", flat=True):
        # The conditional update is the claim: of two workers, only one moves the row.
        claimed = FollowUp.objects.filter(pk=follow_up_id, **unsent).update(**claim)
        if claimed and email_follow_up(follow_up_id, template):
            sent += 1
        elif claimed:
            FollowUp.objects.filter(pk=follow_up_id, **claim).update(**release)
    return sent


def email_follow_up(follow_up_id, template):
    """Send one follow-up email; False (and logged) when the mail server refused it."""
    follow_up = FollowUp.objects.select_related("letter__campaign").get(pk=follow_up_id)
    letter = follow_up.letter
    try:
        send_templated_email(
            template,
            to=[letter.sender_email],
            context=follow_up_context(follow_up),
            language=letter.language,
        )
    except Exception:  # an SMTP outage: the row is released and the next run tries again
        logger.exception("follow-up %s could not be sent", follow_up_id)
        return False
    return True


def follow_up_context(follow_up):
    letter = follow_up.letter
    with override(letter.language):
        answers = [
            {
                "label": label,
                "url": settings.SITE_URL
                + reverse(
                    "reports:followup_answer",
                    args=[letter.campaign.slug, answer_token(letter, value)],
                ),
            }
            for value, label in FollowUp.Answer.choices
        ]
    return {"letter": letter, "campaign": letter.campaign, "answers": answers}


def run_followups(now=None):
    """Schedule, send and remind: what `manage.py send_followups` and the worker run."""
    now = now or timezone.now()
    return {
        "scheduled": schedule_followups(now),
        "sent": send_due_followups(now),
        "reminded": send_due_reminders(now),
    }


def record_answer(follow_up, answer):
    """Record the writer's answer once; a second click changes nothing. True if recorded."""
    return bool(
        FollowUp.objects.filter(pk=follow_up.pk, answered_at__isnull=True).update(
            answer=answer, answered_at=timezone.now()
        )
    )
