"""The figures where the lead reads them: the report, the pages, the post.

The hand-built week of conftest.py, read for the whole of March 2026 as of
1 April 00:00. Beyond the week's six sessions, March holds Wanda's of
1 Mar 23:00 (her ticket of 4 Mar follows within 7 days: ended in a ticket)
and 9 Mar 08:00 (no ticket after it: deflected). By 1 April Oscar's of
4 Mar has passed its 7 days without a ticket (his comes 13 Mar 09:00, a
day late) and his of 6 Mar 09:00 and 8 Mar 09:00 are ended by that ticket
(the first exactly 7 days after). So: 8 sessions, 2 solved and 2 without a
ticket (4 deflected), 4 ended in a ticket, none still open, rate 4 / 8.
"""

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from credence.workers.models import Worker
from tests.conftest import signed_in

MARCH = {
    "deflection": {
        "sessions": 8,
        "deflected": 4,
        "solved": 2,
        "no_ticket": 2,
        "ended_in_ticket": 4,
        "still_open": 0,
        "solved_then_ticket": 2,
        "deflection_rate": 0.5,
    },
    "satisfaction": {
        "asked": 0,
        "responses": 0,
        "response_rate": None,
        "mean": None,
        "distribution": {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0},
    },
    "first_week": {
        "new_workers": 0,
        "submitted": 0,
        "not_submitted": 0,
        "still_in_first_week": 0,
        "share": None,
    },
}


def _report(*args: str) -> str:
    out = StringIO()
    call_command("report", "--month", "2026-03", *args, stdout=out)
    return out.getvalue()


def test_the_json_report_carries_the_figures(week_of_sessions: None) -> None:
    report = json.loads(_report("--format", "json"))

    assert report["self_service"] == MARCH
    assert report["overall"]["volume"] == 3


def test_the_table_shows_them_beside_the_service_figures(
    week_of_sessions: None,
) -> None:
    lines = [" ".join(line.split()) for line in _report().splitlines()]

    start = lines.index("Self-service sessions")
    assert lines[start + 1 : start + 10] == [
        "sessions 8",
        "deflected 4",
        "solved 2",
        "no ticket in 7 days 2",
        "ended in a ticket 4",
        "still open 0",
        "deflection rate 50.0%",
        "solved, yet a ticket followed 2",
        "",
    ]
    assert "mean of 5 —" in lines
    assert "share —" in lines
    assert lines.index("Kind tickets") < start < lines.index("Project work tickets")


def _figure(page: str, name: str) -> str:
    found = re.search(rf"<dt>{re.escape(name)}</dt><dd>(.*?)</dd>", page)
    assert found is not None, name
    return re.sub(r"<[^>]+>", "", found[1])


def test_the_metrics_page_shows_them(week_of_sessions: None, agent: Worker) -> None:
    page = signed_in(agent).get("/desk/metrics/?month=2026-03").content.decode()

    assert "Self-service and satisfaction" in page
    assert _figure(page, "Self-service sessions") == "8"
    assert _figure(page, "Ended in a ticket") == "4"
    assert _figure(page, "Deflection rate") == "50.0%"
    assert "counted in\n        neither" in page or "counted in neither" in page


def test_the_weekly_review_shows_the_weeks(
    week_of_sessions: None, lead: Worker
) -> None:
    # The week as of its end (9 March 00:00), worked out in test_figures.py.
    page = signed_in(lead).get("/desk/review/?week=2026-W10").content.decode()

    assert _figure(page, "Self-service sessions") == "6"
    assert _figure(page, "Deflected") == "2"
    assert _figure(page, "Still open (younger than 7 days)") == "3"
    assert _figure(page, "Deflection rate") == "66.7%"
    assert _figure(page, "Share who sent one") == "—"


def test_a_worker_does_not_see_them(worker: Worker) -> None:
    assert signed_in(worker).get("/desk/review/").status_code == 404


@pytest.mark.parametrize("suffix", ["md", "html"])
def test_the_publication_shows_them(
    week_of_sessions: None, tmp_path: Path, suffix: str
) -> None:
    call_command(
        "publish", "--month", "2026-03", "--to", str(tmp_path), stdout=StringIO()
    )

    text = (tmp_path / f"2026-03.{suffix}").read_text()
    if suffix == "md":
        assert "| Sessions | 8 |" in text
        assert "| Ended in a ticket | 4 |" in text
        assert "| Deflection rate | 50.0% |" in text
        assert "| Solved, yet a ticket followed | 2 |" in text
    else:
        assert "<tr><td>Sessions</td><td>8</td></tr>" in text
        assert "<tr><td>Deflection rate</td><td>50.0%</td></tr>" in text
        assert "<tr><td>Solved, yet a ticket followed</td><td>2</td></tr>" in text
