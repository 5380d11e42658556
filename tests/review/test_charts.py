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
    # The bars run over 360 - 92 - 100 = 168 units: 0.6667 * 168 = 112.0,
    # 1.0 * 168 = 168.0; Low has no tickets and no bar.
    bars = [
        node.get("width")
        for node in root.iter(f"{SVG}rect")
        if node.get("class") == "bar"
    ]
    assert bars == ["112.0", "168.0"]
    # Each target line at 92 + 0.8 * 168 = 226.4.
    targets = [
        node.get("x1")
        for node in root.iter(f"{SVG}line")
        if node.get("class") == "target"
    ]
    assert targets == ["226.4", "226.4", "226.4"]
    assert _texts(svg) == [
        "Medium",
        "66.7%",
        "missed, target 80.0%",
        "High",
        "100.0%",
        "met, target 80.0%",
        "Low",
        "no tickets",
        "target 80.0%",
    ]


def test_a_missed_bar_is_hatched_not_only_coloured() -> None:
    svg = compliance_chart("R", [ComplianceBar("Medium", 0.5, 0.8)])

    assert f'fill="url(#{chart_id("R")}-hatch)"' in svg


def test_compliance_description_says_every_figure() -> None:
    svg = compliance_chart("R", [ComplianceBar("Medium", 0.5, 0.8)])
    root = ElementTree.fromstring(svg)

    desc = root.find(f"{SVG}desc")
    assert desc is not None
    assert desc.text == "Medium 50.0%, missed, target 80.0%"


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
