"""Time the import of the shared ServiceNow log and a month's report.

Run by hand, never in the test suite:

    .venv/bin/python benchmarks/servicenow_import.py [--database-url URL]

Without --database-url it uses a new SQLite file in a temporary folder. It
prints the wall and CPU time and the peak memory of each step, so figures
in the README can be reproduced on another machine.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOG = (
    REPO.parent
    / "shared"
    / "data"
    / "uci-incident-event-log"
    / "incident_event_log.csv"
)


def step(name: str, args: list[str], env: dict[str, str]) -> None:
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "credence", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    # wait4 gives this child's own usage, not the largest of all children.
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{name} failed; run it by hand to see why.")
    cpu = usage.ru_utime + usage.ru_stime
    # ru_maxrss is in KiB on Linux.
    print(
        f"{name:<24} wall {wall:8.1f} s  cpu {cpu:8.1f} s  "
        f"peak {usage.ru_maxrss / 1024:6.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--log", type=Path, default=LOG)
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="credence-bench-")
    url = options.database_url or f"sqlite:///{folder}/servicenow.sqlite3"
    env = {**os.environ, "DATABASE_URL": url}
    print(f"database {url}")
    step("migrate", ["migrate", "--noinput"], env)
    step("import (whole log)", ["import", "servicenow-eventlog", str(options.log)], env)
    step(
        "import again (no-op)", ["import", "servicenow-eventlog", str(options.log)], env
    )
    step(
        "report 2016-03 json", ["report", "--month", "2016-03", "--format", "json"], env
    )
    step("report 2016-03 table", ["report", "--month", "2016-03"], env)


if __name__ == "__main__":
    main()
