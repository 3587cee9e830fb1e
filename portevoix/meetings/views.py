import uuid
from urllib.parse import quote, urlencode

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portevoix.campaigns.views import get_campaign_or_404
from portevoix.lib.hashing import network_address_hash
from portevoix.lib.i18n import current_language
from portevoix.lib.links import sign_public_id, unsign_public_id
from portevoix.lib.pagecache import private_page, public_page
from portevoix.lib.spreadsheets import csv_response
from portevoix.meetings import actions
from portevoix.meetings.forms import (
    TOO_MANY,
    AnswerForm,
    CallForm,
    InviteForm,
    LogLinkForm,
    MeetingRequestForm,
    ReportForm,
    ScheduleForm,
)
from portevoix.meetings.kit import kit_for, render_leave_behind
from portevoix.meetings.models import (
    DELEGATE_LINK_SALT,
    ORGANIZER_LINK_SALT,
    Call,
    Delegate,
    MeetingRequest,
    public_id_from_token,
)
from portevoix.meetings.wording import LOBBYING_NOTE
from portevoix.representatives.forms import PostalCodeForm
from portevoix.representatives.models import PROVINCES, District, OfficeHolder

CALL_DONE_SALT = "meetings.call-done"


def chosen_district(request_data):
    try:
        pk = int(request_data.get("district", ""))
    except ValueError:
        return None
    return District.objects.filter(pk=pk).prefetch_related("representatives").first()


def with_next(viewname, next_url):
    return reverse(viewname) + "?" + urlencode({"next": next_url})


def find_mp_url(next_url):
    return with_next("representatives:find_mp", next_url)


def districts_url(next_url):
    return with_next("representatives:districts", next_url)


# --- Call your MP ------------------------------------------------------------------------------


@require_safe
@public_page
def call_start(request, slug):
    campaign = get_campaign_or_404(request, slug)
    next_url = reverse("meetings:call_mp", args=[campaign.slug])
    return render(
        request,
        "meetings/call_start.html",
        {
            "campaign": campaign,
            "form": PostalCodeForm(),
            "next_url": next_url,
            "districts_url": districts_url(next_url),
        },
    )


def house_of_commons_url(representative, language):
    return (
        f"https://www.ourcommons.ca/Members/{language}/search?searchText="
        f"{quote(representative.name)}"
    )


@require_safe
@private_page
def call_mp(request, slug):
    campaign = get_campaign_or_404(request, slug)
    district = chosen_district(request.GET)
    if district is None:
        return redirect("meetings:call", slug=campaign.slug)
    form = CallForm(initial={"call_id": uuid.uuid4(), "district": district.pk})
    return render_call_page(request, campaign, district, form)


def render_call_page(request, campaign, district, form, status=200):
    representative = district.current_representative()
    language = current_language()
    context = {
        "campaign": campaign,
        "district": district,
        "representative": representative,
        "form": form,
        "phones": representative.phones() if representative else [],
        "offices": [o for o in (representative.offices if representative else []) if o.get("tel")],
        "commons_url": house_of_commons_url(representative, language) if representative else "",
        "outcomes": Call.Outcome.choices,
        "other_riding_url": find_mp_url(reverse("meetings:call_mp", args=[campaign.slug])),
    }
    return render(request, "meetings/call_mp.html", context, status=status)


@require_POST
@private_page
def call_record(request, slug):
    campaign = get_campaign_or_404(request, slug)
    form = CallForm(request.POST)
    district = chosen_district(request.POST)
    if district is None:
        raise Http404
    network = network_address_hash(request)
    if not form.is_valid():
        return render_call_page(request, campaign, district, form, status=400)
    if form.is_from_a_script():
        return redirect("meetings:call", slug=campaign.slug)
    if (
        actions.too_many_calls(network)
        and not Call.objects.filter(public_id=form.cleaned_data["call_id"]).exists()
    ):
        form.add_error(None, TOO_MANY)
        return render_call_page(request, campaign, district, form, status=429)
    call = actions.record_call(
        campaign=campaign,
        call_id=form.cleaned_data["call_id"],
        district=district,
        outcome=form.cleaned_data["outcome"],
        what_they_said=form.cleaned_data["what_they_said"].strip(),
        language=current_language(),
        network=network,
    )
    token = sign_public_id(CALL_DONE_SALT, call.public_id)
    return redirect("meetings:call_done", slug=campaign.slug, token=token)


