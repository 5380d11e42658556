from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from credence.workers.roles import is_agent


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Agents land on the desk, everyone else on the portal."""
    if is_agent(request.user):
        return redirect("desk:queue")
    return redirect("portal:home")
