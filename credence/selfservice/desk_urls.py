from django.urls import URLPattern

app_name = "selfservice_desk"

urlpatterns: list[URLPattern] = []
