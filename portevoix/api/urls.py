from django.urls import path

from portevoix.api import views

app_name = "api"

urlpatterns = [
    path("openapi.json", views.openapi, name="openapi"),
    path("<slug:name>/", views.collection_list, name="collection"),
]
