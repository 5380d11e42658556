"""One turn of the assistant: a worker's message in, a reply out.

The portal's panel and `credence ask` both call `reply_to`; it reads but
never writes (the panel records the turns, see `conversations.py`).

How a reply is chosen, in order:
1. the worker asks for a person: hand off;
2. the conversation awaits an answer to a clarifying question: take the
   message as that answer and hand off with it filled in;
3. the message clearly asks for a catalog request type that needs a device
   or application the message does not name: ask which;
4. otherwise search what the worker may see; if a passage covers the
   question well enough, answer from it (through the language model when
   one is configured), with its sources; if not, say so and hand off.
"""

import logging
import math
import re
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.urls import reverse

from credence.assistant import intents, llm
from credence.assistant.passages import best_passage, redact
from credence.assistant.words import coverage, matches, rarest, terms, worded_terms
from credence.catalog.forms import OTHER_SUFFIX, SOMETHING_ELSE
from credence.catalog.models import Field, RequestType
from credence.knowledge.models import Article, SearchDocument, Word
from credence.knowledge.search import Hit, search
from credence.tickets.models import Ticket
from credence.tickets.visibility import shareable_tickets
from credence.workers.models import Worker

if TYPE_CHECKING:
    from credence.assistant.models import Conversation

logger = logging.getLogger(__name__)

# A hit answers a question when its title and matched passage hold the
# question's rarest words and at least this share of all its words, each
# weighted by rarity (stemmed, synonyms folded, one typo forgiven; see
# words.py and passages_for). Calibrated on the shared GNOME and GitLab
# articles with the questions in tests/assistant/questions.py (30 the
# articles answer, 15 they do not), through the real search: from 0.5 to
# 0.7, 26 of the 30 are answered, 25 from a right article, and none of the
# 15; at 0.8 two more right answers are lost. 0.6 sits in the middle of the
# flat stretch. The rarest-words rule does most of the work: measured over
# whole articles and without it, 4 of the 15 were "answered" (a lunch
# menu from a calendar article). A share is used rather than the search's
# own score because bm25 on SQLite and ts_rank on PostgreSQL are on
# different scales, and a share means the same on both.
# tests/assistant/test_calibration.py keeps the measure.
MIN_COVERAGE = 0.6
# An article passes a ticket the search scored up to this many times its
# own score: the two stand about equal, and the article is meant for all.
ARTICLE_PREFERENCE = 1.15
# A model's answer is shown only when the passages it cites hold at least
# this share of its words (see _grounding); below, the assistant answers
# by quoting the passages instead. Paraphrased steps keep most of their
# nouns and verbs ("open the system menu, select Wi-Fi" holds 6 of 7); a
# sentence the passages never said holds few.
MIN_GROUNDING = 0.5
# How many hits to read, and how many to answer from.
HITS_READ = 6
SOURCES_USED = 2
MODEL_PASSAGES = 4
# Kinds of hit a signed-out (anonymous) asker may use.
ANONYMOUS_KINDS = ("article",)
TITLE_LENGTH = 80
# The longest prefilled address a turn keeps (Turn.handoff_url).
HANDOFF_URL_LENGTH = 1000
# The starter catalog's field, per request type, that the worker's own
# question answers as it stands.
QUESTION_FIELDS = {"question": "question", "something-broken": "what"}

NOTHING_FOUND = (
    "I could not find anything that answers this in what I can use. "
    "The IT team can help: the request form is filled in with your question, "
    "so you only need to check it and send it."
)
TO_A_PERSON = (
    "I have filled in a request to the IT team with what you asked me. Check "
    "it and send it; this conversation goes with it, so you need not repeat "
    "yourself."
)


class Kind:
    """What a reply does, which decides how the question is counted."""

    ANSWER = "answer"
    NO_ANSWER = "no_answer"
    CLARIFY = "clarify"
    HANDOFF = "handoff"


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Handoff:
    type: str
    title: str
    description: str
    url: str


