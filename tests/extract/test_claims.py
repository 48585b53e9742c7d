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


def test_lemmas_and_synonyms_meet_across_wordings():
    assert {"shoot", "down"} <= content_words("The army denies shooting down the drone")
    assert {"shoot", "down"} <= content_words("a rocket shot down the drone")
    assert {"violate", "agreement"} <= content_words("claims that it had violated the accord")
    assert {"violate", "agreement"} <= content_words("breaching the pact")
    assert content_words("the allegations") == set()  # a noun that only names a claim says nothing
    assert content_words("the allegations", claim_nouns=True) == {"allegation"}


def test_a_denial_of_the_holders_claims_joins_what_the_holder_said_not_the_latest_claim(run):
    st, _, _ = run("The U.S. said Russia had moved troops to the border.",
                   "Officials in Kyiv said Moscow had also shelled two villages.",
                   "The Kremlin rejected the U.S. claims.")
    us, kyiv, kremlin = st
    assert kremlin.relation == "deny" and kremlin.claim_key == us.claim_key != kyiv.claim_key
    assert kremlin.target == "usa"


def test_a_headline_accusation_joins_the_bodys_account_and_the_denial_of_the_charges(run):
    st, claims, _ = run("EU accuses Meta of breaching competition rules with its ad model",
                        "The European Commission said on Monday that Meta's pay-or-consent model broke "
                        "the bloc's digital rules.",
                        "Meta denied the charges.")
    assert [s.relation for s in st] == ["accuse", "assert", "deny"]
    assert len({s.claim_key for s in st}) == 1
    # the label is what the body says, not the headline's fragment
    assert claims[st[0].claim_key]["label"].startswith("Meta's pay-or-consent model")


def test_on_the_contrary_joins_the_claim_the_speaker_just_denied(run):
    st, claims, _ = run("The mayor rejected the union's claim that the budget cuts would close libraries.",
                        "On the contrary, the mayor said, three new branches would open next year.")
    union, deny, counter = st
    assert (union.relation, deny.relation, counter.relation) == ("assert", "deny", "assert")
    assert union.claim_key == deny.claim_key == counter.claim_key
    assert claims[union.claim_key]["label"] == "the budget cuts would close libraries"


def test_while_one_side_said_the_other_claimed_is_one_disputed_question(run):
    st, claims, _ = run("While the ministry said the reform would cut energy prices, consumer groups "
                        "argued it would raise household bills.")
    assert len(st) == 2 and st[0].claim_key == st[1].claim_key
    assert claims[st[0].claim_key]["label"] == "the reform would cut energy prices"


def test_a_shared_name_of_a_thing_is_not_a_shared_claim(run):
    st, _, _ = run("Critics said the secretary of state lied.",
                   "The minister said the secretary of state would resign.")
    assert len(st) == 2 and st[0].claim_key != st[1].claim_key


def test_shared_actor_names_do_not_make_mirrored_charges_one_claim(run):
    st, _, _ = run("Russian officials said China was spying on Russia.",
                   "Chinese officials said Russia was spying on China.")
    assert [(s.speaker, s.target) for s in st] == [("rus", "chn"), ("chn", "rus")]
    assert st[0].claim_key != st[1].claim_key


def test_a_bare_headline_denial_points_forward_to_the_charge(run):
    st, _, _ = run("Minister denies bribery charges",
                   "Prosecutors accused the minister of taking bribes from a construction firm.",
                   "His lawyer said the minister would appeal.")
    deny, accuse, lawyer = st
    assert (deny.relation, accuse.relation) == ("deny", "accuse")
    assert deny.claim_key == accuse.claim_key != lawyer.claim_key
    assert deny.target == accuse.speaker


