"""The desk's knowledge pages: the articles with readers' answers, writing
and editing an article, and an article's earlier versions."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from credence.desk.views import agent_required
from credence.errors import InvalidInput, NotAllowed
from credence.knowledge.articles import (
    ArticleText,
    create_article,
    get_visible_article,
    update_article,
    with_helpful_counts,
)
from credence.knowledge.desk_forms import ArticleForm
from credence.knowledge.models import Article
from credence.workers.models import Worker


def _agent(request: HttpRequest) -> Worker:
    user = request.user
    assert isinstance(user, Worker)
    return user


def _text(form: ArticleForm, slug: str = "") -> ArticleText:
    data = form.cleaned_data
    return ArticleText(
        title=data["title"],
        body=data["body"],
        summary=data["summary"],
        audience=data["audience"],
        slug=data.get("slug") or slug,
        owner=data["owner"],
    )


@agent_required
def article_list(request: HttpRequest) -> HttpResponse:
    articles = with_helpful_counts(Article.objects.select_related("owner")).order_by(
        "title"
    )
    return render(request, "knowledge/desk_list.html", {"articles": articles})


@agent_required
def new_article(request: HttpRequest) -> HttpResponse:
    agent = _agent(request)
    form = ArticleForm(request.POST or None, initial={"owner": agent})
    if request.method == "POST" and form.is_valid():
        try:
            article = create_article(_text(form), agent)
        except (InvalidInput, NotAllowed) as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"“{article.title}” is published.")
            return redirect("knowledge:article", slug=article.slug)
    status = 400 if form.errors else 200
    return render(
        request,
        "knowledge/desk_edit.html",
        {"form": form, "article": None},
        status=status,
    )


@agent_required
def edit_article(request: HttpRequest, slug: str) -> HttpResponse:
    agent = _agent(request)
    article = get_visible_article(agent, slug)
    initial = {
        "title": article.title,
        "summary": article.summary,
        "audience": article.audience,
        "owner": article.owner,
        "body": article.body,
    }
    form = ArticleForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            changed = update_article(article, _text(form, article.slug), agent)
        except (InvalidInput, NotAllowed) as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                f"“{form.cleaned_data['title']}” is saved; the previous text is "
                "kept as a version."
                if changed
                else "Nothing changed.",
            )
            return redirect("knowledge:article", slug=article.slug)
    status = 400 if form.errors else 200
    return render(
        request,
        "knowledge/desk_edit.html",
        {"form": form, "article": article},
        status=status,
    )


@agent_required
def versions(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_visible_article(_agent(request), slug)
    return render(
        request,
        "knowledge/desk_versions.html",
        {
            "article": article,
            "versions": article.versions.select_related("saved_by"),
        },
    )
