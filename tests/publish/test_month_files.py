"""The files `credence publish` writes for March 2026 (see conftest.py)."""

import base64
import json
import re
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command

from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.publish.helpers import publish_march

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_markdown_says_each_miss_plainly_without_hiding_one(
    march: dict[str, Ticket], tmp_path: Path
) -> None:
    text = publish_march(tmp_path).markdown.read_text()

    misses = [
        "- **Missed: response compliance for high was 50.0% against a target "
        "of 80%** (1 met, 1 breached).",
        "- **Missed: resolution compliance for high was 50.0% against a target "
        "of 80%** (1 met, 1 breached).",
        "- **Missed: response compliance for medium was 75.0% against a target "
        "of 80%** (3 met, 1 breached).",
        "- **Missed: resolution compliance for medium was 25.0% against a "
        "target of 80%** (1 met, 3 breached).",
        "- **Missed: response compliance for low was 50.0% against a target "
        "of 80%** (1 met, 1 breached).",
        "- **Missed: response compliance for lowest was 0.0% against a target "
        "of 80%** (0 met, 1 breached).",
        "- **Missed: response compliance for overall was 60.0% against a "
        "target of 80%** (6 met, 4 breached).",
        "- **Missed: resolution compliance for overall was 50.0% against a "
        "target of 80%** (4 met, 4 breached).",
    ]
    for miss in misses:
        assert f"{miss}\n  Explanation: No explanation given.\n" in text
    assert text.count("Missed:") == 8
    assert text.count("No explanation given.") == 8


def test_markdown_states_met_unmeasured_objectives_and_targets(
    march: dict[str, Ticket], tmp_path: Path
) -> None:
    text = publish_march(tmp_path).markdown.read_text()

    assert (
        "- Met: response compliance for highest was 100.0% against a target "
        "of 80% (1 met, 0 breached).\n" in text
    )
    assert (
        "- Met: resolution compliance for low was 100.0% against a target of "
        "80% (1 met, 0 breached).\n" in text
    )
    assert "- Not measured: no resolution clock of lowest was met or breached.\n" in (
        text
    )
    assert (
        "| high | 15 min (Round the clock) | 80% | 240 min (Round the clock) "
        "| 80% |" in text
    )
    assert (
        "| medium | 60 min (Business hours) | 80% | 480 min (Business hours) "
        "| 80% |" in text
    )
    # 10 tickets, 8 completed, compliance 6/10 and 4/8.
    assert "| Overall | 10 | 8 | 60.0% | 80% | 50.0% | 80% |" in text
    # Medium, T3 having become high: T1 T2 T5 T9, all completed.
    assert "| Medium | 4 | 4 | 75.0% | 80% | 25.0% | 80% |" in text


def test_figures_in_the_markdown_equal_the_report_command(
    march: dict[str, Ticket], tmp_path: Path
) -> None:
    out = StringIO()
    call_command("report", month="2026-03", format="json", stdout=out)
    report = json.loads(out.getvalue())
    text = publish_march(tmp_path).markdown.read_text()

    rows = {"Overall": report["overall"]} | {
        name.capitalize(): figures for name, figures in report["by_priority"].items()
    }
    for name, figures in rows.items():
        cells = [
            str(figures["volume"]),
            str(figures["completed"]),
            _percent(figures["response"]["compliance"]),
            _percent(figures["resolution"]["compliance"]),
        ]
        row = re.search(rf"^\| {name} \| (.*) \|$", text, re.MULTILINE)
        assert row is not None
        shown = row[1].split(" | ")
        assert [shown[0], shown[1], shown[2], shown[4]] == cells


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def test_trend_lists_twelve_months_ending_with_the_month(
    march: dict[str, Ticket], tmp_path: Path
) -> None:
    text = publish_march(tmp_path).markdown.read_text()

    months = re.findall(r"^\| ([A-Z][a-z]{2} \d{4}) \|", text, re.MULTILINE)
    assert months[0] == "Apr 2025"
    assert months[-1] == "Mar 2026"
    assert len(months) == 12
    assert "| Mar 2026 | 60.0% | 50.0% |" in text
    assert "| Apr 2025 | — | — |" in text


