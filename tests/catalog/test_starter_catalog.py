"""The starter catalog's migration: eight types, in order, with their rules.

Each test starts from what the migration writes (the catalog conftest puts
it back if another test emptied the tables).
"""

from credence.catalog.models import Field, RequestType
from tests.catalog.conftest import add_starter_catalog


def test_the_eight_starter_types_are_present_in_order(db: None) -> None:
    listed = list(RequestType.objects.values_list("slug", "kind", "active"))

    assert listed == [
        ("application-access", "request", True),
        ("hardware", "request", True),
        ("software-install", "request", True),
        ("password-mfa-reset", "request", True),
        ("vpn-wifi-problem", "incident", True),
        ("something-broken", "incident", True),
        ("question", "request", True),
        ("my-first-request", "request", True),
    ]


def test_incidents_ask_the_impact_questions_and_requests_have_a_priority(
    db: None,
) -> None:
    rules = dict(RequestType.objects.values_list("slug", "priority_rule"))
    fixed = dict(
        RequestType.objects.filter(priority_rule="fixed").values_list(
            "slug", "fixed_priority"
        )
    )

    assert rules["something-broken"] == rules["vpn-wifi-problem"] == "ask"
    assert fixed == {
        "application-access": "medium",
        "hardware": "low",
        "software-install": "low",
        "password-mfa-reset": "high",
        "question": "low",
        "my-first-request": "medium",
    }


def test_a_replacement_asks_which_device_only_when_it_replaces_one(
    db: None,
) -> None:
    replaces = Field.objects.get(request_type__slug="hardware", name="replaces")

    assert replaces.type == "device"
    assert replaces.required
    assert replaces.condition_field is not None
    assert (replaces.condition_field.name, replaces.condition_value) == (
        "replacement",
        "yes",
    )


def test_every_starter_condition_points_at_an_earlier_field_and_answer(
    db: None,
) -> None:
    conditional = Field.objects.exclude(condition_field=None).select_related(
        "condition_field"
    )

    assert conditional.count() == 7
    for field in conditional:
        source = field.condition_field
        assert source is not None
        assert source.request_type_id == field.request_type_id
        assert source.position < field.position
        assert field.condition_value in source.answers()


def test_writing_the_starter_catalog_again_adds_nothing(db: None) -> None:
    before = (RequestType.objects.count(), Field.objects.count())

    add_starter_catalog()

    # 5 + 5 + 4 + 5 + 5 + 3 + 1 + 1 fields.
    assert before == (8, 29)
    assert (RequestType.objects.count(), Field.objects.count()) == before


def test_a_starter_type_a_lead_removed_comes_back_whole(db: None) -> None:
    RequestType.objects.filter(slug="hardware").delete()

    add_starter_catalog()

    names = Field.objects.filter(request_type__slug="hardware").values_list(
        "name", flat=True
    )
    assert list(names) == ["item", "item_other", "replacement", "replaces", "needed_by"]


def test_a_type_goes_with_its_conditional_fields(db: None) -> None:
    RequestType.objects.filter(slug="hardware").delete()

    assert not Field.objects.filter(request_type__slug="hardware").exists()
