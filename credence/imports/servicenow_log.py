"""Reading a ServiceNow incident event log as ticket histories.

The log is a CSV file with one row per update of an incident record: an
audit snapshot of the record each time it changed, with the incident's
`number`, its `incident_state`, its `priority` and when the update was made
(`sys_updated_at`). This module turns the rows of one incident into the
steps of a Credence ticket's history, by the mapping of issue 2, section 7:

- rows of one incident share `number` and are taken in the order of
  (`sys_updated_at`, `sys_mod_count`); rows whose state is `-100` (a data
  error in the public log) are left out;
- the ticket opens at `opened_at` with the first row's priority and
  channel; an update stamped before `opened_at` is taken at `opened_at`;
- it is acknowledged at the first row whose state is not New;
- it waits on the worker while the state is Awaiting User Info;
- its priority changes wherever a row's priority differs from the row
  before;
- it is resolved on entering Resolved or Closed from any other state, and
  reopened on leaving them for any other state; entering Closed closes it.

An import can stop part-way through an incident's history (a file cut
short) and carry on from a later file: `Position` says how far it got.

Timestamps in the log carry no zone ("29/2/2016 01:16", day first); the
caller says which zone they were written in.

Plain Python with no database: `credence.imports.servicenow` plays the
steps through the domain operations.
"""

import csv
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from pathlib import Path

NEW = "New"
AWAITING_USER_INFO = "Awaiting User Info"
RESOLVED = "Resolved"
CLOSED = "Closed"
# The public log marks a handful of rows with this state; they carry no
# meaning and are left out.
DATA_ERROR_STATE = "-100"
STATES = frozenset(
    {
        NEW,
        "Active",
        AWAITING_USER_INFO,
        "Awaiting Problem",
        "Awaiting Vendor",
        "Awaiting Evidence",
        RESOLVED,
        CLOSED,
    }
)
ENDED = frozenset({RESOLVED, CLOSED})

PRIORITIES = {
    "1 - Critical": "highest",
    "2 - High": "high",
    "3 - Moderate": "medium",
    "4 - Low": "low",
}
CHANNELS = {
    "Phone": "phone",
    "IVR": "phone",
    "Self service": "portal",
    "Email": "email",
    "Direct opening": "walk-up",
}

# The log writes a missing value as a question mark.
MISSING = "?"
# Callers are anonymised to "Caller 2403"; anything else might be a real
# name, which must not become a worker's username.
CALLER = re.compile(r"Caller (\d+)")
TIMESTAMP = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2})")

REQUIRED_COLUMNS = (
    "number",
    "incident_state",
    "sys_mod_count",
    "caller_id",
    "opened_at",
    "sys_updated_at",
    "contact_type",
    "priority",
)
# Anonymised classification copied into the ticket's description when the
# log has it: (column, label).
DETAIL_COLUMNS = (
    ("category", "Category"),
    ("subcategory", "Subcategory"),
    ("u_symptom", "Symptom"),
    ("impact", "Impact"),
    ("urgency", "Urgency"),
    ("assignment_group", "Assignment group"),
    ("location", "Location"),
)


class LogFileError(Exception):
    """The file as a whole cannot be read as an event log."""


