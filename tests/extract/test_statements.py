"""Statement rules on real sentences (most from news wires)."""

import pytest


def _triples(statements, actors):
    label = lambda a: actors[a].label if a in actors else a  # noqa: E731
    return [(label(s.speaker), s.relation, label(s.target) if s.target else None) for s in statements]


def test_indirect_speech_is_an_assertion(run):
    st, _, actors = run("Several US officials said Russia had asked China for military equipment.")
    assert _triples(st, actors) == [("United States", "assert", "Russia")]
    assert st[0].evidence.cue.text == "said"
    assert st[0].evidence.content.text == "Russia had asked China for military equipment"


def test_quote_before_the_cue_with_the_speaker_after_it(run):
    st, _, actors = run('"China has been playing a constructive role in promoting peace talks," the Chinese '
                        'embassy in London said.')
    assert _triples(st, actors) == [("China", "assert", None)]
    assert st[0].evidence.speaker.text == "the Chinese embassy in London"
    assert st[0].evidence.content.text.startswith("China has been playing")


def test_quote_continued_in_the_next_paragraph_keeps_its_speaker(run):
    st, _, actors = run('"We will not back down," the Kremlin said.',
                        '"The top priority now is to ease the situation."')
    assert [s.speaker for s in st] == ["rus-kremlin", "rus-kremlin"]
    assert st[1].evidence.cue.text == "said"  # the cue of the attribution it continues


def test_pronoun_speaker_is_the_last_speaker(run):
    st, _, actors = run('"The US has spread disinformation," the Chinese embassy told Reuters.',
                        '"China has been playing a constructive role," it added.')
    assert st[-1].speaker == "chn" and st[-1].evidence.speaker.text == "it"


def test_according_to(run):
    st, _, actors = run("The talks collapsed on Monday, according to Russian Foreign Minister Sergey Lavrov.")
    assert _triples(st, actors) == [("Sergey Lavrov", "assert", None)]
    assert st[0].evidence.cue.text == "according to"


def test_according_to_documents_obtained_by_a_newsroom_names_no_author(run):
    st, _, actors = run("A Toronto man has been arrested for sanctions violations, according to court documents "
                        "obtained by Global News.")
    assert st == []


def test_a_news_agency_reporting_what_someone_said_is_no_second_speaker(run):
    st, _, actors = run("On Monday, Ali Rahimi, who commands the navy, said any attack on the port would be met "
                        "with force, the official news agency IRNA reported.")
    assert _triples(st, actors) == [("Ali Rahimi", "assert", None)]
    assert st[0].evidence.content.text == "any attack on the port would be met with force"


def test_denying_having_said_it_in_a_posted_quotation(run):
    st, _, actors = run("\u201cI have nothing to add,\u201d Senator John Smith had said.",
                        "Smith, who is spending the holidays at his ranch near Austin, Texas, posted on Monday: "
                        "\u201cClearly I never said that. I said we would talk.\u201d")
    assert (st[1].relation, st[1].evidence.content.text) == ("deny", "Clearly I never said that.")


def test_making_a_claim_is_asserting_it(run):
    st, _, actors = run("Senator Jane Doe made the claim that the budget would double the deficit.",
                        "The allegations about the minister's role were made in a book published this week by "
                        "the historian Peter Grant.", "Senator Tom Roe did not make the claim that taxes would rise.")
    assert [(actors[s.speaker].label, s.evidence.cue.text, s.evidence.content.text) for s in st] == [
        ("Jane Doe", "made the claim", "the budget would double the deficit"),
        ("Peter Grant", "allegations", "The allegations about the minister's role")]


def test_negation_spreads_over_or_but_not_over_but(run):
    st, _, actors = run("The spokesman did not identify the sources or say how the ministry obtained the letter. "
                        "The minister did not name the sources but said they were reliable.")
    assert _triples(st, actors) == [("minister", "assert", None)]


def test_negated_and_hypothetical_speech_is_no_statement(run):
    st, _, _ = run("The White House did not say whether the talks would resume. "
                   "Officials could deny the report later. The ministry declined to comment. "
                   "It could take several weeks for the ministry to announce its decision.")
    assert st == []


def test_denial_and_accusation_in_one_sentence_have_the_same_speaker(run):
    st, _, actors = run('China denied on Tuesday claims by US officials that Russia had sought military '
                        'assistance in Ukraine and accused Washington of spreading "malicious disinformation".')
    triples = _triples(st, actors)
    assert ("China", "deny", "United States") in triples
    assert ("China", "accuse", "United States") in triples
    assert ("United States", "assert", "Russia") in triples
    assert not any(t[0] == "Russia" for t in triples)  # the parser hangs "accused" under "sought"


def test_passive_accusation_names_the_accuser_and_the_accused(run):
    st, _, actors = run("Russia was accused by the United States of breaching the treaty.")
    assert _triples(st, actors) == [("United States", "accuse", "Russia")]


def test_accusation_of_several_actors(run):
    st, _, actors = run("The ambassador, Samantha Power, accused Russia and Iran of bearing responsibility "
                        "for atrocities.")
    assert sorted(_triples(st, actors)) == [("Samantha Power", "accuse", "Iran"), ("Samantha Power", "accuse", "Russia")]


def test_said_it_was_not_true_is_a_denial(run):
    st, _, actors = run("Reports said Iran had shot down the plane.", "Tehran said it was not true.")
    assert _triples(st, actors) == [("Iran", "deny", None)]


def test_dismissing_a_claim_is_a_denial_but_rejecting_a_plan_is_not(run):
    st, _, actors = run("An EU spokesman dismissed the US complaint.")
    assert [s.relation for s in st] == ["deny"]
    st, _, _ = run("The council rejected the plan on Monday.")
    assert st == []


def test_headline_denial_of_a_nominal_claim(run):
    st, _, actors = run("China denies US claim that Russia asked for help in Ukraine")
    triples = _triples(st, actors)
    assert ("China", "deny", "United States") in triples and ("United States", "assert", "Russia") in triples
    deny = next(s for s in st if s.relation == "deny")
    claim = next(s for s in st if s.relation == "assert")
    assert deny.claim_key == claim.claim_key


def test_quoted_charge_against_an_actor_is_an_accusation(run):
    st, _, actors = run('"The US has repeatedly spread malicious disinformation against China," the Chinese '
                        'embassy said.')
    assert _triples(st, actors) == [("China", "accuse", "United States")]


def test_a_report_that_carries_a_quote_is_not_a_second_speaker(run):
    st, _, actors = run('"This is a question of strategic security," Peskov said, according to Reuters.')
    assert [actors[s.speaker].label for s in st] == ["Peskov"]


def test_speech_inside_another_statement_is_part_of_its_claim(run):
    st, _, actors = run("Philippe Sands published a book this week. "
                        "He also says Lord Goldsmith warned Tony Blair that the war could be illegal.")
    assert [s.evidence.cue.text for s in st] == ["says"]


def test_parenthetical_speaker(run):
    st, _, actors = run("The museum, Mr. Obama said, would make visitors face uncomfortable truths.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Obama", "said")]
    assert "museum" in st[0].evidence.content.text


def test_no_self_accusation_from_content(run):
    st, _, actors = run("President Donald Trump said the U.S. would abandon the treaty, accusing Russia of "
                        "breaching it.")
    assert [(s.relation, actors[s.target].label if s.target else None) for s in st
            if s.relation == "accuse"] == [("accuse", "Russia")]


def test_passive_report_names_its_agent(run):
    st, _, actors = run("The suspension is part of a broader pullback in military aid announced by the Trump "
                        "administration.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Trump administration", "announced")]


def test_request_with_an_infinitive_is_an_assertion(run):
    st, _, actors = run("The US has asked the World Trade Organisation to investigate European Union customs "
                        "tariffs.")
    assert [(actors[s.speaker].label, s.relation, s.evidence.cue.text) for s in st] == [
        ("United States", "assert", "asked")]


def test_a_charge_against_what_an_actor_owns_targets_the_actor(run):
    st, _, actors = run("The Commission said TikTok's ad repository is not up to the standards of the law.")
    assert [(s.relation, actors[s.target].label) for s in st] == [("accuse", "TikTok")]


def test_documents_and_acts_are_not_accused(run):
    st, _, actors = run("State Street said additional filings do not change its assessment.")
    assert [s.relation for s in st] == ["assert"]


def test_quote_marks_read_from_their_neighbours():
    from app.extract.statements import quote_spans

    text = 'can hinder US exports", An EU spokesman dismissed it. "We think the case is weak," said Gooch.'
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans] == ["We think the case is weak,"]


def test_denial_of_a_free_relative_names_the_accusers(run):
    st, _, actors = run("Separately, Foreign Ministry spokesman Abbas Mousavi rejected what he called "
                        "\u201cunreal accusations by certain Saudi officials\u201d about the attacks.")
    assert [(actors[s.speaker].label, s.relation, actors[s.target].label) for s in st] == [
        ("Abbas Mousavi", "deny", "Saudi Arabia")]


