from django.urls import URLPattern, path

from credence.directory import views

app_name = "directory"

urlpatterns: list[URLPattern] = [
    path("", views.mine, name="mine"),
]
