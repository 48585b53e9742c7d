"""Claim linking: denials join the claim they deny; paraphrases within an article are one claim."""

from app.extract.claims import content_words, overlap


def test_content_words_fold_synonyms_and_drop_function_words():
    a = content_words("Russia had sought military assistance in Ukraine")
    b = content_words("Russia asked for help in Ukraine")
    assert {"russia", "ask", "help", "ukraine"} <= a & b
    assert overlap(a, b) == 1.0
    assert "had" not in a


def test_us_is_the_country_but_us_the_pronoun_is_not():
    assert "usa" in content_words("The US spread lies")
    assert "usa" not in content_words("They told us nothing")


def test_such_request_links_the_denial_to_the_asserted_claim(run):
    st, claims, actors = run("Several US officials said Russia had asked China for military equipment.",
                             "The Kremlin denied any such request had been made.")
    assert [s.relation for s in st] == ["assert", "deny"]
    assert st[0].claim_key == st[1].claim_key
    assert st[1].target == "usa"  # the denial targets whoever asserted the claim


def test_unrelated_assertions_stay_separate_claims(run):
    st, claims, _ = run("The US said its trade with the EU was worth 155 billion dollars.",
                        "The EU said the talks on fishing quotas would resume in May.")
    assert len({s.claim_key for s in st}) == 2
    assert all(c["label"] for c in claims.values())


def test_a_denial_joins_what_its_speaker_was_accused_of(run):
    st, _, _ = run("The U.S. accused Pakistan of sponsoring extremist groups.",
                   "Pakistan has repeatedly denied harboring terrorists.")
    accuse = next(s for s in st if s.relation == "accuse")
    deny = next(s for s in st if s.relation == "deny")
    assert deny.claim_key == accuse.claim_key and deny.target == "usa"
