"""`credence articles search QUERY` and `credence articles reindex`."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from credence.knowledge.index import reindex_all
from credence.knowledge.search import search


class Command(BaseCommand):
    help = "Search the articles as the portal does, or rebuild the search index."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        find = actions.add_parser(
            "search",
            help="print the articles that answer a question, best first",
            description="Print the articles that answer a question, best first, "
            "ranked as the portal ranks them for a worker.",
        )
        find.add_argument("query", nargs="+", help="the question, as a worker types it")
        find.add_argument(
            "--format", choices=["text", "json"], default="text", help="default: text"
        )
        find.add_argument(
            "--limit", type=int, default=10, help="how many results (default: 10)"
        )
        find.add_argument(
            "--tickets",
            action="store_true",
            help="also search solved tickets, showing what any worker may see of them",
        )
        actions.add_parser(
            "reindex",
            help="rebuild the search documents of every article and resolved ticket",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "reindex":
            articles, tickets = reindex_all()
            self.stdout.write(f"indexed {articles} articles and {tickets} tickets")
            return
        query = " ".join(options["query"])
        kinds = ("article", "ticket") if options["tickets"] else ("article",)
        # No viewer: a worker's view, who sees of another's solved ticket
        # only its title and the IT team's resolution.
        hits = search(query, None, limit=max(1, options["limit"]), kinds=kinds)
        if options["format"] == "json":
            results = [
                {
                    "title": hit.title,
                    "slug": hit.slug,
                    "score": hit.score,
                    "excerpt": hit.plain_excerpt,
                }
                for hit in hits
            ]
            self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))
            return
        if not hits:
            self.stdout.write(f"No article answers {query!r}.")
            return
        for position, hit in enumerate(hits, start=1):
            self.stdout.write(f"{position}. {hit.title} ({hit.slug}, {hit.score:.3f})")
            self.stdout.write(f"   {hit.text[:160]}")
