from django.urls import path

from credence.selfservice import views

app_name = "selfservice"

urlpatterns = [
    path("welcome/", views.welcome_page, name="welcome"),
    path("welcome/first-request/", views.first_request, name="first_request"),
    path(
        "tickets/<int:number>/satisfaction/",
        views.answer_satisfaction,
        name="satisfaction",
    ),
]
