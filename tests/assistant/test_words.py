"""The words the assistant compares: folding, synonyms and one typo."""

from credence.assistant.words import coverage, normalise, rarest, terms


def test_normalise_drops_case_and_punctuation() -> None:
    assert normalise("  Wi-Fi drops?!  Again… ") == "wi fi drops again"


def test_terms_keep_only_the_subject_words() -> None:
    assert terms("How do I connect to the wireless network?") == [
        "connect",
        "wifi",
        "internet",
    ]


def test_terms_fold_spellings_of_one_thing() -> None:
    assert terms("wi-fi") == terms("WiFi") == terms("wireless") == ["wifi"]
    assert terms("two-factor") == terms("2FA") == ["mfa"]
    assert terms("log in") == terms("sign-in") == ["login"]


def test_terms_stem_plurals_and_verb_forms() -> None:
    assert terms("printers printing") == ["printer"]
    assert terms("jammed jams jamming") == ["jam"]


def test_coverage_is_the_share_of_question_terms_found() -> None:
    vocabulary = frozenset(terms("Connect to a wireless network with a password"))
    assert coverage(terms("wifi password"), vocabulary) == 1.0
    # "yesterday" says nothing of the subject; "expired" is not there.
    assert coverage(terms("wifi password expired yesterday"), vocabulary) == 2 / 3


def test_coverage_weighs_each_term() -> None:
    vocabulary = frozenset(terms("Connect to a wireless network"))
    weights = {"wifi": 1.0, "canteen": 3.0}
    assert coverage(terms("wifi canteen"), vocabulary, weights) == 0.25


def test_the_rarest_terms_have_the_greatest_weight() -> None:
    weights = {"wifi": 1.5, "canteen": 3.0, "lunch": 3.0}
    assert rarest(["wifi", "canteen", "lunch"], weights) == ["canteen", "lunch"]
    assert rarest(["wifi", "canteen"], weights) == ["canteen"]


def test_coverage_forgives_one_typo_in_a_long_word() -> None:
    vocabulary = frozenset(terms("The keyboard types the wrong letters"))
    assert coverage(terms("keybord"), vocabulary) == 1.0
    # Swapped neighbours count as one typo too.
    assert coverage(terms("kyeboard"), vocabulary) == 1.0
    # Two typos do not.
    assert coverage(terms("kybord"), vocabulary) == 0.0


def test_short_words_must_match_exactly() -> None:
    vocabulary = frozenset(terms("Connect the VPN"))
    assert coverage(terms("vpm"), vocabulary) == 0.0


def test_a_question_of_filler_words_covers_nothing() -> None:
    assert terms("how do I do it please") == []
    assert coverage([], frozenset({"anything"})) == 0.0
