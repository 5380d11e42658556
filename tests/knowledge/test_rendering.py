"""Articles render from Markdown to HTML with anything dangerous taken out."""

from credence.knowledge.text import plain_text, render_markdown


def test_markdown_becomes_html() -> None:
    html = render_markdown("# Title\n\nPress **Enter**, then `Ctrl`.\n\n- one\n- two\n")

    assert "<h1>Title</h1>" in html
    assert "<strong>Enter</strong>" in html
    assert "<code>Ctrl</code>" in html
    assert "<li>one</li>" in html


def test_script_tags_are_gone() -> None:
    html = render_markdown("Hello <script>alert('x')</script> there\n")

    assert "<script" not in html
    assert "alert" not in html
    assert "Hello" in html


def test_event_handlers_and_javascript_links_are_gone() -> None:
    html = render_markdown(
        '<img src="a.png" onerror="steal()">\n\n'
        '[click](javascript:steal()) and <a href="javascript:steal()">here</a>\n'
    )

    assert "onerror" not in html
    assert "href" not in html
    assert '<a rel="noopener noreferrer">here</a>' in html


def test_tables_survive() -> None:
    html = render_markdown("| key | does |\n|---|---|\n| F1 | help |\n")

    assert "<table>" in html
    assert "<td>F1</td>" in html


def test_plain_text_keeps_words_and_headings_without_markup() -> None:
    text = plain_text("# Reset\n\nOpen **Settings** and <b>click</b> [here](x.md).\n")

    assert text.headings == ["Reset"]
    assert text.text == "Reset\nOpen Settings and click here."
