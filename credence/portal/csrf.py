"""The page shown when a form arrives without a valid anti-forgery token."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Say in plain words why the form was refused and how to send it again.

    Almost every refusal a worker meets comes from a page left open while
    the sign-in changed (signing in rotates the token) or from a page open
    for a very long time, not from forgery, so the page tells them what to
    do rather than why Django refused. The reason is left out: Django
    already logs it as a warning on the "django.security.csrf" logger.
    """
    return render(request, "portal/csrf_failure.html", status=403)