@dataclass(frozen=True)
class Reply:
    text: str
    answered: bool
    kind: str
    sources: list[Source] = field(default_factory=list)
    handoff: Handoff | None = None
    # A clarifying question's field and what the worker may pick.
    asks_for: str = ""
    choices: list[intents.Choice] = field(default_factory=list)
    request_type: str = ""
    answers: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The reply as `credence ask --format json` prints it."""
        return {
            "answer": self.text,
            "answered": self.answered,
            "sources": [asdict(source) for source in self.sources],
            "handoff": asdict(self.handoff) if self.handoff else None,
        }


@dataclass(frozen=True)
class Passage:
    hit: Hit
    text: str
    share: float
    # The share of the question its title holds.
    titled: float = 0.0


def reply_to(
    message: str, viewer: Worker | None, conversation: "Conversation | None" = None
) -> Reply:
    """The assistant's reply to the worker's message."""
    message = message.strip()
    asked = _questions_so_far(conversation, message)

    if intents.asks_for_person(message):
        slug = (conversation.request_type if conversation else "") or (
            intents.fallback_slug(" ".join(asked))
        )
        answers = conversation.answers if conversation else {}
        return Reply(
            TO_A_PERSON,
            False,
            Kind.HANDOFF,
            handoff=handoff(slug, asked, conversation, answers),
            request_type=slug,
        )
    if conversation is not None and conversation.awaiting and not _moves_on(message):
        return _with_answer(message, viewer, conversation, asked)

    request_type = intents.requested_type(message)
    # Asked how to get something, the worker is answered from the articles
    # first; the request type only decides where a handoff goes.
    if request_type is not None and not intents.asks_how(message):
        clarifying = _clarify(message, viewer, request_type, conversation, asked)
        if clarifying is not None:
            return clarifying
    slug = request_type.slug if request_type else intents.fallback_slug(message)
    return _answer(message, viewer, conversation, asked, slug)


# An answer to "which application?" is a name; a message longer than this,
# or a question, is the worker moving on to something else.
LONGEST_ANSWER = 5


def _moves_on(message: str) -> bool:
    return message.endswith("?") or len(message.split()) > LONGEST_ANSWER


def _questions_so_far(conversation: "Conversation | None", message: str) -> list[str]:
    asked: list[str] = []
    if conversation is not None and conversation.pk:
        asked = [
            turn.text
            for turn in conversation.turns.filter(who="worker").exclude(normalised="")
        ]
    # "My laptop is broken, I want a human": the person gets the question.
    if message and terms(intents.besides_person(message)):
        asked.append(message)
    return asked


def handoff(
    slug: str,
    asked: list[str],
    conversation: "Conversation | None",
    answers: dict[str, str],
    labels: dict[str, str] | None = None,
) -> Handoff:
    """The prefilled request form for the request type `slug`.

    The title is the worker's first question; the description every
    question they asked, and any answer given to a clarifying question.
    Answers travel by field name too, for the form to pick them.
    """
    first = asked[0] if asked else "Help from the IT team"
    title = first if len(first) <= TITLE_LENGTH else first[: TITLE_LENGTH - 1] + "…"
    lines = ["What I asked the assistant:"] if asked else []
    lines += [f"- {text}" for text in asked]
    for name, value in (labels or {}).items():
        lines.append(f"{name}: {value}")
    description = "\n".join(lines)

    params: dict[str, str] = {"title": title, "description": description}
    if slug in QUESTION_FIELDS:
        params[QUESTION_FIELDS[slug]] = "\n".join(asked)
    params.update(answers)
    if conversation is not None and conversation.pk:
        params["conversation"] = str(conversation.pk)
    url = _within_url_length(reverse("catalog:request", args=[slug]), params)
    return Handoff(slug, title, description, url)


def _within_url_length(path: str, params: dict[str, str]) -> str:
    """The prefilled form's address, short enough to keep and to follow.

    A long conversation does not fit in an address; the conversation itself
    is attached to the request, so the prefilled texts are cut, longest
    first, with an ellipsis, until the address fits.
    """
    limit = HANDOFF_URL_LENGTH
    url = path + "?" + urlencode(params)
    while len(url) > limit:
        name = max(params, key=lambda key: len(params[key]))
        text = params[name]
        if len(text) <= 20:
            break
        params[name] = text[: len(text) * 2 // 3].rstrip() + "…"
        url = path + "?" + urlencode(params)
    return url


def _clarify(
    message: str,
    viewer: Worker | None,
    request_type: RequestType,
    conversation: "Conversation | None",
    asked: list[str],
) -> Reply | None:
    """Ask for the device or application the request type needs, unless the
    message names one of the worker's own; None when nothing is missing."""
    needed = intents.question_field(request_type)
    if needed is None:
        return None
    choices = intents.choices_for(needed, viewer)
    named = intents.named_choice(message, choices)
    if named is not None:
        return _filled(request_type, needed, named, conversation, asked)

    where = (
        " Pick one of yours below, or type its name."
        if choices
        else " Type its name below."
    )
    text = (
        f"I can fill in the “{request_type.name}” request for you. "
        f"One thing first: {needed.label}{_question_mark(needed.label)}{where}"
    )
    return Reply(
        text,
        False,
        Kind.CLARIFY,
        handoff=handoff(request_type.slug, asked, conversation, {}),
        asks_for=needed.name,
        choices=choices,
        request_type=request_type.slug,
    )


def _question_mark(label: str) -> str:
    return "" if label.rstrip().endswith(("?", ".", ":")) else "?"


