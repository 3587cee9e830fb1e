from django.urls import path
from django.utils.translation import gettext_lazy as _

from portevoix.campaigns import views
from portevoix.campaigns.models import Audience

app_name = "campaigns"

urlpatterns = [
    path("", views.home, name="home"),
    path(_("campaigns/<slug:slug>/"), views.detail, name="detail"),
    path(
        _("campaigns/<slug:slug>/organizations/"),
        views.audience,
        {"audience": Audience.ORGANIZATIONS},
        name="organizations",
    ),
    path(
        _("campaigns/<slug:slug>/individuals/"),
        views.audience,
        {"audience": Audience.INDIVIDUALS},
        name="individuals",
    ),
    path(_("campaigns/<slug:slug>/resources/"), views.resources, name="resources"),
    path(
        _("campaigns/<slug:slug>/resources/<int:pk>/download/"),
        views.resource_download,
        name="resource",
    ),
    path(_("campaigns/<slug:slug>/contact/"), views.contact, name="contact"),
    path(_("campaigns/<slug:slug>/contact/thanks/"), views.contact_thanks, name="contact_thanks"),
]