def test_aside_in_a_relative_clause_is_a_statement_of_its_own(run):
    st, _, actors = run("Iran denies involvement in the attack, which was claimed by the Houthi movement.")
    assert sorted((s.relation, s.evidence.cue.text) for s in st) == [("assert", "claimed"), ("deny", "denies")]


def test_double_single_quotes_mark_quotations():
    from app.extract.statements import quote_spans

    text = "''It is a good example,'' the report says. It isn''t."
    assert [text[s:e] for s, e in quote_spans(text)] == ["It is a good example,"]


def test_headline_label_and_signed_quote(run):
    st, _, actors = run("Sanders: Clinton needs to get away from all of this personality stuff",
                        "\u201cHe represents our greatest shame.\u201d \u2015 Sonya Herridge")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Sanders", ":"),
                                                                            ("Sonya Herridge", "\u2015")]


def test_a_quotation_belongs_to_the_speaker_named_where_it_closes(run):
    st, _, actors = run('"Although the EU is a customs union, there is no single administration," a statement '
                        'issued on behalf of Robert Zoellick said.',
                        '"We think the US case is very weak. They have not come up with any evidence," said '
                        'Anthony Gooch.')
    assert [actors[s.speaker].label for s in st] == ["Robert Zoellick", "Anthony Gooch", "Anthony Gooch"]


def test_pronoun_speaker_in_a_relative_clause_is_the_sentence_subject(run):
    st, _, actors = run("The Wall Street Journal released its own audio.",
                        "The White House released a portion of the audio that it said showed Trump was misquoted.")
    assert [(actors[s.speaker].label, s.evidence.speaker.text) for s in st if s.evidence.cue.text == "said"] == [
        ("White House", "it")]


def test_signed_quotes_in_a_row_each_belong_to_their_signer(run):
    # a reader-reaction roundup: the dash that signs one quotation opens the next sentence
    st, _, actors = run("\u201cHe represents our greatest shame.\u201d \u2015 Sonya Herridge \u201cDuring the "
                        "debate Trump said Hispanics are criminals. That is a lie.\u201d \u2015 Pamela Padilla  "
                        "\u201cI\u2019m so ashamed to be an American.\u201d \u2015 Carla Sanchez.")
    assert [(actors[s.speaker].label, s.evidence.content.text[:20]) for s in st] == [
        ("Sonya Herridge", "He represents our gr"), ("Pamela Padilla", "During the debate Tr"),
        ("Carla Sanchez", "I\u2019m so ashamed to be")]


def test_signature_after_no_break_spaces(run):
    # scraped pages put a no-break space on either side of the dash; the name the model tags
    # with the dash is the signer without it
    st, _, actors = run("\u201cThe new bridge is a waste of our money.\u201d\u00a0\u2015 Maria Lopez\u00a0",
                        "\u201cThe council never listens to us.\u201d \u2015\u00a0Peter Novak.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [
        ("Maria Lopez", "\u2015"), ("Peter Novak", "\u2015")]


def test_the_pair_are_the_two_people_named_before(run):
    st, _, actors = run("Anna Berg has been in custody alongside Mr Ivanov since March. The pair say they are being "
                        "persecuted by the authorities for the business dealings of Mr Ivanov.")
    assert sorted(_triples(st, actors)) == [("Anna Berg", "accuse", "authorities"),
                                            ("Ivanov", "accuse", "authorities")]


def test_a_pair_word_without_two_people_before_it_names_nobody_new(run):
    st, _, actors = run("The pair said they would appeal.")
    assert [actors[s.speaker].kind for s in st] != ["person", "person"]


def test_embedded_post_belongs_to_the_account_in_its_signature(run):
    post = "The new tariffs will cost every family in this state a thousand dollars a year"
    for paragraphs in (["The senator posted on Friday.", post + "\n\u2014 Jane Doe (@SenJaneDoe) May 1, 2020"],
                       ["The senator posted on Friday.", post, "\u2014 Jane Doe (@SenJaneDoe) May 1, 2020"]):
        st, _, actors = run(*paragraphs)
        assert [(actors[s.speaker].label, s.evidence.content.text, s.evidence.cue.text) for s in st] == [
            ("Jane Doe", post, "\u2014")]


def test_transcript_label_inside_a_quoted_turn(run):
    st, _, actors = run('"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.')
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("PENCE", ":")]


def test_what_was_told_when_the_parser_hangs_the_clause_on_the_addressee(run):
    st, _, actors = run("In Honolulu last week, Barack Obama told a meeting of Pacific Island leaders that few "
                        "people understood the threat.")
    assert _triples(st, actors) == [("Barack Obama", "assert", None)]
    assert st[0].evidence.content.text == "few people understood the threat"


def test_speech_in_a_relative_clause_on_an_object_stands_on_its_own(run):
    st, _, actors = run("Ted Cruz endorses Trump, who says he is honored.")
    assert ("Trump", "says") in [(actors[s.speaker].label, s.evidence.cue.text) for s in st]


def test_a_news_outlet_named_after_the_fact_only_carries_the_statement(run):
    st, _, actors = run("Separately, Foreign Ministry spokesman Abbas Mousavi rejected what he called \u201cunreal "
                        "and repetitious accusations by certain Saudi officials\u201d about the attacks, state media said.")
    assert _triples(st, actors) == [("Abbas Mousavi", "deny", "Saudi Arabia")]
    # a named speaker after the fact is a speaker, not a carrier
    st, _, actors = run("He says Lord Goldsmith warned Tony Blair that the war could be illegal, Philippe Sands said.")
    assert [actors[s.speaker].label for s in st] == ["Philippe Sands"]


def test_a_first_person_denial_inside_the_quotation_is_a_denial(run):
    st, _, actors = run("TikTok said in a statement: \u201cWhile we support the goals of the regulation and continue "
                        "to improve our ad transparency tools, we disagree with some of the Commission\u2019s "
                        "interpretations.\u201d")
    assert [(actors[s.speaker].label, s.relation) for s in st] == [("TikTok", "deny")]
    # a denial the speakers report of somebody else is not theirs
    st, _, actors = run("\u201cThey deny everything, but the evidence is clear,\u201d the prosecutor Anna Berg said.")
    assert [s.relation for s in st] == ["assert"]


def test_charges_behind_evidence_words_and_after_not_shying_away(run):
    st, _, actors = run("\u201cThe evidence indicates that the plane was shot down by an Iranian surface-to-air "
                        "missile,\u201d Trudeau said on Thursday.")
    assert _triples(st, actors) == [("Trudeau", "accuse", "Iran")]
    st, _, actors = run("Russian nationalist politician Vladimir Zhirinovsky didn't shy away from blaming the West "
                        "for the killing.")
    assert [(actors[s.speaker].label, s.relation) for s in st] == [("Vladimir Zhirinovsky", "accuse")]
    st, _, _ = run("Vladimir Zhirinovsky shied away from blaming the West for the killing.")
    assert st == []


def test_refusing_to_comment_says_nothing_and_denying_having_said_is_a_denial(run):
    st, _, _ = run("\u201cI don\u2019t want to comment on it. I\u2019m not saying I have or haven\u2019t,\u201d Trump said.",
                   "Olof Gill, a European Commission spokesperson, said: \u201cWe cannot comment on individual cases.\u201d")
    assert st == []
    st, _, actors = run("Trump tweeted on Sunday: \u201cObviously I didn\u2019t say that. They just wanted a story.\u201d")
    assert [(actors[s.speaker].label, s.relation) for s in st] == [("Trump", "deny"), ("Trump", "assert")]


def test_claimed_proof_that_an_actor_was_behind_something_is_an_accusation(run):
    st, _, actors = run('Israel claims "ironclad" proof that the Obama administration was behind U.N. rebuke')
    assert [(actors[s.speaker].label, s.relation) for s in st] == [("Israel", "accuse")]
    st, _, _ = run("Kim has responded by calling the U.S. president a \u201cmentally deranged U.S. dotard.\u201d")
    assert [(s.relation, s.evidence.cue.text) for s in st] == [("accuse", "calling")]


def test_each_of_conjoined_speakers_makes_the_statement(run):
    st, _, actors = run("China and Russia accused the United States of meddling.")
    assert _triples(st, actors) == [("China", "accuse", "United States"), ("Russia", "accuse", "United States")]


def test_a_that_clause_hung_on_the_verb_belongs_to_the_claim_noun_before_it(run):
    st, _, actors = run("Putin took issue with Obama's assertion last week that Ronald Reagan \"would roll over in "
                        "his grave\" if he knew about it.")
    assert [(actors[s.speaker].label, s.relation, s.evidence.cue.text) for s in st] == [
        ("Putin", "deny", "took"), ("Obama", "assert", "assertion")]


def test_characterising_and_pointing_to_are_statements(run):
    st, _, actors = run("Democrats also described the showdown as ominous.")
    assert [(actors[s.speaker].label, s.evidence.content.text) for s in st] == [
        ("Democrats", "the showdown as ominous")]
    st, _, actors = run("These voters specifically point to the 1994 crime bill.")
    assert [s.evidence.content.text for s in st] == ["the 1994 crime bill"]
    st, _, _ = run("The troops point their rifles at the crowd.")
    assert st == []


