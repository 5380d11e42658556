"""Understanding a query: filler words, contractions, synonyms, typos."""

from credence.knowledge.query import meaningful_words, understand
from credence.knowledge.text import edit_distance
from credence.knowledge.vocabulary import Vocabulary


def _keep(word: str) -> str:
    return word


def test_filler_and_contractions_are_dropped() -> None:
    assert meaningful_words("Hi, my laptop won't turn on?? Please help!") == [
        "laptop",
        "turn",
    ]


def test_split_spellings_are_joined() -> None:
    assert meaningful_words("Wi-Fi and e-mail, can't log in") == [
        "wifi",
        "email",
        "login",
    ]


def test_a_word_brings_its_synonyms_phrases_included() -> None:
    concept = understand("2fa", _keep)[0]

    assert concept.typed == "2fa"
    assert ("two", "factor") in concept.alternatives
    assert ("mfa",) in concept.alternatives
    assert ("authenticator",) in concept.alternatives


def test_a_number_is_also_looked_for_with_thousands_apart() -> None:
    concept = understand("software under 10000", _keep)[1]

    assert concept.alternatives == (("10000",), ("10", "000"))


def test_unknown_words_that_cannot_be_corrected_are_dropped() -> None:
    assert understand("qqqq printer", lambda word: None)[0].typed == "printer"


def test_edit_distance_counts_a_swap_as_one() -> None:
    assert edit_distance("keybord", "keyboard") == 1
    assert edit_distance("recieve", "receive") == 1
    assert edit_distance("printer", "printer") == 0
    assert edit_distance("mouse", "house") == 1
    assert edit_distance("wifi", "wireless") == 6


def test_corrections_prefer_the_closest_then_the_most_common_word() -> None:
    vocabulary = Vocabulary.of(
        {"keyboard": 12, "password": 30, "passwords": 4, "printer": 9, "pointer": 2},
        documents=40,
    )

    assert vocabulary.correct("keybord") == "keyboard"
    assert vocabulary.correct("pasword") == "password"
    assert vocabulary.correct("printers") == "printers"
    assert vocabulary.correct("pronter") == "printer"
    assert vocabulary.correct("zebra") is None


def test_rarer_words_weigh_more() -> None:
    vocabulary = Vocabulary.of({"change": 30, "password": 5}, documents=40)

    assert vocabulary.weight("password") > vocabulary.weight("change")


def test_a_typo_of_an_it_word_is_read_as_that_word() -> None:
    concept = understand("wifi keeps droping", lambda word: None)[1]

    assert concept.typed == "dropping"
    assert ("disconnecting",) in concept.alternatives


def test_a_known_word_is_never_bent_towards_a_synonym() -> None:
    assert understand("sides", _keep)[0].typed == "sides"
