from django.urls import path

from credence.assistant import views

app_name = "assistant"

urlpatterns = [
    path("", views.home, name="home"),
    path("say/", views.say, name="say"),
    path("person/", views.person, name="person"),
    path("new/", views.start_over, name="new"),
    path("<int:conversation_id>/solved/", views.solved, name="solved"),
]