@require_safe
@private_page
def call_done(request, slug, token):
    campaign = get_campaign_or_404(request, slug)
    public_id, problem = unsign_public_id(CALL_DONE_SALT, token, 7 * 24 * 3600)
    if public_id is None:
        raise Http404
    call = get_object_or_404(Call, public_id=public_id, campaign=campaign)
    return render(request, "meetings/call_done.html", {"campaign": campaign, "call": call})


# --- Request a meeting -------------------------------------------------------------------------


@require_safe
@public_page
def meeting_start(request, slug):
    campaign = get_campaign_or_404(request, slug)
    choose_url = reverse("meetings:meeting_new", args=[campaign.slug])
    context = target_choice_context(campaign, request.GET.get("province", ""), choose_url)
    return render(request, "meetings/meeting_start.html", context)


def target_choice_context(campaign, province, choose_url):
    """Whom to meet: an MP found by postal code or riding, a province's office holders, the
    Minister. Each choice leads to `choose_url` with `?district=` or `?office=`."""
    province = province.upper()
    if province not in dict(PROVINCES):
        province = ""
    return {
        "campaign": campaign,
        "choose_url": choose_url,
        "find_mp_url": find_mp_url(choose_url),
        "districts_url": districts_url(choose_url),
        "provinces": PROVINCES,
        "province": province,
        "provincial_holders": [
            holder for holder in OfficeHolder.objects.for_province(province) if holder.name
        ]
        if province
        else [],
        "minister": OfficeHolder.objects.federal_immigration_minister(),
    }


def target_from(data):
    if data.get("office"):
        try:
            holder = OfficeHolder.objects.filter(pk=int(data["office"])).first()
        except (TypeError, ValueError):
            return None
        return actions.target_for_office(holder)
    return actions.target_for_district(chosen_district(data))


@require_http_methods(["GET", "POST"])
@private_page
def meeting_new(request, slug):
    campaign = get_campaign_or_404(request, slug)
    data = request.POST if request.method == "POST" else request.GET
    target = target_from(data)
    template = actions.request_template(campaign)
    if target is None or template is None:
        return redirect("meetings:meeting", slug=campaign.slug)
    form = MeetingRequestForm(request.POST or None)
    network = network_address_hash(request)
    language = current_language()
    if request.method == "POST" and form.is_valid():
        if form.is_from_a_script():
            return redirect("meetings:meeting", slug=campaign.slug)
        if actions.too_many_meetings(network):
            form.add_error(None, TOO_MANY)
        else:
            meeting = actions.request_meeting(
                campaign=campaign,
                template=template,
                target=target,
                data=form.cleaned_data,
                slots=form.slots(),
                language=language,
                network=network,
            )
            return redirect(meeting.get_absolute_url() + "?created=1")
    context = {
        "campaign": campaign,
        "form": form,
        "target": target,
        "target_title": target.title(language),
        "hidden": hidden_target(data),
    }
    status = 400 if form.is_bound else 200
    return render(request, "meetings/meeting_new.html", context, status=status)


def get_meeting_or_404(request, slug, token):
    """The meeting behind the organizer's private link; the link is the only key to it."""
    campaign = get_campaign_or_404(request, slug)
    public_id = public_id_from_token(ORGANIZER_LINK_SALT, token)
    if public_id is None:
        raise Http404
    return get_object_or_404(
        MeetingRequest.objects.select_related("campaign", "letter", "representative"),
        public_id=public_id,
        campaign=campaign,
    )


@require_safe
@private_page
def organizer(request, slug, token):
    meeting = get_meeting_or_404(request, slug, token)
    if meeting.letter and not meeting.letter.is_draft() and actions.note_request_sent(meeting):
        meeting.refresh_from_db()
    return render_organizer(request, meeting)


