import json

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portevoix.lib.i18n import current_language
from portevoix.lib.pagecache import private_page, public_page
from portevoix.privacy import actions
from portevoix.privacy.forms import EraseForm, PersonalDataRequestForm
from portevoix.privacy.links import email_from_token
from portevoix.privacy.models import Consent
from portevoix.privacy.registry import export_everything, readable_everything


@require_safe
@public_page
def policy(request):
    return render(
        request,
        "privacy/policy.html",
        {
            "officer_name": settings.PRIVACY_OFFICER_NAME,
            "officer_email": settings.PRIVACY_OFFICER_EMAIL,
            "contact_retention_days": settings.CONTACT_MESSAGE_RETENTION_DAYS,
            "failed_form_retention_days": settings.INTAKE_KEEP_FAILED_DAYS,
            "task_retention_days": settings.TASK_RESULTS_KEEP_DAYS,
        },
    )


@require_http_methods(["GET", "POST"])
@private_page
def request_link(request):
    form = PersonalDataRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_from_a_script():
            accepted = actions.request_personal_data_link(
                email=form.cleaned_data["email"], language=current_language()
            )
            if not accepted:
                form.add_error(None, form.rate_limited_message())
        if not form.errors:
            return redirect("privacy:link_sent")
    status = 400 if form.is_bound else 200
    return render(request, "privacy/request_link.html", {"form": form}, status=status)


@require_safe
@public_page
def link_sent(request):
    return render(request, "privacy/link_sent.html")


def invalid_link(request):
    return render(request, "privacy/invalid_link.html", status=404)


def with_email_from_link(view):
    """Open the view only through a valid, unexpired link; hand it the address."""

    def wrapper(request, token, *args, **kwargs):
        email = email_from_token(token)
        if email is None:
            return invalid_link(request)
        return view(request, token, email, *args, **kwargs)

    wrapper.__name__ = view.__name__
    return wrapper


@require_safe
@private_page
@with_email_from_link
def my_data(request, token, email):
    return render(
        request,
        "privacy/my_data.html",
        {
            "token": token,
            "email": email,
            "held": readable_everything(email),
            "consents": Consent.objects.for_email(email),
            "erase_form": EraseForm(),
        },
    )


@require_safe
@private_page
@with_email_from_link
def my_data_json(request, token, email):
    held = export_everything(email)
    body = json.dumps({"email": email, "data": held}, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="porte-voix-my-data.json"'
    return response


@require_POST
@private_page
@with_email_from_link
def withdraw(request, token, email, consent_id):
    consent = get_object_or_404(Consent.objects.for_email(email), pk=consent_id)
    actions.withdraw_consent(consent)
    return redirect("privacy:my_data", token=token)


@require_POST
@private_page
@with_email_from_link
def erase(request, token, email):
    form = EraseForm(request.POST)
    if not form.is_valid():
        context = {
            "token": token,
            "email": email,
            "held": readable_everything(email),
            "consents": Consent.objects.for_email(email),
            "erase_form": form,
        }
        return render(request, "privacy/my_data.html", context, status=400)
    actions.erase_personal_data(email)
    return redirect("privacy:erased")


@require_safe
@public_page
def erased(request):
    return render(request, "privacy/erased.html")
