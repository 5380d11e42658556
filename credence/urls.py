from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from credence import views

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", auth_views.LoginView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("portal/articles/", include("credence.knowledge.urls")),
    path("portal/request/", include("credence.catalog.urls")),
    path("portal/assistant/", include("credence.assistant.urls")),
    path("portal/self-service/", include("credence.selfservice.urls")),
    path("portal/me/", include("credence.directory.urls")),
    path("portal/", include("credence.portal.urls")),
    path("desk/metrics/", include("credence.metrics.urls")),
    path("desk/publish/", include("credence.publish.urls")),
    path("desk/review/", include("credence.review.urls")),
    path("desk/knowledge/", include("credence.knowledge.desk_urls")),
    path("desk/catalog/", include("credence.catalog.desk_urls")),
    path("desk/assistant/", include("credence.assistant.desk_urls")),
    path("desk/self-service/", include("credence.selfservice.desk_urls")),
    path("desk/", include("credence.desk.urls")),
    path("admin/", admin.site.urls),
]
