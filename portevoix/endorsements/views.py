import contextlib

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from portevoix.campaigns.views import get_campaign_or_404
from portevoix.endorsements import actions, links
from portevoix.endorsements.forms import EndorsementForm, InvitationForm, InviterForm
from portevoix.endorsements.listing import EndorserFilter
from portevoix.endorsements.models import (
    REGIONS,
    Endorsement,
    Invitation,
    Sector,
    address_from_unsubscribe_token,
)
from portevoix.endorsements.provinces import province_context
from portevoix.endorsements.wording import prepared_invitation
from portevoix.lib.hashing import network_address_hash
from portevoix.lib.i18n import current_language
from portevoix.lib.pagecache import private_page, public_page
from portevoix.lib.urls import redirect_to_shared
from portevoix.spread.models import Referrer
from portevoix.spread.posts import encode
from portevoix.spread.referrals import referral_link_from_request

# Messages the inviter's page shows after an action, by the `done` word in its address.
DONE_WORDS = {"confirmed", "queued", "awaiting", "suppressed", "email-confirmed"}


def get_referrer_or_404(request, slug, token):
    """The inviter behind a private link; the link is the only key to it."""
    campaign = get_campaign_or_404(request, slug)
    referrer = Referrer.from_private_token(token)
    if referrer is None or referrer.campaign_id != campaign.pk:
        raise Http404
    return referrer


# --- Endorsing --------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@private_page
def endorse(request, slug):
    campaign = get_campaign_or_404(request, slug)
    network = network_address_hash(request)
    initial = {
        "invitation": request.GET.get("invitation", "")[:16],
        "statement_language": current_language(),
    }
    form = EndorsementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if form.is_from_a_script() or actions.accept_endorsement(
            campaign=campaign,
            data=form.cleaned_data,
            language=current_language(),
            referral_link=referral_link_from_request(request, campaign),
            network=network,
        ):
            # Redirect after POST: a refresh or the back button never submits it twice.
            return redirect_to_shared("endorsements:sent", slug=campaign.slug)
        form.refuse_as_too_many()
    status = 400 if form.is_bound else 200
    context = {"campaign": campaign, "form": form}
    return render(request, "endorsements/endorse.html", context, status=status)


@require_safe
@public_page
def sent(request, slug):
    campaign = get_campaign_or_404(request, slug)
    return render(request, "endorsements/sent.html", {"campaign": campaign})


@require_http_methods(["GET", "POST"])
@private_page
def confirm(request, slug, token):
    """GET shows a button, POST confirms: mail scanners that open links never confirm."""
    campaign = get_campaign_or_404(request, slug)
    endorsement, problem = links.endorsement_from_token(token)
    context = {"campaign": campaign, "endorsement": endorsement}
    if endorsement is None or endorsement.campaign_id != campaign.pk:
        return render(request, "endorsements/link_invalid.html", context, status=400)
    unconfirmed = endorsement.status == Endorsement.Status.UNCONFIRMED
    if problem == "expired" and unconfirmed:
        return render(request, "endorsements/link_expired.html", context, status=410)
    if not unconfirmed:
        return after_confirmation(request, endorsement)
    if request.method == "GET":
        return render(request, "endorsements/confirm.html", context)
    actions.confirm_endorsement(endorsement)
    return after_confirmation(request, endorsement)


def after_confirmation(request, endorsement):
    if endorsement.own_referrer is None:
        context = {"campaign": endorsement.campaign, "endorsement": endorsement}
        return render(request, "endorsements/already_decided.html", context)
    return redirect(endorsement.own_referrer.private_url() + "?done=confirmed")


@require_safe
@public_page
def endorsers(request, slug):
    campaign = get_campaign_or_404(request, slug)
    chosen = EndorserFilter(request.GET)
    standing = campaign.endorsements.all()
    context = {
        "campaign": campaign,
        "filter": chosen,
        "endorsers": chosen.apply(standing.for_public_display()),
        "counts": standing.public_counts(),
        "regions": chosen.options("region", REGIONS, standing.facet("region")),
        "sectors": chosen.options("sector", Sector.choices, standing.facet("sector")),
    }
    return render(request, "endorsements/endorsers.html", context)


# --- Inviting -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@private_page
def invite_start(request, slug):
    campaign = get_campaign_or_404(request, slug)
    form = InviterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.is_from_a_script():
            return redirect("endorsements:endorse", slug=campaign.slug)
        referrer = actions.start_inviter(
            campaign=campaign,
            kind=form.cleaned_data["kind"],
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            language=current_language(),
        )
        return redirect(referrer.private_url())
    status = 400 if form.is_bound else 200
    context = {"campaign": campaign, "form": form}
    return render(request, "endorsements/invite_start.html", context, status=status)


def next_steps(campaign):
    """Where an organization goes next: the Minister's letter and a meeting with an MP."""
    steps = {}
    template = campaign.letter_templates.filter(key="org-write-minister", is_active=True).first()
    if template is not None:
        with contextlib.suppress(NoReverseMatch):
            steps["letter"] = reverse("letters:start", args=[campaign.slug, template.key])
    steps["meeting"] = (
        reverse("campaigns:organizations", args=[campaign.slug]) + "#action-org-meet-mp"
    )
    return steps


