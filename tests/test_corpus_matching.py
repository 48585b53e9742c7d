"""Claim matching across articles: lemmas, signatures, and the hand-written pair set."""

import json
from pathlib import Path

import pytest

from app.config import Settings
from app.corpus.lemmas import lemma
from app.corpus.matching import entry_key, signature, similarity
from app.extract.gazetteer import load_gazetteer

PAIRS = json.loads((Path(__file__).parent / "data" / "claim_pairs.json").read_text("utf-8"))["pairs"]
THRESHOLD = Settings().claim_match_threshold


def _fold(actor_id: str) -> str:
    entry = load_gazetteer().entries.get(actor_id)
    return entry_key(entry) if entry is not None else actor_id


def _signature(side: dict):
    # the words of person and organisation ids stand in for the names an article gives them
    names = [word for actor_id in side["about"] for word in actor_id.split("-")]
    return signature(side["text"], side["about"], side["parties"], _fold, names)


def _predict(pair: dict) -> str:
    a, b = _signature(pair["a"]), _signature(pair["b"])
    if similarity(a, b) < THRESHOLD:
        return "different"
    return "opposite" if a.negative != b.negative else "same"


@pytest.mark.parametrize("word, expected", [
    ("sought", "seek"), ("asked", "ask"), ("missiles", "missile"), ("shooting", "shoot"),
    ("accused", "accuse"), ("countries", "country"), ("was", "be"), ("disinformation", "disinformation"),
])
def test_lemma_from_the_model_tables(word, expected):
    assert lemma(word) == expected


def test_lemma_tables_come_from_the_package_files_or_else_the_pipeline():
    from app.corpus import lemmas

    assert lemmas._package_lookups(Settings().spacy_model) is not None  # no pipeline loaded
    assert lemmas._package_lookups("no_such_pipeline_package") is None  # spacy.load it is


def test_actor_names_fold_to_their_country_and_leave_the_content():
    kremlin = signature("The Kremlin requested military aid from Beijing", [], [], _fold)
    russia = signature("Russia asked China for military help", ["rus"], [], _fold)
    assert kremlin.actors == russia.actors == {"RUS", "CHN"}
    assert kremlin.terms == russia.terms == {"ask", "military", "help"}


def test_negation_sets_polarity_not_content():
    plain = signature("Iran shot down the plane", [], [], _fold)
    negated = signature("Iran didn't shoot down the plane", [], [], _fold)
    double = signature("It is not true that Iran never shot down the plane", [], [], _fold)
    assert negated.negative and not plain.negative and not double.negative
    assert plain.terms == negated.terms and similarity(plain, negated) > THRESHOLD


def test_shared_words_with_other_actors_are_not_one_claim():
    a = signature("Russia asked China for military help", [], [], _fold)
    b = signature("Iran asked China for military help", [], [], _fold)
    assert a.terms == b.terms and similarity(a, b) < THRESHOLD


def test_the_pair_set_covers_every_kind():
    kinds = [p["expect"] for p in PAIRS]
    assert len(PAIRS) >= 40 and {k: kinds.count(k) >= 7 for k in set(kinds)} == dict.fromkeys(
        ("same", "opposite", "different"), True)


def test_pairs_at_the_default_threshold():
    """Merging two different claims corrupts who disputes what, so no such error is allowed;
    a missed paraphrase only leaves two corpus claims, so some are tolerated."""
    predicted = [(_predict(p), p["expect"]) for p in PAIRS]
    false_merges = [p for (got, want), p in zip(predicted, PAIRS) if want == "different" and got != want]
    accuracy = sum(got == want for got, want in predicted) / len(PAIRS)
    assert false_merges == []
    assert all(got == "opposite" for got, want in predicted if want == "opposite")
    assert accuracy >= 0.9, accuracy
