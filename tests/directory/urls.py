"""The site's addresses with the worker's own page mounted where the portal
will mount it, at /portal/me/."""

from django.urls import include, path

from credence.urls import urlpatterns as site

urlpatterns = [path("portal/me/", include("credence.directory.urls")), *site]
