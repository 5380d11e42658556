from typing import Any

from django.http import HttpRequest

from credence.workers.roles import is_agent, is_lead


def roles(request: HttpRequest) -> dict[str, Any]:
    person = getattr(request, "user", None)
    if person is None:
        return {"is_agent": False, "is_lead": False}
    return {"is_agent": is_agent(person), "is_lead": is_lead(person)}
