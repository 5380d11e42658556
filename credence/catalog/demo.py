"""The demo organisation's requests from the catalog.

A handful of workers each send one request from the starter catalog, with
answers that name their own devices and applications where the form would
offer them, so the desk shows answer tables and linked items. They go
through `open_request`, like the portal's form, and so open now. One
request per script, each from a different worker outside the IT team.
"""

import random
from collections.abc import Callable
from datetime import date, datetime

from credence.catalog.models import FieldType
from credence.catalog.requests import OwnItem, open_request, own_items
from credence.workers.models import Worker
from credence.workers.roles import is_agent

Answers = dict[str, str]


def _first(items: list[OwnItem], otherwise: str) -> str:
    return items[0].label if items else otherwise


def _software(worker: Worker, rng: random.Random) -> tuple[str, Answers, str]:
    devices = own_items(FieldType.DEVICE, worker)
    software = rng.choice(["Inkscape", "Zoom", "Python 3.12", "Notepad++"])
    answers = {
        "software": software,
        "device": _first(devices, "My laptop"),
        "licence": rng.choice(["Yes, we have one", "Not sure"]),
    }
    return "software-install", answers, ""


def _access(worker: Worker, rng: random.Random) -> tuple[str, Answers, str]:
    applications = own_items(FieldType.APPLICATION, worker)
    answers = {
        "application": _first(applications, "Reporting dashboard"),
        "role": rng.choice(["Editor", "Approver", "Read-only"]),
        "like_colleague": "no",
        "why": "My new duties include approving the team's figures.",
    }
    return "application-access", answers, ""


def _hardware(worker: Worker, rng: random.Random) -> tuple[str, Answers, str]:
    devices = own_items(FieldType.DEVICE, worker)
    answers = {
        "item": rng.choice(["Laptop", "Monitor", "Headset"]),
        "replacement": "yes" if devices else "no",
        "replaces": _first(devices, ""),
    }
    return "hardware", answers, "The old one is failing more and more often."


def _vpn(worker: Worker, rng: random.Random) -> tuple[str, Answers, str]:
    devices = own_items(FieldType.DEVICE, worker)
    answers = {
        "network": "VPN",
        "where": "At home",
        "error": "The connection timed out (error 809).",
        "device": _first(devices, ""),
        "affected": "just_me",
        "can_work": rng.choice(["partly", "no"]),
    }
    return "vpn-wifi-problem", answers, ""


def _password(worker: Worker, rng: random.Random) -> tuple[str, Answers, str]:
    answers = {
        "account": "Email",
        "reset": rng.choice(["My password", "My MFA (sign-in code) device"]),
        "sign_in_anywhere": "yes",
    }
    return "password-mfa-reset", answers, "I got a new phone this weekend."


def _question(worker: Worker, rng: random.Random) -> tuple[str, Answers, str]:
    answers = {"question": "How do I share a calendar with my whole team?"}
    return "question", answers, ""


SCRIPTS: tuple[Callable[[Worker, random.Random], tuple[str, Answers, str]], ...] = (
    _software,
    _access,
    _hardware,
    _vpn,
    _password,
    _question,
)


def add_to_demo(
    rng: random.Random, people: dict[str, Worker], today: date, now: datetime
) -> None:
    workers = [people[name] for name in sorted(people) if not is_agent(people[name])]
    chosen = rng.sample(workers, min(len(SCRIPTS), len(workers)))
    for worker, script in zip(chosen, SCRIPTS, strict=False):
        slug, answers, description = script(worker, rng)
        open_request(worker, slug, answers, description=description)
