"""Sources `credence import` offers for this app (name: source object).

Each source has `help`, `add_arguments(parser)` and `run(command, options)`,
like ServiceNowEventLog in credence/imports/management/commands/import.py.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from credence.knowledge.importing import FileProblem, import_articles


class MarkdownArticles:
    help = "Markdown articles with front matter (one .md file or a folder of them)"
    epilog = (
        "Each file needs front matter with a 'title'; 'slug' or 'id', "
        "'summary', 'audience' (workers or agents), 'source' and 'source_url' "
        "are optional. Importing again updates articles by slug, keeping the "
        "previous text as a version. Exits with status 1 when any file was "
        "skipped (each is named on stderr with what to fix), and 0 otherwise."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.epilog = self.epilog
        parser.add_argument("path", type=Path, help="a .md file or a folder of them")

    def run(self, command: BaseCommand, options: dict[str, Any]) -> None:
        def problem(found: FileProblem) -> None:
            command.stderr.write(str(found))

        summary = import_articles(options["path"], on_problem=problem)
        command.stdout.write(
            f"{options['path']}: {summary.files} files\n"
            f"  created: {summary.created}\n"
            f"  updated: {summary.updated}\n"
            f"  unchanged: {summary.unchanged}\n"
            f"  skipped: {len(summary.problems)}"
        )
        if summary.problems:
            raise CommandError(
                f"{len(summary.problems)} of {summary.files} files were skipped; "
                "each is named above with what to fix.",
                returncode=1,
            )


KNOWLEDGE_SOURCES: dict[str, Any] = {"articles": MarkdownArticles()}
