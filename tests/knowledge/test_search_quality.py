"""Search on the shared articles, with the questions workers type.

The goal (issue 4, section 3): a right article among the first three for at
least 9 questions in 10, and a mean reciprocal rank of at least 0.8. The
questions and their right articles are in benchmarks/search_questions.json;
benchmarks/search_quality.py prints the same figures.
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from credence.knowledge.evaluation import evaluate, load_questions
from credence.knowledge.search import search

QUESTIONS = Path(__file__).resolve().parents[2] / "benchmarks" / "search_questions.json"

# Articles whose subject is the password itself: changing, resetting,
# choosing, and the rules for it.
PASSWORD_ARTICLES = {
    "user-changepassword",
    "user-goodpassword",
    "password-requirements",
    "password-procedure",
    "how-to-log-in",
    "self-help-troubleshooting",
}

pytestmark = pytest.mark.usefixtures("shared_articles")


def test_the_question_set_is_large_enough(db: None) -> None:
    assert len(load_questions(QUESTIONS)) >= 60


def test_search_meets_the_quality_goal(db: None) -> None:
    quality = evaluate(load_questions(QUESTIONS))

    assert quality.top3 >= 0.9, quality
    assert quality.mrr >= 0.8, quality


def test_a_password_question_finds_the_password_articles_first(db: None) -> None:
    # The first two: on PostgreSQL the third place is a tie within 0.01
    # between a password page and pages that only say "change".
    hits = search("how do i change my pasword", None, limit=2, kinds=("article",))

    assert [hit.slug for hit in hits][:1] == ["user-changepassword"]
    assert {hit.slug for hit in hits} <= PASSWORD_ARTICLES


def test_the_keyboard_example_of_the_issue(db: None) -> None:
    hits = search("my keybord types the wrong letters", None, limit=1)

    assert hits[0].slug == "keyboard-layouts"


def test_the_command_prints_json_best_first(db: None) -> None:
    out = StringIO()

    call_command(
        "articles",
        "search",
        "wifi",
        "keeps",
        "dropping",
        "--format",
        "json",
        stdout=out,
    )

    results = json.loads(out.getvalue())
    assert results[0]["slug"] == "net-wireless-disconnecting"
    assert results[0]["title"] == "Why does my wireless network keep disconnecting?"
    assert set(results[0]) == {"title", "slug", "score", "excerpt"}
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)
    assert [r["slug"] for r in results] == [
        h.slug for h in search("wifi keeps dropping", None, kinds=("article",))
    ]


def test_the_command_prints_plain_text(db: None) -> None:
    out = StringIO()

    call_command("articles", "search", "paper jam", stdout=out)

    assert out.getvalue().startswith("1. Clearing a paper jam (printing-paperjam, ")


def test_the_command_says_when_nothing_answers(db: None) -> None:
    out = StringIO()

    call_command("articles", "search", "zzzzqqq", stdout=out)

    assert out.getvalue() == "No article answers 'zzzzqqq'.\n"


@pytest.mark.parametrize("question", ["cant get on wifi", "wifi not working"])
def test_a_wifi_trouble_finds_a_troubleshooter_not_the_hotspot(
    db: None, question: str
) -> None:
    slugs = [hit.slug for hit in search(question, None, limit=3, kinds=("article",))]

    assert "net-wireless-adhoc" not in slugs
    assert slugs[0] in {
        "net-wireless-connect",
        "net-wireless-noconnection",
        "net-wireless-troubleshooting",
        "net-wireless-troubleshooting-initial-check",
        "net-wireless-troubleshooting-hardware-check",
        "net-wireless-troubleshooting-hardware-info",
    }


def test_a_dark_screen_finds_the_dimming_article_not_a_long_handbook_page(
    db: None,
) -> None:
    slugs = [hit.slug for hit in search("screen is too dark", None, limit=3)]

    assert slugs[0] == "power-whydim"
    assert "it-onboarding-101" not in slugs


def test_a_lost_laptop_is_not_a_laptop_fan(db: None) -> None:
    slugs = [hit.slug for hit in search("lost laptop", None, limit=3)]

    assert slugs[0] == "equipment"
    assert "power-constantfan" not in slugs
