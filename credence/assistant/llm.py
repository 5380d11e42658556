"""Writing an answer with a language model, grounded in numbered passages.

Any OpenAI-compatible endpoint (`POST {CREDENCE_LLM_URL}/chat/completions`)
will do. The model sees only the passages the worker may see, numbered, and
must cite them as [1], [2]; when they do not answer the question it must
reply with NOT_IN_PASSAGES alone. Anything else going wrong (no answer in
time, an HTTP error, a reply that is not the protocol's JSON, an answer
citing nothing) raises ModelUnavailable, and the caller answers without the
model.
"""

import json
import logging
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

NOT_IN_PASSAGES = "NOT_IN_PASSAGES"

SYSTEM_PROMPT = f"""\
You are the IT help assistant of an organisation. Answer the worker's \
question using only the numbered passages below the question; do not use \
anything you know from elsewhere. Keep the answer short and practical: the \
steps to take, in order. After each sentence that uses a passage, cite it \
by its number in square brackets, like [1] or [2]. If the passages do not \
answer the question, reply with exactly {NOT_IN_PASSAGES} and nothing else."""

_CITATION = re.compile(r"\[(\d+)\]")


class ModelUnavailable(Exception):
    """The model gave no usable answer; the reason is the message."""


@dataclass(frozen=True)
class ModelAnswer:
    text: str
    # 1-based numbers of the passages the answer cites; empty when the
    # model said the passages do not answer.
    cited: tuple[int, ...]

    @property
    def knows(self) -> bool:
        return bool(self.cited)


def configured() -> bool:
    return bool(settings.CREDENCE_LLM_URL and settings.CREDENCE_LLM_MODEL)


def _api_key() -> str:
    if settings.CREDENCE_LLM_API_KEY:
        return str(settings.CREDENCE_LLM_API_KEY)
    if settings.CREDENCE_LLM_API_KEY_FILE:
        path = Path(settings.CREDENCE_LLM_API_KEY_FILE)
        try:
            return path.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ModelUnavailable(
                f"the key file {path} named by CREDENCE_LLM_API_KEY_FILE "
                f"cannot be read: {error.strerror}"
            ) from None
    return ""


def user_message(question: str, passages: list[tuple[str, str]]) -> str:
    numbered = "\n\n".join(
        f"[{number}] {title}\n{text}"
        for number, (title, text) in enumerate(passages, start=1)
    )
    return f"Question: {question}\n\nPassages:\n\n{numbered}"


def _post(body: dict[str, object]) -> dict[str, object]:
    url = settings.CREDENCE_LLM_URL.rstrip("/") + "/chat/completions"
    headers = {"Content-Type": "application/json"}
    key = _api_key()
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(
            request, timeout=settings.CREDENCE_LLM_TIMEOUT
        ) as response:
            raw = response.read()
    except urllib.error.HTTPError as error:
        raise ModelUnavailable(f"{url} answered HTTP {error.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise ModelUnavailable(f"{url} could not be reached: {reason}") from None
    try:
        parsed = json.loads(raw)
    except ValueError:
        raise ModelUnavailable(f"{url} answered something other than JSON") from None
    if not isinstance(parsed, dict):
        raise ModelUnavailable(f"{url} answered JSON that is not an object")
    return parsed


def _content(reply: dict[str, object]) -> str:
    try:
        content = reply["choices"][0]["message"]["content"]  # type: ignore[index]
    except (KeyError, IndexError, TypeError):
        raise ModelUnavailable("the reply has no choices[0].message.content") from None
    if not isinstance(content, str) or not content.strip():
        raise ModelUnavailable("the reply's message content is empty")
    return content.strip()


def ask_model(question: str, passages: list[tuple[str, str]]) -> ModelAnswer:
    """The model's answer to the question from the (title, text) passages."""
    reply = _post(
        {
            "model": settings.CREDENCE_LLM_MODEL,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": user_message(question, passages)},
            ],
        }
    )
    content = _content(reply)
    if NOT_IN_PASSAGES in content:
        return ModelAnswer(content, ())

    cited = sorted(
        {
            int(number)
            for number in _CITATION.findall(content)
            if 1 <= int(number) <= len(passages)
        }
    )
    if not cited:
        # An answer that cites nothing cannot be shown with its sources,
        # and may not come from the passages at all.
        raise ModelUnavailable("the answer cites none of the passages")
    return ModelAnswer(content, tuple(cited))