def _with_answer(
    message: str,
    viewer: Worker | None,
    conversation: "Conversation",
    asked: list[str],
) -> Reply:
    """Take the message as the answer to the clarifying question."""
    request_type = RequestType.objects.filter(slug=conversation.request_type).first()
    needed = (
        request_type.fields.filter(name=conversation.awaiting).first()
        if request_type
        else None
    )
    if request_type is None or needed is None:
        # The lead changed the catalog mid-conversation: start afresh.
        return _answer(message, viewer, conversation, asked, "question")
    choices = intents.choices_for(needed, viewer)
    picked = next(
        (c for c in choices if message.lower() in (c.label.lower(), c.value)), None
    ) or intents.named_choice(message, choices)
    typed = picked or intents.Choice(message, "")
    # The answer is not a question of its own.
    return _filled(request_type, needed, typed, conversation, asked[:-1])


def _filled(
    request_type: RequestType,
    needed: Field,
    choice: intents.Choice,
    conversation: "Conversation | None",
    asked: list[str],
) -> Reply:
    answers = dict(conversation.answers) if conversation else {}
    if choice.value:
        answers[needed.name] = choice.value
    else:
        # Something not in the worker's directory entry: the form's
        # "something else" with the name typed beside it.
        answers[needed.name] = SOMETHING_ELSE
        answers[needed.name + OTHER_SUFFIX] = choice.label
    labels = {needed.label.rstrip("?:. "): choice.label}
    text = (
        f"Thank you. I have filled in the “{request_type.name}” request with "
        f"{choice.label}. Check it and send it to the IT team."
    )
    return Reply(
        text,
        False,
        Kind.HANDOFF,
        handoff=handoff(request_type.slug, asked, conversation, answers, labels),
        request_type=request_type.slug,
        answers=answers,
    )


def passages_for(message: str, viewer: Worker | None) -> list[Passage]:
    """What the worker may see that answers the message, in the search's
    own order.

    A hit answers when it holds the question's most telling words (those
    fewest documents hold: "canteen" in "book a room in the canteen") and
    at least MIN_COVERAGE of the question, each word weighted by rarity.
    The threshold may reject a hit, but never reorders the ones it keeps:
    the search weighs titles, typos and synonyms that a count of shared
    words does not, so an answer never comes from a lower-ranked hit over
    a better-ranked one that passes. Only an article and a ticket of
    similar standing change places, the article first, and the same text
    is quoted once (two tickets solved with the same words).
    """
    worded = worded_terms(message)
    if not worded:
        return []
    question = [term for term, _ in worded]
    weights = _weights(worded)
    telling = rarest(question, weights)
    kinds = ("article", "ticket") if viewer is not None else ANONYMOUS_KINDS
    hits = search(message, viewer, limit=HITS_READ, kinds=kinds)
    bodies = _article_bodies(hits)

    found: list[Passage] = []
    quoted: set[str] = set()
    for hit in hits:
        passage = _usable_text(hit, viewer)
        if passage is None:
            continue
        vocabulary = frozenset(terms(f"{hit.title}\n{passage}"))
        share = coverage(question, vocabulary, weights)
        if share < MIN_COVERAGE or not all(matches(t, vocabulary) for t in telling):
            continue
        # Quoted from the whole article, where its steps are.
        text = bodies.get(hit.slug, passage) if hit.kind == "article" else passage
        same = " ".join(text.split()).lower()
        if same in quoted:
            continue
        quoted.add(same)
        titled = coverage(question, frozenset(terms(hit.title)), weights)
        found.append(Passage(hit, text, share, titled))
    return _articles_before_similar_tickets(found)


def _standing(passage: Passage) -> float:
    preferred = ARTICLE_PREFERENCE if passage.hit.kind == "article" else 1.0
    return passage.hit.score * preferred


def _articles_before_similar_tickets(found: list[Passage]) -> list[Passage]:
    """The passages in search order, except that an article passes a
    ticket scored less than ARTICLE_PREFERENCE times above it: an article
    is written to be read by anyone and kept up to date, a ticket is one
    worker's case."""
    ordered = list(found)
    for index in range(1, len(ordered)):
        position = index
        while (
            position > 0
            and ordered[position].hit.kind == "article"
            and ordered[position - 1].hit.kind == "ticket"
            and _standing(ordered[position]) >= ordered[position - 1].hit.score
        ):
            ordered[position - 1], ordered[position] = (
                ordered[position],
                ordered[position - 1],
            )
            position -= 1
    return ordered


def _weights(worded: list[tuple[str, str]]) -> dict[str, float]:
    """Each term's weight: how rare its word is among the indexed documents
    (inverse document frequency), a word no document holds weighing most."""
    documents = SearchDocument.objects.count()
    held = dict(
        Word.objects.filter(text__in=[word for _, word in worded]).values_list(
            "text", "documents"
        )
    )
    return {
        term: max(math.log((documents + 1) / (held.get(word, 0) + 1)), 0.1)
        for term, word in worded
    }


