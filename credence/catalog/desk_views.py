"""The lead's catalog pages: list, create and edit request types and fields.

Changing what workers are asked is a lead's decision. To anyone outside
the IT team these addresses do not exist, like the rest of the desk; an
agent is told plainly that the catalog is for leads.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from credence.catalog.desk_forms import FieldForm, RequestTypeForm
from credence.catalog.models import Field, RequestType
from credence.catalog.rules import check_removal
from credence.errors import NotAllowed
from credence.workers.roles import is_agent, is_lead

View = Callable[..., HttpResponse]
POSITION_STEP = 10


def catalog_lead_required(view: View) -> View:
    @login_required
    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_agent(request.user):
            raise Http404("The desk is for the IT team.")
        if not is_lead(request.user):
            raise NotAllowed(
                "Only leads can change the request catalog. Ask a lead to add "
                "or change a request type."
            )
        return view(request, *args, **kwargs)

    return checked


@catalog_lead_required
def type_list(request: HttpRequest) -> HttpResponse:
    request_types = RequestType.objects.annotate(field_count=Count("fields"))
    return render(request, "catalog_desk/list.html", {"request_types": request_types})


@catalog_lead_required
def type_new(request: HttpRequest) -> HttpResponse:
    last = RequestType.objects.order_by("-position").first()
    initial = {"position": (last.position if last else 0) + POSITION_STEP}
    form = RequestTypeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        request_type = form.save()
        messages.success(
            request, f"“{request_type.name}” was added. Now add its questions."
        )
        return redirect("catalog_desk:edit", slug=request_type.slug)
    status = 400 if form.errors else 200
    return render(request, "catalog_desk/type_form.html", {"form": form}, status=status)


@catalog_lead_required
def type_edit(request: HttpRequest, slug: str) -> HttpResponse:
    request_type = get_object_or_404(RequestType, slug=slug)
    form = RequestTypeForm(request.POST or None, instance=request_type)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"“{request_type.name}” was saved.")
        return redirect("catalog_desk:edit", slug=request_type.slug)
    context = {
        "form": form,
        "request_type": request_type,
        "fields": request_type.fields.select_related("condition_field"),
    }
    status = 400 if form.errors else 200
    return render(request, "catalog_desk/type_form.html", context, status=status)


def _field_page(
    request: HttpRequest, request_type: RequestType, form: FieldForm
) -> HttpResponse:
    context = {"form": form, "request_type": request_type, "field": form.instance}
    status = 400 if form.errors else 200
    return render(request, "catalog_desk/field_form.html", context, status=status)


@catalog_lead_required
def field_new(request: HttpRequest, slug: str) -> HttpResponse:
    request_type = get_object_or_404(RequestType, slug=slug)
    last = request_type.fields.order_by("-position").first()
    initial = {"position": (last.position if last else 0) + POSITION_STEP}
    form = FieldForm(request.POST or None, initial=initial, request_type=request_type)
    if request.method == "POST" and form.is_valid():
        field = form.save()
        messages.success(request, f"“{field.label}” was added.")
        return redirect("catalog_desk:edit", slug=request_type.slug)
    return _field_page(request, request_type, form)


@catalog_lead_required
def field_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    request_type = get_object_or_404(RequestType, slug=slug)
    field = get_object_or_404(Field, pk=pk, request_type=request_type)
    form = FieldForm(request.POST or None, instance=field, request_type=request_type)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"“{field.label}” was saved.")
        return redirect("catalog_desk:edit", slug=request_type.slug)
    return _field_page(request, request_type, form)


@catalog_lead_required
@require_POST
def field_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    request_type = get_object_or_404(RequestType, slug=slug)
    with transaction.atomic():
        field = get_object_or_404(
            Field.objects.select_for_update(), pk=pk, request_type=request_type
        )
        refusal = check_removal(field)
        if not refusal:
            field.delete()
    if refusal:
        messages.error(request, f"“{field.label}” was not removed: {refusal}")
        return redirect("catalog_desk:field_edit", slug=slug, pk=pk)
    messages.success(
        request,
        f"“{field.label}” was removed. Tickets already opened keep their answers.",
    )
    return redirect("catalog_desk:edit", slug=request_type.slug)
