"""Write a month's publication to files and mail it to the lead's list.

Two forms of the same report: a Markdown post, whose charts are PNG files
beside it, and an HTML email. In the HTML file the charts are data: URIs;
in the mail they are inline parts of a multipart/related message, named
by cid:, with the Markdown as the plain-text part.
"""

import base64
import logging
from dataclasses import dataclass
from email.mime.image import MIMEImage
from pathlib import Path

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import timezone

from credence.errors import InvalidInput
from credence.metrics.measure import PRIORITIES
from credence.publish import charts
from credence.publish.models import Recipient
from credence.publish.report import NO_EXPLANATION, MonthReport

logger = logging.getLogger(__name__)

DEFAULT_DIRECTORY = "publications"
SEND_TIMEOUT_SECONDS = 60
CHART_NAMES = ("compliance", "trend")


class _RelatedMail(EmailMultiAlternatives):
    # Images referred to by cid: belong in a multipart/related message
    # around the text and HTML alternatives, not in a multipart/mixed one,
    # where mail clients show them again as attachments.
    mixed_subtype = "related"


@dataclass(frozen=True)
class Published:
    markdown: Path
    html: Path
    recipients: list[str]


def chart_images(report: MonthReport) -> dict[str, bytes]:
    return {
        "compliance": charts.compliance_chart(report),
        "trend": charts.trend_chart(report.trend),
    }


def _context(report: MonthReport, sources: dict[str, str]) -> dict[str, object]:
    metrics = report.metrics
    return {
        "report": report,
        "charts": sources,
        "rows": [("Overall", metrics["overall"])]
        + [
            (priority.capitalize(), metrics["by_priority"][priority])
            for priority in PRIORITIES
        ],
        "time_zone": settings.TIME_ZONE,
        "no_explanation": NO_EXPLANATION,
    }


def render_markdown(report: MonthReport, sources: dict[str, str]) -> str:
    return render_to_string("publish/month.md", _context(report, sources))


def render_html(report: MonthReport, sources: dict[str, str]) -> str:
    return render_to_string("publish/month_email.html", _context(report, sources))


def write_publication(
    report: MonthReport, directory: Path, images: dict[str, bytes] | None = None
) -> tuple[Path, Path]:
    """Write YYYY-MM.md, its two PNG charts and YYYY-MM.html into directory."""
    images = images or chart_images(report)
    directory.mkdir(parents=True, exist_ok=True)
    key = report.period.key
    files = {}
    for name, png in images.items():
        path = directory / f"{key}-{name}.png"
        path.write_bytes(png)
        files[name] = path.name

    markdown = directory / f"{key}.md"
    markdown.write_text(render_markdown(report, files), encoding="utf-8")
    inline = {
        name: "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        for name, png in images.items()
    }
    html = directory / f"{key}.html"
    html.write_text(render_html(report, inline), encoding="utf-8")
    return markdown, html


def mail_publication(
    report: MonthReport, recipients: list[str], images: dict[str, bytes] | None = None
) -> None:
    """Send the HTML with its charts as inline parts, and a plain-text part."""
    images = images or chart_images(report)
    text = render_markdown(report, {})
    html = render_html(report, {name: f"cid:{name}" for name in images})
    mail = _RelatedMail(
        subject=f"Service levels for {report.period.label}",
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        connection=get_connection(timeout=SEND_TIMEOUT_SECONDS),
    )
    mail.attach_alternative(html, "text/html")
    for name, png in images.items():
        part = MIMEImage(png, "png")
        part.add_header("Content-ID", f"<{name}>")
        part.add_header("Content-Disposition", "inline", filename=f"{name}.png")
        mail.attach(part)
    mail.send()
    logger.info(
        "Sent the publication of %s to %d recipient(s)",
        report.period.key,
        len(recipients),
    )


def publish(report: MonthReport, directory: Path, send: bool) -> Published:
    """Write the month's files and, if asked, mail it to the lead's list.

    Only a month that has ended is published: before its end the figures
    would still move, and a post or mail saying how a month went must not.
    """
    if report.as_of < report.period.end:
        raise InvalidInput(
            "%(month)s has not ended yet; publish it from %(end)s on.",
            month=report.period.label,
            end=timezone.localtime(report.period.end).strftime("%d %B %Y %H:%M"),
        )
    images = chart_images(report)
    try:
        markdown, html = write_publication(report, directory, images)
    except OSError as error:
        raise InvalidInput(
            "Cannot write the publication into %(directory)s (%(reason)s). "
            "Choose a folder you may write to.",
            directory=str(directory),
            reason=error.strerror or str(error),
        ) from None
    recipients: list[str] = []
    if send:
        recipients = list(Recipient.objects.values_list("email", flat=True))
        if recipients:
            mail_publication(report, recipients, images)
    return Published(markdown=markdown, html=html, recipients=recipients)
