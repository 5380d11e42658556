"""The portal's home leads with search, then the catalog, then the tickets."""

from credence.catalog.models import RequestType
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.portal.conftest import open_for


def test_search_then_catalog_then_assistant_then_open_tickets(worker: Worker) -> None:
    open_for(worker, "Laptop fan is loud")

    page = signed_in(worker).get("/portal/").content.decode()
    content = page[page.index('<main id="main"') :]

    order = [
        '<label for="home-search-q">What do you need help with?</label>',
        '<a href="/portal/request/application-access/">Access to an application</a>',
        '<a href="/portal/request/my-first-request/">My first request</a>',
        '<a class="something-else" href="/portal/ask/">Something else</a>',
        '<a href="/portal/assistant/">',
        "<h2>Your open tickets</h2>",
        "Laptop fan is loud",
    ]
    positions = [content.index(text) for text in order]
    assert positions == sorted(positions)
    assert '<form method="get" action="/portal/articles/" role="search"' in content
    assert '<input id="home-search-q" name="q" type="search"' in content


def test_each_type_has_its_one_line_description(worker: Worker) -> None:
    page = signed_in(worker).get("/portal/").content.decode()

    for request_type in RequestType.objects.all():
        assert request_type.description in page.replace("&#x27;", "'")


def test_a_hidden_type_is_not_listed(worker: Worker) -> None:
    RequestType.objects.filter(slug="hardware").update(active=False)

    page = signed_in(worker).get("/portal/").content.decode()

    assert "/portal/request/hardware/" not in page
