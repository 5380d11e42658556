"""The starter catalog's date fields take the dates their questions imply.

"By when do you need it?" cannot be answered with a day already gone, and
"Since when?" not with a day still to come. Only the starter fields are
touched, and only where a lead has not chosen a rule of their own.
"""

from typing import Any

from django.db import migrations

RULES = [
    ("hardware", "needed_by", "not_before_today"),
    ("something-broken", "since", "not_after_today"),
]


def set_date_rules(apps: Any, schema_editor: Any) -> None:
    Field = apps.get_model("catalog", "Field")
    for slug, name, rule in RULES:
        Field.objects.filter(
            request_type__slug=slug, name=name, type="date", date_rule=""
        ).update(date_rule=rule)


def clear_date_rules(apps: Any, schema_editor: Any) -> None:
    Field = apps.get_model("catalog", "Field")
    for slug, name, rule in RULES:
        Field.objects.filter(
            request_type__slug=slug, name=name, date_rule=rule
        ).update(date_rule="")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_field_date_rule")]

    operations = [migrations.RunPython(set_date_rules, clear_date_rules)]
