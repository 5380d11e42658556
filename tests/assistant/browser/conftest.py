"""The browser fixtures of tests/browser, for the assistant's own browser
tests; skipped, with the reason, when /usr/bin/chromium is missing."""

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import (  # noqa: F401
    CHROMIUM,
    browser_type_launch_args,
    business_hours_in_utc,
    sign_in,
)

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[Any]) -> None:
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} is missing: install Debian's chromium package "
        "(.ci/run does) to run the browser tests"
    )
    for item in items:
        if HERE not in Path(str(item.path)).resolve().parents:
            continue
        item.add_marker(pytest.mark.browser)
        if not CHROMIUM.exists():
            item.add_marker(skip)
