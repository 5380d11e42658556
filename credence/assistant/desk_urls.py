from django.urls import path

from credence.assistant import views

app_name = "assistant_desk"

urlpatterns = [
    path("gaps/", views.gap_list, name="gaps"),
    path("gaps/covered/", views.gap_covered, name="gap_covered"),
]
