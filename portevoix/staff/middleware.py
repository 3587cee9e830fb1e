"""Every staff account signs in in two steps before it reaches any staff page."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from portevoix.lib.middleware import is_staff_path
from portevoix.staff.two_factor import is_verified

# Leaving is always allowed; the second step itself is outside these paths.
ALWAYS_ALLOWED = ("/admin/logout/", "/admin/login/", "/admin/jsi18n/")


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.needs_second_step(request):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('staff:verify')}?{query}")
        return self.get_response(request)

    def needs_second_step(self, request):
        path = request.path_info
        if not is_staff_path(path):
            return False
        if path.startswith(ALWAYS_ALLOWED):
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return False
        return not is_verified(request)
