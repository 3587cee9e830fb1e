from django.urls import path
from django.utils.translation import gettext_lazy as _

from portevoix.meetings import views

app_name = "meetings"

urlpatterns = [
    path(_("campaigns/<slug:slug>/call/"), views.call_start, name="call"),
    path(_("campaigns/<slug:slug>/call/your-mp/"), views.call_mp, name="call_mp"),
    path(_("campaigns/<slug:slug>/call/record/"), views.call_record, name="call_record"),
    path(_("campaigns/<slug:slug>/call/thanks/<str:token>/"), views.call_done, name="call_done"),
    path(_("campaigns/<slug:slug>/meeting/"), views.meeting_start, name="meeting"),
    path(_("campaigns/<slug:slug>/meeting/new/"), views.meeting_new, name="meeting_new"),
    path(_("campaigns/<slug:slug>/meeting-kit/"), views.kit, name="kit"),
    path(
        _("campaigns/<slug:slug>/meeting-kit/leave-behind.pdf"),
        views.leave_behind,
        name="leave_behind",
    ),
    path(_("campaigns/<slug:slug>/lobbying-log/"), views.log_request, name="log_request"),
    path(_("campaigns/<slug:slug>/lobbying-log/<str:token>/"), views.log, name="log"),
    path(
        _("campaigns/<slug:slug>/lobbying-log/<str:token>/meetings.csv"),
        views.log_csv,
        name="log_csv",
    ),
    path(_("campaigns/<slug:slug>/delegation/<str:token>/"), views.delegate, name="delegate"),
    path(
        _("campaigns/<slug:slug>/delegation/<str:token>/withdraw/"),
        views.withdraw,
        name="withdraw",
    ),
    path(_("campaigns/<slug:slug>/meeting/<str:token>/"), views.organizer, name="organizer"),
    path(
        _("campaigns/<slug:slug>/meeting/<str:token>/sent/"),
        views.mark_requested,
        name="mark_requested",
    ),
    path(
        _("campaigns/<slug:slug>/meeting/<str:token>/schedule/"),
        views.schedule,
        name="schedule",
    ),
    path(_("campaigns/<slug:slug>/meeting/<str:token>/cancel/"), views.cancel, name="cancel"),
    path(
        _("campaigns/<slug:slug>/meeting/<str:token>/with/"),
        views.change_target,
        name="change_target",
    ),
    path(_("campaigns/<slug:slug>/meeting/<str:token>/invite/"), views.invite, name="invite"),
    path(_("campaigns/<slug:slug>/meeting/<str:token>/report/"), views.report, name="report"),
]
