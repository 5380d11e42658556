"""`credence import articles PATH`: front matter, re-import, per-file errors."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from credence.knowledge.importing import import_articles
from credence.knowledge.models import Article, ArticleVersion, Audience
from tests.knowledge.conftest import KB_FOLDERS

GOOD = """---
id: printer-jam
title: "Clear a paper jam"
summary: "Open the tray, pull the paper straight out."
audience: workers
source: "Example handbook, printing.md"
source_url: "https://example.test/handbook/printing.md"
---
# Clear a paper jam

Open the front tray and pull the paper **straight** out.
"""


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_a_good_file_becomes_an_article(tmp_path: Path, db: None) -> None:
    summary = import_articles(_folder(tmp_path, {"jam.md": GOOD}))

    article = Article.objects.get()
    assert (summary.created, summary.updated, summary.problems) == (1, 0, [])
    assert article.slug == "printer-jam"
    assert article.title == "Clear a paper jam"
    assert article.summary == "Open the tray, pull the paper straight out."
    assert article.audience == Audience.WORKERS
    assert article.source_url == "https://example.test/handbook/printing.md"
    assert "pull the paper **straight** out" in article.body


def test_importing_the_same_file_again_changes_nothing(
    tmp_path: Path, db: None
) -> None:
    folder = _folder(tmp_path, {"jam.md": GOOD})
    import_articles(folder)

    again = import_articles(folder)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert Article.objects.count() == 1
    assert ArticleVersion.objects.count() == 0


def test_a_changed_text_keeps_the_old_one_as_a_version(
    tmp_path: Path, db: None
) -> None:
    folder = _folder(tmp_path, {"jam.md": GOOD})
    import_articles(folder)
    (folder / "jam.md").write_text(GOOD.replace("straight", "gently"), encoding="utf-8")

    again = import_articles(folder)

    article = Article.objects.get()
    version = ArticleVersion.objects.get()
    assert again.updated == 1
    assert "gently" in article.body
    assert version.number == 1
    assert "straight" in version.body


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "# No front matter\n",
            "no front matter: start the file with a line '---', then "
            "'title: ...', then another '---'",
        ),
        (
            "---\ntitle: Never ends\n",
            "the front matter never ends: add a line '---' after it",
        ),
        (
            "---\nsummary: no title here\n---\nText.\n",
            "no 'title' in the front matter; add 'title: ...'",
        ),
        (
            "---\ntitle: [unclosed\n---\nText.\n",
            "the front matter is not valid YAML at line 2; write one 'key: value' "
            "per line and quote values that hold a colon",
        ),
        (
            "---\ntitle: Secret\naudience: managers\n---\nText.\n",
            "audience 'managers' is not one of: workers, agents",
        ),
        (
            "---\ntitle: Empty\n---\n\n",
            "An article needs a text; write the answer in Markdown.",
        ),
    ],
)
def test_a_bad_file_is_named_with_what_to_fix_and_the_rest_imported(
    tmp_path: Path, db: None, text: str, message: str
) -> None:
    folder = _folder(tmp_path, {"a-bad.md": text, "b-good.md": GOOD})

    summary = import_articles(folder)

    assert [str(p) for p in summary.problems] == [f"{folder / 'a-bad.md'}: {message}"]
    assert list(Article.objects.values_list("slug", flat=True)) == ["printer-jam"]


def test_a_slug_from_another_source_is_not_overwritten(
    tmp_path: Path, db: None
) -> None:
    import_articles(_folder(tmp_path, {"jam.md": GOOD}))
    other = tmp_path / "other"
    other.mkdir()
    (other / "jam.md").write_text(
        GOOD.replace("example.test/handbook", "elsewhere.test/docs").replace(
            "straight", "sideways"
        ),
        encoding="utf-8",
    )

    summary = import_articles(other)

    assert [p.message for p in summary.problems] == [
        "the slug 'printer-jam' already belongs to an article from "
        "example.test/handbook/printing.md; give this file its own 'slug: ...' "
        "in the front matter"
    ]
    assert "straight" in Article.objects.get().body


def test_the_command_reports_counts_and_fails_on_a_bad_file(
    tmp_path: Path, db: None
) -> None:
    folder = _folder(tmp_path, {"a-bad.md": "# none\n", "b-good.md": GOOD})
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("import", "articles", str(folder), stdout=out, stderr=err)

    assert raised.value.returncode == 1
    assert str(raised.value) == (
        "1 of 2 files were skipped; each is named above with what to fix."
    )
    assert f"{folder / 'a-bad.md'}: no front matter" in err.getvalue()
    assert "  created: 1\n" in out.getvalue()


def test_one_file_can_be_imported_alone(tmp_path: Path, db: None) -> None:
    path = _folder(tmp_path, {"jam.md": GOOD}) / "jam.md"
    out = StringIO()

    call_command("import", "articles", str(path), stdout=out)

    assert Article.objects.filter(slug="printer-jam").exists()
    assert f"{path}: 1 files" in out.getvalue()


@pytest.mark.skipif(not KB_FOLDERS, reason="../shared/data/kb-* is not beside us")
def test_the_shared_articles_import_with_one_clash_named(db: None) -> None:
    problems = []
    created = 0
    for folder in KB_FOLDERS:
        summary = import_articles(folder)
        created += summary.created
        problems += [p.message for p in summary.problems]

    # 22 + 23 + 153 files; the GitLab handbook's zoom.md has the slug of the
    # 18F handbook's zoom.md.
    assert created == 22 + 23 + 153 - 1
    assert problems == [
        "the slug 'zoom' already belongs to an article from "
        "github.com/18F/handbook; give this file its own 'slug: ...' in the "
        "front matter"
    ]
    assert Article.objects.get(slug="how-to-log-in").title == "Logging in & Networks"
