"""Typed readers for settings that come from the environment.

Each reader rejects a bad value at start-up with a message that names the
variable and says what it expects, rather than failing later in a request.
"""

import os
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {raw!r}."
        ) from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_time_zone(name: str, default: str) -> str:
    raw = os.environ.get(name, default) or default
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ImproperlyConfigured(
            f"{name} must be an IANA time zone such as Europe/Berlin, not {raw!r}."
        ) from None
    return raw


def env_database(name: str, default: str, conn_max_age: int) -> dict[str, Any]:
    raw = os.environ.get(name) or default
    try:
        config = dj_database_url.parse(raw, conn_max_age=conn_max_age)
    except (ValueError, KeyError):
        raise ImproperlyConfigured(
            f"{name} must be a database URL such as "
            f"sqlite:////path/credence.sqlite3 or "
            f"postgres://user@host:5432/credence, not {raw!r}."
        ) from None
    return dict(config)
