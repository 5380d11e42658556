from django.urls import URLPattern

app_name = "directory_desk"

urlpatterns: list[URLPattern] = []
