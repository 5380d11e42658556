from django.urls import URLPattern

app_name = "catalog_desk"

urlpatterns: list[URLPattern] = []
