import logging

from django_tasks import task

from credence.slo.derive import rederive_all

logger = logging.getLogger(__name__)


@task()
def rederive_all_tickets() -> int:
    """Re-measure every ticket after a lead changed objectives or calendars."""
    count = rederive_all()
    logger.info("Re-measured %d tickets under the current objectives", count)
    return count
