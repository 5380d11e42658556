from django.urls import path

from credence.publish import views

app_name = "publish"

urlpatterns = [
    path("", views.month, name="month"),
    path("explain/", views.explain, name="explain"),
    path("recipients/", views.recipients, name="recipients"),
    path("publish/", views.publish_month, name="publish"),
    path("tickets.csv", views.tickets_csv, name="tickets_csv"),
]
