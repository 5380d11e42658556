"""Small charts as inline SVG, drawn from plain numbers.

Pure functions: numbers in, an SVG string out, no database and no Django,
so the weekly review and the monthly publication draw the same pictures.
Each chart is an image with a name (role="img", a <title> and a <desc>
saying what the numbers are), and every figure is also written as text on
the chart, so nothing is told by colour alone. The drawing scales with its
container (a viewBox and width 100%), which keeps it readable on a phone.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from hashlib import sha256
from html import escape

# Drawing units of the viewBox; the browser scales them to the width. A
# chart is WIDTH wide unless its words need more, and its bars never get
# shorter than SHORTEST_BARS.
WIDTH = 360
ROW_HEIGHT = 34
LABEL_WIDTH = 92
SHORTEST_BARS = 120
# Between a label and its bars, and after the words at the right edge.
GAP = 8
# The words beside a bar start this far after it.
VALUE_OFFSET = 6
FONT_SIZE = 12
SMALL_FONT_SIZE = 10
FONT = f'font-family="system-ui, sans-serif" font-size="{FONT_SIZE}"'

# How wide a character may be drawn, as a share of the font size, so that
# no label or figure runs past the drawing whatever the browser's
# sans-serif font: the widest common one, DejaVu Sans, draws "m" at 0.97
# of the size, "%" at 0.95, "#" and "+" at 0.84, its widest capitals at
# 0.79, and digits and its other small letters at 0.64 at most.
WIDE_CHARACTERS = frozenset("mwMW%@#&+=<>~")
WIDE_SHARE = 1.0
CAPITAL_SHARE = 0.8
OTHER_SHARE = 0.65


def _share(character: str) -> float:
    if character in WIDE_CHARACTERS:
        return WIDE_SHARE
    return CAPITAL_SHARE if character.isupper() else OTHER_SHARE


def text_width(text: str, size: int) -> float:
    """The most room `text` may take, in drawing units, at `size`."""
    return size * sum(_share(character) for character in text)


def _room(texts: Sequence[tuple[str, int]]) -> int:
    """Whole drawing units enough for the widest of these texts."""
    widest = max((text_width(text, size) for text, size in texts), default=0)
    # Rounded first, so that a sum such as 137.00000000000003 is 137.
    return math.ceil(round(widest, 6))


@dataclass(frozen=True)
class ComplianceBar:
    """One priority's compliance and target, each a share from 0 to 1."""

    label: str
    compliance: float | None
    target: float | None


@dataclass(frozen=True)
class Series:
    """One line of a small-multiples chart: a name and a count per period."""

    label: str
    counts: Sequence[int]


def _percent(share: float | None) -> str:
    return "no tickets" if share is None else f"{share * 100:.1f}%"


def chart_id(title: str) -> str:
    """An id drawn from the title: charts with different titles can share a
    page, and the same chart is the same text on every run, which keeps a
    published report reproducible to the byte.
    """
    return "chart-" + sha256(title.encode()).hexdigest()[:10]


def _open(title: str, description: str, width: int, height: int) -> tuple[str, str]:
    # Ids tie the title and description to the image for assistive
    # technology.
    prefix = chart_id(title)
    title_id, desc_id = f"{prefix}-title", f"{prefix}-desc"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{title_id} {desc_id}" {FONT}>'
        f'<title id="{title_id}">{escape(title)}</title>'
        f'<desc id="{desc_id}">{escape(description)}</desc>'
    )
    return head, "</svg>"


