"""Measure how well search answers workers' questions on the shared articles.

Run by hand, or from the knowledge tests:

    .venv/bin/python benchmarks/search_quality.py [--database-url URL] [--misses]

It creates a throwaway database beside the one URL names (SQLite in memory
by default; on PostgreSQL a `test_` database, dropped afterwards), imports
the articles of ../shared/data/kb-*/articles, asks every question of
benchmarks/search_questions.json as a worker would, and prints top-1, top-3
and the mean reciprocal rank. The goal: top-3 at least 0.9, MRR at least 0.8.
"""

import argparse
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
QUESTIONS = REPO / "benchmarks" / "search_questions.json"
SHARED_DATA = REPO.parent / "shared" / "data"


def _setup(database_url: str | None) -> None:
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "credence.settings")
    import django

    django.setup()


def main(argv: Iterator[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument(
        "--misses", action="store_true", help="list questions not answered at rank 1"
    )
    options = parser.parse_args(list(argv) if argv is not None else None)
    _setup(options.database_url)

    from django.db import connection

    from credence.knowledge.evaluation import evaluate, load_questions
    from credence.knowledge.importing import import_articles

    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        started = time.perf_counter()
        for folder in sorted(SHARED_DATA.glob("kb-*/articles")):
            summary = import_articles(folder)
            for problem in summary.problems:
                print(f"skipped {problem}")
        print(f"imported in {time.perf_counter() - started:.1f} s")
        questions = load_questions(QUESTIONS)
        started = time.perf_counter()
        quality = evaluate(questions)
        elapsed = time.perf_counter() - started
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    if options.misses:
        for answer in quality.answers:
            if answer.rank != 1:
                print(
                    f"  rank {answer.rank}: {answer.question.text!r} "
                    f"wanted {sorted(answer.question.expected)} got {answer.ranked[:3]}"
                )
    print(f"database: {connection.vendor}")
    print(f"questions: {len(questions)}")
    print(f"top-1: {quality.top1:.3f}")
    print(f"top-3: {quality.top3:.3f}")
    print(f"MRR: {quality.mrr:.3f}")
    print(f"mean time per question: {elapsed / len(questions) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
