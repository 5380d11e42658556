from django.urls import path

from credence.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.search_page, name="search"),
    path("suggest/", views.suggest, name="suggest"),
    path("solutions/<int:number>/", views.solution, name="solution"),
    path("<slug:slug>/", views.article_page, name="article"),
    path("<slug:slug>/helpful/", views.helpful, name="helpful"),
    path("<slug:slug>/solved/", views.solved, name="solved"),
]