def test_actor_mentions_and_subjects_come_from_one_pattern_per_article():
    from app.extract.claims import _Names
    from app.extract.records import Actor, TextSpan
    from app.extract.actors import Resolved
    from app.extract.statements import Found

    actors = {"usa": Actor("usa", "United States", "country", "USA", None, ["U.S.", "Washington"]),
              "usa-congress": Actor("usa-congress", "United States Congress", "government", "USA", "usa", []),
              "rus": Actor("rus", "Russia", "country", "RUS", None, ["Moscow"])}
    names = _Names(actors)
    assert names.mentioned("the United States Congress said Moscow lied") == {"usa", "usa-congress", "rus"}
    assert names.mentioned("Russian officials") == set()  # whole words only

    def found(content: str, speaker: str) -> Found:
        span = TextSpan(content, 0, len(content))
        return Found(Resolved(speaker, span), "assert", span, span, span)

    assert names.subject(found("the United States Congress will vote", "rus")) == "usa-congress"
    assert names.subject(found("United States Congress will vote", "usa-congress")) == "usa"
    assert names.subject(found("Washington lied", "usa")) is None


def test_a_charge_of_misquoting_and_the_paper_standing_by_its_version_join_the_denied_claim(run):
    st, claims, _ = run("Senator Jones denies saying the tax deal was dead",
                        "Accusing the Daily Herald of misquoting him, Jones said he had told the newspaper "
                        "that the deal was “nearly” dead.",
                        "The Daily Herald said its recording of the interview backed up its version.")
    assert [s.relation for s in st] == ["deny", "accuse", "assert", "assert"]
    assert len({s.claim_key for s in st}) == 1
    assert st[0].target == "daily-herald"  # the paper's account is what he denies
    # neither the charge nor the paper's reply is the claim's wording
    assert claims[st[0].claim_key]["label"] == "saying the tax deal was dead"


def test_the_pipeline_marks_headline_statements_for_linking(pipeline):
    from app.extract.actors import ArticleActors
    from app.extract.claims import _headline
    from app.extract.pipeline import ArticleInput
    from app.extract.statements import StatementFinder

    text = ("Kremlin denies US claim that Russia asked China for help.\n\n"
            "US officials said Russia had asked China for military equipment. The Kremlin denied it.")
    result = pipeline.extract(ArticleInput(text=text))
    first = [e for e in result.graph["edges"] if e["evidence"][0]["start"] == 0]
    assert first and all(e["relation"] in {"deny", "assert"} for e in first)
    # the flag wins over the shape of the first sentence (a headline with a final stop)
    actors = ArticleActors()
    found = StatementFinder(actors).paragraph(pipeline.nlp("The Kremlin denied the report."), 0)
    found[0].headline = True
    assert _headline(found) == {0}


def test_a_charge_reported_as_which_is_about_its_antecedent(run):
    st, claims, _ = run("The president will visit Kyiv next week, after strikes on power stations which "
                        "Ukraine blamed on Russia.",
                        "Russia denied involvement in the strikes.")
    accuse, deny = st
    assert (accuse.relation, deny.relation) == ("accuse", "deny")
    assert accuse.claim_key == deny.claim_key and deny.target == accuse.speaker
    assert claims[accuse.claim_key]["label"] == "strikes on power stations"


def test_a_headline_charge_meets_the_bodys_first_charge_after_the_bodys_account(run):
    st, _, _ = run("Germany accuses Poland of failing to stop smugglers",
                   "Germany said on Monday it would cut border funding to Poland over its failure to act "
                   "against smugglers.",
                   "German officials said Poland was not taking strong enough steps to stop the smuggling gangs.",
                   "German officials also accused Poland of delaying the rail talks.")
    headline, account, charge, other = st
    assert [s.relation for s in st] == ["accuse", "assert", "accuse", "accuse"]
    assert headline.claim_key == account.claim_key == charge.claim_key != other.claim_key


def test_what_a_recording_showed_someone_said_joins_that_persons_account(run):
    st, claims, _ = run("Mayor Ortiz said he had told the council that the stadium deal was “almost” final.",
                        "The council said the recording showed Ortiz said “almost.”",
                        "The council said the budget vote would be held in June.")
    ortiz, recording, budget = st
    assert ortiz.claim_key == recording.claim_key != budget.claim_key
    assert claims[ortiz.claim_key]["label"].startswith("he had told the council")


