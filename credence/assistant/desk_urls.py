from django.urls import URLPattern

app_name = "assistant_desk"

urlpatterns: list[URLPattern] = []
