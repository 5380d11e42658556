"""The publication's two charts as PNG images, for mail clients that show
images but not inline SVG.

Drawn on a bare matplotlib Figure, which saves PNG through the Agg
renderer without touching pyplot's global backend or any display, in
matplotlib's bundled DejaVu font, so nothing is fetched. The images carry no date of
drawing, so the same month gives the same bytes.
"""

import io

from matplotlib.figure import Figure

from credence.publish.report import MonthReport, TrendMonth

WIDTH_INCHES = 7.0
HEIGHT_INCHES = 3.2
DOTS_PER_INCH = 100
MET_COLOUR = "#2e7d32"
MISSED_COLOUR = "#c62828"
TARGET_COLOUR = "#555555"


def compliance_chart(report: MonthReport) -> bytes:
    """Response and resolution compliance per priority, beside the targets."""
    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DOTS_PER_INCH)
    axes = figure.subplots(1, 2, sharey=True)
    for place, clock in enumerate(("response", "resolution")):
        shown = [f for f in report.findings if f.clock == clock]
        names = [f.group for f in shown]
        values = [(f.compliance or 0.0) * 100 for f in shown]
        colours = [
            MISSED_COLOUR if f.verdict == "missed" else MET_COLOUR for f in shown
        ]
        axes[place].bar(names, values, color=colours)
        for index, finding in enumerate(shown):
            if finding.target is not None:
                target = finding.target * 100
                axes[place].hlines(
                    target, index - 0.4, index + 0.4, colors=TARGET_COLOUR
                )
        axes[place].set_title(f"{clock.capitalize()}, % (line: target)")
        axes[place].set_ylim(0, 100)
        axes[place].tick_params(axis="x", labelrotation=45, labelsize=8)
    figure.suptitle(report.period.label)
    figure.tight_layout()
    return _png(figure)


def trend_chart(trend: list[TrendMonth]) -> bytes:
    """Overall compliance month by month, with the overall targets."""
    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DOTS_PER_INCH)
    axes = figure.subplots()
    labels = [month.label for month in trend]
    for clock, style in (("response", "o-"), ("resolution", "s-")):
        values = [_percent_or_gap(getattr(month, clock)) for month in trend]
        axes.plot(labels, values, style, label=f"{clock} compliance")
    targets = [_percent_or_gap(month.response_target) for month in trend]
    axes.plot(labels, targets, "--", color=TARGET_COLOUR, label="response target")
    axes.set_ylim(0, 100)
    axes.set_ylabel("%")
    axes.tick_params(axis="x", labelrotation=45, labelsize=8)
    axes.legend(fontsize=8)
    axes.set_title("Overall compliance over twelve months")
    figure.tight_layout()
    return _png(figure)


def _percent_or_gap(rate: float | None) -> float:
    # A month without a measured clock is a gap in the line, not a zero.
    return float("nan") if rate is None else rate * 100


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
