"""The shared SLO cases, worked out by hand, all agree with the clock.

They live in ../shared/slo-cases beside the repository; CI always has them,
a developer's clone may not.
"""

import io
from pathlib import Path

import pytest

from credence.slo.cases import check_case, load_case, replay_case, run_replay

SHARED_CASES = Path(__file__).resolve().parents[3] / "shared" / "slo-cases"
PATHS = sorted(SHARED_CASES.glob("*.json")) if SHARED_CASES.is_dir() else []

pytestmark = pytest.mark.skipif(
    not PATHS, reason=f"no shared SLO cases in {SHARED_CASES}"
)


def test_every_shared_case_passes_a_checked_replay() -> None:
    out = io.StringIO()

    status = run_replay([str(path) for path in PATHS], check=True, out=out)

    assert out.getvalue().splitlines()[-1] == f"{len(PATHS)} passed, 0 failed"
    assert status == 0


@pytest.mark.parametrize("path", PATHS, ids=[path.stem for path in PATHS])
def test_shared_case(path: Path) -> None:
    case = load_case(str(path))

    assert check_case(case, replay_case(case)) == []