def test_a_statement_about_a_speaker_meets_that_speakers_wording_at_a_lower_overlap(run):
    ortiz = "Mayor Ortiz said the audit was not a review of the city's pension ledgers, payroll or contracts."
    st, _, _ = run(ortiz, "Councillor Reyes said Ortiz's admission that the pension fund was not reviewed in the "
                          "audit showed he had misled voters.")
    assert st[1].target == st[0].speaker and st[0].claim_key == st[1].claim_key
    # the same words said by someone not speaking of the mayor are not enough
    st, _, _ = run(ortiz, "Councillor Reyes said the pension fund was not reviewed in the audit, nor the bonuses "
                          "or the complaints of voters.")
    assert st[0].claim_key != st[1].claim_key


def test_only_the_proper_words_of_a_descriptive_alias_name_an_actor():
    from app.extract.claims import _proper_words

    assert _proper_words("Small and mid-sized US firms") == ["US"]
    assert _proper_words("Investment giant BlackRock") == ["BlackRock"]
    assert _proper_words("Office of the US Trade Representative") == ["Office", "US", "Trade", "Representative"]


def test_bodies_named_after_a_stateless_organisation_are_on_its_side(run):
    commission = ("Acme's ad repository isn't up to the standards required by the bloc's Digital Services Act, "
                  "the 27-nation EU’s executive Commission said.")
    st, _, _ = run("European Union regulators accused Acme of breaching digital rules with a lack of "
                   "transparency on ads.", commission)
    assert [s.relation for s in st] == ["accuse", "accuse"] and st[0].claim_key == st[1].claim_key
    # the organisation's critics are not its body
    st, _, _ = run("European Union critics accused Acme of breaching digital rules with a lack of "
                   "transparency on ads.", commission)
    assert st[0].claim_key != st[1].claim_key


def test_the_body_an_alias_may_belong_to():
    from app.extract.claims import _body_of

    assert _body_of("European Union regulators")[0] == "European Union"
    assert _body_of("the 27-nation EU’s executive Commission")[0] == "EU"
    assert _body_of("EU critics") == []


def test_the_sentences_of_one_quotation_are_one_claim(run):
    # one speech act, one statement: the quotation's second sentence is evidence of the same claim
    st, claims, actors = run('"The new tariffs are a sensible step. They will protect jobs in the steel towns," '
                             "the trade minister said.", "The opposition said the tariffs would raise prices.")
    minister = [s for s in st if actors[s.speaker].label != "opposition"]
    assert len(minister) == 2 and minister[0].claim_key == minister[1].claim_key
    assert len({s.claim_key for s in st}) == 2


def test_a_claim_said_to_twist_the_law_is_denied(run):
    # "the suit distorts the law": a denial of what the suit charges, linked to that charge
    st, claims, actors = run("Attorney General Jane Moss accused Northfield Capital of rigging grain prices in a lawsuit "
                             "filed on Wednesday.", "Northfield Capital said the suit distorts the law.")
    assert [(s.relation, actors[s.speaker].label) for s in st] == [("accuse", "Jane Moss"),
                                                                  ("deny", "Northfield Capital")]
    assert st[0].claim_key == st[1].claim_key and st[1].target == st[0].speaker


def test_harm_words_fold_together():
    a = content_words("Small US firms were hit hardest by the tariffs")
    b = content_words("US companies are being harmed by the tariffs")
    assert {"usa", "company", "harm"} <= a & b


def test_a_colon_and_the_quotation_it_introduces_are_one_claim(run):
    st, claims, actors = run("The finance minister said:",
                             "\u201cThe new budget will cut the deficit in half within three years.\u201d")
    assert [s.relation for s in st] == ["assert", "assert"]
    assert st[0].claim_key == st[1].claim_key
    assert st[0].evidence.content.text.startswith("The new budget will cut")


def test_two_accusers_of_one_side_making_one_charge_in_other_words_are_one_claim(run):
    st, _, _ = run("The U.S. State Department on Monday accused Venezuela of arming rebel militias in Colombia.",
                   "U.S. Defense Secretary John Smith accused Venezuela of sending weapons and cash across "
                   "the border to the guerrillas.")
    assert [s.relation for s in st] == ["accuse", "accuse"]
    assert st[0].claim_key == st[1].claim_key


