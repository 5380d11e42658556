"""Take in Markdown articles with front matter, from a file or a folder.

A file starts with YAML front matter between two `---` lines: `title` is
required; `slug` (or `id`) names the article, else the file's name does;
`summary`, `audience` (workers or agents), `source` and `source_url` are
optional. Importing again finds each article by its slug: an unchanged
file changes nothing, a changed text becomes a new version. A slug already
used by an article from another source is not overwritten: that file is
reported and skipped. Each file is imported on its own, so one bad file
leaves the others, and everything stored before, as they were.
"""

import html
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from credence.errors import CredenceError, InvalidInput
from credence.knowledge.articles import ArticleText, create_article, update_article
from credence.knowledge.models import Article, Audience


@dataclass(frozen=True)
class FileProblem:
    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class ArticleImport:
    files: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[FileProblem] = field(default_factory=list)


class BadArticleFile(Exception):
    pass


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        raise BadArticleFile(
            "no front matter: start the file with a line '---', then "
            "'title: ...', then another '---'"
        )
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == "---")
    except StopIteration:
        raise BadArticleFile(
            "the front matter never ends: add a line '---' after it"
        ) from None
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise BadArticleFile(
            f"the front matter is not valid YAML{where}; write one 'key: value' "
            "per line and quote values that hold a colon"
        ) from None
    if not isinstance(meta, dict):
        raise BadArticleFile("the front matter must be 'key: value' lines")
    return meta, "\n".join(lines[end + 1 :]).strip() + "\n"


def _text_field(meta: dict[str, Any], name: str) -> str:
    value = meta.get(name)
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise BadArticleFile(f"'{name}' must be plain text")
    return str(value).strip()


def _origin(source_url: str, source: str) -> str:
    """Where a collection of articles comes from, e.g. github.com/owner/repo."""
    if source_url:
        parts = urlsplit(source_url)
        path = "/".join(parts.path.strip("/").split("/")[:2])
        return f"{parts.netloc}/{path}"
    return source.split(",")[0].strip()


def read_article_file(path: Path) -> ArticleText:
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BadArticleFile("not UTF-8 text; save it as UTF-8") from None
    meta, body = _front_matter(content)
    # Some handbooks escaped their titles for HTML ("Logging in &amp; ...").
    title = html.unescape(_text_field(meta, "title"))
    if not title:
        raise BadArticleFile("no 'title' in the front matter; add 'title: ...'")
    audience = _text_field(meta, "audience") or Audience.WORKERS
    if audience not in Audience.values:
        raise BadArticleFile(
            f"audience {audience!r} is not one of: {', '.join(Audience.values)}"
        )
    return ArticleText(
        title=title,
        body=body,
        summary=_text_field(meta, "summary"),
        audience=audience,
        slug=_text_field(meta, "slug") or _text_field(meta, "id") or path.stem,
        source=_text_field(meta, "source"),
        source_url=_text_field(meta, "source_url"),
    )


def _import_one(path: Path, summary: ArticleImport) -> None:
    text = read_article_file(path)
    existing = Article.objects.filter(slug=text.slug).first()
    if existing is None:
        create_article(text, actor=None)
        summary.created += 1
        return
    theirs = _origin(existing.source_url, existing.source)
    ours = _origin(text.source_url, text.source)
    if theirs != ours:
        raise BadArticleFile(
            f"the slug {text.slug!r} already belongs to an article from "
            f"{theirs or 'Credence itself'}; give this file its own "
            "'slug: ...' in the front matter"
        )
    text = replace(text, owner=existing.owner)
    if update_article(existing, text, actor=None):
        summary.updated += 1
    else:
        summary.unchanged += 1


def import_articles(
    path: Path, on_problem: Callable[[FileProblem], None] | None = None
) -> ArticleImport:
    """Import one Markdown file, or every .md file in a folder (not below)."""
    if path.is_dir():
        files = sorted(p for p in path.glob("*.md") if p.is_file())
    elif path.is_file():
        files = [path]
    else:
        raise InvalidInput(
            "%(path)s is neither a file nor a folder; give the path of a .md "
            "file or of a folder of them.",
            path=str(path),
        )
    summary = ArticleImport(files=len(files))
    for file in files:
        try:
            _import_one(file, summary)
        except (BadArticleFile, CredenceError) as error:
            problem = FileProblem(file, str(error))
            summary.problems.append(problem)
            if on_problem is not None:
                on_problem(problem)
    return summary
