from django.urls import path
from django.utils.translation import gettext_lazy as _

from portevoix.endorsements import views

app_name = "endorsements"

urlpatterns = [
    path(_("campaigns/<slug:slug>/endorse/"), views.endorse, name="endorse"),
    path(_("campaigns/<slug:slug>/endorse/check-your-email/"), views.sent, name="sent"),
    path(_("campaigns/<slug:slug>/endorse/confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("campaigns/<slug:slug>/endorsers/"), views.endorsers, name="list"),
    path(_("campaigns/<slug:slug>/invite-organizations/"), views.invite_start, name="invite_start"),
    path(
        _("campaigns/<slug:slug>/allies/confirm/<str:token>/"),
        views.confirm_inviter,
        name="confirm_inviter",
    ),
    path(_("campaigns/<slug:slug>/allies/<str:token>/"), views.allies, name="allies"),
    path(_("campaigns/<slug:slug>/allies/<str:token>/invite/"), views.compose, name="compose"),
    path(
        _("campaigns/<slug:slug>/allies/<str:token>/invitations/<str:code>/"),
        views.invitation,
        name="invitation",
    ),
    path(_("campaigns/<slug:slug>/provincial-government/"), views.province, name="province"),
    path(_("unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
