from django.urls import path
from django.utils.translation import gettext_lazy as _

from portevoix.letters import views

app_name = "letters"

urlpatterns = [
    # The busiest step first: Django tries the patterns in order, and an address with a
    # private link is found this way on every request (it is never remembered). No other
    # pattern here matches a send step's address, so the order changes nothing else.
    path(_("campaigns/<slug:slug>/letters/<str:token>/send/"), views.send, name="send"),
    path(_("campaigns/<slug:slug>/letters/"), views.choose, name="choose"),
    path(_("campaigns/<slug:slug>/letters/new/<slug:key>/"), views.start, name="start"),
    path(_("campaigns/<slug:slug>/letters/confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("campaigns/<slug:slug>/letters/<str:token>/"), views.status, name="status"),
    path(
        _("campaigns/<slug:slug>/letters/<str:token>/recipients/"),
        views.recipients,
        name="recipients",
    ),
    path(_("campaigns/<slug:slug>/letters/<str:token>/you/"), views.sender, name="sender"),
    path(_("campaigns/<slug:slug>/letters/<str:token>/write/"), views.write, name="write"),
    path(_("campaigns/<slug:slug>/letters/<str:token>/preview/"), views.preview, name="preview"),
    path(
        _("campaigns/<slug:slug>/letters/<str:token>/sent-myself/"),
        views.self_sent,
        name="self_sent",
    ),
    path(
        _("campaigns/<slug:slug>/letters/<str:token>/new-link/"),
        views.resend_confirmation,
        name="resend",
    ),
    path(
        _("campaigns/<slug:slug>/letters/<str:token>/letter.pdf"),
        views.download,
        {"kind": "pdf"},
        name="pdf",
    ),
    path(
        _("campaigns/<slug:slug>/letters/<str:token>/letter.docx"),
        views.download,
        {"kind": "docx"},
        name="docx",
    ),
]