def test_speech_after_a_preposition_of_time_and_at_a_news_conference(run):
    st, _, actors = run("After saying her right foot was swollen, Clinton noted the clot's existence.")
    assert ("Clinton", "saying") in [(actors[s.speaker].label, s.evidence.cue.text) for s in st]
    st, _, actors = run("\u201cWe will get there together,\u201d Loretta Lynch said at a news conference announcing that "
                        "her department was suing North Carolina.")
    assert ("Loretta Lynch", "announcing") in [(actors[s.speaker].label, s.evidence.cue.text) for s in st]


def test_an_accusation_made_by_a_lawsuit_is_its_filers(run):
    st, _, actors = run("BlackRock issued a statement about a lawsuit filed by the Justice Department accusing Google "
                        "of abusing its monopoly.")
    assert ("Justice Department", "accuse", "Google") in _triples(st, actors)


def test_blaming_something_on_an_actor_accuses_the_actor(run):
    st, _, actors = run("The United States and Saudi Arabia blamed the attacks on Tehran, which denied responsibility.")
    triples = _triples(st, actors)
    assert ("United States", "accuse", "Iran") in triples and ("Saudi Arabia", "accuse", "Iran") in triples
    assert next(s for s in st if s.relation == "accuse").evidence.content.text == "the attacks"


def test_writing_to_ask_is_a_statement(run):
    st, _, actors = run("The Ukrainian Canadian Congress wrote to Canada\u2019s ministers of foreign affairs in 2023 to "
                        "ask them to investigate Trofimov.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Ukrainian Canadian Congress", "wrote")]


def test_inverted_said_with_a_colon(run):
    st, _, actors = run("Said Ellis: \u201cI don\u2019t get the sense she\u2019s the least bit interested in tax reform.\u201d")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Ellis", "Said")]


def test_according_to_a_source_of_its_own_stands_beside_another_cue(run):
    st, _, actors = run("Scott's relatives watched the police videos on Thursday, according to their attorneys, "
                        "and said they came away with more questions.")
    assert "said" in [s.evidence.cue.text for s in st]
    st, _, actors = run("Russia says it stopped Mitt Romney from becoming secretary of state, according to "
                        "The New Yorker.")
    assert [s.evidence.cue.text for s in st] == ["says"]  # a magazine only carries it


def test_charges_of_failing_to_act_and_of_the_means_used(run):
    st, _, actors = run("The administration says Pakistan is not taking strong enough steps to combat the Taliban.")
    assert [(s.relation, actors[s.target].label) for s in st] == [("accuse", "Pakistan")]
    st, _, actors = run("\u201cThis is why Russia has repeatedly tried to obtain Western technology by circumventing "
                        "sanctions,\u201d Kiesewetter said.")
    assert [(s.relation, actors[s.target].label) for s in st] == [("accuse", "Russia")]
    st, _, _ = run("\u201cThis is why Russia has repeatedly tried to obtain Western technology by buying it,\u201d "
                   "Kiesewetter said.")
    assert [s.relation for s in st] == ["assert"]


def test_the_sentence_that_introduces_an_accusing_quotation_accuses_too(run):
    st, _, actors = run("The Chinese foreign ministry spokesman said:",
                        "\u201cThe United States is spreading disinformation about China.\u201d")
    assert _triples(st, actors) == [("China", "accuse", "United States")] * 2
    assert [s.evidence.sentence.text[:10] for s in st] == ["The Chines", "\u201cThe Unite"]


def test_they_takes_a_generic_group_subject_and_a_participle_after_said_is_its_own_act(run):
    st, _, actors = run("Opponents will ask the court to throw out the rules on Tuesday.",
                        "They argue that the EPA overstepped its regulatory authority.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Opponents", "argue")]
    st, _, _ = run("Sen. David Perdue said he did not believe those characterizations hurt Romney, arguing that it "
                   "was divisions in the Republican Party that hurt him.")
    assert [s.evidence.cue.text for s in st] == ["said", "arguing"]


def test_calling_for_an_action_in_a_gerund(run):
    st, _, actors = run("President Obama called for reducing the corporate tax rate to 28 percent in 2012.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Obama", "called for")]


def test_a_signature_dash_glued_to_the_closing_quote(run):
    st, _, actors = run("\u201cHe makes simple blanket statements about people.\u201d\u2015 Pamela Padilla  \u201cTrump must "
                        "stop portraying Latinos as gangsters.\u201d\u2015 Carla Sanchez.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [
        ("Pamela Padilla", "\u2015"), ("Carla Sanchez", "\u2015")]


def test_a_reported_clause_the_parser_reads_as_adverbial(run):
    st, _, actors = run("Trump said after the convention he would not accept Cruz's endorsement.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Trump", "said")]
    st, _, _ = run("Trump said nothing because he was tired.")
    assert st == []


def test_a_request_with_a_clause_and_a_call_after_an_attempt(run):
    st, _, actors = run("Earlier this year, the U.S. accused Pakistan of sponsoring extremist groups and requested "
                        "the country be placed on a global terror gray list.")
    assert [(s.relation, s.evidence.cue.text) for s in st] == [("accuse", "accused"), ("assert", "requested")]
    st, _, actors = run("Trump tried to scuttle the resolution and called for a U.S. veto.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Trump", "called for")]


def test_criticism_after_not_hesitating_is_made(run):
    st, _, actors = run("The minister did not hesitate to criticise the outdated rules of the European Commission.")
    assert [(t[1], t[2]) for t in _triples(st, actors)] == [("accuse", "European Commission")]
    st, _, _ = run("The minister declined to criticise the European Commission.")
    assert st == []


def test_a_charge_around_a_parenthetical_cue(run):
    st, _, actors = run("Chancellor Olaf Scholz spoke in Berlin.",
                        'The Kremlin, he said, has repeatedly violated the ceasefire.')
    assert [(t[1], t[2]) for t in _triples(st, actors)] == [("accuse", "Kremlin")]


def test_a_definite_description_takes_the_actor_its_noun_names(run):
    st, _, actors = run("Senator Jane Miller criticised the Saudi-led military coalition, saying the United Nations "
                        "should take charge.",
                        "Ms Miller said the attacks of the coalition were illegal.")
    assert ("Jane Miller", "accuse", "United Nations") not in _triples(st, actors)  # not the last body named


def test_each_clause_of_a_charge_accuses_its_own_subject(run):
    st, _, actors = run('"Canada was slow to respond and Japan lied about its shipments," the senator said.')
    assert sorted(t[2] for t in _triples(st, actors) if t[1] == "accuse") == ["Japan"]
    st, _, actors = run("The mayor said Italy has been very reckless and Spain had spread lies.")
    assert sorted(t[2] for t in _triples(st, actors) if t[1] == "accuse") == ["Italy", "Spain"]


def test_saying_something_is_not_a_rule_charges_nobody(run):
    st, _, _ = run("The BBC published the papers.",
                   "Michael Grant said the practice was usual, but it is not an absolute rule.")
    assert [s.relation for s in st] == ["assert"]


def test_a_case_or_an_investigation_speaks_for_who_brought_it(run):
    st, _, actors = run("The case, brought by Ohio Attorney General Dave Yost last year, claimed that the drug makers "
                        "colluded to fix prices.", "The suit alleges that the firms violated federal law.")
    assert [(t[0], t[1]) for t in _triples(st, actors)] == [("Dave Yost", "accuse"), ("Dave Yost", "accuse")]
    st, _, actors = run("An investigation by the Organized Crime and Corruption Reporting Project alleged that "
                        "Novak's company bribed customs officials.")
    assert [(t[0], t[1]) for t in _triples(st, actors)] == [
        ("Organized Crime and Corruption Reporting Project", "accuse")]


def test_a_document_mentioned_by_someone_else_does_not_speak_for_them(run):
    st, _, actors = run("Pfizer criticised the government's support for a case accusing drug makers of fixing prices.")
    assert [t[1] for t in _triples(st, actors)] == ["assert"]
    st, _, actors = run("Apple issued a statement calling the lawsuit baseless.")
    assert [(t[0], t[1]) for t in _triples(st, actors)] == [("Apple", "deny")]


def test_a_charge_in_the_means_after_continuing_to(run):
    st, _, actors = run('"Venezuela has much to gain from talks," the senator said. '
                        '"It risks everything by continuing to harbor drug traffickers."')
    assert [(t[1], t[2]) for t in _triples(st, actors)] == [("assert", "Venezuela"), ("accuse", "Venezuela")]


def test_calling_it_someones_reckless_move_accuses_the_owner_of_the_move(run):
    st, _, actors = run("President Luis Arce signed the decree on Monday.",
                        "Opposition leader Carla Ruiz called it his most reckless move.")
    assert _triples(st, actors) == [("Carla Ruiz", "accuse", "Luis Arce")]
    st, _, actors = run("Bolivia signed the decree on Monday.", "Opposition leader Carla Ruiz called it a reckless move.")
    assert _triples(st, actors) == [("Carla Ruiz", "assert", None)]  # "it" is the decree, not Bolivia


