"""`credence ask QUESTION`: one turn of the assistant, for evaluation and
support. Nothing is recorded: no conversation, no gap."""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from credence.assistant.turn import reply_to
from credence.workers.models import Worker


class Command(BaseCommand):
    help = (
        "Ask the assistant one question and print its answer with its sources, "
        "or the prefilled request it would hand off to."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("question", help="The question, as a worker would type it.")
        parser.add_argument(
            "--as",
            dest="username",
            help=(
                "Answer as this worker (by username), with what they may see. "
                "Default: a worker who is not signed in, who sees the articles "
                "for workers and no tickets."
            ),
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="Text to read, or one JSON object for other tools.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        viewer = None
        if options["username"]:
            viewer = Worker.objects.filter(username=options["username"]).first()
            if viewer is None:
                raise CommandError(
                    f"No worker has the username {options['username']!r}; give "
                    "one from the directory, or leave out --as."
                )
        if not options["question"].strip():
            raise CommandError("The question is empty; write what the worker asks.")

        reply = reply_to(options["question"], viewer)
        if options["format"] == "json":
            self.stdout.write(json.dumps(reply.as_json(), indent=2, ensure_ascii=False))
            return
        self.stdout.write(reply.text)
        for source in reply.sources:
            self.stdout.write(f"- {source.title}: {source.url}")
        if reply.handoff is not None:
            self.stdout.write(f"Request form: {reply.handoff.url}")