def test_html_carries_both_charts_as_png_images(
    march: dict[str, Ticket], tmp_path: Path
) -> None:
    html = publish_march(tmp_path).html.read_text()

    images = re.findall(r'<img src="data:image/png;base64,([^"]+)"', html)
    assert len(images) == 2
    for image in images:
        assert base64.b64decode(image).startswith(PNG_MAGIC)
    assert (tmp_path / "2026-03-compliance.png").read_bytes().startswith(PNG_MAGIC)
    assert "![Compliance per priority](2026-03-compliance.png)" in (
        (tmp_path / "2026-03.md").read_text()
    )


def test_the_same_month_gives_the_same_files(
    march: dict[str, Ticket], tmp_path: Path
) -> None:
    first = publish_march(tmp_path / "first")
    second = publish_march(tmp_path / "second")

    assert first.markdown.read_bytes() == second.markdown.read_bytes()
    assert first.html.read_bytes() == second.html.read_bytes()


def test_command_writes_both_files_into_the_directory(
    march: dict[str, Ticket], tmp_path: Path
) -> None:
    out = StringIO()
    call_command("publish", month="2026-03", to=str(tmp_path), stdout=out)

    assert out.getvalue() == (
        f"Wrote {tmp_path / '2026-03.md'} and {tmp_path / '2026-03.html'}.\n"
    )


@pytest.mark.django_db
def test_command_refuses_a_month_it_cannot_read(tmp_path: Path) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as refused:
        call_command("publish", month="March", to=str(tmp_path))

    assert str(refused.value) == (
        "'March' is not a month: give it as YYYY-MM, for example 2016-03."
    )


def test_a_month_not_yet_over_is_not_published(tmp_path: Path, db: None) -> None:
    with (
        time_machine.travel(datetime(2026, 12, 4, 12, tzinfo=UTC), tick=False),
        pytest.raises(CommandError) as error,
    ):
        call_command("publish", "--month", "2026-12", "--to", str(tmp_path))

    assert str(error.value) == (
        "December 2026 has not ended yet; publish it from 01 January 2027 00:00 on."
    )
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_says_so(tmp_path: Path, db: None) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")

    with (
        time_machine.travel(datetime(2026, 12, 4, 12, tzinfo=UTC), tick=False),
        pytest.raises(CommandError) as error,
    ):
        call_command("publish", "--month", "2026-11", "--to", str(blocked / "x"))

    assert str(error.value).startswith(
        f"Cannot write the publication into {blocked / 'x'}"
    )


def _moved(worker: Worker, lead: Worker, opened: datetime) -> Ticket:
    # High, acknowledged five minutes in, moved to project two hours in.
    ticket = services.open_ticket(
        requester=worker,
        kind="request",
        title="Replace the booking system",
        priority="high",
        actor=worker,
        at=opened,
    )
    services.acknowledge(ticket, lead, at=opened + timedelta(minutes=5))
    services.move_to_project(
        ticket, lead, "Booking 2026", "Too big.", at=opened + timedelta(hours=2)
    )
    return ticket


def test_project_work_is_published_as_the_report_counts_it(
    march: dict[str, Ticket], worker: Worker, lead: Worker, tmp_path: Path
) -> None:
    # One ticket of March and one of February are moved to project work.
    # T4 (opened 23 March, waiting on the worker) is still open at 1 April
    # 00:00, more than the 7-day service window: March's one candidate.
    _moved(worker, lead, datetime(2026, 3, 16, 10, tzinfo=UTC))
    _moved(worker, lead, datetime(2026, 2, 10, 10, tzinfo=UTC))
    out = StringIO()
    call_command("report", month="2026-03", format="json", stdout=out)
    report = json.loads(out.getvalue())

    published = publish_march(tmp_path)

    assert (report["moved_to_project"], report["project_candidates"]) == (1, 1)
    text = published.markdown.read_text()
    assert "| Moved to project work | 1 |\n" in text
    assert "| Project candidates (open longer than the service window) | 1 |\n" in text
    assert re.search(r"^\| Feb 2026 \| .* \| .* \| 1 \|$", text, re.MULTILINE)
    assert re.search(r"^\| Mar 2026 \| .* \| .* \| 1 \|$", text, re.MULTILINE)
    assert re.search(r"^\| Jan 2026 \| — \| — \| 0 \|$", text, re.MULTILINE)
    html = published.html.read_text()
    assert "<tr><td>Moved to project work</td><td>1</td></tr>" in html
    assert (
        "<tr><td>Project candidates (open longer than the service window)</td>"
        "<td>1</td></tr>" in html
    )
    assert re.search(r"<tr><td>Feb 2026</td>.*<td>1</td></tr>", html)
