"""Catalog test helpers: a UTC business calendar and request types built fast."""

from collections.abc import Iterator

import pytest
from django.apps import apps

from credence.catalog.models import Field, RequestType
from credence.directory.models import Application, ApplicationAccess, Device
from credence.workers.models import Worker
from tests.conftest import STARTER_CATALOG, utc_business_hours


def add_starter_catalog() -> None:
    """Write the starter catalog as its migration does, where it is missing."""
    STARTER_CATALOG.add_starter_catalog(apps, None)


@pytest.fixture(autouse=True)
def business_hours_in_utc(db: None) -> Iterator[None]:
    with utc_business_hours():
        yield


def make_type(slug: str = "desk-move", **values: object) -> RequestType:
    defaults: dict[str, object] = {
        "name": "Desk move",
        "kind": "request",
        "priority_rule": "fixed",
        "fixed_priority": "low",
        "position": 100,
    }
    defaults.update(values)
    return RequestType.objects.create(slug=slug, **defaults)


def add_field(
    request_type: RequestType,
    name: str,
    label: str,
    type: str = "text",
    *,
    position: int,
    required: bool = False,
    choices: list[str] | None = None,
    when: tuple[Field, str] | None = None,
) -> Field:
    return Field.objects.create(
        request_type=request_type,
        name=name,
        label=label,
        type=type,
        position=position,
        required=required,
        choices=choices or [],
        condition_field=when[0] if when else None,
        condition_value=when[1] if when else "",
    )


@pytest.fixture
def moving(db: None) -> RequestType:
    """A type with a chain: moving? -> which floor? -> need a new dock?"""
    request_type = make_type()
    moving = add_field(
        request_type,
        "moving",
        "Are you moving desks?",
        "yes_no",
        position=10,
        required=True,
    )
    floor = add_field(
        request_type,
        "floor",
        "Which floor?",
        "choice",
        position=20,
        required=True,
        choices=["Ground", "First", "Second"],
        when=(moving, "yes"),
    )
    add_field(
        request_type,
        "dock",
        "Which dock do you need?",
        position=30,
        required=True,
        when=(floor, "Second"),
    )
    add_field(request_type, "notes", "Notes", "long_text", position=40)
    return request_type


def give_laptop(worker: Worker, serial: str = "LT-0042") -> Device:
    return Device.objects.create(
        worker=worker, type="laptop", model="ThinkPad T14", serial=serial
    )


def give_application(
    worker: Worker, name: str = "Payroll", role: str = "viewer"
) -> Application:
    application = Application.objects.create(name=name)
    ApplicationAccess.objects.create(worker=worker, application=application, role=role)
    return application