def test_a_document_whose_named_issuer_is_unknown_speaks_for_nobody(run):
    st, _, _ = run("A Nevada-led lawsuit accuses the banks of fraud.")
    assert st == []
    st, _, actors = run("The Nevada-led lawsuit, filed by Attorney General Aaron Ford, accuses the banks of fraud.")
    assert [(t[0], t[1]) for t in _triples(st, actors)] == [("Aaron Ford", "accuse")]


def test_criticising_an_x_led_coalition_accuses_its_leader(run):
    st, _, actors = run("Senator Jane Miller criticised the Saudi-led military coalition over the air strikes.")
    assert _triples(st, actors) == [("Jane Miller", "accuse", "Saudi Arabia")]


RELATION_CASES = [
    ("The ministry said Germany and France had conspired to block the deal.", ["accuse", "accuse"]),
    ('"Due to a lack of Egyptian cooperation, the grant was cancelled," the ambassador said.', ["accuse"]),
    ("Because of a lack of funding, the program was cut, the minister said.", ["assert"]),
    ("The company argued that the lawsuit misrepresents the law.", ["deny"]),
    ("The company argued that the new rules distort the market.", ["assert"]),
    ("Netanyahu insists that there is nothing wrong with his controversial policy of building Jewish towns in "
     "occupied areas.", ["deny"]),
    ('Platon Lebedev has told a court that fraud charges levelled against him are "false".', ["deny"]),
    ("Anthony Gooch said they have not come up with any evidence that US companies are being harmed.", ["deny"]),
    ("The ministry said there was no evidence of foul play.", ["deny"]),
    ("Lord Goldsmith said Lord Falconer and Baroness Morgan played no part in drafting the answer.", ["deny"]),
    ("The Kremlin said Moscow had nothing to do with the poisoning.", ["deny"]),
    ("The minister said the police had done nothing to stop the looting.", ["assert"]),
    ("The ministry said the evidence of foul play was overwhelming.", ["assert"]),
    ('"The attorney general may never have presented his answer as a summary, but others certainly did," Robin '
     "Cook said.", ["assert"]),
    ("Nancy Pelosi said the United States cannot enable more brutality and bloodshed.", ["assert"]),
    ("A Kontron spokesperson said Iskra Technologies does not supply any Russian firms.", ["assert"]),
]


@pytest.mark.parametrize("text, relations", RELATION_CASES, ids=[t[:40] for t, _ in RELATION_CASES])
def test_relation_of_the_statements_of_a_sentence(run, text, relations):
    st, _, _ = run(text)
    assert [s.relation for s in st] == relations


def test_said_in_a_relative_clause_inside_another_statement_is_an_aside(run):
    st, _, actors = run("Senator Jim Ward criticized the bank for its loans, which he said were granted to friends "
                        "of the board.")
    assert [(s.relation, s.evidence.cue.text) for s in st] == [("accuse", "criticized"), ("assert", "said")]


def test_speech_in_a_free_relative_is_a_statement(run):
    st, _, actors = run("The gap between what Mayor Anne Hidalgo says her budget would do and what it would do "
                        "is wide.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Anne Hidalgo", "says")]
    st, _, actors = run("The council has spent a fortune on what it calls a green agenda.")
    assert st == []  # "what they call X" only names it


def test_a_document_speaks_for_the_body_named_before_it_or_owning_the_page(run):
    st, _, actors = run('"Inflation in the region will stay high," the IMF report stated.')
    assert [actors[s.speaker].label for s in st] == ["International Monetary Fund"]
    st, _, actors = run("A memo on the ministry's website states that farmers would receive the payments in May.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("ministry", "states")]


def test_a_closing_mark_after_a_nested_quote_and_a_space_closes_the_quote(run):
    st, _, actors = run("Governor Bill Walker spoke on Monday.",
                        "\"I have never liked the label 'rural outreach,' \" he told the group, adding that the "
                        "phrase makes a campaign sound like a charity.")
    assert [s.evidence.cue.text for s in st] == ["told", "adding"]


def test_said_with_a_clause_the_parser_reads_as_an_object(run):
    st, _, actors = run("Maria Lopez, a spokeswoman for the Dairy Farmers Union, which is made up of small producers, "
                        "said many of the figures that critics cite failed to account for the drought.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Maria Lopez", "said")]
    assert st[0].evidence.content.text.startswith("many of the figures")


def test_a_concessive_clause_of_the_same_speaker_is_a_statement_of_its_own(run):
    st, _, actors = run("Mayor Anne Hidalgo said the new tram line had cut traffic in the east of the city, though "
                        "she noted that buses were still crowded.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Anne Hidalgo", "said"),
                                                                           ("Anne Hidalgo", "noted")]


def test_a_voiced_feeling_is_a_statement(run):
    st, _, actors = run("Farm groups have expressed concern that the new tariff could shut them out of Asian markets.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Farm groups", "expressed")]
    st, _, _ = run("The company expressed its thanks to the crew. The courier expressed the parcel overnight.")
    assert st == []


def test_describing_something_is_an_assertion(run):
    st, _, actors = run("Witnesses described chaotic scenes at the border crossing during the storm.")
    assert [(s.relation, s.evidence.cue.text) for s in st] == [("assert", "described")]


def test_those_close_to_someone_and_proponents_are_speaking_groups(run):
    st, _, actors = run("Those familiar with the negotiations said a deal on fishing quotas was near.")
    assert [(actors[s.speaker].label, actors[s.speaker].kind) for s in st] == [
        ("Those familiar with the negotiations", "group")]
    st, _, actors = run("Proponents of the toll have urged the council to keep it, although they say some changes "
                        "are needed.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [
        ("Proponents of the toll", "urged"), ("Proponents of the toll", "say")]


def test_parenthetical_asides_take_the_clause_they_comment_on(run):
    st, _, actors = run("As several economists have pointed out, the central bank is free to cut rates.")
    assert [(actors[s.speaker].label, s.evidence.cue.text, s.evidence.content.text) for s in st] == [
        ("economists", "pointed out", "the central bank is free to cut rates")]
    st, _, actors = run("Governor Bill Walker is weighing the pick.", "People like Jones, he said.")
    assert [(actors[s.speaker].label, s.evidence.content.text) for s in st] == [("Bill Walker", "People like Jones")]
    st, _, _ = run("When the grant was cut two years later, Mexico said enough.", "As he greeted the guests, "
                   "Governor Bill Walker was also launching his bid.")
    assert st == []


def test_after_saying_with_a_passive_main_clause(run):
    st, _, actors = run("Mayor Anne Hidalgo spoke on Monday.",
                        "After saying her right foot was so swollen she could barely walk, she was rushed to the "
                        "hospital for tests.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Anne Hidalgo", "saying")]


def test_a_second_cue_verb_of_the_same_speaker_in_a_coordination_stands(run):
    st, _, actors = run('Mayor Anne Hidalgo praised the "Paris Respire" program launched by the city and said she '
                        'has the votes to extend it: "This is only the beginning."')
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Anne Hidalgo", "praised"),
                                                                           ("Anne Hidalgo", "said")]


def test_a_short_quotation_before_its_cue_is_what_was_said(run):
    st, _, actors = run('"Absolutely not," Governor Bill Walker said.')
    assert [(actors[s.speaker].label, s.evidence.content.text) for s in st] == [("Bill Walker", "Absolutely not")]


def test_calling_on_someone_to_act_is_a_call(run):
    st, _, actors = run("Last week the mayor, Linda Park, called on state lawmakers to fund the new bridge.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Linda Park", "called on")]
    assert "fund the new bridge" in st[0].evidence.content.text


def test_what_called_names_its_object_when_parsed_below_it(run):
    st, _, actors = run('Union leader Maria Diaz called the board\'s offer "a slap in the face" to the workers.')
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Maria Diaz", "called")]
    st, _, actors = run("Republicans called the subpoena and the hearing a partisan stunt aimed at embarrassing "
                        "the governor.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Republicans", "called")]


def test_as_someone_put_it_is_a_cue_for_the_clause_around_it(run):
    st, _, actors = run('The old rule was "a relic of another century," as Senator Ruth Allen put it.')
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Ruth Allen", "put")]
    assert "relic" in st[0].evidence.content.text
    st, _, _ = run("As the factory put it into production, sales rose.")
    assert st == []


@pytest.mark.parametrize("text, cue", [
    ('Union leader Joan Fisher exhorted members to "stand firm" at the rally.', "exhorted"),
    ("Mayor Tom Reyes lauded the volunteers in his annual address for their work after the flood.", "lauded"),
    ("Senator Ana Ortiz thanked the governor on Twitter for signing the bill.", "thanked"),
    ("Senator Ana Ortiz bemoaned the gridlock in the capital.", "bemoaned"),
])
def test_voiced_praise_and_exhortation_are_assertions(run, text, cue):
    st, _, _ = run(text)
    assert [(s.relation, s.evidence.cue.text) for s in st] == [("assert", cue)]


def test_speaking_of_a_topic_is_speech_but_speaking_to_someone_is_not(run):
    st, _, actors = run("At the ceremony, Governor Rosa Vega spoke of the sacrifices of the miners.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Rosa Vega", "spoke")]
    st, _, _ = run("Governor Rosa Vega spoke to reporters on Friday.")
    assert st == []
    st, _, _ = run("Governor Rosa Vega spoke on condition of anonymity.")
    assert st == []


