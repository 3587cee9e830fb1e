from django.urls import path
from django.utils.translation import gettext_lazy as _

from portevoix.spread import views

app_name = "spread"

urlpatterns = [
    path(_("campaigns/<slug:slug>/spread-the-word/"), views.kit, name="kit"),
    path(_("campaigns/<slug:slug>/spread-the-word/mastodon/"), views.mastodon, name="mastodon"),
    path("r/<slug:slug>/<str:link>/", views.visit, name="visit"),
]
