from django.urls import path

from credence.desk import views

app_name = "desk"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("log/", views.log_on_behalf, name="log"),
    path("confidential/", views.confidential_list, name="confidential"),
    path("tickets/<int:number>/", views.ticket_page, name="ticket"),
    path(
        "tickets/<int:number>/acknowledge/",
        views.acknowledge_view,
        name="acknowledge",
    ),
    path("tickets/<int:number>/reply/", views.reply_view, name="reply"),
    path("tickets/<int:number>/note/", views.note_view, name="note"),
    path("tickets/<int:number>/assign/", views.assign_view, name="assign"),
    path("tickets/<int:number>/priority/", views.priority_view, name="priority"),
    path("tickets/<int:number>/wait/", views.wait_view, name="wait"),
    path("tickets/<int:number>/resume/", views.resume_view, name="resume"),
    path("tickets/<int:number>/resolve/", views.resolve_view, name="resolve"),
    path("tickets/<int:number>/reopen/", views.reopen_view, name="reopen"),
    path("tickets/<int:number>/close/", views.close_view, name="close"),
    path(
        "tickets/<int:number>/confidential/",
        views.confidential_view,
        name="confidential_mark",
    ),
    path("tickets/<int:number>/formalise/", views.formalise_view, name="formalise"),
    path(
        "tickets/<int:number>/project/",
        views.move_to_project_view,
        name="move_to_project",
    ),
]
