"""Sources `credence import` offers for this app (name: source object).

Each source has `help`, `add_arguments(parser)` and `run(command, options)`,
like ServiceNowEventLog in credence/imports/management/commands/import.py.
"""

from typing import Any

KNOWLEDGE_SOURCES: dict[str, Any] = {}
