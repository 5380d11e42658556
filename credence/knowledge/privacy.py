"""What a solved ticket may show to a worker who did not ask it.

A worker writes about themselves in a ticket: a phone number, a home
address, a colleague's name. No list of patterns finds every such detail,
so the rule is one of provenance, not of patterns: to anyone but the
requester and the IT team, a solved ticket shows only its title and the
resolution the IT team wrote, and both are scrubbed of e-mail addresses,
phone numbers and the names of the workers in the directory. The
description still helps ranking, scrubbed the same way, but is never shown
to them.
"""

import re

from django.db.models import Q

from credence.workers.models import Worker

REQUESTER = "the requester"
SOMEONE = "a colleague"
REMOVED_EMAIL = "[e-mail removed]"
REMOVED_NUMBER = "[number removed]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\(?\d[\d ()./-]{6,}\d")
# Dates ("2026-12-04") and short references have fewer digits than the
# shortest phone numbers, which have at least nine with their area code.
PHONE_DIGITS = 9
_NAME_WORD = re.compile(r"[^\W\d_][\w'.-]*")


def _without_phone_numbers(text: str) -> str:
    def replace(found: re.Match[str]) -> str:
        digits = sum(ch.isdigit() for ch in found.group())
        return REMOVED_NUMBER if digits >= PHONE_DIGITS else found.group()

    return _PHONE.sub(replace, text)


def _directory_names(texts: list[str], requester: Worker | None) -> dict[str, str]:
    """Each name of a worker the texts mention, with what replaces it."""
    candidates = {w.strip(".'-") for text in texts for w in _NAME_WORD.findall(text)}
    forms = {form for w in candidates for form in (w, w.lower(), w.capitalize())}
    forms.discard("")
    people = list(
        Worker.objects.filter(
            Q(first_name__in=forms) | Q(last_name__in=forms) | Q(username__in=forms)
        ).only("pk", "first_name", "last_name", "username", "email")
    )
    if requester is not None:
        people.append(requester)
    names: dict[str, str] = {}
    for person in people:
        stand_in = (
            REQUESTER
            if requester is not None and person.pk == requester.pk
            else SOMEONE
        )
        for name in (
            person.get_full_name(),
            person.first_name,
            person.last_name,
            person.username,
            person.email,
        ):
            # The requester's stand-in wins over a namesake's.
            if len(name) > 1 and names.get(name.lower()) != REQUESTER:
                names[name.lower()] = stand_in
    return names


def scrub(texts: list[str], requester: Worker | None) -> list[str]:
    """The texts without e-mail addresses, phone numbers, and the names of
    the requester and of any worker in the directory."""
    names = _directory_names(texts, requester)
    scrubbed = []
    for text in texts:
        text = _EMAIL.sub(REMOVED_EMAIL, text)
        # Longest first, so a full name goes before its first name alone.
        for name in sorted(names, key=len, reverse=True):
            text = re.sub(
                rf"(?<![\w@]){re.escape(name)}(?![\w@])",
                names[name],
                text,
                flags=re.IGNORECASE,
            )
        scrubbed.append(_without_phone_numbers(text))
    return scrubbed
