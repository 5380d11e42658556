"""Importing a ServiceNow incident event log as Credence tickets.

Each incident becomes one ticket, played through the same domain
operations an agent's clicks go through (`credence.tickets.services`), with
the system as the actor and the log's own instants. So imported tickets are
measured by the same clock, against the installation's objectives, as
tickets worked in Credence.

Each incident is imported in its own transaction: an incident with a bad
row, or one the domain refuses, is reported and left out whole, and the
import goes on. A ticket remembers its incident (`source_ref`) and how far
its rows were applied (`source_position`). Importing a log again applies
only the rows an incident gained since, through the same operations; an
incident whose rows are all present is skipped, so importing the same log
twice changes nothing; and one whose earlier rows differ from those applied
is reported and left alone, since a history is only ever added to.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import tzinfo
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import IntegrityError, transaction

from credence.errors import CredenceError, InvalidInput
from credence.imports.servicenow_log import (
    Action,
    BadIncident,
    EventLog,
    Header,
    IncidentHistory,
    LogFileError,
    Position,
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


class Result(StrEnum):
    """What became of one incident of the file."""

    IMPORTED = "imported"
    UPDATED = "updated"
    ALREADY_PRESENT = "already present"
    LEFT_ALONE = "left alone"
    FAILED = "failed"


@dataclass
class ImportSummary:
    """What an import did so far; the command prints it as it goes."""

    incidents_in_file: int
    imported: int = 0
    updated: int = 0
    already_present: int = 0
    left_alone: int = 0
    failed: int = 0
    rows_skipped_as_data_error: int = 0
    problems: list[Problem] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def processed(self) -> int:
        return (
            self.imported
            + self.updated
            + self.already_present
            + self.left_alone
            + self.failed
        )

    @property
    def elapsed_seconds(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def rate(self) -> float:
        """Incidents taken in (or skipped) per second."""
        elapsed = self.elapsed_seconds
        return self.processed / elapsed if elapsed > 0 else 0.0

    def count(self, result: Result) -> None:
        match result:
            case Result.IMPORTED:
                self.imported += 1
            case Result.UPDATED:
                self.updated += 1
            case Result.ALREADY_PRESENT:
                self.already_present += 1
            case Result.LEFT_ALONE:
                self.left_alone += 1
            case Result.FAILED:
                self.failed += 1


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
    """Import every incident of the log, or the rows it gained since."""
    started = time.monotonic()
    try:
        log = EventLog(path)
    except LogFileError as error:
        raise InvalidInput("%(problem)s", problem=str(error)) from None
    summary = ImportSummary(incidents_in_file=log.incident_count, started=started)
    positions = imported_positions()
    requesters = _Requesters()

    def report(found: list[Problem]) -> None:
        summary.problems.extend(found)
        if on_problem is not None:
            for problem in found:
                on_problem(problem)

    for item in log.incidents():
        if isinstance(item, Problem):
            report([item])
            continue
        summary.rows_skipped_as_data_error += item.data_error_rows
        reading = _Reading(item, log.header, zone, known=item.number in positions)
        result, found = reading.take_in(positions.get(item.number), requesters)
        summary.count(result)
        report(found)
        if on_progress is not None and summary.processed % progress_every == 0:
            on_progress(summary)

    summary.finished = time.monotonic()
    return summary


def imported_positions() -> dict[str, Position | None]:
    """How far each incident present was imported, by incident number.

    Read once, before the first incident, so that a file of incidents all
    present costs no query each; an import running at the same moment may
    change the truth meanwhile, which the writes below allow for.
    """
    rows = Ticket.objects.filter(source_ref__startswith=SOURCE_PREFIX).values_list(
        "source_ref", "source_position"
    )
    return {
        ref.removeprefix(SOURCE_PREFIX): Position.from_text(position)
        for ref, position in rows
        if ref
    }


@dataclass(frozen=True)
class _Plan:
    """What to do with an incident already present."""

    result: Result
    # Rows already applied; the steps of the rows after them are applied.
    applied: int = 0
    warning: str = ""


def _plan(history: IncidentHistory, applied: Position | None) -> _Plan:
    # A ticket imported before positions were kept: how much of the file
    # it holds is unknown, so it stays as it is.
    if applied is None:
        return _Plan(Result.ALREADY_PRESENT)
    if history.row_count < applied.rows:
        return _Plan(
            Result.LEFT_ALONE,
            warning=(
                f"the file holds {history.row_count} of its rows where "
                f"{applied.rows} were imported before"
            ),
        )
    if history.position(applied.rows) != applied:
        return _Plan(
            Result.LEFT_ALONE,
            warning=(
                f"its first {applied.rows} rows in order of update are not the "
                f"{applied.rows} imported before: a row was changed or one was "
                "added among them, or the times were read in another time zone"
            ),
        )
    if history.row_count == applied.rows:
        return _Plan(Result.ALREADY_PRESENT)
    return _Plan(Result.UPDATED, applied=applied.rows)


@dataclass(frozen=True)
class _Reading:
    """One incident of the file, on its way into the database."""

    incident: RawIncident
    header: Header
    zone: tzinfo
    # Whether a ticket had it when the import began.
    known: bool

    @property
    def source_ref(self) -> str:
        return f"{SOURCE_PREFIX}{self.incident.number}"

    def take_in(
        self, applied: Position | None, requesters: "_Requesters"
    ) -> tuple[Result, list[Problem]]:
        try:
            history = read_history(self.incident, self.header, self.zone)
        except BadIncident as bad:
            return Result.FAILED, [self._failed(problem) for problem in bad.problems]
        if not self.known:
            return self._import(history, requesters)
        plan = _plan(history, applied)
        if plan.result is Result.UPDATED:
            return self._update(history, requesters)
        return plan.result, self._warned(history, plan)

    def _import(
        self, history: IncidentHistory, requesters: "_Requesters"
    ) -> tuple[Result, list[Problem]]:
        room = _source_ref_length() - len(SOURCE_PREFIX)
        if len(history.number) > room:
            reason = (
                f"the incident number is {len(history.number)} characters "
                f"long; at most {room} fit"
            )
            failure = Problem(history.first_line, reason, history.number)
            return Result.FAILED, [self._failed(failure)]

        line = history.first_line
        try:
            with transaction.atomic():
                with services.derive_once():
                    ticket = _open(history, requesters.of(history.caller))
                    for step in history.steps:
                        line = step.line
                        ticket = _apply(ticket, step)
                _mark(ticket, history.position())
        except (CredenceError, SloError) as error:
            requesters.forget_new()
            return Result.FAILED, [self._refused(line, error)]
        except IntegrityError:
            requesters.forget_new()
            # Another import of the same log took this incident in between
            # our reading what was present and our writing; its ticket is
            # the one to keep. Any other refusal by the database is a fault
            # and stops the import.
            if not Ticket.objects.filter(source_ref=self.source_ref).exists():
                raise
            return Result.ALREADY_PRESENT, []
        requesters.keep_new()
        return Result.IMPORTED, []

    def _update(
        self, history: IncidentHistory, requesters: "_Requesters"
    ) -> tuple[Result, list[Problem]]:
        line = history.first_line
        try:
            with transaction.atomic():
                ticket = (
                    Ticket.objects.select_for_update()
                    .filter(source_ref=self.source_ref)
                    .first()
                )
                if ticket is None:
                    # Gone since the import began; take the incident in anew.
                    return self._import(history, requesters)
                # Read again under the lock: an import running at the same
                # moment may have applied some or all of these rows.
                plan = _plan(history, Position.from_text(ticket.source_position))
                if plan.result is not Result.UPDATED:
                    return plan.result, self._warned(history, plan)
                with services.derive_once():
                    for step in history.steps_after(plan.applied):
                        line = step.line
                        ticket = _apply(ticket, step)
                _mark(ticket, history.position())
        except (CredenceError, SloError) as error:
            return Result.FAILED, [self._refused(line, error)]
        return Result.UPDATED, []

    def _warned(self, history: IncidentHistory, plan: _Plan) -> list[Problem]:
        if not plan.warning:
            return []
        reason = f"{history.number}: {plan.warning}; the ticket was left as it was"
        return [Problem(history.first_line, reason, history.number, warning=True)]

    def _refused(self, line: int, error: CredenceError | SloError) -> Problem:
        reason = error.message if isinstance(error, CredenceError) else str(error)
        return self._failed(Problem(line, reason.rstrip("."), self.incident.number))

    def _failed(self, problem: Problem) -> Problem:
        outcome = (
            "the ticket was left as it was"
            if self.known
            else "the incident was not imported"
        )
        return Problem(
            problem.line,
            f"{problem.number}: {problem.reason}; {outcome}",
            problem.number,
        )


def _source_ref_length() -> int:
    length = Ticket._meta.get_field("source_ref").max_length
    assert isinstance(length, int)
    return length


def _mark(ticket: Ticket, position: Position) -> None:
    """Record how far the ticket's source history is now applied.

    Written after the operations, whose own saves carry the position the
    ticket had when it was loaded, and in the same transaction as them.
    """
    Ticket.objects.filter(pk=ticket.pk).update(source_position=str(position))


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
        if worker is not None:
            return worker
        # An import running at the same moment may have made this caller
        # since the workers were read.
        worker = Worker.objects.filter(username=username).first()
        if worker is None:
            # No name, no address, no password: the log is anonymised and an
            # imported caller never signs in.
            worker = Worker.objects.create_user(username=username, password=None)
            self._new.append(username)
        self._known[username] = worker
        return worker

    def keep_new(self) -> None:
        self._new.clear()

    def forget_new(self) -> None:
        for username in self._new:
            self._known.pop(username, None)
        self._new.clear()
