"""The self-service figures as plain-text grids for `credence report`."""

from credence.metrics.text import NOTHING, percent
from credence.selfservice.figures import SelfServiceFigures
from credence.selfservice.satisfaction import SCORE_WORDS


def self_service_grids(figures: SelfServiceFigures) -> list[str]:
    deflection = figures["deflection"]
    satisfied = figures["satisfaction"]
    first = figures["first_week"]
    mean = satisfied["mean"]
    return [
        _grid(
            ["Self-service", "sessions"],
            [
                ("sessions", str(deflection["sessions"])),
                ("deflected", str(deflection["deflected"])),
                ("solved", str(deflection["solved"])),
                ("no ticket in 7 days", str(deflection["no_ticket"])),
                ("ended in a ticket", str(deflection["ended_in_ticket"])),
                ("still open", str(deflection["still_open"])),
                ("deflection rate", percent(deflection["deflection_rate"])),
                (
                    "solved, yet a ticket followed",
                    str(deflection["solved_then_ticket"]),
                ),
            ],
        ),
        _grid(
            ["Satisfaction", "resolutions"],
            [
                ("asked", str(satisfied["asked"])),
                ("answers", str(satisfied["responses"])),
                ("response rate", percent(satisfied["response_rate"])),
                ("mean of 5", NOTHING if mean is None else f"{mean:.2f}"),
                *(
                    (
                        f"{score} {words.lower()}",
                        str(satisfied["distribution"][str(score)]),
                    )
                    for score, words in SCORE_WORDS.items()
                ),
            ],
        ),
        _grid(
            ["First week", "workers"],
            [
                ("new workers", str(first["new_workers"])),
                ("sent a request", str(first["submitted"])),
                ("did not", str(first["not_submitted"])),
                ("still in first week", str(first["still_in_first_week"])),
                ("share", percent(first["share"])),
            ],
        ),
    ]


def _grid(header: list[str], rows: list[tuple[str, str]]) -> str:
    """Names left, figures right, as the report's other grids."""
    table = [tuple(header), *rows]
    name_width = max(len(row[0]) for row in table)
    value_width = max(len(row[1]) for row in table)
    return "\n".join(
        f"{name.ljust(name_width)}  {value.rjust(value_width)}".rstrip()
        for name, value in table
    )
