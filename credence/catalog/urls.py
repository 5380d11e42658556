from django.urls import path

from credence.catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.catalog_home, name="home"),
    path("<slug:slug>/", views.request_form, name="request"),
]