class Action(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    CHANGE_PRIORITY = "change_priority"
    WAIT = "wait"
    RESUME = "resume"
    RESOLVE = "resolve"
    REOPEN = "reopen"
    CLOSE = "close"


@dataclass(frozen=True)
class Step:
    """One change to the ticket, from the row at `line` of the file, which
    is the incident's row number `row` (from 0) in order of update."""

    action: Action
    at: datetime
    line: int
    row: int
    priority: str | None = None


@dataclass(frozen=True)
class Position:
    """How far an incident's history was imported: its first `rows` rows in
    order of update, and a digest of what was read of them.

    Counting rows in order, not lines, lets a later file hold the same rows
    anywhere and carry on after them; the digest tells when the rows
    already applied are not the ones this file holds first.
    """

    rows: int
    digest: str

    def __str__(self) -> str:
        return f"{self.rows} rows {self.digest}"

    @classmethod
    def from_text(cls, text: str | None) -> "Position | None":
        count, separator, digest = (text or "").partition(" rows ")
        if not separator or not count.isdigit() or not digest:
            return None
        return cls(int(count), digest)


@dataclass(frozen=True)
class Problem:
    """A row that cannot be taken in, or an incident left alone, and why."""

    line: int
    reason: str
    number: str | None = None
    # A warning leaves the incident as it stood; it is not a failure.
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{kind}line {self.line}: {self.reason}"


class BadIncident(Exception):
    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class Header:
    """Where each named column stands, and how many fields a row has."""

    columns: dict[str, int]
    width: int


@dataclass
class RawIncident:
    """The rows of one incident as they stand in the file."""

    number: str
    first_line: int
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    data_error_rows: int = 0


@dataclass(frozen=True)
class IncidentHistory:
    """One incident, ready to be played through the domain operations."""

    number: str
    # The number of the anonymised caller, or None when the log has "?".
    caller: str | None
    opened_at: datetime
    priority: str
    channel: str
    details: tuple[tuple[str, str], ...]
    first_line: int
    steps: tuple[Step, ...]
    # What was read of each row, in order of update: the ground of
    # `position`.
    readings: tuple[str, ...]

    @property
    def row_count(self) -> int:
        return len(self.readings)

    def position(self, rows: int | None = None) -> Position:
        """How far an import stands after the first `rows` rows (default:
        all of them)."""
        count = self.row_count if rows is None else rows
        digest = hashlib.blake2b(digest_size=16)
        for reading in self.readings[:count]:
            digest.update(reading.encode())
            digest.update(b"\n")
        return Position(count, digest.hexdigest())

    def steps_after(self, rows: int) -> tuple[Step, ...]:
        """The steps of the rows after the first `rows`."""
        return tuple(step for step in self.steps if step.row >= rows)


@dataclass(frozen=True)
class _Row:
    line: int
    state: str
    mod_count: int
    updated_at: datetime
    opened_at: datetime
    priority: str
    channel: str
    caller: str | None
    details: tuple[tuple[str, str], ...]

    def reading(self) -> str:
        """Everything the mapping reads of the row, but not where it stands
        in the file, as one line of JSON."""
        return json.dumps(
            [
                self.updated_at.isoformat(),
                self.mod_count,
                self.state,
                self.priority,
                self.opened_at.isoformat(),
                self.channel,
                self.caller,
                self.details,
            ]
        )


class EventLog:
    """A ServiceNow event log file, read incident by incident.

    Reading takes two passes over the file: the first counts each
    incident's rows, so that the second can hand out an incident as soon as
    its last row is read. Memory stays flat however long the file is, and
    the rows of one incident need not stand together.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.header = self._read_header()
        self._number = self.header.columns["number"]
        self._state = self.header.columns["incident_state"]
        self.row_counts = self._count_rows()

    @property
    def incident_count(self) -> int:
        return len(self.row_counts)

    def incidents(self) -> Iterator[RawIncident | Problem]:
        """Each incident once all its rows are read; or a row without one."""
        pending: dict[str, RawIncident] = {}
        for line, values in self._rows():
            number = self._field(values, self._number)
            if not number:
                yield Problem(line, "the row has no incident number")
                continue
            incident = pending.get(number)
            if incident is None:
                incident = pending[number] = RawIncident(number, line)
            if self._field(values, self._state) == DATA_ERROR_STATE:
                incident.data_error_rows += 1
            else:
                incident.rows.append((line, values))
            seen = len(incident.rows) + incident.data_error_rows
            if seen == self.row_counts[number]:
                yield pending.pop(number)

    def _read_header(self) -> Header:
        try:
            with self.path.open(newline="", encoding="utf-8-sig") as stream:
                header = next(csv.reader(stream), None)
        except FileNotFoundError:
            raise LogFileError(f"There is no file at {self.path}.") from None
        except (UnicodeDecodeError, csv.Error) as error:
            raise LogFileError(
                f"{self.path} cannot be read as UTF-8 CSV text: {error}."
            ) from None
        except OSError as error:
            raise LogFileError(f"{self.path} cannot be read: {error}.") from None
        if header is None:
            raise LogFileError(f"{self.path} is empty; it has no header row.")
        columns = {name.strip(): index for index, name in enumerate(header)}
        missing = [name for name in REQUIRED_COLUMNS if name not in columns]
        if missing:
            raise LogFileError(
                f"{self.path} has no column {', '.join(missing)}; a ServiceNow "
                f"event log has at least {', '.join(REQUIRED_COLUMNS)}."
            )
        return Header(columns, len(header))

    def _rows(self) -> Iterator[tuple[int, list[str]]]:
        with self.path.open(newline="", encoding="utf-8-sig") as stream:
            reader = csv.reader(stream)
            next(reader)
            for values in reader:
                if values:
                    yield reader.line_num, values

    def _count_rows(self) -> Counter[str]:
        """Count each incident's rows; this pass also proves the whole file
        readable before anything is imported."""
        counts: Counter[str] = Counter()
        line = 1
        try:
            for row_line, values in self._rows():
                line = row_line
                number = self._field(values, self._number)
                if number:
                    counts[number] += 1
        except (UnicodeDecodeError, csv.Error) as error:
            raise LogFileError(
                f"{self.path} cannot be read as UTF-8 CSV text after line "
                f"{line}: {error}."
            ) from None
        return counts

    @staticmethod
    def _field(values: list[str], index: int) -> str:
        return values[index].strip() if index < len(values) else ""


def read_history(
    incident: RawIncident, header: Header, zone: tzinfo
) -> IncidentHistory:
    """Check every row of the incident and map it to a ticket's history.

    Raises BadIncident naming each row that cannot be read, so that the
    incident is left out whole rather than imported in part.
    """
    if not incident.rows:
        raise BadIncident(
            [
                Problem(
                    incident.first_line,
                    f"every row of {incident.number} has state -100; there is "
                    "nothing to import",
                    incident.number,
                )
            ]
        )
    rows: list[_Row] = []
    problems: list[Problem] = []
    for line, values in incident.rows:
        try:
            rows.append(_read_row(line, values, header, zone))
        except ValueError as error:
            problems.append(Problem(line, str(error), incident.number))
    if problems:
        raise BadIncident(problems)

    rows.sort(key=lambda row: (row.updated_at, row.mod_count))
    first = rows[0]
    return IncidentHistory(
        number=incident.number,
        caller=first.caller,
        opened_at=first.opened_at,
        priority=first.priority,
        channel=first.channel,
        details=first.details,
        first_line=min(row.line for row in rows),
        steps=tuple(_steps(rows, first.opened_at)),
        readings=tuple(row.reading() for row in rows),
    )


def _steps(rows: Sequence[_Row], opened_at: datetime) -> Iterator[Step]:
    """The mapping proper: what each row changes, in the order it applies.

    Within one row the acknowledgement comes first, then the priority, then
    the change of state. Waiting on the worker records a public question,
    which would count as a response; since Awaiting User Info is itself a
    state other than New, the acknowledgement always comes at or before the
    first wait, so the question never moves the response.
    """
    state = NEW
    priority = rows[0].priority
    acknowledged = False
    closed = False
    for index, row in enumerate(rows):
        at = max(row.updated_at, opened_at)
        if not acknowledged and row.state != NEW:
            acknowledged = True
            yield Step(Action.ACKNOWLEDGE, at, row.line, index)
        if row.priority != priority:
            priority = row.priority
            yield Step(Action.CHANGE_PRIORITY, at, row.line, index, priority)
        if row.state == state:
            continue

        if state == AWAITING_USER_INFO:
            yield Step(Action.RESUME, at, row.line, index)
        if state in ENDED and row.state not in ENDED:
            closed = False
            yield Step(Action.REOPEN, at, row.line, index)
        if state not in ENDED and row.state in ENDED:
            yield Step(Action.RESOLVE, at, row.line, index)
        # Resolved after Closed leaves the ticket closed: Credence has no
        # way back from closed to resolved, and the next state other than
        # these two reopens it anyway.
        if row.state == CLOSED and not closed:
            closed = True
            yield Step(Action.CLOSE, at, row.line, index)
        if row.state == AWAITING_USER_INFO:
            yield Step(Action.WAIT, at, row.line, index)
        state = row.state


def _read_row(line: int, values: list[str], header: Header, zone: tzinfo) -> _Row:
    if len(values) != header.width:
        raise ValueError(
            f"the row has {len(values)} fields where the header has "
            f"{header.width}; a column is missing or a value holds a comma"
        )
    columns = header.columns

    def value(name: str) -> str:
        return values[columns[name]].strip()

    state = value("incident_state")
    if state not in STATES:
        raise ValueError(
            f"unknown incident_state {state!r}; expected one of "
            f"{', '.join(sorted(STATES))}"
        )
    mod_count = value("sys_mod_count")
    if not mod_count.isdigit():
        raise ValueError(f"sys_mod_count {mod_count!r} is not a whole number")
    priority = value("priority")
    if priority not in PRIORITIES:
        raise ValueError(
            f"unknown priority {priority!r}; expected one of {', '.join(PRIORITIES)}"
        )
    contact_type = value("contact_type")
    if contact_type not in CHANNELS:
        raise ValueError(
            f"unknown contact_type {contact_type!r}; expected one of "
            f"{', '.join(CHANNELS)}"
        )
    caller_id = value("caller_id")
    caller = CALLER.fullmatch(caller_id)
    if caller is None and caller_id != MISSING:
        raise ValueError(
            f"caller_id {caller_id!r} is not an anonymised caller such as "
            "'Caller 2403' (or '?')"
        )
    details = tuple(
        (label, values[columns[name]].strip())
        for name, label in DETAIL_COLUMNS
        if name in columns and values[columns[name]].strip() not in ("", MISSING)
    )
    return _Row(
        line=line,
        state=state,
        mod_count=int(mod_count),
        updated_at=parse_timestamp(value("sys_updated_at"), "sys_updated_at", zone),
        opened_at=parse_timestamp(value("opened_at"), "opened_at", zone),
        priority=PRIORITIES[priority],
        channel=CHANNELS[contact_type],
        caller=caller.group(1) if caller else None,
        details=details,
    )


def parse_timestamp(text: str, column: str, zone: tzinfo) -> datetime:
    """Read "D/M/YYYY HH:MM" (day first) as wall-clock time in `zone`.

    A wall-clock time that a daylight-saving change repeats is taken at its
    first occurrence, and one that it skips at the offset before the jump,
    as Python's zoneinfo does with fold=0.
    """
    match = TIMESTAMP.fullmatch(text)
    problem = (
        f"{column} {text!r} is not a date and time in the form D/M/YYYY HH:MM "
        "(day first)"
    )
    if match is None:
        raise ValueError(problem)
    day, month, year, hour, minute = (int(part) for part in match.groups())
    try:
        local = datetime(year, month, day, hour, minute, tzinfo=zone)
    except ValueError:
        raise ValueError(problem) from None
    return local.astimezone(UTC)
