"""The `credence` entry point, run as a worker's shell would run it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def credence(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "credence", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_replay_checks_every_shared_case(shared_dir: Path) -> None:
    cases = sorted(str(path) for path in (shared_dir / "slo-cases").glob("*.json"))

    result = credence("slo", "replay", "--check", *cases)

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == f"{len(cases)} passed, 0 failed"


def test_replay_reports_a_wrong_expectation_and_fails(
    shared_dir: Path, tmp_path: Path
) -> None:
    case = json.loads(
        (
            shared_dir / "slo-cases" / "reopen-continues-the-resolution-clock.json"
        ).read_text()
    )
    # The hand-worked answer is 480 minutes; claim 470 to see it caught.
    case["expect"]["resolution"]["elapsed_minutes"] = 470
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(case))

    result = credence("slo", "replay", "--check", str(wrong))

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "0 passed, 1 failed"
    assert any("resolution.elapsed_minutes" in line for line in lines)


def test_replay_without_check_prints_one_json_object_per_case(
    shared_dir: Path,
) -> None:
    path = shared_dir / "slo-cases" / "waiting-on-worker-pauses-resolution-only.json"

    result = credence("slo", "replay", str(path))

    assert result.returncode == 0
    figures = json.loads(result.stdout.splitlines()[0])
    assert figures["name"] == "waiting-on-worker-pauses-resolution-only"
    assert figures["resolution"]["outcome"] == "met"
    assert figures["resolution"]["elapsed_minutes"] == pytest.approx(120)


def test_an_unknown_command_says_so() -> None:
    result = credence("no-such-command")

    assert result.returncode == 1
    assert "Unknown command: 'no-such-command'" in result.stderr


def run_with(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "credence", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **env},
    )


def test_a_bad_time_zone_stops_with_one_clear_line() -> None:
    result = run_with({"CREDENCE_TIME_ZONE": "Not/AZone"}, "check")

    assert result.returncode == 1
    assert result.stderr.strip() == (
        "credence: CREDENCE_TIME_ZONE must be an IANA time zone such as "
        "Europe/Berlin, not 'Not/AZone'."
    )


def test_a_bad_database_url_names_the_variable() -> None:
    result = run_with({"DATABASE_URL": "garbage"}, "check")

    assert result.returncode == 1
    assert result.stderr.strip() == (
        "credence: DATABASE_URL must be a database URL such as "
        "sqlite:////path/credence.sqlite3 or postgres://user@host:5432/credence, "
        "not 'garbage'."
    )


def test_serving_an_unmigrated_database_says_to_migrate(tmp_path: Path) -> None:
    database = tmp_path / "empty.sqlite3"

    result = run_with(
        {"DATABASE_URL": f"sqlite:///{database}"},
        "serve",
        "--bind",
        "127.0.0.1:8399",
    )

    assert result.returncode == 1
    assert "Run `credence migrate` first, then serve again." in result.stderr