def render_organizer(request, meeting, *, schedule_form=None, invite_form=None, status=200):
    initial = {"language": current_language(), "duration_minutes": meeting.duration_minutes or 30}
    if meeting.meeting_at:
        local = timezone.localtime(meeting.meeting_at)
        initial.update(date=local.date(), time=local.time())
    context = {
        "campaign": meeting.campaign,
        "meeting": meeting,
        "token": meeting.private_token(),
        "created": request.GET.get("created") == "1",
        "letter": meeting.letter,
        "delegates": list(meeting.delegates.all()),
        "schedule_form": schedule_form or ScheduleForm(initial=initial),
        "invite_form": invite_form or InviteForm(meeting=meeting, initial=initial),
        "max_delegates": actions.MAX_DELEGATES,
        "kit_url": reverse("meetings:kit", args=[meeting.campaign.slug]),
    }
    return render(request, "meetings/organizer.html", context, status=status)


@require_POST
@private_page
def mark_requested(request, slug, token):
    meeting = get_meeting_or_404(request, slug, token)
    actions.note_sent_by_organizer(meeting)
    return redirect(meeting)


@require_http_methods(["GET", "POST"])
@private_page
def change_target(request, slug, token):
    """Before the request leaves, choose someone else to meet (the letters app sends the
    organizer here from the request letter's preview)."""
    meeting = get_meeting_or_404(request, slug, token)
    if not meeting.may_change_target():
        return redirect(meeting)
    data = request.POST if request.method == "POST" else request.GET
    here = reverse("meetings:change_target", args=[meeting.campaign.slug, token])
    if not (data.get("district") or data.get("office")):
        if request.method == "POST":
            return redirect(here)
        context = target_choice_context(meeting.campaign, data.get("province", ""), here)
        context.update(meeting=meeting, changing=True)
        return render(request, "meetings/meeting_start.html", context)
    target = target_from(data)
    if target is None:
        return redirect(here)
    if request.method == "POST":
        try:
            meeting = actions.change_target(meeting, target)
        except actions.CannotChange:
            return redirect(meeting)
        return redirect(meeting.letter.step_url("preview"))
    context = {
        "campaign": meeting.campaign,
        "meeting": meeting,
        "target": target,
        "target_title": target.title(meeting.language),
        "hidden": hidden_target(data),
        "back_url": here,
    }
    return render(request, "meetings/change_target.html", context)


def hidden_target(data):
    return {
        "district": data.get("district", "") if not data.get("office") else "",
        "office": data.get("office", ""),
    }


@require_POST
@private_page
def schedule(request, slug, token):
    meeting = get_meeting_or_404(request, slug, token)
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        return render_organizer(request, meeting, schedule_form=form, status=400)
    actions.schedule_meeting(meeting, **form.cleaned_data)
    return redirect(meeting)


@require_POST
@private_page
def cancel(request, slug, token):
    meeting = get_meeting_or_404(request, slug, token)
    actions.cancel_meeting(meeting)
    return redirect(meeting)


@require_POST
@private_page
def invite(request, slug, token):
    meeting = get_meeting_or_404(request, slug, token)
    form = InviteForm(request.POST, meeting=meeting)
    if meeting.is_open() and form.is_valid():
        try:
            actions.invite_delegate(meeting, **form.cleaned_data)
        except actions.DelegationFull:
            form.add_error(None, full_message())
        except actions.AlreadyInvited:
            form.add_error("email", translation.gettext("This person is already invited."))
        else:
            return redirect(meeting.get_absolute_url() + "#delegation")
    elif not meeting.is_open():
        form.add_error(None, translation.gettext("This meeting is closed."))
    return render_organizer(request, meeting, invite_form=form, status=400)


def full_message():
    return translation.gettext(
        "A delegation can have at most %(count)s people. A small delegation is often stronger."
    ) % {"count": actions.MAX_DELEGATES}


@require_http_methods(["GET", "POST"])
@private_page
def report(request, slug, token):
    meeting = get_meeting_or_404(request, slug, token)
    if not meeting.may_be_reported():
        return redirect(meeting)
    form = ReportForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        actions.file_report(meeting, form=form, language=current_language())
        return redirect(meeting.get_absolute_url() + "?reported=1")
    status = 400 if form.is_bound else 200
    context = {"campaign": meeting.campaign, "meeting": meeting, "form": form}
    return render(request, "meetings/report.html", context, status=status)


# --- Delegates --------------------------------------------------------------------------------


