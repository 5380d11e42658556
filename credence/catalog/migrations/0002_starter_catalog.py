"""The starter catalog: what most IT teams are asked for, ready on day one.

Leads change it in the desk afterwards. The addresses (slugs) are fixed:
other parts of Credence link to them. The data is written out here, not
imported, so that this migration does the same thing whenever it runs.

Each field is (name, label, help, type, required, choices, shown when).
"""

from typing import Any

from django.db import migrations

APPLICATIONS = "Pick one you already use, or choose “Something else” and type its name."
DEVICES = "Pick one of yours, or choose “Something else” and type it."

STARTER: list[dict[str, Any]] = [
    {
        "slug": "application-access",
        "name": "Access to an application",
        "description": "Get into an application, or get a different role in it.",
        "kind": "request",
        "rule": "fixed",
        "priority": "medium",
        "fields": [
            ("application", "Which application?", APPLICATIONS, "application", True, [], None),
            ("role", "What access do you need?", "For example read-only, editor or administrator.", "text", True, [], None),
            ("like_colleague", "Should it be the same as a colleague's access?", "", "yes_no", True, [], None),
            ("colleague", "Whose access should it match?", "Their name, so the IT team can copy it.", "text", True, [], ("like_colleague", "yes")),
            ("why", "Why do you need it?", "A sentence is enough; it helps the application's owner approve it.", "long_text", True, [], None),
        ],
    },
    {
        "slug": "hardware",
        "name": "New or replacement hardware",
        "description": "A laptop, screen, keyboard, headset or other equipment.",
        "kind": "request",
        "rule": "fixed",
        "priority": "low",
        "fields": [
            ("item", "What do you need?", "", "choice", True, ["Laptop", "Monitor", "Keyboard or mouse", "Headset", "Phone", "Docking station", "Something else"], None),
            ("item_other", "What else do you need?", "", "text", True, [], ("item", "Something else")),
            ("replacement", "Does it replace something you have?", "", "yes_no", True, [], None),
            ("replaces", "Which device does it replace?", DEVICES, "device", True, [], ("replacement", "yes")),
            ("needed_by", "By when do you need it?", "Leave empty if there is no date.", "date", False, [], None),
        ],
    },
    {
        "slug": "software-install",
        "name": "Software install",
        "description": "Install a program or app on one of your devices.",
        "kind": "request",
        "rule": "fixed",
        "priority": "low",
        "fields": [
            ("software", "Which software?", "Its name, and the version if it matters.", "text", True, [], None),
            ("device", "On which device?", DEVICES, "device", True, [], None),
            ("licence", "Is there a licence for it?", "", "choice", True, ["Yes, we have one", "No, one needs to be bought", "Not sure"], None),
            ("licence_details", "Where does the licence come from?", "For example the team that bought it, or a key you were sent.", "text", False, [], ("licence", "Yes, we have one")),
        ],
    },
    {
        "slug": "password-mfa-reset",
        "name": "Password or MFA reset",
        "description": "Locked out, forgot a password, or lost your sign-in code device.",
        "kind": "request",
        "rule": "fixed",
        "priority": "high",
        "fields": [
            ("account", "Which account?", "", "choice", True, ["Computer sign-in", "Email", "VPN", "An application", "Something else"], None),
            ("account_application", "Which application?", APPLICATIONS, "application", True, [], ("account", "An application")),
            ("reset", "What needs resetting?", "", "choice", True, ["My password", "My MFA (sign-in code) device", "My account is locked"], None),
            ("sign_in_anywhere", "Can you sign in anywhere, for example on your phone?", "", "yes_no", True, [], None),
            ("reach_you", "How can the IT team reach you?", "A phone number or where you sit: you may not be able to read email.", "text", True, [], ("sign_in_anywhere", "no")),
        ],
    },
    {
        "slug": "vpn-wifi-problem",
        "name": "VPN or Wi-Fi problem",
        "description": "Cannot connect, or the connection keeps dropping.",
        "kind": "incident",
        "rule": "ask",
        "priority": "",
        "fields": [
            ("network", "Which one?", "", "choice", True, ["VPN", "Wi-Fi", "Both, or not sure"], None),
            ("where", "Where are you?", "", "choice", True, ["In the office", "At home", "Travelling or elsewhere"], None),
            ("office_place", "Which office, floor or room?", "", "text", False, [], ("where", "In the office")),
            ("error", "What error do you see?", "Copy the message if you can.", "long_text", False, [], None),
            ("device", "On which device?", DEVICES, "device", False, [], None),
        ],
    },
    {
        "slug": "something-broken",
        "name": "Something is broken",
        "description": "Something that worked has stopped working.",
        "kind": "incident",
        "rule": "ask",
        "priority": "",
        "fields": [
            ("what", "What is broken?", "For example “Printer on floor 3” or “Expenses app”.", "text", True, [], None),
            ("device", "Which device?", DEVICES, "device", False, [], None),
            ("since", "Since when?", "Leave empty if you do not know.", "date", False, [], None),
        ],
    },
    {
        "slug": "question",
        "name": "A question",
        "description": "Ask how to do something, or what is allowed.",
        "kind": "request",
        "rule": "fixed",
        "priority": "low",
        "fields": [
            ("question", "What is your question?", "", "long_text", True, [], None),
        ],
    },
    {
        "slug": "my-first-request",
        "name": "My first request",
        "description": "New here? Tell us what you need to get started.",
        "kind": "request",
        "rule": "fixed",
        "priority": "medium",
        "fields": [
            ("need", "What do you need to get started?", "For example a laptop, a sign-in for an application, or access to your team's files. You can leave it empty and we will check in with you.", "long_text", False, [], None),
        ],
    },
]

POSITION_STEP = 10


def add_starter_catalog(apps: Any, schema_editor: Any) -> None:
    RequestType = apps.get_model("catalog", "RequestType")
    Field = apps.get_model("catalog", "Field")
    for type_position, spec in enumerate(STARTER, start=1):
        request_type, created = RequestType.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "description": spec["description"],
                "kind": spec["kind"],
                "priority_rule": spec["rule"],
                "fixed_priority": spec["priority"],
                "position": type_position * POSITION_STEP,
            },
        )
        if not created:
            continue
        by_name = {}
        for position, row in enumerate(spec["fields"], start=1):
            name, label, help_text, field_type, required, choices, when = row
            by_name[name] = Field.objects.create(
                request_type=request_type,
                name=name,
                label=label,
                help=help_text,
                type=field_type,
                required=required,
                choices=choices,
                condition_field=by_name[when[0]] if when else None,
                condition_value=when[1] if when else "",
                position=position * POSITION_STEP,
            )


def remove_starter_catalog(apps: Any, schema_editor: Any) -> None:
    RequestType = apps.get_model("catalog", "RequestType")
    slugs = [spec["slug"] for spec in STARTER]
    RequestType.objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [migrations.RunPython(add_starter_catalog, remove_starter_catalog)]