def test_echoing_a_claim_and_branding_someone_are_speech(run):
    st, _, actors = run("Senator Paul Grant echoed claims by the governor that the audit was rigged.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st][:1] == [("Paul Grant", "echoed")]
    st, _, _ = run("The orchestra echoed through the hall.")
    assert st == []
    st, _, actors = run('Critics dubbed the tax plan "a gift to the rich."')
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Critics", "dubbed")]


def test_a_transcript_label_speaks_a_turn_that_holds_a_cue_of_its_own(run):
    st, _, actors = run('"HOLT: Senator, as the Globe reported, voters worry about your record. What do you say?')
    assert ("HOLT", ":") in [(s.evidence.speaker.text, s.evidence.cue.text) for s in st]


def test_a_label_before_a_colon_must_be_a_name(run):
    st, _, _ = run("The Latest: Storm closes schools across the county.",
                   "Notes From Abroad: An earlier version of this article gave the wrong date for the vote.")
    assert st == []


def test_a_passive_report_with_its_agent_is_the_agents_statement(run):
    st, _, actors = run("The new curfew was announced by the mayor on Sunday.",
                        "The funding gap was first reported by The Washington Post.")
    assert [(actors[s.speaker].label, s.evidence.content.text) for s in st] == [
        ("mayor", "The new curfew"), ("Washington Post", "The funding gap")]


def test_describing_as_before_the_object(run):
    st, _, actors = run('Mayor Anne Hidalgo is describing as "reckless" a council plan to cut the tram budget.')
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Anne Hidalgo", "describing")]


def test_the_speaker_is_the_subject_outside_the_quotation(run):
    st, _, actors = run('"She would be a fine judge. Not good, great. One of the sharpest minds on the bench," '
                        'Rep. Anna Perez (D-Calif.) said in an interview.')
    assert {actors[s.speaker].label for s in st} == {"Anna Perez"}


def test_called_someone_a_name_read_as_two_predicates(run):
    st, _, actors = run('The two rivals spent months trading insults. Cruz called Trump a "pathological liar" who '
                        'is "utterly amoral," a "serial philanderer" and a "bully."')
    assert [(s.relation, actors[s.speaker].label, actors[s.target].label if s.target else None) for s in st] == [
        ("accuse", "Cruz", "Trump")]


def test_a_surname_tagged_as_a_place_is_the_person_named_in_full(nlp):
    from app.extract.actors import ArticleActors
    from app.extract.statements import StatementFinder
    actors = ArticleActors()
    docs = [nlp("Alicia Machado is a former beauty queen."), nlp("Senator Tom Grant attacked Machado in early tweets.")]
    for doc in docs:
        actors.note_names(doc)  # as the pipeline does before reading the article
    finder = StatementFinder(actors)
    found = finder.paragraph(docs[0], 0) + finder.paragraph(docs[1], 100)
    assert [(f.relation, actors.actors[f.target].label) for f in found] == [("accuse", "Alicia Machado")]


def test_called_for_a_clause_and_a_pronoun_named_after_it(run):
    st, _, actors = run("Senator Jim Ward questioned the bank chief. Though she praised the board and called for "
                        'bonuses to be "clawed back" from the executives, Mayor Anne Hidalgo kept her remarks short.')
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st if s.evidence.cue.text == "called for"] == [
        ("Anne Hidalgo", "called for")]


def test_a_quotation_attributed_to_someone_unresolved_does_not_continue_the_last_speaker(run):
    st, _, actors = run('"The talks are over," Governor Bill Walker said.',
                        '"We will keep the picket going all winter," one of them said.')
    assert [s.evidence.sentence.text[:12] for s in st] == ['"The talks a']


def test_relative_clauses_the_parser_hangs_elsewhere(run):
    st, _, actors = run("The council met to discuss the attack, which the rebels claimed now allows them to halt "
                        "exports.")
    assert [(actors[s.speaker].label, s.evidence.cue.text, s.evidence.content.text) for s in st] == [
        ("rebels", "claimed", "the attack")]
    st, _, actors = run('To settle it, they turned to the Chicago Police Department which reported "2,521 shooting '
                        'incidents" in the city.')
    assert [(actors[s.speaker].label, s.evidence.speaker.text) for s in st] == [("Chicago Police Department", "which")]
    st, _, actors = run("Tensions have eased after the first round of border talks, which Mayor Anne Hidalgo has "
                        "welcomed, ahead of the summit.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Anne Hidalgo", "welcomed")]


def test_a_parenthetical_root_cue_whose_clause_goes_on_in_a_conjunct(run):
    st, _, actors = run('These employees, Mayor Anne Hidalgo explained at the hearing, were "well paid," earning '
                        "more than the national average.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Anne Hidalgo", "explained")]


def test_a_participle_after_a_cue_belongs_to_its_speaker(run):
    st, _, actors = run('"We do not want to go back to a time when you have that old fight again, it is insane," Mayor '
                        'Anne Hidalgo said, going on to say that the city has spent "decades fighting against smog and '
                        'all that stuff, to have that debate again, young people do not want to see that."')
    assert {actors[s.speaker].label for s in st} == {"Anne Hidalgo"}


def test_a_document_speaks_for_the_subject_of_its_relative_clause(run):
    st, _, actors = run("Farmers should plan for a dry summer, according to a speech Mayor Anne Hidalgo delivered at "
                        "the fair in July.", "A letter the ministry sent to growers says the payments will be late.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Anne Hidalgo", "according to"),
                                                                           ("ministry", "says")]


def test_a_question_after_a_colon_is_what_was_suggested_and_add_up_is_no_speech(run):
    st, _, actors = run("In his book, Mayor Anne Hidalgo suggested looking at your bills and asking yourself this: "
                        "would I rather save for college or keep buying the things that add up each month?")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Anne Hidalgo", "suggested")]


def test_a_reduced_relative_clause_says_its_antecedent(run):
    st, _, actors = run("Mayor Anne Hidalgo has called for a new tax on vacant flats at a low 5 percent rate, far "
                        "lower than the 20 percent rate she has proposed for second homes.")
    assert [(s.evidence.cue.text, s.evidence.content.text) for s in st if s.evidence.cue.text == "proposed"] == [
        ("proposed", "the 20 percent rate")]


def test_a_label_before_a_colon_is_not_the_subject_and_pointing_out_a_thing(run):
    st, _, actors = run("The Latest: Hidalgo urges voters to back the tram plan.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Hidalgo", "urges")]
    st, _, actors = run("Mayor Anne Hidalgo pointed out the council's failings during the forum.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Anne Hidalgo", "pointed out")]


def test_a_subject_read_as_a_conjunct_of_the_object_before_the_cue(run):
    st, _, actors = run("Unionists said they're increasingly sure the Home Office bungled the probe and Nationalists "
                        "accused the DUP of stoking the row for maximum political damage.")
    assert [(actors[s.speaker].label, s.relation) for s in st if s.relation == "accuse"] == [("Nationalists", "accuse")]


def test_according_to_a_source_of_one_clause_beside_another_speakers_cue(run):
    st, _, actors = run("The miners' families watched the footage on Thursday, according to their lawyers, and said "
                        'they were left with "more doubts than before."')
    assert [s.evidence.cue.text for s in st] == ["according to", "said"]


def test_a_poll_or_study_speaks_for_its_named_author(run):
    st, _, actors = run("A Marist College poll released on Sunday found that 61 percent of voters support the new "
                        "stadium tax.",
                        "A study by Stanford economists shows the tax would raise $40 million a year.",
                        "A survey conducted by the Chamber of Commerce indicates that most shop owners oppose it.")
    assert [(actors[s.speaker].label, s.relation, s.evidence.cue.text) for s in st] == [
        ("Marist College", "assert", "found"), ("Stanford economists", "assert", "shows"),
        ("Chamber of Commerce", "assert", "indicates")]
    assert st[0].evidence.content.text == "61 percent of voters support the new stadium tax"


def test_a_possessive_report_speaks_for_its_owner(run):
    st, _, actors = run("The Heritage Foundation released its review of the budget on Monday.",
                        "Its analysis estimates that the plan would add $2 trillion to the deficit.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Heritage Foundation", "estimates")]


def test_polls_and_records_without_an_author_are_no_statements(run):
    st, _, actors = run("The poll found that most voters were undecided.",
                        "Court records obtained by the Daily Herald show that the mayor paid no taxes in 2019.",
                        "A Florida poll shows the governor trailing by six points.",
                        "Data from the census shows the city lost 3,000 residents.")
    assert st == []


def test_a_named_poll_that_will_show_or_did_not_find_is_no_statement(run):
    st, _, actors = run("A Gallup poll due next week will show whether the race has tightened.",
                        "A Gallup survey did not find any change in support for the mayor.")
    assert st == []


