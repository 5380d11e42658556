"""Time the article suggestions a request form fetches as a worker types.

Run by hand, never in the test suite:

    .venv/bin/python benchmarks/article_suggestions.py [--database-url URL]
        [--articles 1000] [--rounds 5]

It creates a throwaway database (SQLite in memory by default; on PostgreSQL
a `test_` database, dropped afterwards), fills it with ARTICLES articles made
from the shared kb-* articles (each shared article, then copies of them with
their paragraphs in another order, so the index holds that many documents
of realistic text), and asks `knowledge:suggest` for each typed title and
description below, ROUNDS times, through Django's test client as a signed-in
worker. It prints the median and the 95th percentile of the server time.
The budget is 100 ms.
"""

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED_DATA = REPO.parent / "shared" / "data"

TYPED = [
    ("wifi keeps", ""),
    ("wifi keeps dropping", "in the meeting room since this morning"),
    ("printer", "paper jam on the second floor"),
    ("cant log in", "forgot my pasword after holiday"),
    ("new phone", "2fa codes dont work"),
    ("laptop slow", "freezes when i open the browser"),
    ("vpn", "disconnects every few minutes at home"),
    ("second monitor", "not detected after docking"),
    ("no sound", "headset not working in calls"),
    ("access", "need access to the shared drive"),
]


def _setup(database_url: str | None) -> None:
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "credence.settings")
    os.environ["CREDENCE_ALLOWED_HOSTS"] = "testserver,127.0.0.1"
    import django

    django.setup()


def _fill(count: int) -> None:
    from credence.knowledge.articles import ArticleText, create_article
    from credence.knowledge.importing import import_articles, read_article_file

    files = sorted(SHARED_DATA.glob("kb-*/articles/*.md"))
    for folder in sorted(SHARED_DATA.glob("kb-*/articles")):
        import_articles(folder)
    rng = random.Random(2026)
    made = len(files)
    while made < count:
        source = read_article_file(rng.choice(files))
        paragraphs = source.body.split("\n\n")
        rng.shuffle(paragraphs)
        create_article(
            ArticleText(
                title=f"{source.title} ({made})",
                body="\n\n".join(paragraphs),
                summary=source.summary,
                slug=f"copy-{made}",
            ),
            actor=None,
        )
        made += 1


def main(argv: Iterator[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args(list(argv) if argv is not None else None)
    _setup(options.database_url)

    from django.db import connection
    from django.test import Client

    from credence.knowledge.models import Article
    from credence.workers.models import Worker

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        _fill(options.articles)
        print(
            f"{Article.objects.count()} articles in "
            f"{time.perf_counter() - started:.0f} s"
        )
        client = Client()
        client.force_login(Worker.objects.create_user(username="timing"))
        client.get("/portal/articles/suggest/", {"title": "warm up"})
        timings = []
        for _ in range(options.rounds):
            for title, description in TYPED:
                began = time.perf_counter()
                response = client.get(
                    "/portal/articles/suggest/",
                    {"title": title, "description": description},
                )
                timings.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    timings.sort()
    p95 = timings[max(0, round(len(timings) * 0.95) - 1)]
    print(f"database: {connection.vendor}")
    print(f"requests: {len(timings)}")
    print(f"median: {statistics.median(timings):.1f} ms")
    print(f"95th percentile: {p95:.1f} ms")
    print(f"slowest: {timings[-1]:.1f} ms")


if __name__ == "__main__":
    main()
