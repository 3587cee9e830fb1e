from django.urls import path
from django.utils.translation import gettext_lazy as _

from portevoix.representatives import views

app_name = "representatives"

urlpatterns = [
    path(_("find-your-mp/"), views.find_mp, name="find_mp"),
    path(_("find-your-mp/ridings/"), views.districts, name="districts"),
    path(_("find-your-mp/ridings/<str:number>/"), views.district_detail, name="district"),
]
