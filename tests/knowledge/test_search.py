"""Search over a few articles and tickets: ranking, understanding, scope."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from credence.knowledge.index import reindex_all
from credence.knowledge.models import Audience, SearchDocument, Word
from credence.knowledge.search import highlight, search
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.knowledge.conftest import write


@pytest.fixture
def library(db: None) -> None:
    write(
        "Connect to the office wireless network",
        "Open the network menu, pick **Office** and sign in with your account.",
        slug="wireless",
    )
    write(
        "Change your password",
        "Open Settings, then Accounts, and choose a new password.",
        slug="password",
    )
    write(
        "Printer paper jams",
        "Open the front tray and pull the jammed paper straight out. "
        "Never use force on the rollers.",
        slug="paper-jam",
    )
    write(
        "Meeting rooms",
        "Each room has a screen. Ask reception for the wireless password "
        "of the guest network.",
        slug="rooms",
    )
    write(
        "Use a different keyboard layout",
        "If the keys type the wrong letters, add your layout in Settings.",
        slug="keyboard",
    )
    write(
        "Reset a worker's authenticator",
        "Check who they are on a video call before resetting their MFA.",
        slug="reset-mfa",
        audience=Audience.AGENTS,
    )


def slugs(query: str, viewer: Worker | None = None, **options: object) -> list[str]:
    return [hit.slug for hit in search(query, viewer, **options)]  # type: ignore[arg-type]


def test_a_title_match_ranks_above_a_passing_mention(library: None) -> None:
    assert slugs("wireless")[:2] == ["wireless", "rooms"]


def test_a_password_question_finds_the_password_article_first(library: None) -> None:
    assert slugs("how do I change my password?")[0] == "password"


def test_misspelled_words_are_corrected_against_the_index(library: None) -> None:
    assert slugs("my keybord types the wrong leters")[0] == "keyboard"
    assert slugs("pasword")[0] == "password"


def test_synonyms_find_the_other_words(library: None) -> None:
    assert slugs("wifi not working")[0] == "wireless"
    assert slugs("wlan")[0] == "wireless"


def test_stemming_matches_other_forms_of_a_word(library: None) -> None:
    assert slugs("printers jamming")[0] == "paper-jam"


def test_filler_words_alone_find_nothing(library: None) -> None:
    assert search("how do I please help", None) == []
    assert search("   ", None) == []


def test_a_query_of_punctuation_is_harmless(library: None) -> None:
    assert search('"* OR NEAR( -) AND', None) == []


def test_workers_never_see_an_agents_article(library: None, worker: Worker) -> None:
    assert "reset-mfa" not in slugs("reset authenticator mfa", worker)
    assert "reset-mfa" not in slugs("reset authenticator mfa", None)


def test_agents_find_agents_articles(library: None, agent: Worker) -> None:
    assert slugs("reset authenticator", agent)[0] == "reset-mfa"


def test_excerpts_mark_matches_and_escape_the_text() -> None:
    assert highlight("Press <Enter> to print", {"print"}) == (
        "Press &lt;Enter&gt; to <mark>print</mark>"
    )


def test_a_hit_has_its_url_excerpt_and_text(library: None) -> None:
    hit = search("paper jam", None, limit=1)[0]

    assert hit.kind == "article"
    assert hit.url == "/portal/articles/paper-jam/"
    assert hit.excerpt == (
        "Open the front tray and pull the <mark>jammed</mark> <mark>paper</mark> "
        "straight out. Never use force on the rollers."
    )
    assert hit.text.startswith("Open the front tray")
    assert hit.score > 0


def test_limit_and_kinds_are_respected(library: None) -> None:
    assert len(search("wireless password", None, limit=1)) == 1
    assert search("wireless", None, kinds=("ticket",)) == []


@pytest.fixture
def resolved_ticket(objectives_ready: None, worker: Worker, agent: Worker) -> Ticket:
    ticket = services.open_ticket(
        requester=worker,
        kind="incident",
        title="Docking station flickers for Wanda",
        description="My docking station makes the screen flicker. wanda@example.test",
        priority="medium",
        actor=worker,
    )
    return services.resolve(
        ticket, agent, "Updated the docking station firmware; the flicker stopped."
    )


def test_a_resolved_ticket_is_found_with_its_resolution(
    resolved_ticket: Ticket, other_worker: Worker
) -> None:
    hit = search("docking flicker firmware", other_worker)[0]

    assert hit.kind == "ticket"
    assert hit.slug == resolved_ticket.reference
    assert "firmware" in hit.text
    assert hit.url == f"/portal/articles/solutions/{resolved_ticket.number}/"


def test_a_ticket_search_never_names_the_requester(
    resolved_ticket: Ticket, other_worker: Worker
) -> None:
    hit = search("docking station", other_worker)[0]

    for shown in (hit.title, hit.excerpt, hit.text):
        assert "Wanda" not in shown
        assert "wanda@example.test" not in shown
    assert hit.title == "Docking station flickers for the requester"


def test_the_requester_is_sent_to_their_own_ticket(
    resolved_ticket: Ticket, worker: Worker, agent: Worker
) -> None:
    assert search("docking", worker)[0].url == (
        f"/portal/tickets/{resolved_ticket.number}/"
    )
    assert search("docking", agent)[0].url == f"/desk/tickets/{resolved_ticket.number}/"


def test_an_open_ticket_is_not_searched(objectives_ready: None, worker: Worker) -> None:
    services.open_ticket(
        requester=worker,
        kind="incident",
        title="Docking station flickers",
        priority="medium",
        actor=worker,
    )

    assert search("docking", worker) == []


def test_a_reopened_ticket_leaves_the_index(
    resolved_ticket: Ticket, worker: Worker
) -> None:
    services.reopen(resolved_ticket, worker, "It flickers again.")

    assert search("docking", worker) == []


def test_a_confidential_ticket_is_never_searched(
    resolved_ticket: Ticket, lead: Worker
) -> None:
    services.mark_confidential(resolved_ticket, lead, "Personal matter.")

    assert search("docking", lead) == []
    assert not SearchDocument.objects.filter(ticket=resolved_ticket).exists()


def test_reindexing_rebuilds_documents_and_words(
    library: None, resolved_ticket: Ticket
) -> None:
    words_before = dict(Word.objects.values_list("text", "documents"))
    SearchDocument.objects.all().delete()

    assert reindex_all() == (6, 1)
    assert dict(Word.objects.values_list("text", "documents")) == words_before
    assert Word.objects.get(text="wireless").documents == 2


def test_the_command_prints_plain_text_excerpts_in_json(db: None) -> None:
    write(
        "Printer won't print",
        "The printer's tray & the <b>paper</b> guide must touch the paper.",
        slug="wont-print",
    )
    out = StringIO()

    call_command("articles", "search", "printer tray", "--format", "json", stdout=out)

    [result] = json.loads(out.getvalue())
    assert result["excerpt"] == (
        "The printer's tray & the paper guide must touch the paper."
    )
