"""SLO cases: ticket histories with figures worked out by hand.

A case file holds one ticket's calendars, objectives and events, and the
figures a person expects for them; the format is described in the shared
SLO cases' README. Replaying a case runs Credence's own clock on it, never
reading the expected figures, and checking compares the two. Anyone can
write a case from a dispute or a bug report and check it the same way.

This module is plain Python so that it can be tested and reused without
Django.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import TextIO

from credence.slo.calendar import Calendar, CalendarError, SloError
from credence.slo.clock import (
    EVENT_TYPES,
    OUTCOMES,
    PRIORITIES,
    ClockError,
    ClockEvent,
    ClockFigures,
    Objective,
    Target,
    measure,
)

CLOCKS = ("response", "resolution")
FIGURES = ("due", "elapsed_minutes", "outcome")

# Elapsed minutes are written to two decimals, so they compare to 0.01; the
# extra allowance is for the binary rounding of the decimal figures.
ELAPSED_TOLERANCE = 0.01 + 1e-9

# Exit statuses of a replay.
ALL_PASSED = 0
SOME_FAILED = 1
UNREADABLE = 2

# Whether waiting on the worker holds each clock when a case does not say.
_PAUSES_WHEN_WAITING = {"response": False, "resolution": True}


class CaseError(SloError):
    """A case file that cannot be read or replayed, and where."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(
            "slo_case_invalid",
            "%(source)s: %(problem)s",
            source=source,
            problem=problem,
        )


@dataclass(frozen=True)
class Case:
    """One case, read and checked: ready to replay."""

    name: str
    source: str
    note: str
    objectives: Mapping[str, Objective]
    events: tuple[ClockEvent, ...]
    as_of: datetime | None
    expect: Mapping[str, Mapping[str, object]] | None
    display_zone: tzinfo


