from urllib.parse import quote

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portevoix.campaigns.views import get_campaign_or_404
from portevoix.letters import actions
from portevoix.letters.delivery import from_header
from portevoix.letters.forms import RecipientsForm, SenderForm, SendForm, StartForm, WriteForm
from portevoix.letters.handoffs import recipients_label_for
from portevoix.letters.models import Letter, LetterTemplate
from portevoix.letters.recipients import RecipientChoices
from portevoix.letters.rendering import build_document, render_docx, render_pdf
from portevoix.lib.i18n import current_language
from portevoix.lib.pagecache import private_page, public_page
from portevoix.lib.urls import private_url
from portevoix.representatives.views import lookup_allowed, too_many_lookups
from portevoix.spread.referrals import referral_from_request

# Longer mailto: links are cut off by some mail programs; past this we offer copy and paste.
MAILTO_MAX_LENGTH = 1800


def get_template_or_404(campaign, key):
    return get_object_or_404(campaign.letter_templates.filter(is_active=True), key=key)


# What the letter's pages show with it, read in the same query.
LETTER_RELATED = ("template", "office_holder")


def get_letter_or_404(request, slug, token, related=LETTER_RELATED):
    """The letter behind a private link; the link is the only key to it.

    `related` are read in the same query.
    """
    campaign, public_id = campaign_and_letter_id_or_404(request, slug, token)
    return letter_or_404(campaign, public_id, related)


def letter_or_404(campaign, public_id, related=LETTER_RELATED):
    # (select_related() with no names would follow every link: name them or read none.)
    letters = Letter.objects.select_related(*related) if related else Letter.objects
    letter = get_object_or_404(letters, public_id=public_id, campaign=campaign)
    letter.campaign = campaign  # already read for this request
    return letter


def campaign_and_letter_id_or_404(request, slug, token):
    campaign = get_campaign_or_404(request, slug)
    public_id = Letter.public_id_from_token(token)
    if public_id is None:
        raise Http404
    return campaign, public_id


def get_draft_or_redirect(request, slug, token):
    """A letter that can still be edited, or the status page if it has left."""
    letter = get_letter_or_404(request, slug, token)
    if not letter.is_draft():
        return letter, redirect(letter)
    return letter, None


@require_safe
@public_page
def choose(request, slug):
    campaign = get_campaign_or_404(request, slug)
    templates = campaign.letter_templates.filter(is_active=True)
    groups = [
        (label, [t for t in templates if t.audience == audience])
        for audience, label in LetterTemplate.Audience.choices
    ]
    return render(
        request,
        "letters/choose.html",
        {"campaign": campaign, "groups": [(label, items) for label, items in groups if items]},
    )


@require_http_methods(["GET", "POST"])
@private_page
def start(request, slug, key):
    campaign = get_campaign_or_404(request, slug)
    template = get_template_or_404(campaign, key)
    form = StartForm(request.POST or None, template=template)
    status = 400 if form.is_bound else 200
    if request.method == "POST" and form.is_valid():
        postal_code = form.cleaned_data.get("postal_code", "")
        # The postal code is looked up at the next step: count it against the network's limit.
        if postal_code and not lookup_allowed(request):
            too_many_lookups(form)
            status = 429
        else:
            letter = actions.start_letter(
                campaign=campaign,
                template=template,
                language=current_language(),
                postal_code=postal_code,
                province=form.cleaned_data.get("province", ""),
                referral=referral_from_request(request, campaign),
            )
            return redirect(letter.step_url("recipients"))
    context = {"campaign": campaign, "template": template, "form": form}
    return render(request, "letters/start.html", context, status=status)


@require_http_methods(["GET", "POST"])
@private_page
def recipients(request, slug, token):
    letter, elsewhere = get_draft_or_redirect(request, slug, token)
    if elsewhere:
        return elsewhere
    if letter.recipients_url() != letter.step_url("recipients"):
        # Another app chose the recipient (a meeting request): the choice is made there.
        return redirect(letter.recipients_url())
    choices = RecipientChoices(letter, search=request.GET.get("q", ""))
    form = RecipientsForm(
        request.POST or None,
        districts=choices.district_options(request.POST.get("district")),
        office_holders=choices.office_holders,
        needs_district=choices.needs_district,
        copy_mp=letter.template.copy_mp,
        initial=choices.initial(),
    )
    if request.method == "POST" and form.is_valid():
        problem = choices.problem_with(form.cleaned_data)
        if problem is None:
            actions.address_letter(letter, **choices.recipients(form.cleaned_data))
            return redirect(letter.step_url("sender"))
        form.add_error(None, problem)
    status = 400 if form.is_bound else 200
    context = {"campaign": letter.campaign, "letter": letter, "form": form, "choices": choices}
    return render(request, "letters/recipients.html", context, status=status)


