from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from portevoix.campaigns.views import get_campaign_or_404
from portevoix.letters.models import Letter
from portevoix.letters.recipients import SEARCH_LIMIT, chosen_district, federal_only
from portevoix.lib.hashing import network_address_hash
from portevoix.lib.i18n import current_language
from portevoix.lib.pagecache import private_page, public_page
from portevoix.reports import actions
from portevoix.reports.forms import ReportBackForm, TargetKind, new_submission_id
from portevoix.reports.links import follow_up_from_token
from portevoix.reports.models import ActionType, FollowUp
from portevoix.representatives.lookup import (
    InvalidPostalCode,
    find_representatives,
    normalize_postal_code,
    search_districts,
)
from portevoix.representatives.models import OfficeHolder
from portevoix.representatives.views import TOO_MANY_LOOKUPS, lookup_allowed

# --- Report-back ------------------------------------------------------------------------------


def letter_from_token(campaign, token):
    """The letter a private link names in this campaign; a forged link names none."""
    public_id = Letter.public_id_from_token(token) if token else None
    if public_id is None:
        return None
    found = Letter.objects.select_related("district", "office_holder", "representative")
    return found.filter(public_id=public_id, campaign=campaign).first()


def find_districts(request, query):
    """Ridings for a postal code (the lookup chain) or for words of a riding's or MP's name."""
    query = query.strip()
    if not query:
        return [], ""
    try:
        normalize_postal_code(query)
        if not lookup_allowed(request):
            return [], TOO_MANY_LOOKUPS
        result = find_representatives(query)
    except InvalidPostalCode:
        found = list(search_districts(query)[:SEARCH_LIMIT])
        return found, "" if found else _("No riding matches this search. Try part of the name.")
    return federal_only(result.districts), result.message


def district_options(found, *extra_ids):
    options = list(found)
    for district_id in extra_ids:
        district = chosen_district(district_id)
        if district and district not in options:
            options.append(district)
    return options


def provincial_office_holders():
    return OfficeHolder.objects.exclude(province="").order_by("province", "role")


def initial_from_letter(letter):
    initial = {"action_type": ActionType.LETTER, "letter_token": letter.private_token()}
    if letter.sent_at:
        initial["action_date"] = timezone.localdate(letter.sent_at)
    holder = letter.office_holder
    if holder and holder.province:
        initial.update(
            target_kind=TargetKind.PROVINCIAL, province=holder.province, office_holder=holder.pk
        )
    elif holder:
        initial["target_kind"] = TargetKind.MINISTER
    elif letter.district_id:
        initial.update(target_kind=TargetKind.MP, district=letter.district_id)
    return initial


@require_http_methods(["GET", "POST"])
@private_page
def report_back(request, slug):
    campaign = get_campaign_or_404(request, slug)
    token = request.POST.get("letter_token") or request.GET.get("letter", "")
    letter = letter_from_token(campaign, token)
    query = request.POST.get("find", "")
    found, find_message = find_districts(request, query)
    extra = [request.POST.get("district"), letter.district_id if letter else None]
    kwargs = {
        "districts": district_options(found, *extra),
        "office_holders": provincial_office_holders(),
        "network_address_hash": network_address_hash(request),
    }
    finding = request.method == "POST" and "find_mp" in request.POST
    if request.method == "GET" or finding:
        initial = {"submission_id": new_submission_id()}
        if letter:
            initial.update(initial_from_letter(letter))
        if finding:
            # "Find the MP" only shows the ridings: nothing is checked or stored yet.
            initial = {**request.POST.dict(), "target_kind": TargetKind.MP}
            if len(found) == 1:
                initial["district"] = found[0].pk
        form = ReportBackForm(initial=initial, **kwargs)
    else:
        form = ReportBackForm(request.POST, request.FILES, **kwargs)
        if form.is_valid():
            if not form.is_from_a_script():
                actions.submit_report(
                    campaign=campaign,
                    form=form,
                    language=current_language(),
                    network_address_hash=kwargs["network_address_hash"],
                    letter=letter,
                )
            # Redirect after POST: a refresh or the back button never sends it twice.
            return redirect("reports:thanks", slug=campaign.slug)
    context = {
        "campaign": campaign,
        "form": form,
        "letter": letter,
        "finding": finding,
        "find_message": find_message,
        "found": found,
        "file_dropped": request.method == "POST" and bool(request.FILES),
    }
    status = 400 if form.is_bound else 200
    return render(request, "reports/report_back.html", context, status=status)


@require_safe
@public_page
def thanks(request, slug):
    campaign = get_campaign_or_404(request, slug)
    return render(request, "reports/thanks.html", {"campaign": campaign})


# --- Follow-up answers ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@private_page
def followup_answer(request, slug, token):
    """One answer link from a follow-up email.

    Mail scanners and link previews open every link in an email, so a GET records
    nothing: it shows the answer chosen and one button, and only that POST records it.
    """
    campaign = get_campaign_or_404(request, slug)
    follow_up, answer = follow_up_from_token(token)
    if follow_up is None or follow_up.letter.campaign_id != campaign.pk:
        return render(request, "reports/link_invalid.html", {"campaign": campaign}, status=404)
    if request.method == "POST":
        actions.record_answer(follow_up, answer)
        return redirect(request.path)
    context = {
        "campaign": campaign,
        "follow_up": follow_up,
        "chosen": FollowUp.Answer(answer),
    }
    if follow_up.answered_at is None:
        return render(request, "reports/followup_confirm.html", context)
    letter = follow_up.letter
    report_path = reverse("reports:report_back", args=[campaign.slug])
    context["report_url"] = f"{report_path}?letter={letter.private_token()}"
    return render(request, "reports/followup_answered.html", context)
