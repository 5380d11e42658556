"""Quoting the part of an article that answers, not the whole article."""

from credence.assistant.passages import best_passage, blocks, plain, redact
from credence.assistant.words import terms

ARTICLE = """---
id: printing-paperjam
title: "Clear a paper jam"
---

# Clear a paper jam

*Printers sometimes jam.*

Paper jams happen when the paper is old or damp. Keep the paper dry.

To clear a jam:

1. Turn the **printer** off.
2. Open the front cover and pull the jammed paper out [gently](other.md).
3. Close the cover and turn the printer on.

Ink levels are shown in the printer's settings, under Supplies.
"""


def test_markdown_is_reduced_to_its_words() -> None:
    assert plain("Open **Settings** and see [Wi-Fi help](net.md).") == (
        "Open Settings and see Wi-Fi help."
    )


def test_blocks_skip_front_matter_and_headings() -> None:
    found = [block.text for block in blocks(ARTICLE)]
    assert found[0] == "Printers sometimes jam."
    assert "Clear a paper jam" not in found
    assert found[3] == "1. Turn the printer off."


def test_steps_are_quoted_together_with_their_introduction() -> None:
    quoted = best_passage(ARTICLE, terms("printer jammed paper stuck"))
    assert quoted == (
        "To clear a jam:\n"
        "1. Turn the printer off.\n"
        "2. Open the front cover and pull the jammed paper out gently.\n"
        "3. Close the cover and turn the printer on."
    )


def test_a_paragraph_is_quoted_alone() -> None:
    quoted = best_passage(ARTICLE, terms("where are ink levels"))
    assert quoted == "Ink levels are shown in the printer's settings, under Supplies."


def test_a_long_passage_is_cut_at_a_sentence() -> None:
    # 31 characters a sentence: three fit in 100, the fourth would not.
    text = "First sentence about printers. " * 40
    quoted = best_passage(text, terms("printers"), limit=100)
    assert quoted == " ".join(["First sentence about printers."] * 3)


def test_redaction_removes_addresses_numbers_and_names() -> None:
    text = "Oscar Other (oscar@example.test, +44 20 7946 0000) said Oscar fixed it."
    assert redact(text, ["Oscar Other", "Oscar", "oscar"]) == (
        "[name removed] ([e-mail removed], [number removed]) said "
        "[name removed] fixed it."
    )
