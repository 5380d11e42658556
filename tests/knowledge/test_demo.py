"""The demo organisation's articles."""

import random
from datetime import UTC, date, datetime

from credence.knowledge.demo import DRAFTS, add_to_demo
from credence.knowledge.models import Article, Audience
from credence.knowledge.search import search
from credence.workers.models import Worker

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def _demo(worker: Worker, other_worker: Worker, agent: Worker, lead: Worker) -> None:
    people = {p.username: p for p in (worker, other_worker, agent, lead)}
    add_to_demo(random.Random(7), people, date(2026, 11, 30), NOW)


def test_the_demo_gets_its_own_articles_owned_by_the_it_team(
    worker: Worker, other_worker: Worker, agent: Worker, lead: Worker
) -> None:
    _demo(worker, other_worker, agent, lead)

    articles = Article.objects.all()
    assert 25 <= articles.count() == len(DRAFTS) <= 40
    assert {a.owner for a in articles} <= {agent, lead}
    assert articles.filter(audience=Audience.AGENTS).count() == 3
    assert all(a.created_at < NOW for a in articles)


def test_the_demo_articles_answer_the_demo_tickets(
    worker: Worker, other_worker: Worker, agent: Worker, lead: Worker
) -> None:
    _demo(worker, other_worker, agent, lead)

    assert search("VPN drops every few minutes", worker)[0].slug == "vpn-keeps-dropping"
    assert search("printer keeps jamming", worker)[0].slug == "printer-paper-jam"
    assert search("new phone cant approve sign in", worker)[0].slug == (
        "mfa-on-a-new-phone"
    )