@require_http_methods(["GET", "POST"])
@private_page
def sender(request, slug, token):
    letter, elsewhere = get_draft_or_redirect(request, slug, token)
    if elsewhere:
        return elsewhere
    if not letter.has_recipient():
        return redirect(letter.step_url("recipients"))
    form = SenderForm(
        request.POST or None, template=letter.template, initial=sender_initial(letter)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.describe_sender(
            letter,
            name=data["name"],
            email=data["email"],
            organization=data["organization"],
            on_behalf_of=data["on_behalf_of"],
            story=form.story(),
        )
        return redirect(letter.step_url("write"))
    status = 400 if form.is_bound else 200
    context = {"campaign": letter.campaign, "letter": letter, "form": form}
    return render(request, "letters/sender.html", context, status=status)


def sender_initial(letter):
    return {
        "name": letter.sender_name,
        "email": letter.sender_email,
        "organization": letter.sender_organization,
        "on_behalf": bool(letter.on_behalf_of),
        "on_behalf_of": letter.on_behalf_of,
        "on_behalf_agreed": bool(letter.on_behalf_of),
    }


@require_http_methods(["GET", "POST"])
@private_page
def write(request, slug, token):
    letter, elsewhere = get_draft_or_redirect(request, slug, token)
    if elsewhere:
        return elsewhere
    if not letter.has_sender():
        return redirect(letter.step_url("sender"))
    initial = {"subject": letter.subject, "body": letter.body}
    form = WriteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.write_letter(letter, **form.cleaned_data)
        return redirect(letter.step_url("preview"))
    status = 400 if form.is_bound else 200
    context = {"campaign": letter.campaign, "letter": letter, "form": form}
    return render(request, "letters/write.html", context, status=status)


@require_safe
@private_page
def preview(request, slug, token):
    letter, elsewhere = get_draft_or_redirect(request, slug, token)
    if elsewhere:
        return elsewhere
    if not letter.is_sendable():
        return redirect(letter.step_url("write"))
    return render_preview(request, letter, SendForm())


def render_preview(request, letter, send_form, status=200):
    document = build_document(letter)
    context = {
        "campaign": letter.campaign,
        "letter": letter,
        "document": document,
        "send_form": send_form,
        "from_header": from_header(letter),
        "recipients_label": recipients_label_for(letter),
        **mailto_context(letter, document),
    }
    return render(request, "letters/preview.html", context, status=status)


def mailto_context(letter, document):
    body = document.body_text()
    query = f"subject={quote(letter.subject)}&body={quote(body)}"
    if letter.cc_addresses():
        query = f"cc={quote(','.join(letter.cc_addresses()))}&{query}"
    url = f"mailto:{quote(','.join(letter.to_addresses()), safe='@,')}?{query}"
    return {
        "mailto_url": url if len(url) <= MAILTO_MAX_LENGTH else "",
        "mailto_text": body,
    }


@require_POST
@private_page
def send(request, slug, token):
    campaign, public_id = campaign_and_letter_id_or_404(request, slug, token)
    # To the letter's status page by the link in hand, rather than signing it again.
    status_page = private_url("letters:status", token, slug=slug)
    form = SendForm(request.POST)
    if form.is_valid():
        # The busiest step of a letter: one write, which moves the letter only if it is a
        # draft ready to send, with no read before it.
        purposes, language = form.purposes(), current_language()
        if actions.request_confirmation(
            public_id, campaign.pk, purposes=purposes, language=language
        ):
            return HttpResponseRedirect(status_page)
    # It did not move, or the form was refused: the letter says why.
    letter = letter_or_404(campaign, public_id)
    if not letter.is_draft():
        # A second click, or the back button: the first request already did it.
        return HttpResponseRedirect(status_page)
    if not letter.is_sendable() or not letter.can_be_sent_by_platform():
        return redirect(letter.step_url("preview"))
    return render_preview(request, letter, form, status=400)


@require_safe
@private_page
def status(request, slug, token):
    letter = get_letter_or_404(request, slug, token)
    return render(request, "letters/status.html", {"campaign": letter.campaign, "letter": letter})


@require_POST
@private_page
def self_sent(request, slug, token):
    """The writer says they sent it from their own email program, or printed and posted it."""
    letter = get_letter_or_404(request, slug, token)
    outcome = actions.mark_self_sent(letter)
    if outcome in {actions.SelfSent.MARKED, actions.SelfSent.ALREADY}:
        return redirect(letter)
    if outcome == actions.SelfSent.REFUSED and letter.is_draft():
        # A draft still missing its recipient, its writer or its text.
        return redirect(letter.step_url("preview"))
    # Porte-voix has it in hand, or this writer's letter to them already counts.
    context = {"campaign": letter.campaign, "letter": letter, "self_sent_refusal": outcome}
    return render(request, "letters/status.html", context, status=409)


@require_safe
@private_page
def download(request, slug, token, kind):
    letter = get_letter_or_404(request, slug, token)
    if not (letter.has_recipient() and letter.body):
        raise Http404
    if kind == "pdf":
        content, content_type = render_pdf(letter), "application/pdf"
    else:
        content = render_docx(letter)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(content, content_type=content_type)
    filename = f"{letter.template.key}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
@private_page
def confirm(request, slug, token):
    """GET shows a button, POST confirms: mail scanners that open links never send a letter."""
    campaign = get_campaign_or_404(request, slug)
    letter, problem = actions.letter_from_confirmation(token)
    if letter is None or letter.campaign_id != campaign.pk:
        return render(request, "letters/confirm_invalid.html", {"campaign": campaign}, status=400)
    context = {"campaign": campaign, "letter": letter}
    if problem == "expired" and letter.status == Letter.Status.AWAITING_CONFIRMATION:
        return render(request, "letters/confirm_expired.html", context, status=410)
    if request.method == "GET":
        if letter.status != Letter.Status.AWAITING_CONFIRMATION:
            return redirect(letter)
        return render(request, "letters/confirm.html", context)
    outcome = actions.confirm_letter(letter)
    if outcome == actions.Confirmation.REPEAT:
        return render(request, "letters/confirm_repeat.html", context, status=409)
    return redirect(letter)


@require_POST
@private_page
def resend_confirmation(request, slug, token):
    """An expired link: a fresh one goes to the same address, never to another."""
    letter = get_letter_or_404(request, slug, token)
    actions.ask_again(letter)
    return redirect(letter)
