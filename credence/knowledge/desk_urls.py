from django.urls import URLPattern

app_name = "knowledge_desk"

urlpatterns: list[URLPattern] = []