@require_safe
@private_page
def allies(request, slug, token):
    referrer = get_referrer_or_404(request, slug, token)
    campaign = referrer.campaign
    credited = referrer.referred_endorsements.all()
    done = request.GET.get("done")
    context = {
        "campaign": campaign,
        "referrer": referrer,
        "token": token,
        "endorsement": Endorsement.objects.filter(own_referrer=referrer).first(),
        "invitations": referrer.invitations.order_by("-created_at")[:200],
        "credited_count": credited.counted().count(),
        "credited_public": credited.for_public_display(),
        "next_steps": next_steps(campaign),
        "sectors": Sector.choices,
        "done": done if done in DONE_WORDS else "",
    }
    return render(request, "endorsements/allies.html", context)


@require_http_methods(["GET", "POST"])
@private_page
def compose(request, slug, token):
    referrer = get_referrer_or_404(request, slug, token)
    sector = request.GET.get("sector", Sector.OTHER)
    language = request.GET.get("language", current_language())
    if sector not in Sector.values or language not in ("fr", "en"):
        sector, language = Sector.OTHER, current_language()
    subject, body = prepared_invitation(referrer.campaign, referrer, sector, language)
    initial = {"sector": sector, "language": language, "subject": subject, "body": body}
    form = InvitationForm(request.POST or None, initial=initial, referrer=referrer)
    if request.method == "POST" and form.is_valid():
        invitation = actions.create_invitation(referrer, form.cleaned_data)
        return after_invitation(referrer, token, invitation)
    status = 400 if form.is_bound else 200
    context = {
        "campaign": referrer.campaign,
        "referrer": referrer,
        "token": token,
        "form": form,
        "sector_label": Sector(form["sector"].value() or sector).label,
        "language_code": form["language"].value() or language,
    }
    return render(request, "endorsements/compose.html", context, status=status)


def after_invitation(referrer, token, invitation):
    if invitation.method == Invitation.Method.OWN:
        args = [referrer.campaign.slug, token, invitation.code]
        return redirect(reverse("endorsements:invitation", args=args))
    done = {
        Invitation.Status.QUEUED: "queued",
        Invitation.Status.AWAITING_CONFIRMATION: "awaiting",
        Invitation.Status.SUPPRESSED: "suppressed",
    }.get(invitation.status, "queued")
    return redirect(f"{referrer.private_url()}?done={done}")


@require_safe
@private_page
def invitation(request, slug, token, code):
    """An invitation to send from one's own email program, or to copy."""
    referrer = get_referrer_or_404(request, slug, token)
    found = referrer.invitations.filter(code=code).first()
    if found is None:
        raise Http404
    context = {
        "campaign": referrer.campaign,
        "referrer": referrer,
        "token": token,
        "invitation": found,
        "mailto": mailto_link(found),
        "full_text": f"{found.body}\n\n{found.endorse_url()}",
    }
    return render(request, "endorsements/invitation.html", context)


def mailto_link(invitation):
    body = f"{invitation.body}\n\n{invitation.endorse_url()}"
    query = encode({"subject": invitation.subject, "body": body})
    return f"mailto:{invitation.to_email}?{query}"


@require_http_methods(["GET", "POST"])
@private_page
def confirm_inviter(request, slug, token):
    campaign = get_campaign_or_404(request, slug)
    referrer, problem = links.inviter_from_token(token)
    context = {"campaign": campaign}
    if referrer is None or referrer.campaign_id != campaign.pk:
        return render(request, "endorsements/link_invalid.html", context, status=400)
    if problem == "expired" and not referrer.has_confirmed_email():
        return render(request, "endorsements/link_expired.html", context, status=410)
    if referrer.has_confirmed_email():
        return redirect(referrer.private_url())
    if request.method == "GET":
        return render(
            request, "endorsements/confirm_inviter.html", {**context, "referrer": referrer}
        )
    actions.confirm_inviter(referrer)
    return redirect(f"{referrer.private_url()}?done=email-confirmed")


# --- Unsubscribing ------------------------------------------------------------------------------


# Mail programs unsubscribe with a POST and no cookie (RFC 8058): the signed link is the key.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@private_page
def unsubscribe(request, token):
    address = address_from_unsubscribe_token(token)
    if address is None:
        return render(request, "endorsements/unsubscribe_invalid.html", status=400)
    if request.method == "GET":
        return render(request, "endorsements/unsubscribe.html", {"address": address})
    actions.unsubscribe(address)
    return render(request, "endorsements/unsubscribed.html", {"address": address})


# --- The provincial government ------------------------------------------------------------------


@require_safe
@public_page
def province(request, slug):
    campaign = get_campaign_or_404(request, slug)
    context = province_context(campaign, request.GET.get("province", ""))
    return render(request, "endorsements/province.html", {"campaign": campaign, **context})
