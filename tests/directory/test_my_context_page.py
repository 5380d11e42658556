"""A worker's own devices and applications, and never anyone else's."""

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from credence.directory import urls
from credence.directory.models import Application, ApplicationAccess, Device
from credence.workers.models import Worker
from tests.conftest import signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.directory.urls")]


@pytest.fixture
def records(worker: Worker, other_worker: Worker) -> None:
    Device.objects.create(
        type="laptop",
        model="Aurora 14 G3",
        serial="WANDA-0001",
        operating_system="Windows 11 24H2",
        worker=worker,
    )
    Device.objects.create(
        type="phone", model="Pocket 8", serial="OSCAR-0002", worker=other_worker
    )
    ledger = Application.objects.create(name="Ledger")
    wiki = Application.objects.create(name="Wiki")
    ApplicationAccess.objects.create(worker=worker, application=ledger, role="approver")
    ApplicationAccess.objects.create(
        worker=other_worker, application=wiki, role="admin"
    )


def mine(client: Client, query: str = "") -> str:
    response = client.get(reverse("directory:mine") + query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_is_mounted_under_the_portal() -> None:
    assert reverse("directory:mine") == "/portal/me/"


def test_a_worker_sees_their_own_devices_and_applications(
    worker: Worker, records: None
) -> None:
    html = mine(signed_in(worker))

    assert "<h1>My devices and applications</h1>" in html
    assert "<strong>Laptop</strong> Aurora 14 G3, Windows 11 24H2" in html
    assert "serial WANDA-0001" in html
    assert 'Ledger <span class="meta">Your role: approver</span>' in html
    assert "OSCAR-0002" not in html
    assert "Wiki" not in html


def test_another_worker_sees_only_theirs(other_worker: Worker, records: None) -> None:
    html = mine(signed_in(other_worker))

    assert "OSCAR-0002" in html
    assert "WANDA-0001" not in html
    assert "Ledger" not in html


@pytest.mark.parametrize(
    "query", ["?worker=wanda", "?username=wanda", "?pk=1&worker_id=1", "?as=wanda"]
)
def test_no_query_shows_someone_else(
    other_worker: Worker, records: None, query: str
) -> None:
    html = mine(signed_in(other_worker), query)

    assert "WANDA-0001" not in html


def test_an_agent_sees_their_own_and_not_a_requesters(
    agent: Worker, records: None
) -> None:
    html = mine(signed_in(agent))

    assert "WANDA-0001" not in html
    assert "No devices are assigned to you." in html


def test_signing_in_comes_first() -> None:
    response = Client().get(reverse("directory:mine"))

    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/portal/me/"


def test_no_directory_address_takes_a_worker_or_shows_another(
    other_worker: Worker, records: None
) -> None:
    patterns = list(urls.urlpatterns)
    assert all(isinstance(pattern, URLPattern) for pattern in patterns)
    # No address names a worker, so none can be pointed at someone else's.
    assert [pattern.pattern.converters for pattern in patterns] == [{}] * len(patterns)

    client = signed_in(other_worker)
    for pattern in patterns:
        response = client.get(reverse(f"directory:{pattern.name}"))
        assert "WANDA-0001" not in response.content.decode()