def test_a_polling_average_and_a_possessive_poll_speak_for_their_owner(run):
    st, _, actors = run("Emerson College's poll found that the senator leads by four points.",
                        "The Daily Ledger's polling average shows the senator ahead in the state.",
                        "The average shows a closer race.")
    # "The average" named again is the Daily Ledger's (see test_the_poll_named_again_speaks_for_its_named_author)
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Emerson College", "found"),
                                                                           ("Daily Ledger", "shows"),
                                                                           ("Daily Ledger", "shows")]


def test_a_letter_sent_earlier_speaks_for_its_sender_when_it_reads(run):
    st, _, actors = run("On Monday, the Sierra Club sent a letter to the governor.",
                        '"The plant must close before the summer," the letter reads.',
                        'The sign at the gate reads "Keep out."')
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Sierra Club", "reads")]


def test_a_letter_nobody_is_said_to_have_sent_names_no_speaker_when_it_reads(run):
    st, _, actors = run('"The plant must close before the summer," the letter reads.')
    assert st == []


def test_the_poll_named_again_speaks_for_its_named_author(run):
    st, _, actors = run("A Quinnipiac University poll released Tuesday found that the mayor leads by four points.",
                        "The poll also shows that voters distrust both candidates.")
    assert [(actors[s.speaker].label, s.evidence.speaker.text) for s in st] == [
        ("Quinnipiac University", "Quinnipiac University"), ("Quinnipiac University", "The poll")]
    st, _, _ = run("The poll also shows that voters distrust both candidates.")
    assert st == []  # no poll named before: an agentless source


def test_quantified_groups_speak(run):
    # "a number of …", "one of …", "N percent of …": the group the members are picked from
    for text, label in [("Dozens of economists warned that the tariffs would hurt farmers.", "economists"),
                        ("One of the mayor's aides said the budget would be cut.", "mayor's aides"),
                        ("Forty percent of teachers said the new curriculum was rushed.", "teachers")]:
        statements, _, actors = run(text)
        assert [actors[s.speaker].label for s in statements] == [label], text


def test_bare_quantifier_with_a_clause_is_a_generic_group(run):
    statements, _, actors = run("All agreed that the levy would fall hardest on small firms.")
    assert [actors[s.speaker].label for s in statements] == ["all"]
    statements, _, actors = run("Some say the merger is already dead.")
    assert [actors[s.speaker].kind for s in statements] == ["group"]
    # without a reported clause it is no statement ("many disagreed with his policies")
    statements, _, _ = run("The board was reshuffled because many disagreed with the chairman's policies.")
    assert statements == []


def test_a_compound_of_a_role_noun_can_speak(run):
    # "speechwriters", "ghostwriter": a compound ending in a speaker noun
    statements, _, actors = run("Three Republican speechwriters urged him to drop the attack line.")
    assert [actors[s.speaker].label for s in statements] == ["Republican speechwriters"]


def test_a_pronoun_can_speak_for_a_person_met_only_as_an_object(run):
    statements, _, actors = run("Detectives arrested Paul Harlow on Tuesday.", "He said he had never met the victim.")
    assert [actors[s.speaker].label for s in statements] == ["Paul Harlow"]


def test_a_share_of_respondents_is_a_generic_group(run):
    statements, _, actors = run("The survey was taken last week. Another 31 percent said the mayor should resign.")
    assert [(actors[s.speaker].label, actors[s.speaker].kind) for s in statements] == [("Another 31 percent", "group")]


def test_dismissing_an_actor_as_something_is_a_charge_but_dismissing_a_plan_is_nothing(run):
    st, _, actors = run("In July, the senator dismissed Estonia as a suburb of St. Petersburg.",
                        "The board dismissed the plan as too costly.")
    assert _triples(st, actors) == [("senator", "accuse", "Estonia")]


def test_a_thing_maintained_or_posted_by_an_actor_is_no_speech(run):
    st, _, actors = run("The busiest page in the city was the air monitor maintained by the French Embassy.")
    assert st == []


def test_called_on_is_read_after_the_verb_not_from_a_fronted_time(run):
    st, _, actors = run("Maria Lopez on Tuesday called on Peter Hall to apologise to the mayor.")
    assert _triples(st, actors) == [("Maria Lopez", "assert", None)]
    assert st[0].evidence.cue.text == "called on"
    assert st[0].evidence.content.text == "on Peter Hall to apologise to the mayor"


def test_speech_joined_to_a_refused_or_planned_act_is_no_statement(run):
    st, _, actors = run("The governor declined to sanction the firm or even publicly declare it responsible.")
    assert st == []
    st, _, actors = run("The senator needs to pick a side and tell voters the truth about the budget.")
    assert st == []


def test_a_finite_verb_joined_to_an_infinitive_still_speaks(run):
    st, _, actors = run("Senator Ann Reed tried to block the bill and called for a new vote.")
    assert _triples(st, actors) == [("Ann Reed", "assert", None)]


def test_speech_only_hoped_for_or_allowed_is_no_statement(run):
    st, _, actors = run("I hope next year Canada says, \u201cThank you for everything.\u201d")
    assert st == []
    st, _, actors = run("Voters may not let newspapers tell them how to vote.")
    assert st == []


def test_telling_lies_is_no_report_of_speech(run):
    st, _, actors = run("The mayor argued that the governor tells so many lies that nobody listens any more.")
    assert [s.speaker for s in st] == [st[0].speaker] and all(s.evidence.cue.text == "argued" for s in st)


def test_the_posting_of_a_message_is_no_second_cue(run):
    st, _, actors = run('In a Facebook message posted Friday, Ann Reed said she has had "areas of disagreement" '
                        'with the mayor.')
    assert _triples(st, actors) == [("Ann Reed", "assert", None)]
    assert [s.evidence.cue.text for s in st] == ["said"]


def test_concluding_is_speech_only_with_what_was_concluded(run):
    st, _, actors = run("The panel concluded with a minute of silence.")
    assert st == []
    st, _, actors = run("Senator Ann Reed concluded that the deal had failed.")
    assert _triples(st, actors) == [("Ann Reed", "assert", None)]


def test_it_is_worth_noting_is_the_journalists_own_remark(run):
    st, _, actors = run("Shell said profits rose. It is worth noting that the new levy was approved by the "
                        "European Parliament last year.")
    assert [s.evidence.cue.text for s in st] == ["said"]


def test_a_named_appositive_speaks_when_the_parser_takes_a_fronted_noun_as_subject(run):
    st, _, actors = run('With ten days until the vote, Jane Moore, the campaign\'s chief strategist, called the '
                        'governor\'s remarks on Monday "a real wake-up call" to voters.')
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Jane Moore", "called")]


def test_called_on_after_an_object_is_no_call_on(run):
    st, _, actors = run('Jane Moore called the governor\'s remarks on Monday "a real wake-up call" to voters.')
    assert [s.evidence.cue.text for s in st] == ["called"]
    assert st[0].evidence.content.text.startswith("the governor's remarks on Monday")


def test_being_called_a_charlatan_by_someone_is_their_charge(run):
    st, _, actors = run("Peter Hall has been called a charlatan by rival doctors for selling miracle diets.")
    assert [(s.relation, actors[s.target].label) for s in st] == [("accuse", "Peter Hall")]
    assert st[0].evidence.speaker.text == "rival doctors"


def test_according_to_a_source_that_is_no_outlet_vouches_for_the_speech_it_reports(run):
    st, _, actors = run("The sheriff has said deputies will not publish the bodycam footage, according to lawyers "
                        "for the driver.")
    assert sorted(s.evidence.cue.text for s in st) == ["according to", "said"]
    st, _, actors = run("Reuters reports that the mayor has lost support among renters, according to the Urban "
                        "Housing Institute.")
    assert "according to" in [s.evidence.cue.text for s in st]


def test_according_to_a_group_whose_first_word_the_parser_reads_as_a_verb(run):
    st, _, actors = run("The coach shouted at the players after every loss, according to show insiders.")
    assert [(s.evidence.cue.text, s.evidence.speaker.text) for s in st] == [("according to", "insiders")]


def test_contradicting_a_claim_in_a_clause_with_no_speech_verb_states_a_fact(run):
    st, _, actors = run("The camera footage shows that Lopez had stopped at the light, contradicting Denver "
                        "police's earlier claim that Lopez had sped through it.")
    assert "deny" not in [s.relation for s in st]
    assert [(s.relation, s.evidence.cue.text) for s in st] == [("assert", "claim")]
    st, _, actors = run("The mayor said the gate was open, contradicting the guards' claim that it was locked.")
    assert [(actors[s.speaker].label, s.relation) for s in st if s.relation == "deny"] == [("mayor", "deny")]


def test_a_claim_of_a_possessive_pronoun_is_the_claim_of_the_actor_it_refers_to(run):
    st, _, actors = run("Mayor Alice Brandt has kept the audit secret.",
                        "Contrary to her claim that the audit would show nothing, it lists dozens of unpaid contracts.")
    assert [(actors[s.speaker].label, s.relation, s.evidence.cue.text) for s in st] == [
        ("Alice Brandt", "assert", "claim")]
    assert st[0].evidence.speaker.text == "her"


