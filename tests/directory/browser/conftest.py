"""The shared browser fixtures (Debian's Chromium, signing in by keyboard),
for the directory's pages."""

from tests.browser.conftest import (  # noqa: F401 (fixtures, found by name)
    browser_type_launch_args,
    business_hours_in_utc,
    sign_in,
)
