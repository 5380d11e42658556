"""Reading a directory CSV file: its header, its rows, and each cell.

A file is read whole before anything is written, so that a file which is
not CSV, or lacks a column the import needs, changes nothing. Columns are
found by their header name, whatever their order; "Start date", "start
date" and "start_date" name the same column. A row's problems are
collected cell by cell, so that one pass over the file names them all.
"""

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from credence.errors import InvalidInput


class UnreadableFile(InvalidInput):
    code = "unreadable_file"


class LineReader(Protocol):
    """A CSV reader: its rows, and the line it has read up to."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str | None
    reason: str

    def __str__(self) -> str:
        if self.column is None:
            return f"line {self.line}: {self.reason}"
        return f"line {self.line}, {self.column}: {self.reason}"


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, str]


def column_name(heading: str) -> str:
    return "_".join(heading.strip().lower().replace("-", " ").split())


def read_rows(
    path: Path, required: Sequence[str], optional: Sequence[str]
) -> tuple[list[str], list[Row], list[RowProblem]]:
    """The file's known columns, its rows and the rows of the wrong shape.

    Raises UnreadableFile when the file as a whole cannot be taken in.
    """
    text = _read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        columns = _columns(path, header, required, optional)
        rows, problems = _rows(reader, columns, required, optional)
    except csv.Error as error:
        raise UnreadableFile(
            "%(path)s is not a CSV file (line %(line)s: %(error)s); save it as "
            "CSV with a header row and try again.",
            path=path,
            line=reader.line_num,
            error=error,
        ) from None
    known = [name for name in columns if name in (*required, *optional)]
    return known, rows, problems


def _read_text(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UnreadableFile("There is no file at %(path)s.", path=path) from None
    except UnicodeDecodeError:
        raise UnreadableFile(
            "%(path)s is not a CSV file: it is not UTF-8 text. Save it as CSV "
            "(UTF-8) with a header row and try again.",
            path=path,
        ) from None
    except OSError as error:
        raise UnreadableFile(
            "%(path)s cannot be read: %(error)s.", path=path, error=error.strerror
        ) from None
    if "\x00" in text:
        raise UnreadableFile(
            "%(path)s is not a CSV file: it holds binary data. Save it as CSV "
            "(UTF-8) with a header row and try again.",
            path=path,
        )
    return text


def _columns(
    path: Path,
    header: list[str] | None,
    required: Sequence[str],
    optional: Sequence[str],
) -> list[str]:
    expected = ", ".join(required)
    if not header or not any(name.strip() for name in header):
        raise UnreadableFile(
            "%(path)s is empty; its first row must name the columns, at least "
            "%(expected)s.",
            path=path,
            expected=expected,
        )
    columns = [column_name(name) for name in header]
    missing = [name for name in required if name not in columns]
    if missing:
        raise UnreadableFile(
            "%(path)s has no column %(missing)s. Its first row must name the "
            "columns %(expected)s (and may add %(optional)s); it names %(found)s.",
            path=path,
            missing=", ".join(missing),
            expected=expected,
            optional=", ".join(optional),
            found=", ".join(name.strip() for name in header if name.strip()),
        )
    repeated = sorted({name for name in columns if name and columns.count(name) > 1})
    if repeated:
        raise UnreadableFile(
            "%(path)s names the column %(names)s more than once; keep one of each.",
            path=path,
            names=", ".join(repeated),
        )
    return columns


def _rows(
    reader: LineReader,
    columns: list[str],
    required: Sequence[str],
    optional: Sequence[str],
) -> tuple[list[Row], list[RowProblem]]:
    wanted = {*required, *optional}
    rows: list[Row] = []
    problems: list[RowProblem] = []
    for values in reader:
        if not any(value.strip() for value in values):
            continue
        if len(values) != len(columns):
            problems.append(
                RowProblem(
                    reader.line_num,
                    None,
                    f"the row has {len(values)} values but the header names "
                    f"{len(columns)} columns; check for a missing or extra comma "
                    "or an unclosed quote",
                )
            )
            continue
        cells = {
            name: value.strip()
            for name, value in zip(columns, values, strict=True)
            if name in wanted
        }
        rows.append(Row(reader.line_num, cells))
    return rows, problems


@dataclass
class Cells:
    """One row's values, read column by column; each problem is kept."""

    row: Row
    problems: list[RowProblem] = field(default_factory=list)

    def has(self, column: str) -> bool:
        return column in self.row.values

    def fail(self, column: str | None, reason: str) -> None:
        self.problems.append(RowProblem(self.row.line, column, reason))

    def text(self, column: str, max_length: int, *, required: bool = False) -> str:
        value = self.row.values.get(column, "")
        if required and not value:
            self.fail(column, f"is empty; {column} is needed on every row")
        elif len(value) > max_length:
            self.fail(
                column,
                f"is {len(value)} characters long; shorten it to {max_length} at most",
            )
        return value

    def choice(self, column: str, choices: Sequence[tuple[str, str]]) -> str:
        value = self.row.values.get(column, "")
        for stored, label in choices:
            if value.lower() in (stored.lower(), label.lower()):
                return stored
        names = ", ".join(stored for stored, _ in choices)
        if value:
            self.fail(column, f"{value!r} is not one of {names}; write one of those")
        else:
            self.fail(column, f"is empty; write one of {names}")
        return ""

    def date(self, column: str) -> date | None:
        value = self.row.values.get(column, "")
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(column, f"{value!r} is not a date; write it as YYYY-MM-DD")
            return None

    def instant(self, column: str, zone: tzinfo | None) -> datetime | None:
        value = self.row.values.get(column, "")
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            self.fail(
                column,
                f"{value!r} is not a date and time; write it in ISO 8601 with "
                "its UTC offset, such as 2026-03-02T14:30+01:00",
            )
            return None
        if moment.tzinfo is not None:
            return moment
        if zone is None:
            self.fail(
                column,
                f"{value!r} has no UTC offset; add one (such as "
                f"{moment.isoformat(timespec='minutes')}+01:00) or give the "
                "file's time zone with --time-zone",
            )
            return None
        return moment.replace(tzinfo=zone)

    def time_zone(self, column: str) -> str:
        value = self.row.values.get(column, "")
        if not value:
            return ""
        try:
            ZoneInfo(value)
        # A folder of zones such as "Europe" fails as a file that cannot
        # be read, not as a zone not found.
        except (ZoneInfoNotFoundError, ValueError, OSError):
            self.fail(
                column,
                f"{value!r} is not a time zone; write an IANA zone such as "
                "Europe/Berlin, or leave it empty for the installation's",
            )
            return ""
        return value
