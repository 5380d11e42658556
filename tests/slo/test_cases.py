"""Case files: reading them, replaying them, checking them, and our own."""

import io
import json
from pathlib import Path
from typing import Any

import pytest

from credence.slo.cases import (
    CaseError,
    check_case,
    load_case,
    parse_case,
    replay_case,
    run_replay,
)

CASES = Path(__file__).resolve().parent / "cases"
OWN_CASES = sorted(CASES.glob("*.json"))


def small_case(**changes: Any) -> dict[str, Any]:
    """A medium ticket in New York, answered in 20 and resolved in 120."""
    case: dict[str, Any] = {
        "name": "small",
        "calendars": {
            "business": {
                "time_zone": "America/New_York",
                "hours": {day: ["09:00-17:00"] for day in ("mon", "tue", "wed")},
            }
        },
        "objectives": {
            "medium": {
                "response": {"minutes": 60, "calendar": "business"},
                "resolution": {"minutes": 480, "calendar": "business"},
            }
        },
        "events": [
            {"at": "2026-06-01T09:00:00-04:00", "type": "opened", "priority": "medium"},
            {"at": "2026-06-01T09:20:00-04:00", "type": "acknowledged"},
            {"at": "2026-06-01T11:00:00-04:00", "type": "resolved"},
        ],
        "expect": {
            "response": {
                "due": "2026-06-01T10:00:00-04:00",
                "elapsed_minutes": 20,
                "outcome": "met",
            },
            "resolution": {
                "due": "2026-06-01T17:00:00-04:00",
                "elapsed_minutes": 120,
                "outcome": "met",
            },
        },
    }
    case.update(changes)
    return case


def write(folder: Path, name: str, content: object) -> str:
    path = folder / name
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return str(path)


def replay(paths: list[str], check: bool = True) -> tuple[int, list[str]]:
    out = io.StringIO()
    status = run_replay(paths, check, out)
    return status, out.getvalue().splitlines()


def test_we_keep_at_least_a_dozen_cases_each_with_its_working() -> None:
    assert len(OWN_CASES) >= 12
    for path in OWN_CASES:
        case = json.loads(path.read_text(encoding="utf-8"))
        assert case["name"] == path.stem
        assert len(case["note"]) > 80, f"{path.name} explains too little"


@pytest.mark.parametrize("path", OWN_CASES, ids=[path.stem for path in OWN_CASES])
def test_own_case_agrees_with_the_hand_worked_figures(path: Path) -> None:
    case = load_case(str(path))

    assert check_case(case, replay_case(case)) == []


def test_all_own_cases_pass_a_checked_replay() -> None:
    status, lines = replay([str(path) for path in OWN_CASES])

    assert status == 0
    assert lines[-1] == f"{len(OWN_CASES)} passed, 0 failed"


def test_replay_prints_the_figures_in_the_offset_of_the_opening() -> None:
    case = parse_case(small_case())

    result = replay_case(case)

    assert result == {
        "name": "small",
        "response": {
            "due": "2026-06-01T10:00:00-04:00",
            "elapsed_minutes": 20.0,
            "outcome": "met",
        },
        "resolution": {
            "due": "2026-06-01T17:00:00-04:00",
            "elapsed_minutes": 120.0,
            "outcome": "met",
        },
    }


def test_replay_and_check_take_decoded_json_too() -> None:
    data = small_case()

    assert replay_case(data) == replay_case(parse_case(data))
    assert check_case(data, replay_case(data)) == []


def test_replay_never_reads_the_expected_figures() -> None:
    wrong = small_case(expect={"response": {"outcome": "breached"}})

    assert replay_case(parse_case(wrong)) == replay_case(parse_case(small_case()))


def test_elapsed_minutes_are_rounded_to_two_decimals() -> None:
    events = small_case()["events"][:1]
    events.append({"at": "2026-06-01T09:00:20-04:00", "type": "replied"})

    response = replay_case(parse_case(small_case(events=events)))["response"]

    assert isinstance(response, dict)
    assert response["elapsed_minutes"] == 0.33


def test_replay_with_check_lists_each_difference(tmp_path: Path) -> None:
    expect = small_case()["expect"]
    expect["resolution"]["due"] = "2026-06-01T18:00:00-04:00"
    expect["response"]["elapsed_minutes"] = 25
    path = write(tmp_path, "wrong.json", small_case(expect=expect))

    status, lines = replay([path])

    assert status == 1
    assert json.loads(lines[0])["name"] == "small"
    assert lines[1:] == [
        "small: response.elapsed_minutes expected 25, got 20.0",
        "small: resolution.due expected 2026-06-01T18:00:00-04:00, got "
        "2026-06-01T17:00:00-04:00",
        "0 passed, 1 failed",
    ]


def test_dues_compare_as_instants_and_elapsed_to_a_hundredth() -> None:
    expect = small_case()["expect"]
    expect["response"]["due"] = "2026-06-01T14:00:00+00:00"
    expect["response"]["elapsed_minutes"] = 20.01
    expect["resolution"]["elapsed_minutes"] = 119.98
    case = parse_case(small_case(expect=expect))

    assert check_case(case, replay_case(case)) == [
        "small: resolution.elapsed_minutes expected 119.98, got 120.0"
    ]


def test_a_null_due_is_compared_too() -> None:
    expect = small_case()["expect"]
    expect["resolution"]["due"] = None
    case = parse_case(small_case(expect=expect))

    assert check_case(case, replay_case(case)) == [
        "small: resolution.due expected null, got 2026-06-01T17:00:00-04:00"
    ]


