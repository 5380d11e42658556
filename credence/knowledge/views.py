"""The portal's article pages: search, read, answer, and "this solved it".

Reading and searching are self-service: each is noted for the deflection
figures, and "this solved it" ends the worker's need without a ticket.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from credence.errors import NotFound
from credence.knowledge.articles import answer_helpful, get_visible_article
from credence.knowledge.index import SEARCHABLE_STATUSES
from credence.knowledge.models import HelpfulAnswer, SearchDocument
from credence.knowledge.search import search, shown_text
from credence.knowledge.text import render_markdown
from credence.selfservice import sessions
from credence.workers.models import Worker
from credence.workers.roles import is_agent

RESULTS = 20
# Few enough to read at a glance beside a form, on a phone too.
SUGGESTIONS = 3
MAX_QUERY = 500
# An article opened from the suggestions beside a request form, in a new tab.
FROM_REQUEST = "request"


def _worker(request: HttpRequest) -> Worker:
    user = request.user
    assert isinstance(user, Worker)
    return user


def _query(request: HttpRequest, *names: str) -> str:
    text = " ".join(request.GET.get(name, "") for name in names)
    return " ".join(text.split())[:MAX_QUERY]


@login_required
@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    worker = _worker(request)
    query = _query(request, "q")
    hits = search(query, worker, limit=RESULTS) if query else []
    if query:
        sessions.note(worker, "search", query)
    return render(request, "knowledge/search.html", {"query": query, "hits": hits})


@login_required
@require_GET
def suggest(request: HttpRequest) -> HttpResponse:
    """The best articles for what the worker is typing, as a fragment."""
    query = _query(request, "q", "title", "description")
    hits = (
        search(query, _worker(request), limit=SUGGESTIONS, kinds=("article",))
        if query
        else []
    )
    return render(
        request, "knowledge/_suggestion_list.html", {"query": query, "hits": hits}
    )


@login_required
@require_GET
def article_page(request: HttpRequest, slug: str) -> HttpResponse:
    worker = _worker(request)
    article = get_visible_article(worker, slug)
    sessions.note(worker, "article", article.slug)
    answer = HelpfulAnswer.objects.filter(article=article, reader=worker).first()
    return render(
        request,
        "knowledge/article.html",
        {
            "article": article,
            # nh3 has left only harmless tags in the rendered Markdown.
            "body": mark_safe(render_markdown(article.body)),
            "answer": answer,
            "solved": request.GET.get("solved") == "1",
            "from_request": request.GET.get("from") == FROM_REQUEST,
            "is_agent": is_agent(worker),
        },
    )


@login_required
@require_POST
def helpful(request: HttpRequest, slug: str) -> HttpResponse:
    worker = _worker(request)
    article = get_visible_article(worker, slug)
    choice = request.POST.get("helpful")
    if choice not in ("yes", "no"):
        messages.error(request, "Choose Yes or No to say whether this helped.")
        return redirect("knowledge:article", slug=article.slug)
    answer_helpful(article, worker, choice == "yes")
    messages.success(request, "Thank you; your answer helps us improve this article.")
    return redirect("knowledge:article", slug=article.slug)


@login_required
@require_POST
def solved(request: HttpRequest, slug: str) -> HttpResponse:
    worker = _worker(request)
    article = get_visible_article(worker, slug)
    sessions.solved(worker, "article", article.slug)
    url = reverse("knowledge:article", args=[article.slug]) + "?solved=1"
    if request.POST.get("from") == FROM_REQUEST:
        url += f"&from={FROM_REQUEST}"
    return redirect(url)


@login_required
@require_GET
def solution(request: HttpRequest, number: int) -> HttpResponse:
    """How a past ticket was resolved, as search shows it: to its requester
    and the IT team its description and resolution, to anyone else only its
    title and the IT team's resolution, without who asked."""
    worker = _worker(request)
    document = (
        SearchDocument.objects.filter(
            ticket__number=number, ticket__status__in=SEARCHABLE_STATUSES
        )
        .exclude(ticket__confidential=True)
        .select_related("ticket")
        .first()
    )
    if document is None or document.ticket is None:
        raise NotFound("There is no such solved ticket to read.")
    sees_all = is_agent(worker) or document.ticket.requester_id == worker.pk
    return render(
        request,
        "knowledge/solution.html",
        {
            "document": document,
            "text": shown_text(document, document.body, sees_all),
            "sees_all": sees_all,
        },
    )
