"""What every directory import shares: counting outcomes, checking rows,
and writing a record only where it differs."""

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from django.db import models

from credence.directory.imports.rows import Cells, Row, RowProblem
from credence.workers.models import Worker

Planned = TypeVar("Planned")
Stored = TypeVar("Stored", bound=models.Model)


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class ImportCounts:
    """What an import did: one outcome per row, and each bad row's problems."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_applications: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len({problem.line for problem in self.problems})

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)


def checked(
    rows: Sequence[Row], check: Callable[[Cells], Planned], counts: ImportCounts
) -> list[Planned]:
    """The rows `check` found nothing wrong with; the others' problems go
    into `counts`."""
    planned = []
    for row in rows:
        cells = Cells(row)
        item = check(cells)
        if cells.problems:
            counts.problems.extend(cells.problems)
        else:
            planned.append(item)
    return planned


def first_of_each(
    planned: Iterable[Planned],
    key: Callable[[Planned], Hashable],
    line: Callable[[Planned], int],
    column: str,
    what: str,
    counts: ImportCounts,
) -> list[Planned]:
    """A key twice in one file is a mistake; its first row is the one kept."""
    first: dict[Hashable, int] = {}
    kept = []
    for item in planned:
        seen = first.setdefault(key(item), line(item))
        if seen == line(item):
            kept.append(item)
        else:
            counts.problems.append(
                RowProblem(
                    line(item),
                    column,
                    f"is the same as on line {seen}; keep one row per {what}",
                )
            )
    return kept


def upsert(
    model: type[Stored],
    existing: Stored | None,
    fields: dict[str, Any],
    on_create: dict[str, Any] | None = None,
) -> tuple[Stored, Outcome]:
    """Create the record, or change only the fields that differ."""
    if existing is None:
        created = model(**fields, **(on_create or {}))
        created.save()
        return created, Outcome.CREATED

    changed = [
        name for name, value in fields.items() if getattr(existing, name) != value
    ]
    if not changed:
        return existing, Outcome.UNCHANGED
    for name in changed:
        setattr(existing, name, fields[name])
    existing.save(update_fields=[name.removesuffix("_id") for name in changed])
    return existing, Outcome.UPDATED


def known_usernames(names: Iterable[str]) -> dict[str, int]:
    wanted = {name for name in names if name}
    return dict(
        Worker.objects.filter(username__in=wanted).values_list("username", "pk")
    )


def no_such_worker(line: int, column: str, username: str) -> RowProblem:
    return RowProblem(
        line,
        column,
        f"no worker has the username {username!r}; check the spelling, or "
        "import them first with `credence import directory`",
    )