def load_case(path: str) -> Case:
    """Read a case file, or say which file is wrong and how."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read()
    except OSError as error:
        raise CaseError(path, f"cannot be read ({error.strerror or error}).") from None
    except UnicodeDecodeError:
        raise CaseError(path, "is not UTF-8 text: save it as UTF-8.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CaseError(
            path,
            f"is not valid JSON ({error.msg} at line {error.lineno}, column "
            f"{error.colno}): fix the syntax there.",
        ) from None
    return parse_case(data, path)


def parse_case(data: object, source: str = "<case>") -> Case:
    """Read a case from its decoded JSON; source names it in errors."""
    if not isinstance(data, Mapping):
        raise CaseError(source, "is not a JSON object: a case is one object.")
    for key in ("name", "calendars", "objectives", "events"):
        if key not in data:
            raise CaseError(source, f"has no {key!r}: add it, as the case format says.")
    name = data["name"]
    if not isinstance(name, str) or not name:
        raise CaseError(source, "has a 'name' that is not text: give a short name.")
    note = data.get("note", "")
    if not isinstance(note, str):
        raise CaseError(source, "has a 'note' that is not text: write it as one.")

    calendars = _calendars(data["calendars"], source)
    events = _events(data["events"], source)
    as_of = None
    if data.get("as_of") is not None:
        as_of = _instant(data["as_of"], source, "'as_of'")
    expect = data.get("expect")
    if expect is not None:
        _check_expect(expect, source)

    return Case(
        name=name,
        source=source,
        note=note,
        objectives=_objectives(data["objectives"], calendars, source),
        events=events,
        as_of=as_of,
        expect=expect,
        display_zone=events[0].at.tzinfo or UTC,
    )


def replay_case(case: Case | Mapping[str, object]) -> dict[str, object]:
    """Run the clock on a case, never reading its expected figures.

    The case is read first if it is still decoded JSON. Dues are given in
    the offset of the case's opened event, elapsed minutes to two decimals.
    """
    if not isinstance(case, Case):
        case = parse_case(case)
    try:
        measurement = measure(case.events, case.objectives, case.as_of)
    except (ClockError, CalendarError) as error:
        raise CaseError(case.source, str(error)) from None
    return {
        "name": case.name,
        "response": _result(measurement.response, case.display_zone),
        "resolution": _result(measurement.resolution, case.display_zone),
    }


def check_case(
    case: Case | Mapping[str, object], result: Mapping[str, object]
) -> list[str]:
    """List each way the result differs from what the case expects.

    Only the figures the case gives are compared: dues as instants, elapsed
    minutes to 0.01, outcomes exactly.
    """
    if not isinstance(case, Case):
        case = parse_case(case)
    if case.expect is None:
        raise CaseError(
            case.source,
            "has no 'expect' to check against: add the figures worked out by hand.",
        )
    differences = []
    for clock in CLOCKS:
        expected = case.expect.get(clock, {})
        got = result[clock]
        assert isinstance(got, Mapping)
        for figure in FIGURES:
            if figure in expected and not _agree(figure, expected[figure], got[figure]):
                differences.append(
                    f"{case.name}: {clock}.{figure} expected "
                    f"{_shown(expected[figure])}, got {_shown(got[figure])}"
                )
    return differences


def run_replay(paths: Sequence[str], check: bool, out: TextIO) -> int:
    """Replay case files, printing one JSON object a line for each.

    With check, also print a line for each difference and a closing line
    ``N passed, N failed``; a file that cannot be read or replayed counts as
    failed. Return 0 if all passed, 1 if any failed, 2 if any file could not
    be read or replayed, with its message printed.
    """
    passed = failed = 0
    status = ALL_PASSED
    for path in paths:
        try:
            case = load_case(path)
            result = replay_case(case)
            differences = check_case(case, result) if check else []
        except CaseError as error:
            print(error, file=out)
            failed += 1
            status = UNREADABLE
            continue

        print(json.dumps(result), file=out)
        for difference in differences:
            print(difference, file=out)
        if differences:
            failed += 1
            status = max(status, SOME_FAILED)
        else:
            passed += 1

    if check:
        print(f"{passed} passed, {failed} failed", file=out)
    return status


def _calendars(spec: object, source: str) -> dict[str, Calendar]:
    if not isinstance(spec, Mapping) or not spec:
        raise CaseError(source, "has 'calendars' that are not an object of names.")
    calendars = {}
    for name, calendar in spec.items():
        try:
            calendars[name] = Calendar.from_spec(calendar)
        except CalendarError as error:
            raise CaseError(source, f"calendar {name!r}: {error}") from None
    return calendars


def _objectives(
    spec: object, calendars: Mapping[str, Calendar], source: str
) -> dict[str, Objective]:
    if not isinstance(spec, Mapping) or not spec:
        raise CaseError(
            source, "has 'objectives' that are not an object of priorities."
        )
    objectives = {}
    for priority, objective in spec.items():
        if priority not in PRIORITIES:
            raise CaseError(
                source,
                f"has an objective for unknown priority {priority!r}: use one of "
                f"{', '.join(PRIORITIES)}.",
            )
        if not isinstance(objective, Mapping):
            raise CaseError(source, f"objective {priority!r} is not an object.")
        objectives[priority] = Objective(
            response=_target(objective, "response", priority, calendars, source),
            resolution=_target(objective, "resolution", priority, calendars, source),
        )
    return objectives


def _target(
    objective: Mapping[str, object],
    clock: str,
    priority: str,
    calendars: Mapping[str, Calendar],
    source: str,
) -> Target:
    where = f"objective {priority!r} {clock}"
    spec = objective.get(clock)
    if not isinstance(spec, Mapping):
        raise CaseError(source, f"{where} is missing: give minutes and calendar.")
    minutes = spec.get("minutes")
    if isinstance(minutes, bool) or not isinstance(minutes, int | float):
        raise CaseError(source, f"{where} has no number of 'minutes': add one.")
    calendar = spec.get("calendar")
    if calendar not in calendars:
        raise CaseError(
            source,
            f"{where} names calendar {calendar!r}, which the case does not define: "
            f"use one of {', '.join(calendars)}.",
        )
    pauses = spec.get("pauses_when_waiting", _PAUSES_WHEN_WAITING[clock])
    if not isinstance(pauses, bool):
        raise CaseError(
            source, f"{where} has a 'pauses_when_waiting' that is not true or false."
        )
    try:
        return Target(
            minutes=minutes,
            calendar=calendars[str(calendar)],
            pauses_when_waiting=pauses,
        )
    except ClockError as error:
        raise CaseError(source, f"{where}: {error}") from None


def _events(spec: object, source: str) -> tuple[ClockEvent, ...]:
    if not isinstance(spec, list):
        raise CaseError(source, "has 'events' that are not a list of events.")
    if not spec:
        raise CaseError(source, "has no events: give at least the opened event.")
    events = []
    for number, event in enumerate(spec, start=1):
        where = f"event {number}"
        if not isinstance(event, Mapping):
            raise CaseError(source, f"{where} is not an object with 'at' and 'type'.")
        kind = event.get("type")
        if kind not in EVENT_TYPES:
            raise CaseError(
                source,
                f"{where} has unknown type {kind!r}: use one of "
                f"{', '.join(EVENT_TYPES)}.",
            )
        priority = event.get("priority")
        if priority is not None and not isinstance(priority, str):
            raise CaseError(source, f"{where} has a 'priority' that is not text.")
        at = _instant(event.get("at"), source, f"{where}'s 'at'")
        try:
            events.append(ClockEvent(at=at, type=str(kind), priority=priority))
        except ClockError as error:
            raise CaseError(source, f"{where}: {error}") from None
    return tuple(events)


def _instant(text: object, source: str, what: str) -> datetime:
    try:
        instant = datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        instant = None
    if instant is None or instant.tzinfo is None:
        raise CaseError(
            source,
            f"{what} is {text!r}, not an ISO 8601 instant with offset: write it "
            f'like "2026-06-01T09:00:00-04:00".',
        )
    return instant


def _check_expect(spec: object, source: str) -> None:
    if not isinstance(spec, Mapping):
        raise CaseError(source, "has an 'expect' that is not an object.")
    for clock, figures in spec.items():
        if clock not in CLOCKS or not isinstance(figures, Mapping):
            raise CaseError(
                source,
                f"expect has {clock!r}: give 'response' and 'resolution' objects.",
            )
        where = f"expect.{clock}"
        if figures.get("due") is not None:
            _instant(figures["due"], source, f"{where}.due")
        elapsed = figures.get("elapsed_minutes", 0)
        if isinstance(elapsed, bool) or not isinstance(elapsed, int | float):
            raise CaseError(source, f"{where}.elapsed_minutes is not a number.")
        if "outcome" in figures and figures["outcome"] not in OUTCOMES:
            raise CaseError(
                source,
                f"{where}.outcome is {figures['outcome']!r}: use one of "
                f"{', '.join(OUTCOMES)}.",
            )


def _result(figures: ClockFigures, zone: tzinfo) -> dict[str, object]:
    due = figures.due
    return {
        "due": None if due is None else due.astimezone(zone).isoformat(),
        "elapsed_minutes": round(figures.elapsed_minutes, 2),
        "outcome": figures.outcome,
    }


def _agree(figure: str, expected: object, got: object) -> bool:
    if figure == "due":
        if expected is None or got is None:
            return expected is got
        assert isinstance(expected, str) and isinstance(got, str)
        return datetime.fromisoformat(expected) == datetime.fromisoformat(got)
    if figure == "elapsed_minutes":
        assert isinstance(expected, int | float) and isinstance(got, int | float)
        return abs(expected - got) <= ELAPSED_TOLERANCE
    return expected == got


def _shown(value: object) -> str:
    return "null" if value is None else str(value)
