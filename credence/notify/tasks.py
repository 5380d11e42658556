"""Background tasks of the clock notices; thin callers of the domain."""

from django_tasks import task

from credence.notify.delivery import deliver_message
from credence.notify.models import OutboxMessage
from credence.notify.notices import decide_notices


def _ask_delivery(message: OutboxMessage) -> None:
    send_notice.enqueue(message.pk)


@task()
def check_clocks() -> int:
    """Decide the warnings and breach notices now due and send their mail."""
    return len(decide_notices(then=_ask_delivery))


@task()
def send_notice(message_id: int) -> bool:
    return deliver_message(message_id)
