"""The SVG charts drawn from known numbers."""

import re
from xml.etree import ElementTree

from credence.review.charts import (
    ComplianceBar,
    Series,
    chart_id,
    compliance_chart,
    small_multiples,
)

SVG = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    root = ElementTree.fromstring(svg)
    return [node.text or "" for node in root.iter(f"{SVG}text")]


def test_compliance_chart_draws_each_bar_and_target() -> None:
    svg = compliance_chart(
        "Response compliance",
        [
            ComplianceBar("Medium", 0.6667, 0.8),
            ComplianceBar("High", 1.0, 0.8),
            ComplianceBar("Low", None, 0.8),
        ],
    )
    root = ElementTree.fromstring(svg)

    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("viewBox") == "0 0 360 110"
    assert root.find(f"{SVG}title").text == "Response compliance"  # type: ignore[union-attr]
    # The labels fit the least label room, 92. The widest words are
    # "missed, target 80%" at 10: "m" and "%" at 1.0 of the size, the other
    # 16 characters at 0.65, (2 + 10.4) x 10 = 124, so the words take
    # 6 + 124 + 8 = 138 and the bars run over 360 - 92 - 138 = 130 units:
    # 0.6667 x 130 = 86.7, 1.0 x 130 = 130.0; Low has no tickets, no bar.
    bars = [
        node.get("width")
        for node in root.iter(f"{SVG}rect")
        if node.get("class") == "bar"
    ]
    assert bars == ["86.7", "130.0"]
    # Each target line at 92 + 0.8 x 130 = 196.0.
    targets = [
        node.get("x1")
        for node in root.iter(f"{SVG}line")
        if node.get("class") == "target"
    ]
    assert targets == ["196.0", "196.0", "196.0"]
    assert _texts(svg) == [
        "Medium",
        "66.7%",
        "missed, target 80%",
        "High",
        "100.0%",
        "met, target 80%",
        "Low",
        "no tickets",
        "target 80%",
    ]


def test_a_missed_bar_is_hatched_not_only_coloured() -> None:
    svg = compliance_chart("R", [ComplianceBar("Medium", 0.5, 0.8)])

    assert f'fill="url(#{chart_id("R")}-hatch)"' in svg


def test_compliance_description_says_every_figure() -> None:
    svg = compliance_chart("R", [ComplianceBar("Medium", 0.5, 0.8)])
    root = ElementTree.fromstring(svg)

    desc = root.find(f"{SVG}desc")
    assert desc is not None
    assert desc.text == "Medium 50.0%, missed, target 80%"


def test_small_multiples_scale_every_row_to_the_highest_count() -> None:
    svg = small_multiples(
        "Tickets by channel",
        ["W1", "W2"],
        [Series("Portal", [4, 2]), Series("Email", [0, 1])],
    )
    root = ElementTree.fromstring(svg)

    # Columns are 34 - 10 = 24 units at the highest count, 4: 4 -> 24.0,
    # 2 -> 12.0, 1 -> 6.0, 0 -> 0.0.
    heights = [node.get("height") for node in root.iter(f"{SVG}rect")]
    assert heights == ["24.0", "12.0", "0.0", "6.0"]
    titles = [node.text for node in root.iter(f"{SVG}title")]
    assert titles == ["Tickets by channel", "W1: 4", "W2: 2", "W1: 0", "W2: 1"]
    # Each row's name and its latest count.
    assert _texts(svg) == ["Portal", "2", "Email", "1"]
    assert root.find(f"{SVG}desc").text == "Portal: W1 4, W2 2; Email: W1 0, W2 1"  # type: ignore[union-attr]


def test_labels_are_escaped() -> None:
    svg = compliance_chart("<b>", [ComplianceBar("A & B", 0.5, None)])

    assert "&lt;b&gt;" in svg and "A &amp; B" in svg
    assert ElementTree.fromstring(svg) is not None


def test_each_chart_gets_its_own_ids_the_same_on_every_run() -> None:
    first = compliance_chart("One", [])
    second = compliance_chart("Two", [])

    label = re.compile(r'aria-labelledby="([^"]+)"')
    assert label.search(first)[1] != label.search(second)[1]  # type: ignore[index]
    assert compliance_chart("One", []) == first


# The room a character may take, as a share of the font size, in the widest
# common sans-serif font (DejaVu Sans: "m" 0.97, "%" 0.95, "#" 0.84, "O"
# 0.79, digits 0.64): at most 1.0 for those, 0.8 for other capitals, 0.65
# for the rest.
def _most_room(text: str, size: float) -> float:
    def share(character: str) -> float:
        if character in "mwMW%@#&+=<>~":
            return 1.0
        return 0.8 if character.isupper() else 0.65

    return size * sum(share(character) for character in text)


def _overflows(svg: str) -> list[str]:
    """The texts that may run past the right edge of the drawing."""
    root = ElementTree.fromstring(svg)
    width = float(root.get("viewBox", "").split()[2])
    overflowing = []
    for node in root.iter(f"{SVG}text"):
        size = float(node.get("font-size") or root.get("font-size") or 0)
        assert size > 0
        right = float(node.get("x", "0")) + _most_room(node.text or "", size)
        if right > width:
            overflowing.append(node.text or "")
    return overflowing


def _labels_clear_the_bars(svg: str) -> bool:
    root = ElementTree.fromstring(svg)
    # The hatching pattern's own square has no x; every drawn bar has one.
    starts = [node.get("x") for node in root.iter(f"{SVG}rect")]
    bars_start = min(float(x) for x in starts if x is not None)
    labels = [node for node in root.iter(f"{SVG}text") if node.get("x") == "0"]
    return all(_most_room(node.text or "", 12) < bars_start for node in labels)


def test_every_word_fits_whatever_the_value() -> None:
    svg = compliance_chart(
        "Resolution compliance",
        [
            ComplianceBar("Highest", 1.0, 0.925),
            ComplianceBar("Overall", 1.0, 1.0),
            ComplianceBar("Lowest", None, None),
            ComplianceBar("Medium", 0.0, 0.8),
        ],
    )

    assert "100.0%" in _texts(svg)
    assert "met, target 92.5%" in _texts(svg)
    assert _overflows(svg) == []
    assert _labels_clear_the_bars(svg)


def test_a_long_label_widens_the_drawing_not_past_it() -> None:
    long_name = "Whole-company emergency (MMMM)"
    svg = compliance_chart("R", [ComplianceBar(long_name, 1.0, 0.8)])
    root = ElementTree.fromstring(svg)

    # The label has seven wide letters (W, m, m, M, M, M, M) and 23 others:
    # 12 x (7 x 1.0 + 23 x 0.65) = 263.4, so 264 + 8 = 272 of room. The
    # words, "met, target 80%" at 10, need 104.5: 6 + 105 + 8 = 119. The
    # bars keep their least 120 units: 272 + 120 + 119 = 511.
    assert root.get("viewBox") == "0 0 511 42"
    assert _overflows(svg) == []
    assert _labels_clear_the_bars(svg)


def test_week_labels_and_large_counts_fit_the_trend() -> None:
    weeks = [f"2026-W{number:02d}" for number in range(1, 13)]
    svg = small_multiples(
        "Tickets by channel",
        weeks,
        [
            Series("Walk-up", [0] * 11 + [123456]),
            Series("Assistant", [1] * 12),
        ],
    )

    assert "123456" in _texts(svg)
    assert _overflows(svg) == []
    assert _labels_clear_the_bars(svg)