def test_an_as_aside_set_off_by_commas_speaks_the_clause_around_it(run):
    st, _, actors = run("Ohio, as one of Governor Ruth Kaplan's economic aides pointed out, rarely holds early votes.")
    assert [(s.relation, s.evidence.cue.text, s.evidence.speaker.text) for s in st] == [
        ("assert", "pointed out", "one of Governor Ruth Kaplan's economic aides")]
    st, _, actors = run("The levy, as several senators pointed out last week, costs farmers too much.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("senators", "pointed out")]
    st, _, actors = run("Mayor Jane Hollis left early, as she said she would.")
    assert all(s.evidence.content is None or "would" in s.evidence.content.text for s in st)  # no aside


def test_a_relative_clause_without_that_after_an_amount_has_its_own_speaker(run):
    st, _, actors = run("The school raised far less than the minimum $8 million engineers say it needs for a new roof.")
    assert [(actors[s.speaker].label, s.evidence.cue.text, s.evidence.speaker.text) for s in st] == [
        ("engineers", "say", "engineers")]


def test_a_passive_as_aside_is_said_by_its_agent_or_the_issuer_of_its_document(run):
    st, _, actors = run("As stated in Senator Ellen Brody's letter, the county never approved the contract.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Ellen Brody", "stated")]
    assert st[0].evidence.content.text == "the county never approved the contract"
    st, _, actors = run("As reported by the Denver Post, the county never approved the contract.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Denver Post", "reported")]
    st, _, actors = run("As seen in the video, the county never approved the contract.")
    assert st == []


def test_a_light_verb_and_speech_noun_before_a_colon_introduce_a_quotation(run):
    st, _, actors = run("In March, Governor Tom Ashby made the following statement:",
                        "\u201cEvery family in this state deserves clean water.\u201d")
    assert {(actors[s.speaker].label, s.evidence.cue.text) for s in st} == {
        ("Tom Ashby", "made the following statement")}
    assert any("clean water" in s.evidence.content.text for s in st)
    st, _, actors = run("Governor Tom Ashby made the following changes: two new judges and a clerk.")
    assert st == []


def test_an_actors_claims_about_something_are_its_assertion(run):
    st, _, actors = run("Analysts found it hard to verify Venezuela's claims about the size of its oil reserves.")
    assert [(actors[s.speaker].label, s.relation, s.evidence.cue.text) for s in st] == [
        ("Venezuela", "assert", "claims")]
    st, _, actors = run("The claims about the size of the reserves were hard to verify.")
    assert st == []  # nobody's


def test_an_actors_comments_on_a_topic_are_its_speech_but_not_remarks_on_a_day(run):
    st, _, actors = run("Senator Ruth Lang's comments on the factory closure drew wide criticism.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Ruth Lang", "comments")]
    st, _, actors = run("Senator Ruth Lang's remarks on Saturday had a softer tone.")
    assert st == []


def test_a_speaker_after_a_fronted_phrase_without_a_comma(run):
    st, _, actors = run("Senator Maria Olsen spoke at length about farm subsidies.",
                        "At a town hall in Iowa Olsen said that the subsidies would end.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Maria Olsen", "said")]


def test_an_actors_emphasis_that_p_is_its_assertion(run):
    st, _, actors = run("Governor Dana Pike's repeated emphasis that the budget was balanced irritated lawmakers.")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Dana Pike", "emphasis")]


def test_an_actors_promise_to_act_is_its_statement(run):
    st, _, actors = run("Mayor Tom Reed released his housing plan on Monday.",
                        "His pledge to build 5,000 homes has no funding yet.")
    assert ("Tom Reed", "pledge") in [(actors[s.speaker].label, s.evidence.cue.text) for s in st]


def test_a_that_clause_after_an_interrupting_phrase_is_what_was_insisted(run):
    st, _, actors = run("Senator Mary Lowe continues to insist, as recently as a Sunday interview with CBS, that "
                        "she really wants to debate but cannot because of the schedule.")
    assert _triples(st, actors) == [("Mary Lowe", "assert", None)]
    assert st[0].evidence.cue.text == "insist"
    assert st[0].evidence.content.text.startswith("she really wants to debate")


def test_the_object_forced_to_admit_something_is_the_one_who_admitted_it(run):
    st, _, actors = run("Senator Lee also forced Mark Wilson, who was testifying before the finance committee, "
                        "to admit that no managers had been fired.")
    assert _triples(st, actors) == [("Mark Wilson", "assert", None)]
    assert st[0].evidence.cue.text == "admit"
    assert st[0].evidence.content.text == "no managers had been fired"
    st, _, actors = run("Senator Lee did not force Mark Wilson to admit that no managers had been fired.")
    assert st == []  # the compelling did not happen


def test_could_not_resist_pointing_out_is_pointing_out_but_resisting_saying_is_silence(run):
    st, _, actors = run("The ethics panel could not resist pointing out that the mayor's figures were wrong.")
    assert [(s.evidence.cue.text, s.evidence.speaker.text) for s in st] == [("pointing out", "The ethics panel")]
    st, _, actors = run("The ethics panel resisted saying that the mayor's figures were wrong.")
    assert st == []


def test_each_of_a_participle_speaks_for_every_subject_of_the_clause(run):
    st, _, actors = run("John Carter and Mary Lowe competed for the endorsement on Tuesday, each praising their own "
                        "record and saying the other would wreck the city budget.")
    said = [(actors[s.speaker].label, s.evidence.speaker.text) for s in st if s.evidence.cue.text == "saying"]
    assert sorted(said) == [("John Carter", "each"), ("Mary Lowe", "each")]
    st, _, actors = run("John Carter and Mary Lowe met on Tuesday, each saying the talks were useful.")
    assert sorted(_triples(st, actors)) == [("John Carter", "assert", None), ("Mary Lowe", "assert", None)]


def test_a_fronted_participle_read_as_a_subject_is_the_main_subjects_claim(run):
    st, _, actors = run("Claiming the criticism of the referee is designed to pressure officials, Mayor Tom Briggs "
                        "told WBEZ that the critics are gaming the system.")
    assert [(actors[s.speaker].label, s.evidence.cue.text, s.evidence.content.text) for s in st] == [
        ("Tom Briggs", "Claiming", "the criticism of the referee is designed to pressure officials"),
        ("Tom Briggs", "told", "the critics are gaming the system")]
    st, _, actors = run("Saying goodbye to the team is hard, Mayor Tom Briggs told reporters.")
    assert [s.evidence.cue.text for s in st] == ["told"]  # a real gerund subject of what he told


def test_a_clause_running_on_after_a_subordinate_admission_is_what_was_admitted(run):
    st, _, actors = run("Senator Ann Lee questioned Mark Wilson on Tuesday.",
                        "\"You should resign,\" Lee told Wilson, after he admitted under Lee's questioning he had not "
                        "read the audit report.")
    said = [(actors[s.speaker].label.split()[-1], s.evidence.cue.text, s.evidence.content.text) for s in st
            if s.evidence.cue.text in {"told", "admitted"}]
    assert said == [("Lee", "told", "You should resign"),
                    ("Wilson", "admitted", "he had not read the audit report")]


def _reparsed(nlp, text: str, **heads: tuple[str, str]):
    """``text`` parsed, then with the given words hung as the small model sometimes hangs them
    (word → (new head word, dependency label)): a misparse to test a rule on."""
    doc = nlp(text)
    index = {t.text: t.i for t in doc}
    return _rehung(doc, {index[word]: (index[head], dep) for word, (head, dep) in heads.items()})


def _rehung(doc, changes: dict[int, tuple[int, str]]):
    """``doc`` with the tokens at the given indices hung on new heads (index → (head index, label))."""
    from spacy.tokens import Doc

    heads, deps = [t.head.i for t in doc], [t.dep_ for t in doc]
    for i, (head, dep) in changes.items():
        heads[i], deps[i] = head, dep
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               tags=[t.tag_ for t in doc], pos=[t.pos_ for t in doc], lemmas=[t.lemma_ for t in doc],
               heads=heads, deps=deps, ents=[t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else "") for t in doc])


def test_names_the_parser_adds_to_a_fronted_clause_are_the_subject_of_the_cue(nlp):
    from app.extract.actors import ArticleActors
    from app.extract.statements import StatementFinder

    # "…, Lowe and Carter call them …" read with "Lowe" as one more noun of the fronted clause
    doc = _reparsed(nlp, "When hackers are exposed as agents of the foreign service, Lowe and Carter call them "
                         "\"kids\" and describe their attacks as pranks.", Lowe=("service", "conj"))
    assert doc[[t.text for t in doc].index("Lowe")].head.text == "service"
    actors = ArticleActors()
    found = StatementFinder(actors).paragraph(doc, 0)
    described = sorted(actors.actors[f.speaker.actor_id].label for f in found if f.cue.text == "describe")
    assert described == ["Carter", "Lowe"]


def test_neither_nor_subjects_negate_the_speech(run):
    st, _, actors = run("Neither the city council nor the state auditor have indicated that an inquiry is underway.")
    assert st == []
    st, _, actors = run("Neither Mayor Tom Briggs nor Governor Ann Lee said that the bridge would reopen.")
    assert st == []


