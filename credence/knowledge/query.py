"""What a searcher meant: from typed words to concepts the engines look for.

Workers type the way they talk: "my wifi keeps droping", "cant log in after
new phone". A query becomes a list of concepts, one per meaningful word,
each with the spellings that stand for it: the word itself (corrected
against the indexed vocabulary when it is not a known word), and its IT
synonyms, some of them phrases ("two factor"). Filler words ("how", "my",
"please", "not working") carry no meaning for ranking and are dropped.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from credence.knowledge.text import edit_distance, fold, stem, words

# Each group is one idea; a word or phrase of a group finds the others.
# Phrases are written with spaces and searched as phrases.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    # A hotspot is one way of sharing a connection, not the wifi itself: as
    # a synonym it put "Create a wireless hotspot" first for every wifi
    # question.
    ("wifi", "wi fi", "wireless", "wlan"),
    (
        "mfa",
        "2fa",
        "two factor",
        "multi factor",
        "multifactor",
        "authenticator",
        "second factor",
        "okta verify",
    ),
    ("laptop", "computer", "notebook", "macbook", "pc", "machine"),
    ("password", "passphrase", "passwords", "pw", "pwd", "passcode"),
    ("login", "log in", "logon", "sign in", "signin", "logging in"),
    ("keyboard", "keys", "typing", "layout"),
    ("printer", "printing", "print", "printout"),
    ("vpn", "virtual private network"),
    ("monitor", "screen", "display"),
    ("email", "e mail", "mail", "gmail", "inbox"),
    ("phone", "mobile", "cell", "smartphone", "iphone", "android"),
    ("slow", "sluggish", "laggy", "lag"),
    ("internet", "network", "online"),
    ("connect", "connecting", "connection", "join"),
    ("sound", "audio", "speakers", "volume"),
    ("mic", "microphone"),
    ("headset", "headphones", "earphones"),
    ("locked", "lockout", "locked out"),
    ("forgot", "forgotten", "reset"),
    ("battery", "charge", "charging"),
    ("admin", "administrator", "administrative", "sudo", "privileges"),
    ("install", "installing", "installation"),
    ("delete", "deleted", "remove", "erase", "wipe"),
    ("trash", "bin", "recycle bin", "wastebasket"),
    ("backup", "back up", "backups"),
    ("phishing", "scam", "suspicious", "spam"),
    ("offboarding", "leaving", "last day", "quit", "resign"),
    ("onboarding", "new hire", "first day", "starting"),
    ("bluetooth", "pairing", "pair"),
    ("mouse", "pointer", "cursor", "trackpad", "touchpad"),
    ("hot", "overheating", "overheat", "heat"),
    ("dark", "dim", "brightness", "bright", "darker", "dimmed"),
    ("usb", "flash drive", "thumb drive", "external drive"),
    # "missing" is not among them: "fan-control software could be missing"
    # made a fan article an answer to "lost laptop".
    ("lost", "stolen", "theft"),
    ("app", "application", "software", "program"),
    ("meeting", "video call", "videoconference", "conference"),
    ("disk", "storage", "drive", "space"),
    ("ip", "ip address"),
    ("disconnect", "disconnecting", "disconnects", "drop", "dropping", "drops"),
    ("hostname", "rename", "computer name", "device name"),
    ("firewall", "port", "ports"),
    ("access", "permission", "permissions"),
    ("antivirus", "anti virus", "virus", "malware"),
    ("sleep", "suspend", "hibernate"),
    ("fingerprint", "touch id"),
    ("smart card", "smartcard", "piv", "card reader"),
    ("file", "files", "document", "documents"),
    ("signature", "sign", "docusign"),
    ("calendar", "invite", "schedule"),
    ("chat", "slack", "messaging"),
    ("share", "sharing", "shared"),
    ("operating system", "os", "macos", "linux", "windows"),
)

# Words that say nothing about what is wrong: questions, politeness, and
# the many ways of saying "it does not work".
STOP_WORDS = frozenset(
    (
        "a",
        "about",
        "above",
        "after",
        "again",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "anyone",
        "anybody",
        "someone",
        "somebody",
        "something",
        "anything",
        "thing",
        "things",
        "stuff",
        "hi",
        "hello",
        "hey",
        "thanks",
        "thank",
        "please",
        "pls",
        "help",
        "need",
        "needs",
        "needed",
        "want",
        "wants",
        "trying",
        "try",
        "tried",
        "get",
        "gets",
        "getting",
        "got",
        "keep",
        "keeps",
        "kept",
        "still",
        "again",
        "work",
        "works",
        "working",
        "worked",
        "broken",
        "broke",
        "issue",
        "issues",
        "problem",
        "problems",
        "really",
        "suddenly",
        "since",
        "today",
        "yesterday",
        "morning",
        "anymore",
        "way",
        "ok",
        "okay",
        "im",
        "ive",
        "id",
        "dont",
        "doesnt",
        "didnt",
        "cant",
        "wont",
        "isnt",
        "arent",
        "wasnt",
        "shouldnt",
        "couldnt",
        "u",
        "ur",
        "guys",
        "guy",
        "know",
        "tell",
        "use",
        "using",
        "used",
        "able",
    )
)

_CONTRACTIONS = {
    "can't": "cannot",
    "won't": "will not",
    "n't": " not",
    "'m": "",
    "'ve": "",
    "'re": "",
    "'ll": "",
    "'d": "",
    "'s": "",
}

_JOINED = {
    "wi fi": "wifi",
    "e mail": "email",
    "log in": "login",
    "sign in": "signin",
    "set up": "setup",
    "back up": "backup",
    # Getting on a network is connecting to it.
    "get on": "connect",
    "get onto": "connect",
    "get on to": "connect",
    "get online": "connect online",
    "hop on": "connect",
}
_JOINED_PATTERNS = tuple(
    (re.compile(rf"\b{split}\b"), joined) for split, joined in _JOINED.items()
)
_SEPARATORS = re.compile(r"[-_/]")


@dataclass(frozen=True)
class Concept:
    """One idea of the query and the spellings that stand for it.

    `typed` is the searcher's own word (after correction); `alternatives`
    are phrases, each a tuple of words, the first being `typed` itself.
    """

    typed: str
    alternatives: tuple[tuple[str, ...], ...]
    # A concept the query implies without naming it ("wifi not working"
    # asks for troubleshooting): it ranks, but weighs less than a word
    # the searcher typed.
    implied: bool = False

    @property
    def stems(self) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(stem(w) for w in phrase) for phrase in self.alternatives)


Corrector = Callable[[str], str | None]


def _synonyms_by_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    table: dict[str, tuple[tuple[str, ...], ...]] = {}
    for group in SYNONYM_GROUPS:
        phrases = tuple(tuple(entry.split()) for entry in group)
        for entry in group:
            key = entry.replace(" ", "")
            table[key] = phrases
            table[stem(key)] = phrases
    return table


_SYNONYMS = _synonyms_by_word()


def _expand_contractions(text: str) -> str:
    text = fold(text).replace("\u2019", "'")
    for short, long in _CONTRACTIONS.items():
        text = text.replace(short, long)
    return text


def _join_split_words(text: str) -> str:
    # "wi-fi", "e-mail" and "log in" are one idea each; joining them keeps
    # them from becoming two weak words.
    text = _SEPARATORS.sub(" ", text)
    for pattern, joined in _JOINED_PATTERNS:
        text = pattern.sub(joined, text)
    return text


def meaningful_words(query: str) -> list[str]:
    seen: list[str] = []
    for word in words(_join_split_words(_expand_contractions(query))):
        word = word.replace("'", "")
        if word in STOP_WORDS or (len(word) < 2 and not word.isdigit()):
            continue
        if word not in seen:
            seen.append(word)
    return seen


def _thousands(number: str) -> tuple[str, ...]:
    groups: list[str] = []
    while len(number) > 3:
        number, tail = number[:-3], number[-3:]
        groups.insert(0, tail)
    return (number, *groups)


def _near_synonym(word: str) -> str | None:
    """An IT word of the synonym table one typo away ("droping" for
    "dropping"), even when the indexed text never spells it that way."""
    if len(word) < 5:
        return None
    for key in _SYNONYMS:
        if abs(len(key) - len(word)) <= 1 and edit_distance(word, key) == 1:
            return key
    return None


# "not working", "won't work", "broken": the searcher says only that
# something fails, and the pages written for that are the troubleshooters.
# These words are filler for ranking (see STOP_WORDS); here they only
# imply that idea. A failure they name ("can't connect") is its own idea.
_TROUBLE = re.compile(
    r"\b(?:(?:not|cannot|cant|wont|doesnt|dont|isnt|stopped)\s+work\w*|broken)\b"
)
TROUBLE = Concept(typed="troubleshoot", alternatives=(("troubleshoot",),), implied=True)


def _has_trouble(query: str) -> bool:
    said = " ".join(w.replace("'", "") for w in words(_expand_contractions(query)))
    return _TROUBLE.search(said) is not None


def understand(query: str, correct: Corrector) -> list[Concept]:
    """The query's concepts, with spelling corrected and synonyms added."""
    concepts = _typed_concepts(query, correct)
    if concepts and _has_trouble(query) and TROUBLE.typed not in _typed(concepts):
        concepts.append(TROUBLE)
    return concepts


def _typed(concepts: list[Concept]) -> set[str]:
    return {concept.typed for concept in concepts}


def _typed_concepts(query: str, correct: Corrector) -> list[Concept]:
    concepts: list[Concept] = []
    for word in meaningful_words(query)[:12]:
        known = _SYNONYMS.get(word) or _SYNONYMS.get(stem(word))
        if known is None:
            corrected = correct(word)
            if corrected != word and (near := _near_synonym(word)) is not None:
                corrected = near
            if corrected is None:
                continue
            word = corrected
            known = _SYNONYMS.get(word) or _SYNONYMS.get(stem(word))
        alternatives: list[tuple[str, ...]] = [(word,)]
        if word.isdigit() and len(word) > 3:
            # "10000" is written "10,000" in the text, two words to the index.
            alternatives.append(_thousands(word))
        for phrase in known or ():
            if phrase not in alternatives:
                alternatives.append(phrase)
        concepts.append(Concept(typed=word, alternatives=tuple(alternatives)))
    return concepts