def compliance_chart(title: str, bars: Sequence[ComplianceBar]) -> str:
    """Horizontal bars of compliance, each with its target as a line.

    Beside each bar its text says the compliance, the target and whether
    the target was met or missed; a missed bar is also hatched, not only
    coloured.
    """
    height = ROW_HEIGHT * len(bars) + 8
    label_width = max(LABEL_WIDTH, _room([(b.label, FONT_SIZE) for b in bars]) + GAP)
    words = [(_percent(bar.compliance), FONT_SIZE) for bar in bars]
    words += [(_against(bar), SMALL_FONT_SIZE) for bar in bars]
    value_width = VALUE_OFFSET + _room(words) + GAP
    scale = max(SHORTEST_BARS, WIDTH - label_width - value_width)
    width = label_width + scale + value_width
    said = "; ".join(_compliance_words(bar) for bar in bars)
    head, tail = _open(title, said, width, height)
    parts = [
        head,
        f'<defs><pattern id="{chart_id(title)}-hatch" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#b42318"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/>'
        "</pattern></defs>",
    ]
    for row, bar in enumerate(bars):
        top = 4 + row * ROW_HEIGHT
        middle = top + ROW_HEIGHT // 2
        parts.append(
            f'<text x="0" y="{middle + 4}">{escape(bar.label)}</text>'
            f'<rect x="{label_width}" y="{top + 6}" width="{scale}" '
            f'height="{ROW_HEIGHT - 12}" fill="#eef1f4"/>'
        )
        if bar.compliance is not None:
            missed = bar.target is not None and bar.compliance < bar.target
            fill = f"url(#{chart_id(title)}-hatch)" if missed else "#1a7f37"
            parts.append(
                f'<rect class="bar" x="{label_width}" y="{top + 6}" '
                f'width="{_length(bar.compliance, scale)}" '
                f'height="{ROW_HEIGHT - 12}" fill="{fill}"/>'
            )
        if bar.target is not None:
            x = label_width + _length(bar.target, scale)
            parts.append(
                f'<line class="target" x1="{x}" y1="{top + 2}" x2="{x}" '
                f'y2="{top + ROW_HEIGHT - 2}" stroke="#1f2328" stroke-width="2" '
                f'stroke-dasharray="3 2"/>'
            )
        words_x = label_width + scale + VALUE_OFFSET
        parts.append(
            f'<text x="{words_x}" y="{middle - 2}">'
            f"{escape(_percent(bar.compliance))}</text>"
            f'<text x="{words_x}" y="{middle + 11}" '
            f'font-size="{SMALL_FONT_SIZE}">{escape(_against(bar))}</text>'
        )
    parts.append(tail)
    return "".join(parts)


def _length(share: float, scale: int) -> float:
    return round(min(max(share, 0.0), 1.0) * scale, 1)


def _target(share: float) -> str:
    # As people say a target: 80%, or 92.5% when it has a fraction.
    return f"{share * 100:.1f}".removesuffix(".0") + "%"


def _against(bar: ComplianceBar) -> str:
    if bar.target is None:
        return "no target"
    if bar.compliance is None:
        return f"target {_target(bar.target)}"
    verdict = "missed" if bar.compliance < bar.target else "met"
    return f"{verdict}, target {_target(bar.target)}"


def _compliance_words(bar: ComplianceBar) -> str:
    return f"{bar.label} {_percent(bar.compliance)}, {_against(bar)}"


def small_multiples(
    title: str, periods: Sequence[str], series: Sequence[Series]
) -> str:
    """One row of columns per series, one column per period, on one scale.

    Each row is labelled with its name and its latest count, and each
    column carries a <title> naming its period and count, so a reader who
    cannot compare heights still gets every number.
    """
    height = ROW_HEIGHT * len(series) + 8
    highest = max((n for line in series for n in line.counts), default=0) or 1
    label_width = max(
        LABEL_WIDTH, _room([(line.label, FONT_SIZE) for line in series]) + GAP
    )
    latest = [str(line.counts[-1] if line.counts else 0) for line in series]
    count_width = VALUE_OFFSET + _room([(n, FONT_SIZE) for n in latest]) + GAP
    columns = max(SHORTEST_BARS, WIDTH - label_width - count_width)
    width = label_width + columns + count_width
    step = columns / max(len(periods), 1)
    said = "; ".join(
        f"{line.label}: "
        + ", ".join(
            f"{period} {n}" for period, n in zip(periods, line.counts, strict=True)
        )
        for line in series
    )
    head, tail = _open(title, said, width, height)
    parts = [head]
    for row, line in enumerate(series):
        top = 4 + row * ROW_HEIGHT
        bottom = top + ROW_HEIGHT - 6
        parts.append(
            f'<text x="0" y="{top + ROW_HEIGHT // 2 + 4}">{escape(line.label)}</text>'
            f'<line x1="{label_width}" y1="{bottom}" x2="{label_width + columns}" '
            f'y2="{bottom}" stroke="#8c959f"/>'
        )
        for column, (period, n) in enumerate(zip(periods, line.counts, strict=True)):
            tall = (ROW_HEIGHT - 10) * n / highest
            x = label_width + column * step + 1
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{bottom - tall:.1f}" '
                f'width="{step - 2:.1f}" height="{tall:.1f}" fill="#0969da">'
                f"<title>{escape(period)}: {n}</title></rect>"
            )
        parts.append(
            f'<text x="{label_width + columns + VALUE_OFFSET}" '
            f'y="{top + ROW_HEIGHT // 2 + 4}">{latest[row]}</text>'
        )
    parts.append(tail)
    return "".join(parts)
