"""`--send` mails the publication to a real SMTP server on 127.0.0.1."""

import email
import socket
from collections.abc import Iterator
from email.message import Message
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from pytest_django.fixtures import Settings

from credence.publish.models import Recipient
from credence.tickets.models import Ticket

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")


class Inbox:
    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def inbox(settings: Settings) -> Iterator[Inbox]:
    handler = Inbox()
    port = _free_port()
    controller = aiosmtpd_controller.Controller(
        handler, hostname="127.0.0.1", port=port
    )
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    try:
        yield handler
    finally:
        controller.stop()


def test_send_mails_html_with_inline_charts_to_the_list(
    march: dict[str, Ticket], inbox: Inbox, tmp_path: Path
) -> None:
    Recipient.objects.create(email="board@example.test")
    Recipient.objects.create(email="cio@example.test")
    out = StringIO()

    call_command("publish", month="2026-03", to=str(tmp_path), send=True, stdout=out)

    assert out.getvalue().endswith(
        "Sent to 2 address(es): board@example.test, cio@example.test.\n"
    )
    assert len(inbox.envelopes) == 1
    envelope = inbox.envelopes[0]
    assert sorted(envelope.rcpt_tos) == ["board@example.test", "cio@example.test"]
    mail = email.message_from_bytes(envelope.content)
    assert mail["Subject"] == "Service levels for March 2026"
    assert mail.get_content_type() == "multipart/related"

    parts = list(mail.walk())
    types = [part.get_content_type() for part in parts]
    assert types == [
        "multipart/related",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "image/png",
        "image/png",
    ]
    images = {part["Content-ID"]: part for part in parts if _is_png(part)}
    assert set(images) == {"<compliance>", "<trend>"}
    for image in images.values():
        assert image.get_payload(decode=True).startswith(b"\x89PNG")
    html = parts[3].get_payload(decode=True).decode()
    assert 'src="cid:compliance"' in html
    assert 'src="cid:trend"' in html
    plain = parts[2].get_payload(decode=True).decode()
    assert "Missed: response compliance for high was 50.0% against a target" in plain


def _is_png(part: Message) -> bool:
    return part.get_content_type() == "image/png"


def test_send_to_an_empty_list_sends_nothing_and_says_so(
    march: dict[str, Ticket], inbox: Inbox, tmp_path: Path
) -> None:
    out = StringIO()

    call_command("publish", month="2026-03", to=str(tmp_path), send=True, stdout=out)

    assert inbox.envelopes == []
    assert out.getvalue().endswith(
        "Sent to nobody: the list is empty. A lead adds addresses on /desk/publish/.\n"
    )
