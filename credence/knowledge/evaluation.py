"""How well search answers a set of questions with known right articles.

Each question comes with the slugs of the articles that answer it; a
question counts as found at rank k when a right article is the k-th
result. Top-1 and top-3 are the shares found at rank 1 and within the first
three; MRR is the mean of 1/k over the questions (0 when not in the first
ten).
"""

import json
from dataclasses import dataclass
from pathlib import Path

from credence.knowledge.search import search

DEPTH = 10


@dataclass(frozen=True)
class Question:
    text: str
    expected: frozenset[str]


@dataclass(frozen=True)
class Answer:
    question: Question
    ranked: tuple[str, ...]

    @property
    def rank(self) -> int | None:
        for position, slug in enumerate(self.ranked, start=1):
            if slug in self.question.expected:
                return position
        return None


@dataclass(frozen=True)
class Quality:
    answers: tuple[Answer, ...]

    def _share(self, within: int) -> float:
        found = [a for a in self.answers if a.rank is not None and a.rank <= within]
        return len(found) / len(self.answers)

    @property
    def top1(self) -> float:
        return self._share(1)

    @property
    def top3(self) -> float:
        return self._share(3)

    @property
    def mrr(self) -> float:
        return sum(1 / a.rank for a in self.answers if a.rank) / len(self.answers)


def load_questions(path: Path) -> list[Question]:
    entries = json.loads(path.read_text(encoding="utf-8"))
    return [Question(e["q"], frozenset(e["expect"])) for e in entries]


def evaluate(questions: list[Question]) -> Quality:
    answers = []
    for question in questions:
        hits = search(question.text, None, limit=DEPTH, kinds=("article",))
        answers.append(Answer(question, tuple(hit.slug for hit in hits)))
    return Quality(tuple(answers))