def get_delegate_or_404(request, slug, token):
    campaign = get_campaign_or_404(request, slug)
    public_id = public_id_from_token(DELEGATE_LINK_SALT, token)
    if public_id is None:
        raise Http404
    return get_object_or_404(
        Delegate.objects.select_related("meeting__campaign"),
        public_id=public_id,
        meeting__campaign=campaign,
    )


@require_http_methods(["GET", "POST"])
@private_page
def delegate(request, slug, token):
    """GET only shows the invitation: mail scanners open links, and must not answer for anyone."""
    delegate = get_delegate_or_404(request, slug, token)
    form = AnswerForm(request.POST or None)
    if request.method == "POST":
        if delegate.has_answered():
            return redirect(delegate)
        if form.is_valid():
            actions.answer_invitation(delegate, **form.cleaned_data)
            return redirect(delegate)
    status = 400 if form.is_bound else 200
    context = {"campaign": delegate.meeting.campaign, "delegate": delegate, "form": form}
    return render(request, "meetings/delegate.html", context, status=status)


@require_POST
@private_page
def withdraw(request, slug, token):
    delegate = get_delegate_or_404(request, slug, token)
    actions.withdraw_from_delegation(delegate)
    return redirect(delegate)


# --- Meeting kit ------------------------------------------------------------------------------


@require_safe
@public_page
def kit(request, slug):
    campaign = get_campaign_or_404(request, slug)
    return render(
        request, "meetings/kit.html", {"campaign": campaign, "kit": kit_for(current_language())}
    )


@require_safe
@public_page
def leave_behind(request, slug):
    campaign = get_campaign_or_404(request, slug)
    language = current_language()
    response = HttpResponse(render_leave_behind(campaign, language), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="leave-behind-{language}.pdf"'
    return response


# --- Lobbying log -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@private_page
def log_request(request, slug):
    campaign = get_campaign_or_404(request, slug)
    form = LogLinkForm(request.POST or None)
    network = network_address_hash(request)
    if request.method == "POST" and form.is_valid():
        if actions.too_many_log_links(network):
            form.add_error(None, TOO_MANY)
        else:
            if not form.is_from_a_script():
                actions.request_log_link(
                    campaign=campaign,
                    email=form.cleaned_data["email"],
                    language=current_language(),
                    network=network,
                )
            return render(request, "meetings/log_sent.html", {"campaign": campaign})
    status = 400 if form.is_bound else 200
    context = {"campaign": campaign, "form": form, "note": LOBBYING_NOTE}
    return render(request, "meetings/log_request.html", context, status=status)


def log_meetings_or_404(request, slug, token):
    campaign = get_campaign_or_404(request, slug)
    meeting = actions.meeting_from_log_token(token)
    if meeting is None or meeting.campaign_id != campaign.pk:
        raise Http404
    meetings = campaign.meetings.for_organizer(meeting.organizer_email).order_by("-created_at")
    return campaign, list(meetings.select_related("district"))


@require_safe
@private_page
def log(request, slug, token):
    campaign, meetings = log_meetings_or_404(request, slug, token)
    context = {
        "campaign": campaign,
        "meetings": meetings,
        "note": LOBBYING_NOTE,
        "csv_url": reverse("meetings:log_csv", args=[campaign.slug, token]),
    }
    return render(request, "meetings/log.html", context)


@require_safe
def log_csv(request, slug, token):
    campaign, meetings = log_meetings_or_404(request, slug, token)
    _ = translation.gettext
    header = [
        _("Date"),
        _("Office holder"),
        _("Title"),
        _("Organization"),
        _("Subject"),
        _("Duration (minutes)"),
        _("Place"),
        _("Status"),
    ]
    rows = (log_row(meeting) for meeting in meetings)
    return csv_response(f"lobbying-log-{campaign.slug}", header, rows)


def log_row(meeting):
    when = meeting.meeting_at or meeting.created_at
    return [
        timezone.localtime(when).strftime("%Y-%m-%d %H:%M"),
        meeting.with_name,
        meeting.with_title,
        meeting.organization_name,
        meeting.subject,
        meeting.duration_minutes,
        actions.place_text(meeting),
        meeting.get_status_display(),
    ]
