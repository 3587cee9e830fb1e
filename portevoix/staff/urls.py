from django.urls import path
from django.utils.translation import gettext_lazy as _

from portevoix.staff import views

app_name = "staff"

urlpatterns = [
    path(_("staff/two-step-sign-in/"), views.verify, name="verify"),
]
