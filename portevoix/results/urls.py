from django.urls import path
from django.utils.translation import gettext_lazy as _

from portevoix.results import views

app_name = "results"

urlpatterns = [
    path(_("staff/results/<slug:slug>/"), views.dashboard, name="dashboard"),
    path(_("staff/results/<slug:slug>/<slug:table>.csv"), views.export, name="export"),
    path(_("campaigns/<slug:slug>/results/"), views.public, name="public"),
    path(_("campaigns/<slug:slug>/results/<slug:province>/"), views.province, name="province"),
    path(
        _("campaigns/<slug:slug>/results/<slug:province>/<int:page>/"),
        views.province_page,
        name="province_page",
    ),
]
