from django.urls import path

from credence.knowledge import desk_views

app_name = "knowledge_desk"

urlpatterns = [
    path("", desk_views.article_list, name="list"),
    path("new/", desk_views.new_article, name="new"),
    path("<slug:slug>/edit/", desk_views.edit_article, name="edit"),
    path("<slug:slug>/versions/", desk_views.versions, name="versions"),
]
