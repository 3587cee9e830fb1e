from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from portevoix.campaigns.views import language_redirect
from portevoix.health.views import bare, bare_post, healthz
from portevoix.lib.urls import i18n_patterns_remembered

# The language-prefixed addresses first: every page and form is one of them, and each
# pattern tried before costs Django a failed match (an exception for each of `admin/` and
# `api/v1/`).
urlpatterns = i18n_patterns_remembered(
    path("", include("portevoix.representatives.urls")),
    path("", include("portevoix.letters.urls")),
    path("", include("portevoix.endorsements.urls")),
    path("", include("portevoix.spread.urls")),
    path("", include("portevoix.meetings.urls")),
    path("", include("portevoix.reports.urls")),
    path("", include("portevoix.results.urls")),
    path("", include("portevoix.privacy.urls")),
    path("", include("portevoix.staff.urls")),
    path("", include("portevoix.campaigns.urls")),
)

urlpatterns += [
    path("", language_redirect, name="language_redirect"),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("portevoix.api.urls")),
]

if settings.BENCHMARK_ENDPOINTS:
    urlpatterns += [path("bench/bare", bare), path("bench/bare-post", bare_post)]
