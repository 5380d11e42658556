"""Sending an htmx action whose sign-in has ended to the sign-in page."""

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase, HttpResponseRedirectBase
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails


def _is_sign_in_redirect(response: HttpResponseBase) -> bool:
    if not isinstance(response, HttpResponseRedirectBase):
        return False
    sign_in = urlsplit(resolve_url(settings.LOGIN_URL)).path
    return urlsplit(response.url).path == sign_in


class HtmxSignInMiddleware:
    """Answer an htmx request that needs a sign-in with a whole-page visit.

    The browser follows a redirect inside an htmx request by itself, so the
    sign-in page would come back as the answer and be swapped into the part
    of the page being updated, with a form that posts to the wrong address.
    Instead htmx is told to load the sign-in page in place of the whole
    page, and to come back afterwards to the page the worker was reading,
    not to the address of the action, which only takes posts.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        htmx = HtmxDetails(request)
        if not htmx or not _is_sign_in_redirect(response):
            return response

        # The current page comes from a header the browser sets; it is used
        # only when it names this site, so sign-in cannot send anyone away.
        page = htmx.current_url_abs_path
        if page is None:
            return HttpResponseClientRedirect(response["Location"])
        return HttpResponseClientRedirect(redirect_to_login(page).url)
