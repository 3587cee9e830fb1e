from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language_from_request
from django.views.decorators.http import require_http_methods, require_safe

from portevoix.campaigns.actions import receive_contact_message
from portevoix.campaigns.forms import ContactForm
from portevoix.campaigns.models import Audience, Campaign
from portevoix.lib.hashing import network_address_hash
from portevoix.lib.i18n import current_language
from portevoix.lib.pagecache import kept_until_content_changes, private_page, public_page


def get_campaign_or_404(request, slug, with_actions=False):
    """A campaign visitors may see; staff may also preview drafts."""
    if with_actions:
        campaign = get_object_or_404(Campaign.objects.prefetch_related("actions"), slug=slug)
    else:
        # Every form post and private page reads it: kept until staff edit public content.
        campaign = kept_until_content_changes(
            ("campaign", slug), lambda: Campaign.objects.filter(slug=slug).first()
        )
    if campaign is None or (not campaign.is_public() and not request.user.is_staff):
        raise Http404
    return campaign


@require_safe
def language_redirect(request):
    """`/` sends a visitor to /fr/ or /en/ by their browser's language, French by default."""
    language = get_language_from_request(request)
    return redirect(f"/{language}/")


@require_safe
@public_page
def home(request):
    campaigns = list(Campaign.objects.active())
    if len(campaigns) == 1:
        return redirect(campaigns[0])
    return render(request, "campaigns/home.html", {"campaigns": campaigns})


@require_safe
@public_page
def detail(request, slug):
    campaign = get_campaign_or_404(request, slug, with_actions=True)
    return render(
        request,
        "campaigns/detail.html",
        {
            "campaign": campaign,
            "organization_actions": campaign.actions_for(Audience.ORGANIZATIONS),
            "individual_actions": campaign.actions_for(Audience.INDIVIDUALS),
            "everyone_actions": campaign.actions_for(Audience.EVERYONE),
            "resources": campaign.resources.filter(language=current_language()),
        },
    )


@require_safe
@public_page
def audience(request, slug, audience):
    campaign = get_campaign_or_404(request, slug, with_actions=True)
    return render(
        request,
        "campaigns/audience.html",
        {
            "campaign": campaign,
            "audience": audience,
            "actions": campaign.actions_for(audience),
            "everyone_actions": campaign.actions_for(Audience.EVERYONE),
        },
    )


@require_safe
@public_page
def resources(request, slug):
    campaign = get_campaign_or_404(request, slug)
    language = current_language()
    everything = list(campaign.resources.all())
    return render(
        request,
        "campaigns/resources.html",
        {
            "campaign": campaign,
            "resources": [r for r in everything if r.language == language],
            "other_language_resources": [r for r in everything if r.language != language],
        },
    )


@require_safe
def resource_download(request, slug, pk):
    campaign = get_campaign_or_404(request, slug)
    resource = get_object_or_404(campaign.resources, pk=pk)
    try:
        handle = resource.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    # Always a download: a file is never rendered as a page of this site.
    return FileResponse(handle, as_attachment=True, filename=resource.file_name())


@require_http_methods(["GET", "POST"])
@private_page
def contact(request, slug):
    campaign = get_campaign_or_404(request, slug)
    network_hash = network_address_hash(request)
    form = ContactForm(request.POST or None, network_address_hash=network_hash)
    if request.method == "POST" and form.is_valid():
        if not form.is_from_a_script():
            receive_contact_message(
                campaign=campaign,
                cleaned_data=form.cleaned_data,
                language=current_language(),
                network_address_hash=network_hash,
            )
        # Redirect after POST: a refresh or the back button never sends it twice.
        return redirect("campaigns:contact_thanks", slug=campaign.slug)
    status = 400 if form.is_bound else 200
    return render(
        request, "campaigns/contact.html", {"campaign": campaign, "form": form}, status=status
    )


@require_safe
def contact_thanks(request, slug):
    campaign = get_campaign_or_404(request, slug)
    return render(request, "campaigns/contact_thanks.html", {"campaign": campaign})
