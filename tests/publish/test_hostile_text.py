"""A lead's explanation is shown as written, never read as Markdown or HTML,
in the post, the HTML file and the mail (see conftest.py for March)."""

from pathlib import Path

from django.core import mail
from markdown_it import MarkdownIt

from credence.publish.keeping import explain_miss
from credence.publish.markdown import inert, inert_cell
from credence.publish.models import Recipient
from credence.slo.models import Calendar
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.publish.helpers import publish_march

HOSTILE_LINES = [
    "<script>alert(1)</script>",
    "![x](http://evil.example/x.png)",
    "# heading",
    "[a](javascript:alert(1))",
    "1. item",
    "---",
    "AT&T *was* _down_ | `ok`",
]
HOSTILE = "\n".join(HOSTILE_LINES)

# Each mark escaped by a backslash, & as &amp;, and the lines kept as hard
# breaks indented under the list item.
ESCAPED = "\\\n  ".join(
    [
        r"\<script\>alert(1)\</script\>",
        r"\!\[x\](http://evil.example/x.png)",
        r"\# heading",
        r"\[a\](javascript:alert(1))",
        r"1\. item",
        r"\---",
        r"AT&amp;T \*was\* \_down\_ \| \`ok\`",
    ]
)


def test_every_mark_is_escaped() -> None:
    assert inert(HOSTILE, indent="  ") == ESCAPED


def test_a_cell_stays_on_one_line() -> None:
    assert inert_cell("Office | hours\n# Berlin") == r"Office \| hours \# Berlin"


def test_an_explanation_adds_nothing_to_the_post(
    march: dict[str, Ticket], lead: Worker, tmp_path: Path
) -> None:
    explain_miss(lead, "2026-03", "high", "response", HOSTILE)

    text = publish_march(tmp_path).markdown.read_text()
    html = MarkdownIt("commonmark").render(text)

    assert f"  Explanation: {ESCAPED}\n" in text
    headings = [line for line in html.splitlines() if line.startswith("<h")]
    # The post's own title, and none from the explanation.
    assert headings[0] == "<h1>Service levels for March 2026</h1>"
    assert [line for line in headings if "heading" in line] == []
    assert "<h1>" not in "".join(headings[1:])
    assert "<script" not in html
    assert "<a " not in html
    assert html.count("<img ") == 2
    assert 'src="2026-03-compliance.png"' in html
    assert 'src="2026-03-trend.png"' in html
    assert "evil.example" not in html.split("<img ")[1]
    assert "<ol" not in html
    assert "<hr" not in html
    assert "<em>" not in html
    # What the reader sees is what the lead wrote, line by line.
    shown = (
        "Explanation: &lt;script&gt;alert(1)&lt;/script&gt;<br />\n"
        "![x](http://evil.example/x.png)<br />\n"
        "# heading<br />\n"
        "[a](javascript:alert(1))<br />\n"
        "1. item<br />\n"
        "---<br />\n"
        "AT&amp;T *was* _down_ | `ok`</li>"
    )
    assert shown in html


def test_an_explanation_is_text_in_the_html_and_the_mail(
    march: dict[str, Ticket], lead: Worker, tmp_path: Path
) -> None:
    explain_miss(lead, "2026-03", "high", "response", HOSTILE)
    Recipient.objects.create(email="board@example.test")

    published = publish_march(tmp_path, send=True)

    html = published.html.read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>" in html
    assert "<script" not in html
    assert 'href="javascript' not in html
    [sent] = mail.outbox
    assert f"  Explanation: {ESCAPED}\n" in sent.body
    [(alternative, _type)] = sent.alternatives  # type: ignore[attr-defined]
    assert "<script" not in str(alternative)


def test_a_calendar_name_is_text_in_the_objectives_table(
    march: dict[str, Ticket], tmp_path: Path
) -> None:
    calendar = Calendar.objects.get(name="Business hours")
    calendar.name = "Office | <b>hours</b>"
    calendar.save()

    text = publish_march(tmp_path).markdown.read_text()

    assert (
        r"| medium | 60 min (Office \| \<b\>hours\</b\>) | 80% "
        r"| 480 min (Office \| \<b\>hours\</b\>) | 80% |" in text
    )
