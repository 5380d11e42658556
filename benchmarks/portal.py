"""Time the portal's pages with 100,000 tickets and 1,000 articles.

Run by hand, never in the test suite:

    .venv/bin/python benchmarks/portal.py [--tickets 100000] [--articles 1000] \
        [--database-url URL] [--requests 200] [--reuse]

The tickets and their histories come from `benchmarks/scale.py`'s generator;
the articles are written from a seeded random generator over an IT
vocabulary and indexed through the knowledge app's own operation, and the
resolved tickets are indexed for search as the ticket operations would.

Each page is then requested through Django's test client in this process,
as a worker who asked for 200 of those tickets, and the server time of each
request (from the request reaching Django to the response's last byte) is
recorded. It prints the median and the 95th percentile per page; the budget
is 50 ms at the 95th percentile, and 100 ms for article suggestions.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale  # the generator lives beside this script

SUBJECTS = (
    "password",
    "vpn",
    "wi-fi",
    "printer",
    "laptop",
    "monitor",
    "keyboard",
    "mail",
    "calendar",
    "mfa",
    "phone",
    "headset",
    "shared drive",
    "backup",
    "browser",
    "video call",
    "licence",
    "docking station",
    "bluetooth",
    "certificate",
)
VERBS = (
    "reset",
    "connect",
    "install",
    "set up",
    "fix",
    "replace",
    "share",
    "update",
    "restore",
    "unlock",
)
FILLER = (
    "open the settings and choose the account page",
    "restart the device and sign in again",
    "check that the cable is firmly plugged in",
    "wait five minutes before you try once more",
    "ask the IT team in the portal if the message stays",
    "make sure the latest updates are installed",
    "sign out of every other session first",
    "note the exact error message shown on screen",
)
QUERIES = (
    "my pasword expired",
    "vpn keeps dropping at home",
    "wifi not working in the office",
    "printer says offline",
    "new laptop please",
    "keybord types wrong letters",
    "how do i set up mfa on a new phone",
    "shared drive missing",
)


def write_articles(count: int, seed: int) -> None:
    from credence.knowledge.articles import ArticleText, create_article
    from credence.knowledge.models import Article

    have = Article.objects.count()
    rng = random.Random(seed)
    for number in range(have, count):
        subject = rng.choice(SUBJECTS)
        verb = rng.choice(VERBS)
        steps = "\n".join(
            f"{step}. {rng.choice(FILLER).capitalize()}." for step in range(1, 6)
        )
        create_article(
            ArticleText(
                title=f"How to {verb} your {subject} ({number})",
                body=(
                    f"When you need to {verb} your {subject}, follow these steps.\n\n"
                    f"{steps}\n\nThe {subject} guide was checked by the IT team.\n"
                ),
                summary=f"Steps to {verb} your {subject}.",
                slug=f"bench-{number}",
            ),
            actor=None,
        )


def index_tickets() -> int:
    from credence.knowledge.index import reindex_all

    _articles, tickets = reindex_all()
    return tickets


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(
    name: str, request: Callable[[int], Any], runs: int, budget_ms: float
) -> None:
    request(0)
    seconds = []
    for run in range(runs):
        started = time.perf_counter()
        response = request(run)
        seconds.append(time.perf_counter() - started)
        if response.status_code >= 400:
            raise SystemExit(f"{name}: HTTP {response.status_code}")
    p95 = percentile(seconds, 0.95) * 1000
    verdict = "within" if p95 < budget_ms else "OVER"
    print(
        f"{name:<34} median {statistics.median(seconds) * 1000:7.1f} ms  "
        f"p95 {p95:7.1f} ms  ({verdict} {budget_ms:.0f} ms)",
        flush=True,
    )


def measure(runs: int) -> None:
    from django.test import Client

    from credence.knowledge.models import Article
    from credence.tickets.models import Ticket
    from credence.workers.models import Worker

    worker = Worker.objects.get(username="scale-worker-7")
    client = Client()
    client.force_login(worker)
    own = list(
        Ticket.objects.filter(requester=worker)
        .order_by("-number")
        .values_list("number", flat=True)[:runs]
    )
    slugs = list(Article.objects.order_by("pk").values_list("slug", flat=True)[:runs])
    print(
        f"{Ticket.objects.count():,} tickets, {Article.objects.count():,} articles; "
        f"the worker asked for {Ticket.objects.filter(requester=worker).count()}",
        flush=True,
    )

    def get(path: str) -> Callable[[int], Any]:
        return lambda _run: client.get(path)

    timed("portal home", get("/portal/"), runs, 50)
    timed("catalog", get("/portal/request/"), runs, 50)
    timed("request form", get("/portal/request/something-broken/"), runs, 50)
    timed("my tickets", get("/portal/tickets/"), runs, 50)
    timed(
        "one of my tickets",
        lambda run: client.get(f"/portal/tickets/{own[run % len(own)]}/"),
        runs,
        50,
    )
    timed(
        "an article",
        lambda run: client.get(f"/portal/articles/{slugs[run % len(slugs)]}/"),
        runs,
        50,
    )
    timed(
        "search page",
        lambda run: client.get("/portal/articles/", {"q": QUERIES[run % len(QUERIES)]}),
        runs,
        50,
    )
    timed(
        "article suggestions",
        lambda run: client.get(
            "/portal/articles/suggest/", {"q": QUERIES[run % len(QUERIES)]}
        ),
        runs,
        100,
    )
    timed("assistant", get("/portal/assistant/"), runs, 50)
    timed(
        "an assistant turn (htmx)",
        lambda run: client.post(
            "/portal/assistant/say/",
            {"text": QUERIES[run % len(QUERIES)]},
            headers={"HX-Request": "true"},
        ),
        runs,
        50,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--database-url")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--reuse", action="store_true", help="time an existing database only"
    )
    options = parser.parse_args()
    url = options.database_url or (
        f"sqlite:///{tempfile.mkdtemp(prefix='credence-portal-')}/portal.sqlite3"
    )
    print(f"database {url}", flush=True)
    scale._setup(url)
    if options.reuse:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    else:
        started = time.perf_counter()
        scale.generate(options.tickets, options.processes, options.seed)
        write_articles(options.articles, options.seed)
        indexed = index_tickets()
        print(
            f"generated and indexed ({indexed:,} resolved tickets searchable) in "
            f"{time.perf_counter() - started:,.0f} s",
            flush=True,
        )
        scale.settle()
    measure(options.requests)


if __name__ == "__main__":
    main()
