from django.urls import path
from django.utils.translation import gettext_lazy as _

from portevoix.reports import views

app_name = "reports"

urlpatterns = [
    path(_("campaigns/<slug:slug>/report-back/"), views.report_back, name="report_back"),
    path(_("campaigns/<slug:slug>/report-back/thanks/"), views.thanks, name="thanks"),
    path(
        _("campaigns/<slug:slug>/did-you-get-an-answer/<str:token>/"),
        views.followup_answer,
        name="followup_answer",
    ),
]