def test_a_person_indicating_something_voices_it(run):
    st, _, actors = run("Mayor Tom Briggs indicated on Monday that the bridge would reopen in May.")
    assert _triples(st, actors) == [("Tom Briggs", "assert", None)]
    assert st[0].evidence.content.text == "the bridge would reopen in May"
    st, _, actors = run("The records indicate that the bridge was closed twice.")
    assert st == []  # records with no author speak for nobody


def test_a_conjoined_participle_takes_no_subject_from_a_quoted_fragment_it_hangs_from(run):
    st, _, actors = run("Ms. Lowe did little to settle it, taking the senator's jab first as flattery -- ''That proves "
                        "I'm thrifty'' -- and, when asked after the forum, asserting, ''Naturally, I pay my bills.''")
    assert [(actors[s.speaker].label, s.evidence.cue.text, s.evidence.content.text) for s in st] == [
        ("Lowe", "asserting", "Naturally, I pay my bills")]


def test_a_gerund_complement_is_what_the_cue_says(run):
    st, _, actors = run("Mayor Tom Briggs admitted taking the money from the developer.")
    assert _triples(st, actors) == [("Tom Briggs", "assert", None)]
    assert st[0].evidence.content.text == "taking the money from the developer"
    st, _, actors = run("Retired admiral reveals troubling details of serving under the new minister.")
    assert [(s.evidence.cue.text, s.evidence.content.text) for s in st] == [
        ("reveals", "troubling details of serving under the new minister")]  # an adjective read as a gerund


def test_an_as_aside_after_a_quotation_names_the_speaker_of_a_cue_hung_on_the_quotation(nlp):
    from app.extract.actors import ArticleActors
    from app.extract.statements import StatementFinder

    # the parse the model makes of some such sentences: the cue a conjunct of the quoted verb, "as" on it too
    doc = _reparsed(nlp, "Strikes, the mayor said, are acts of faith, whether it was sitting in a factory in Ohio "
                         "in the 1930s or carrying a banner stitched with the words ''We want bread,'' as Rosa Diaz, "
                         "kneeling on a street in Lowell, said before she was arrested.",
                    want=("want", "ROOT"), said=("want", "conj"))
    assert [t.dep_ for t in doc if t.text == "said"] == ["parataxis", "conj"]
    actors = ArticleActors()
    found = StatementFinder(actors).paragraph(doc, 0)
    assert [(f.speaker.mention.text, f.content.text) for f in found if f.speaker.mention.text == "Rosa Diaz"] == [
        ("Rosa Diaz", "We want bread")]


def test_a_clause_introduced_by_before_is_no_content_of_said(run):
    st, _, actors = run("Protest is patriotic, Mr. Obama said, whether it was marching in Selma or wearing a shirt with "
                        "the words ''We shall overcome,'' as Tom Briggs, lying on a hospital bed in Queens, said before "
                        "he died.")
    assert "he died" not in [s.evidence.content.text for s in st]  # the parser reads "before he died" as a complement


def test_a_name_hung_on_a_fronted_phrase_tells_what_follows_that_and_a_quotation(nlp):
    from app.extract.actors import ArticleActors
    from app.extract.statements import StatementFinder

    # as the model parses some such sentences: "Gray" a conjunct of "Boston", the quoted clause a
    # complement of the noun "anger" inside the relative clause on the addressee
    doc = nlp("At a forum on Sunday in Boston, Paul Gray, the head of the teachers union, firmly told a student who "
              "suggested that some teachers may quit because of anger that \"this is not the only class to be angry "
              "and quitting is not a serious plan.\"")
    gray, boston, anger = (next(t.i for t in doc if t.text == w) for w in ("Gray", "Boston", "anger"))
    first_is, second_is = [t.i for t in doc if t.text == "is"]
    doc = _rehung(doc, {gray: (boston, "conj"), first_is: (anger, "acl"), second_is: (first_is, "conj")})
    assert not any(c.dep_ == "ccomp" for c in doc[[t.text for t in doc].index("told")].children)
    actors = ArticleActors()
    found = StatementFinder(actors).paragraph(doc, 0)
    assert [(f.speaker.mention.text, f.content.text.startswith("this is not the only class")) for f in found
            if f.cue.text == "told"] == [("Paul Gray", True)]


def test_a_dateline_city_before_a_possessive_subject_is_not_the_speaker(run):
    st, _, actors = run("LISBON (Reuters) - Portugal's finance ministry on Monday accused Spain of hiding the deficit.")
    assert _triples(st, actors)[0][1:] == ("accuse", "Spain")
    assert st[0].evidence.speaker.text == "Portugal's finance ministry"
    st, _, actors = run("DHAKA - Bangladesh's election commission said on Sunday the vote would go ahead.")
    assert st[0].evidence.speaker.text == "Bangladesh's election commission"


def test_an_of_phrase_hung_on_the_accused_is_the_charge(run):
    st, _, actors = run("Farmers' groups accused the water board of gross negligence.")
    assert _triples(st, actors) == [("Farmers' groups", "accuse", "water board")]
    assert st[0].evidence.content.text == "gross negligence"
    st, _, actors = run("The union accused the Bank of England of lying.")
    assert _triples(st, actors) == [("union", "accuse", "Bank of England")]


def test_calling_a_report_something_negative_denies_it(run):
    st, _, actors = run('The Turkish embassy called the report "a crude manipulation".')
    assert [(s.relation, s.evidence.cue.text) for s in st] == [("deny", "called")]
    st, _, actors = run("Ghana rejected the allegations by Togo that its troops had crossed the border, "
                        'calling them "baseless and invented".')
    assert [s.relation for s in st if actors[s.speaker].label == "Ghana"] == ["deny"]
    assert [s.relation for s in st if actors[s.speaker].label == "Togo"]  # the allegations are still Togo's
    st, _, actors = run("The minister called the report a useful contribution.")
    assert [s.relation for s in st] == ["assert"]


def test_dismissing_criticism_denies_it(run):
    st, _, actors = run("The ferry operator dismissed the dockers' criticism, saying its boats were safe.")
    assert [s.relation for s in st] == ["deny", "assert"]


def test_management_and_a_junta_can_be_accused(run):
    st, _, actors = run("Cabin crew accused management of ignoring safety rules.")
    assert _triples(st, actors) == [("Cabin crew", "accuse", "management")]
    st, _, actors = run("The exiled lawmakers accused the junta of rigging the vote.")
    assert [s.relation for s in st] == ["accuse"]


def test_a_group_calling_itself_something_makes_no_statement(run):
    st, _, actors = run("The crew, which calls itself Red Lantern, claimed it had leaked the files.")
    assert [(s.relation, s.evidence.cue.text) for s in st] == [("assert", "claimed")]


def test_saying_an_actor_beat_people_or_contaminated_a_river_accuses_it(run):
    st, _, actors = run("The fisheries agency said Andina Copper had contaminated the lagoon.")
    assert _triples(st, actors) == [("fisheries agency", "accuse", "Andina Copper")]
    st, _, actors = run("Rights monitors said Ruritanian guards had beaten detainees.")
    assert [s.relation for s in st] == ["accuse"]
    st, _, actors = run("Japan's defence ministry said a Chinese survey ship had intruded into its waters.")
    assert [s.relation for s in st] == ["accuse"]


def test_saying_claims_are_without_merit_denies_them(run):
    st, _, actors = run("The insurer said the allegations were without merit.")
    assert [s.relation for s in st] == ["deny"]
    st, _, actors = run("\u201cThe accusations are without foundation,\u201d the port authority said.")
    assert [s.relation for s in st] == ["deny"]


def test_calling_the_allegations_names_while_denying_is_one_denial(run):
    st, _, actors = run("The mayor denied any role in the tender, calling the allegations \u201ca smear campaign\u201d.")
    assert [(s.relation, s.evidence.cue.text) for s in st] == [("deny", "denied")]


def test_hitting_back_at_claims_denies_them_but_hitting_back_with_strikes_says_nothing(run):
    st, _, actors = run("Sudan hit back at Chad's claims that Sudanese jets had bombed a border camp.")
    assert ("Sudan", "deny", "Chad") in _triples(st, actors)
    st, _, actors = run("The party fired back at the report, calling it biased.")
    assert [(s.relation, s.evidence.cue.text) for s in st] == [("deny", "fired")]
    st, _, actors = run("The army hit back with artillery fire on the ridge.")
    assert st == []


def test_taking_issue_with_a_report_denies_the_report(run):
    st, _, actors = run("The ministry took issue with the watchdog's report on prison conditions.")
    assert [s.relation for s in st] == ["deny"]
    assert "issue" not in st[0].evidence.content.text


def test_a_name_after_a_closing_quote_with_an_appositive_is_the_speaker(run):
    st, _, actors = run("Senator Paul Weller spoke on the radio.",
                        "\u201cThere is a deep rift between the council and our police,\u201d Weller, a veteran "
                        "county official, said Friday on the station\u2019s \u201cMorning Desk.\u201d")
    assert [(actors[s.speaker].label, s.evidence.cue.text) for s in st] == [("Paul Weller", "said")]
    assert st[0].evidence.content.text == "There is a deep rift between the council and our police"
