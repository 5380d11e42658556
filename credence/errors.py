"""Domain errors: what went wrong, what to do, and the HTTP status to answer.

Every rule broken in a domain operation raises one of these. Pages show the
message; the API returns it with the code; commands print it. A ticket that
a person may not see is NotFound, never NotAllowed, so that its existence
does not leak.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class CredenceError(Exception):
    code = "error"
    status = 400
    template = "Something went wrong."

    def __init__(self, template: str | None = None, **params: Any) -> None:
        self.params = params
        self.message = (template or self.template) % params
        super().__init__(self.message)


class InvalidInput(CredenceError):
    code = "invalid_input"
    status = 400


class InvalidTransition(CredenceError):
    code = "invalid_transition"
    status = 409


class NotAllowed(CredenceError):
    code = "not_allowed"
    status = 403
    template = "You are not allowed to do that."


class NotFound(CredenceError):
    code = "not_found"
    status = 404
    template = "There is no such ticket, or it is not yours to see."


class DomainErrorMiddleware:
    """Turn a domain error escaping a view into a page with its status."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not isinstance(exception, CredenceError):
            return None
        return render(
            request,
            "error.html",
            {"error": exception},
            status=exception.status,
        )
