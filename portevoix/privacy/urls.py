from django.urls import path
from django.utils.translation import gettext_lazy as _

from portevoix.privacy import views

app_name = "privacy"

urlpatterns = [
    path(_("privacy/"), views.policy, name="policy"),
    path(_("my-data/"), views.request_link, name="request_link"),
    path(_("my-data/link-sent/"), views.link_sent, name="link_sent"),
    path(_("my-data/erased/"), views.erased, name="erased"),
    path(_("my-data/<str:token>/"), views.my_data, name="my_data"),
    path(_("my-data/<str:token>/download/"), views.my_data_json, name="my_data_json"),
    path(_("my-data/<str:token>/erase/"), views.erase, name="erase"),
    path(
        _("my-data/<str:token>/consents/<int:consent_id>/withdraw/"),
        views.withdraw,
        name="withdraw",
    ),
]
