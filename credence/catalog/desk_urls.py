from django.urls import path

from credence.catalog import desk_views

app_name = "catalog_desk"

urlpatterns = [
    path("", desk_views.type_list, name="list"),
    path("new/", desk_views.type_new, name="new"),
    path("<slug:slug>/", desk_views.type_edit, name="edit"),
    path("<slug:slug>/fields/new/", desk_views.field_new, name="field_new"),
    path("<slug:slug>/fields/<int:pk>/", desk_views.field_edit, name="field_edit"),
    path(
        "<slug:slug>/fields/<int:pk>/remove/",
        desk_views.field_remove,
        name="field_remove",
    ),
]
