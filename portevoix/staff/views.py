from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from portevoix.lib.pagecache import private_page
from portevoix.lib.urls import own_page
from portevoix.staff import audit, throttle, two_factor
from portevoix.staff.forms import TOO_MANY_ATTEMPTS, CodeForm


def safe_next(request):
    return own_page(request.GET.get("next") or request.POST.get("next") or "", "/admin/")


@require_http_methods(["GET", "POST"])
@private_page
@login_required
def verify(request):
    """Second step of a staff sign-in: a code from the authenticator app (set up the first time)."""
    if not request.user.is_staff:
        raise PermissionDenied
    device = two_factor.device_for(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = request.user.get_username()
        if throttle.is_throttled(request, username, kind="code"):
            form.add_error("code", TOO_MANY_ATTEMPTS)
        elif two_factor.accept_code(device, form.cleaned_data["code"]):
            throttle.note_attempt(request, username, succeeded=True, kind="code")
            enrolled = not device.is_confirmed()
            two_factor.mark_verified(request)
            audit.record(request.user, "two_factor.enrolled" if enrolled else "two_factor.verified")
            return redirect(safe_next(request))
        else:
            throttle.note_attempt(request, username, succeeded=False, kind="code")
            form.add_error("code", CodeForm.wrong_code_message)
    context = {
        **admin.site.each_context(request),
        "form": form,
        "enrolling": not device.is_confirmed(),
        "next": safe_next(request),
        "title": CodeForm.title,
    }
    if context["enrolling"]:
        context["qr_code"] = two_factor.qr_code_data_uri(device)
        context["secret"] = two_factor.grouped_secret(device)
    status = 400 if form.errors else 200
    return render(request, "staff/two_factor.html", context, status=status)