def test_only_the_figures_a_case_gives_are_checked() -> None:
    case = parse_case(small_case(expect={"resolution": {"outcome": "met"}}))

    assert check_case(case, replay_case(case)) == []


def test_replay_without_check_prints_only_figures(tmp_path: Path) -> None:
    path = write(tmp_path, "small.json", small_case(expect=None))

    status, lines = replay([path], check=False)

    assert status == 0
    assert [json.loads(line)["name"] for line in lines] == ["small"]


def test_an_unreadable_file_is_reported_and_the_others_still_run(
    tmp_path: Path,
) -> None:
    good = write(tmp_path, "good.json", small_case())
    bad = write(tmp_path, "bad.json", '{"name": "bad",')
    missing = str(tmp_path / "missing.json")

    status, lines = replay([bad, good, missing])

    assert status == 2
    assert lines[0] == (
        f"{bad}: is not valid JSON (Expecting property name enclosed in double "
        "quotes at line 1, column 16): fix the syntax there."
    )
    assert json.loads(lines[1])["name"] == "small"
    assert lines[2] == f"{missing}: cannot be read (No such file or directory)."
    assert lines[3] == "1 passed, 2 failed"


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"name": None}, "has a 'name' that is not text: give a short name."),
        ({"events": []}, "has no events: give at least the opened event."),
        (
            {"events": [{"at": "2026-06-01T09:00:00-04:00", "type": "escalated"}]},
            "event 1 has unknown type 'escalated': use one of opened, acknowledged, "
            "replied, noted, auto_replied, worker_commented, waiting, resumed, "
            "priority_changed, resolved, reopened, closed, "
            "moved_to_project.",
        ),
        (
            {"events": [{"at": "2026-06-01T09:00:00", "type": "opened"}]},
            "event 1's 'at' is '2026-06-01T09:00:00', not an ISO 8601 instant with "
            'offset: write it like "2026-06-01T09:00:00-04:00".',
        ),
        (
            {"events": [{"at": "2026-06-01T09:00:00Z", "type": "opened"}]},
            "event 1: The opened event at 2026-06-01T09:00:00+00:00 has no "
            "priority: give the ticket's priority with it.",
        ),
        (
            {
                "objectives": {
                    "urgent": {
                        "response": {"minutes": 5, "calendar": "business"},
                        "resolution": {"minutes": 60, "calendar": "business"},
                    }
                }
            },
            "has an objective for unknown priority 'urgent': use one of highest, "
            "high, medium, low, lowest.",
        ),
        (
            {
                "objectives": {
                    "medium": {
                        "response": {"minutes": 60, "calendar": "office"},
                        "resolution": {"minutes": 480, "calendar": "business"},
                    }
                }
            },
            "objective 'medium' response names calendar 'office', which the case "
            "does not define: use one of business.",
        ),
        (
            {
                "objectives": {
                    "medium": {"response": {"minutes": 60, "calendar": "business"}}
                }
            },
            "objective 'medium' resolution is missing: give minutes and calendar.",
        ),
        (
            {"calendars": {"business": {"time_zone": "Mars/Base", "hours": "24x7"}}},
            "calendar 'business': Unknown time zone 'Mars/Base': use an IANA name "
            'such as "Europe/Berlin" or "America/New_York".',
        ),
        (
            {"expect": {"response": {"outcome": "late"}}},
            "expect.response.outcome is 'late': use one of met, breached, running, "
            "paused, moved.",
        ),
        (
            {"as_of": "tomorrow"},
            "'as_of' is 'tomorrow', not an ISO 8601 instant "
            'with offset: write it like "2026-06-01T09:00:00-04:00".',
        ),
    ],
)
def test_a_case_that_cannot_be_read_says_where_and_what(
    changes: dict[str, Any], problem: str
) -> None:
    with pytest.raises(CaseError) as raised:
        parse_case(small_case(**changes), "dispute.json")

    assert str(raised.value) == f"dispute.json: {problem}"
    assert raised.value.code == "slo_case_invalid"


@pytest.mark.parametrize("key", ["name", "calendars", "objectives", "events"])
def test_a_missing_key_is_named(key: str) -> None:
    case = small_case()
    del case[key]

    with pytest.raises(CaseError) as raised:
        parse_case(case, "dispute.json")

    assert (
        str(raised.value)
        == f"dispute.json: has no '{key}': add it, as the case format says."
    )


def test_a_history_the_clock_refuses_is_reported_with_the_file(tmp_path: Path) -> None:
    events = small_case()["events"]
    events[1]["at"] = "2026-06-01T08:00:00-04:00"
    path = write(tmp_path, "backwards.json", small_case(events=events))

    status, lines = replay([path])

    assert status == 2
    assert lines == [
        f"{path}: The acknowledged event at 2026-06-01T08:00:00-04:00 comes after the "
        "opened event at 2026-06-01T09:00:00-04:00 but is earlier: give events in "
        "time order.",
        "0 passed, 1 failed",
    ]


def test_checking_a_case_without_expect_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "open.json", small_case(expect=None))

    status, lines = replay([path])

    assert status == 2
    assert lines == [
        f"{path}: has no 'expect' to check against: add the figures worked out by "
        "hand.",
        "0 passed, 1 failed",
    ]


def test_a_file_that_is_not_an_object_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "list.json", "[]")

    with pytest.raises(CaseError) as raised:
        load_case(path)

    assert str(raised.value) == f"{path}: is not a JSON object: a case is one object."
