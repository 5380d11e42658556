"""Background work of the first day; thin callers of welcome.py."""

from datetime import datetime

from django_tasks import task

from credence.selfservice.welcome import send_welcomes, welcomes_due


@task()
def send_welcome_mails() -> int:
    return send_welcomes()


def ask_welcomes(now: datetime) -> bool:
    """Queue the welcome mails if any is due; called on each watcher tick.

    Two cheap queries when nothing is due, so the tick stays light; a
    second queued task while one runs sends nothing twice (see welcome.py).
    """
    if not welcomes_due(now):
        return False
    send_welcome_mails.enqueue()
    return True
