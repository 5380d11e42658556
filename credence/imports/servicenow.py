"""Importing a ServiceNow incident event log as Credence tickets.

Each incident becomes one ticket, played through the same domain
operations an agent's clicks go through (`credence.tickets.services`), with
the system as the actor and the log's own instants. So imported tickets are
measured by the same clock, against the installation's objectives, as
tickets worked in Credence.

Each incident is imported in its own transaction: an incident with a bad
row, or one the domain refuses, is reported and left out whole, and the
import goes on. A ticket remembers its incident (`source_ref`), so an
incident already present is skipped and importing the same log twice
changes nothing.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from credence.errors import CredenceError, InvalidInput
from credence.imports.servicenow_log import (
    Action,
    BadIncident,
    EventLog,
    Header,
    IncidentHistory,
    LogFileError,
    Problem,
    RawIncident,
    Step,
    read_history,
)
from credence.slo.calendar import SloError
from credence.tickets import services
from credence.tickets.models import Kind, Ticket
from credence.workers.models import Worker

SOURCE_PREFIX = "servicenow:"
UNKNOWN_CALLER = "unknown-caller"
PRIORITY_REASON = "Priority changed in ServiceNow."
WAIT_QUESTION = "Waiting on the worker for more information (ServiceNow)."
REOPEN_REASON = "Reopened in ServiceNow."


@dataclass
class ImportSummary:
    """What an import did so far; the command prints it as it goes."""

    incidents_in_file: int
    imported: int = 0
    already_present: int = 0
    failed: int = 0
    rows_skipped_as_data_error: int = 0
    problems: list[Problem] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def processed(self) -> int:
        return self.imported + self.already_present + self.failed

    @property
    def elapsed_seconds(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def rate(self) -> float:
        """Incidents taken in (or skipped) per second."""
        elapsed = self.elapsed_seconds
        return self.processed / elapsed if elapsed > 0 else 0.0


ProgressCallback = Callable[[ImportSummary], None]
ProblemCallback = Callable[[Problem], None]


def time_zone_named(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    # A folder of zones such as "America" fails as a file that cannot be
    # read, not as a zone not found.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidInput(
            "%(name)r is not a time zone; give an IANA time zone such as "
            "Europe/Berlin or America/Sao_Paulo.",
            name=name,
        ) from None


def import_event_log(
    path: Path,
    zone: tzinfo,
    *,
    on_progress: ProgressCallback | None = None,
    on_problem: ProblemCallback | None = None,
    progress_every: int = 1000,
) -> ImportSummary:
    """Import every incident of the log that is not already present."""
    started = time.monotonic()
    try:
        log = EventLog(path)
    except LogFileError as error:
        raise InvalidInput("%(problem)s", problem=str(error)) from None
    summary = ImportSummary(incidents_in_file=log.incident_count, started=started)
    present = _already_imported()
    requesters = _Requesters()

    def problem(found: Problem) -> None:
        summary.problems.append(found)
        if on_problem is not None:
            on_problem(found)

    for item in log.incidents():
        if isinstance(item, Problem):
            problem(item)
            continue
        summary.rows_skipped_as_data_error += item.data_error_rows
        if item.number in present:
            summary.already_present += 1
        else:
            failures = _import_incident(item, log.header, zone, requesters)
            for failure in failures:
                problem(failure)
            if failures:
                summary.failed += 1
            else:
                summary.imported += 1
        if on_progress is not None and summary.processed % progress_every == 0:
            on_progress(summary)

    summary.finished = time.monotonic()
    return summary


def _already_imported() -> set[str]:
    refs = Ticket.objects.filter(source_ref__startswith=SOURCE_PREFIX).values_list(
        "source_ref", flat=True
    )
    return {ref.removeprefix(SOURCE_PREFIX) for ref in refs if ref}


def _import_incident(
    incident: RawIncident,
    header: Header,
    zone: tzinfo,
    requesters: "_Requesters",
) -> list[Problem]:
    """Import one incident whole, or give the problems that stopped it."""
    try:
        history = read_history(incident, header, zone)
    except BadIncident as bad:
        return [_not_imported(problem) for problem in bad.problems]
    room = _source_ref_length() - len(SOURCE_PREFIX)
    if len(history.number) > room:
        reason = (
            f"the incident number is {len(history.number)} characters long; at "
            f"most {room} fit"
        )
        return [_not_imported(Problem(history.first_line, reason, history.number))]

    line = history.first_line
    try:
        with services.derive_once():
            ticket = _open(history, requesters.of(history.caller))
            for step in history.steps:
                line = step.line
                ticket = _apply(ticket, step)
    except (CredenceError, SloError) as error:
        requesters.forget_new()
        reason = error.message if isinstance(error, CredenceError) else str(error)
        return [_not_imported(Problem(line, reason.rstrip("."), history.number))]
    requesters.keep_new()
    return []


def _source_ref_length() -> int:
    length = Ticket._meta.get_field("source_ref").max_length
    assert isinstance(length, int)
    return length


def _not_imported(problem: Problem) -> Problem:
    return Problem(
        problem.line,
        f"{problem.number}: {problem.reason}; the incident was not imported",
        problem.number,
    )


def _open(history: IncidentHistory, requester: Worker) -> Ticket:
    details = "\n".join(f"{label}: {value}" for label, value in history.details)
    return services.open_ticket(
        requester=requester,
        kind=Kind.INCIDENT,
        title=f"ServiceNow incident {history.number}",
        description=f"Imported from a ServiceNow event log.\n{details}".strip(),
        channel=history.channel,
        priority=history.priority,
        actor=None,
        at=history.opened_at,
        source_ref=f"{SOURCE_PREFIX}{history.number}",
    )


def _apply(ticket: Ticket, step: Step) -> Ticket:
    at = step.at
    match step.action:
        case Action.ACKNOWLEDGE:
            return services.acknowledge(ticket, None, at=at)
        case Action.CHANGE_PRIORITY:
            assert step.priority is not None
            return services.change_priority(
                ticket, None, step.priority, PRIORITY_REASON, at=at
            )
        case Action.WAIT:
            return services.wait_on_worker(ticket, None, WAIT_QUESTION, at=at)
        case Action.RESUME:
            return services.resume(ticket, None, at=at)
        case Action.RESOLVE:
            return services.resolve(ticket, None, at=at)
        case Action.REOPEN:
            return services.reopen(ticket, None, REOPEN_REASON, at=at)
        case Action.CLOSE:
            return services.close(ticket, None, at=at)


class _Requesters:
    """One worker per anonymised caller, made on first sight.

    Workers made while importing an incident are kept only if the
    incident's transaction commits; otherwise their rows are gone and so
    must their cached copies be.
    """

    def __init__(self) -> None:
        self._known: dict[str, Worker] = {
            worker.username: worker
            for worker in Worker.objects.filter(username__startswith="caller-")
        }
        unknown = Worker.objects.filter(username=UNKNOWN_CALLER).first()
        if unknown is not None:
            self._known[UNKNOWN_CALLER] = unknown
        self._new: list[str] = []

    def of(self, caller: str | None) -> Worker:
        username = f"caller-{caller}" if caller else UNKNOWN_CALLER
        worker = self._known.get(username)
        if worker is None:
            # No name, no address, no password: the log is anonymised and an
            # imported caller never signs in.
            worker = Worker.objects.create_user(username=username, password=None)
            self._known[username] = worker
            self._new.append(username)
        return worker

    def keep_new(self) -> None:
        self._new.clear()

    def forget_new(self) -> None:
        for username in self._new:
            self._known.pop(username, None)
        self._new.clear()
