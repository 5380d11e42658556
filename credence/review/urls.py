from django.urls import path

from credence.review import views

app_name = "review"

urlpatterns = [
    path("", views.week, name="week"),
]
