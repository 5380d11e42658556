from django.urls import path

from credence.selfservice import desk_views

app_name = "selfservice_desk"

urlpatterns = [
    path("", desk_views.overview, name="overview"),
]
