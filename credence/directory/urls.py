from django.urls import URLPattern

app_name = "directory"

urlpatterns: list[URLPattern] = []
