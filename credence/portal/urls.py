from django.urls import path

from credence.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("ask/", views.ask, name="ask"),
    path("tickets/", views.my_tickets, name="my_tickets"),
    path("tickets/<int:number>/", views.ticket_detail, name="ticket"),
    path("tickets/<int:number>/comment/", views.comment, name="comment"),
    path("tickets/<int:number>/fixed/", views.confirm_fixed, name="confirm_fixed"),
    path("tickets/<int:number>/not-fixed/", views.not_fixed, name="not_fixed"),
]