def test_accusers_of_two_sides_against_one_target_stay_separate_claims(run):
    st, _, _ = run("Russia accused Turkey of arming militants in northern Syria.",
                   "The U.S. State Department accused Turkey of buying weapons and air defence systems "
                   "from Moscow.")
    assert [s.relation for s in st] == ["accuse", "accuse"]
    assert st[0].claim_key != st[1].claim_key


def test_a_hyphenated_compound_is_the_word_written_solid():
    assert content_words("a cyber-attack on the grid") == content_words("a cyberattack on the grid")
    assert "harm" in content_words("the worst-hit firms")  # a hyphenated synonym keeps its fold


def test_what_caused_the_event_of_the_headline_joins_the_headline_claim(run):
    st, claims, _ = run("Russia denies its jets bombed a hospital in Aleppo",
                        "U.S. officials said Russian jets had bombed the hospital on Tuesday.",
                        "The Syrian health minister said the blast was caused by a rebel rocket.",
                        "The Syrian health minister said the hospital would be rebuilt by the spring.")
    deny, accuse, cause, rebuilt = st
    assert (deny.relation, accuse.relation, cause.relation) == ("deny", "accuse", "assert")
    assert deny.claim_key == accuse.claim_key == cause.claim_key != rebuilt.claim_key
    # the explanation is neither the claim's label nor what the denial answers
    assert claims[deny.claim_key]["label"] == "Russian jets had bombed the hospital on Tuesday"
    assert deny.target == "usa"


def test_a_cause_does_not_join_a_headline_that_only_asserts(run):
    st, _, _ = run("Rail union says strike will go ahead on Monday",
                   "Police said the fire was caused by an electrical fault.")
    assert [s.relation for s in st] == ["assert", "assert"]
    assert st[0].claim_key != st[1].claim_key


def test_a_denial_of_the_lawsuit_denies_every_charge_it_brings(run):
    st, _, _ = run("The case, filed by California Attorney General Rob Bonta in March, accused Acme Pharma of "
                   "colluding with rivals to raise insulin prices.",
                   "The suit also accuses Acme Pharma of hiding safety data from regulators.",
                   "Acme Pharma called the case baseless.",
                   "Bonta also accused Acme Pharma of lobbying against a price cap.")
    collusion, hiding, denial, lobbying = st
    assert [s.relation for s in st] == ["accuse", "accuse", "deny", "accuse"]
    assert collusion.claim_key == hiding.claim_key == denial.claim_key
    assert lobbying.claim_key != denial.claim_key  # a charge made outside the lawsuit is one of its own


def test_the_claims_named_by_their_author_join_the_claim_denied_before(run):
    st, claims, actors = run("The attorney general denied that he had been pressured by ministers.",
                             "The claims about the ministers' involvement were made in a book published this week "
                             "by the historian Peter Grant.")
    assert [(s.relation, actors[s.speaker].label) for s in st] == [("deny", "attorney general"),
                                                                  ("assert", "Peter Grant")]
    assert st[0].claim_key == st[1].claim_key


def test_the_accusers_next_charge_about_the_same_matter_joins_it_under_another_name(run):
    st, _, actors = run("A joint investigation by Amnesty International alleged that Petrov's firm had become the main "
                        "source of drone engines for Vektor Arms since the start of the war.",
                        "The report alleged the Riga businessman's company had shipped 4 million dollars worth of "
                        "drone engines to Vektor Arms in the nine months after the invasion of Ukraine began.")
    charges = [s for s in st if s.relation == "accuse"]
    assert len(charges) == 2 and charges[0].target != charges[1].target
    assert charges[0].claim_key == charges[1].claim_key


def test_the_accusers_next_charge_on_another_matter_stays_apart(run):
    st, _, actors = run("Amnesty International alleged that Petrov's firm had supplied drone engines to Vektor Arms.",
                        "The group also alleged that the Interior Ministry had tortured detainees in Riga.")
    charges = [s for s in st if s.relation == "accuse"]
    assert len(charges) == 2 and charges[0].claim_key != charges[1].claim_key