def _article_bodies(hits: list[Hit]) -> dict[str, str]:
    """The whole Markdown of the articles hit, by slug: the search gives a
    passage of plain text, the answer quotes steps as the article has them.
    The search already chose articles the worker may read."""
    slugs = [hit.slug for hit in hits if hit.kind == "article"]
    return dict(Article.objects.filter(slug__in=slugs).values_list("slug", "body"))


def _usable_text(hit: Hit, viewer: Worker | None) -> str | None:
    """The hit's text as the assistant may repeat it, or None.

    The search already keeps confidential tickets out; this checks again,
    because an answer is copied into a transcript the IT team reads, and
    removes the people of another worker's ticket.
    """
    if hit.kind != "ticket":
        return hit.text
    if viewer is None:
        return None
    number = re.sub(r"\D", "", hit.slug)
    ticket = (
        shareable_tickets()
        .select_related("requester", "assignee", "logged_by")
        .filter(number=int(number or 0))
        .first()
    )
    if ticket is None:
        logger.warning("Search offered ticket %s, which may not be shared", hit.slug)
        return None
    if ticket.requester_id == viewer.pk:
        return hit.text
    return redact(hit.text, _people_named(ticket))


def _people_named(ticket: Ticket) -> list[str]:
    people = [ticket.requester, ticket.assignee, ticket.logged_by]
    people += [comment.author for comment in ticket.comments.select_related("author")]
    names: list[str] = []
    for person in people:
        if person is not None:
            names += [
                person.get_full_name(),
                person.first_name,
                person.last_name,
                person.username,
                person.email,
            ]
    return [name for name in names if name]


def _answer(
    message: str,
    viewer: Worker | None,
    conversation: "Conversation | None",
    asked: list[str],
    slug: str,
) -> Reply:
    passages = passages_for(message, viewer)
    if not passages:
        return _nothing_found(slug, asked, conversation)
    if llm.configured():
        try:
            return _model_answer(message, passages, slug, asked, conversation)
        except llm.ModelUnavailable as error:
            logger.warning(
                "The language model gave no usable answer (%s); answering "
                "from the articles alone",
                error,
            )
    return _extractive(message, passages)


def _nothing_found(
    slug: str, asked: list[str], conversation: "Conversation | None"
) -> Reply:
    answers = conversation.answers if conversation else {}
    return Reply(
        NOTHING_FOUND,
        False,
        Kind.NO_ANSWER,
        handoff=handoff(slug, asked, conversation, answers),
        request_type=slug,
    )


def _extractive(message: str, passages: list[Passage]) -> Reply:
    question = terms(message)
    # A second source only when its title names the question's subject;
    # otherwise it is a passing mention and only lengthens the answer.
    used = passages[:1] + [
        passage for passage in passages[1:SOURCES_USED] if passage.titled >= 0.5
    ]
    parts = []
    for position, passage in enumerate(used):
        limit = 700 if position == 0 else 300
        quoted = best_passage(passage.text, question, limit=limit)
        lead_in = "From" if position == 0 else "Also from"
        parts.append(f"{lead_in} “{passage.hit.title}”:\n{quoted}")
    return Reply(
        "\n\n".join(parts),
        True,
        Kind.ANSWER,
        sources=[Source(p.hit.title, p.hit.url) for p in used],
    )


def _grounding(answer: str, passages: list[str], cited: tuple[int, ...]) -> float:
    """The share of the answer's words the passages it cites hold.

    A model may cite [1] beside anything, "call 0800-SCAM and give them
    your password [1]" included; an answer made of the passages' words is
    one the passages can vouch for.
    """
    said = terms(re.sub(r"\[\d+\]", " ", answer))
    if not said:
        return 0.0
    held = frozenset(term for n in cited for term in terms(passages[n - 1]))
    return sum(1 for term in said if matches(term, held)) / len(said)


def _model_answer(
    message: str,
    passages: list[Passage],
    slug: str,
    asked: list[str],
    conversation: "Conversation | None",
) -> Reply:
    question = terms(message)
    given = passages[:MODEL_PASSAGES]
    texts = [(p.hit.title, best_passage(p.text, question, limit=1500)) for p in given]
    answer = llm.ask_model(message, texts)
    if not answer.knows:
        return _nothing_found(slug, asked, conversation)
    cited = [given[number - 1] for number in answer.cited]
    grounding = _grounding(
        answer.text, [f"{title}\n{text}" for title, text in texts], answer.cited
    )
    if grounding < MIN_GROUNDING:
        raise llm.ModelUnavailable(
            f"the answer shares only {grounding:.0%} of its words with the "
            "passages it cites"
        )
    return Reply(
        answer.text,
        True,
        Kind.ANSWER,
        sources=[Source(p.hit.title, p.hit.url) for p in cited],
    )
