"""Leads fix the directory's records in the admin; no one else reaches them."""

import pytest
from django.urls import reverse

from credence.directory.models import Application, Device
from credence.workers.models import Worker
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db

MODELS = ("device", "application", "applicationaccess", "change")


@pytest.mark.parametrize("model", MODELS)
def test_a_lead_opens_each_list_and_add_form(lead: Worker, model: str) -> None:
    client = signed_in(lead)

    listed = client.get(reverse(f"admin:directory_{model}_changelist"))
    adding = client.get(reverse(f"admin:directory_{model}_add"))

    assert (listed.status_code, adding.status_code) == (200, 200)


def test_a_lead_fixes_a_devices_assignment(lead: Worker, worker: Worker) -> None:
    laptop = Device.objects.create(type="laptop", model="Aurora 14 G3", serial="TST1")

    response = signed_in(lead).post(
        reverse("admin:directory_device_change", args=[laptop.pk]),
        {
            "type": "laptop",
            "model": "Aurora 14 G3",
            "serial": "TST1",
            "operating_system": "Windows 11 24H2",
            "worker": str(worker.pk),
            "assigned_since": "2026-03-02",
        },
    )

    assert response.status_code == 302
    laptop.refresh_from_db()
    assert (laptop.worker, laptop.operating_system) == (worker, "Windows 11 24H2")


def test_the_directory_is_on_the_leads_admin_index(lead: Worker) -> None:
    Application.objects.create(name="Ledger")

    html = signed_in(lead).get(reverse("admin:index")).content.decode()

    assert "Directory context" in html


@pytest.mark.parametrize("person", ["worker", "agent"])
def test_workers_and_agents_do_not_reach_the_records(
    person: str, request: pytest.FixtureRequest
) -> None:
    someone: Worker = request.getfixturevalue(person)

    response = signed_in(someone).get(reverse("admin:directory_device_changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
