"""The shipped gazetteer: coverage, look-up normalisation, institutions and data consistency."""

from __future__ import annotations

import json
import runpy
from collections import defaultdict
from pathlib import Path

import pytest

from app.extract.gazetteer import case_sensitive, load_gazetteer, normalize

REPO = Path(__file__).resolve().parents[1]
PHOENIX = REPO.parent / "shared" / "data" / "phoenix"
FORM_FIELDS = ("names", "capitals", "people")


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_every_un_member_and_observer_is_a_country(gaz):
    countries = [e for e in gaz.entries.values() if e.kind == "country"]
    codes = [e.country for e in countries]
    assert len(set(codes)) == len(codes)
    assert len(countries) >= 193 + 4
    assert {"PSE", "VAT", "TWN", "XKX", "SSD", "MNE", "TLS", "USA"} <= set(codes)
    assert all(e.id == e.country.lower() and len(e.country) == 3 and e.country.isupper() for e in countries)


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("U.S.", "usa"),
        ("US", "usa"),
        ("the United States", "usa"),
        ("America's", "usa"),
        ("Washington", "usa"),
        ("Beijing", "chn"),
        ("Moscow", "rus"),
        ("Russians", "rus"),
        ("Britons", "gbr"),
        ("Kyiv", "ukr"),
        ("Kiev", "ukr"),
        ("Jerusalem", "isr"),
        ("Brussels", "eu"),
        ("Cote d\u2019Ivoire", "civ"),
        ("Peoples Republic of China", "chn"),
        ("No. 10", "gbr-downing-street"),
        ("Nato", "nato"),
        ("al Qaeda", "al-qaeda"),
    ],
)
def test_lookup(gaz, text, entry_id):
    entry = gaz.lookup(text)
    assert entry is not None and entry.id == entry_id


def test_kremlin_is_a_russian_institution(gaz):
    kremlin = gaz.lookup("the Kremlin")
    assert (kremlin.id, kremlin.part_of, kremlin.country, kremlin.kind) == ("rus-kremlin", "rus", "RUS", "government")


def test_downing_street_and_european_commission(gaz):
    assert gaz.lookup("Downing Street").part_of == "gbr"
    commission = gaz.lookup("European Commission")
    assert (commission.part_of, commission.country) == ("eu", None)


@pytest.mark.parametrize("text", ["us", "Us", "who", "is", "the", "embassy"])
def test_ordinary_words_do_not_match(gaz, text):
    assert gaz.lookup(text) is None


@pytest.mark.parametrize(("word", "entry_id"), [("Chinese", "chn"), ("U.S.", "usa"), ("Russian", "rus"), ("Emirati", "are")])
def test_lookup_demonym(gaz, word, entry_id):
    assert gaz.lookup_demonym(word).id == entry_id


def test_korean_says_no_country(gaz):
    assert gaz.lookup_demonym("Korean") is None


def test_normalize():
    assert normalize("U.S.") == normalize("US") == "US"
    assert normalize("us") == "us"
    assert normalize("the Kremlin\u2019s") == normalize("Kremlin") == "kremlin"
    assert normalize("Élysée") == "elysee"
    assert case_sensitive("U.N.") and not case_sensitive("NATO") and not case_sensitive("Iran")


@pytest.mark.parametrize(
    ("country", "phrase", "expected"),
    [
        ("rus", "the Russian foreign ministry", ("rus-mfa", "Russian Foreign Ministry", "government")),
        ("irn", "Iran\u2019s Foreign Ministry", ("irn-mfa", "Iran Foreign Ministry", "government")),
        ("chn", "the Ministry of Foreign Affairs of China", ("chn-mfa", "Chinese Foreign Ministry", "government")),
        ("usa", "US foreign ministry", ("usa-mfa", "State Department", "government")),
        ("fra", "interior ministry", ("fra-moi", "France Interior Ministry", "government")),
        ("irn", "armed forces", ("irn-military", "Iran armed forces", "government")),
        ("pse", "Gaza's health ministry", ("pse-moh", "Palestine Health Ministry", "government")),
    ],
)
def test_institution_templates(gaz, country, phrase, expected):
    assert gaz.institution(country, phrase) == expected


@pytest.mark.parametrize(("country", "phrase"), [("rus", "embassy"), ("rus", "Chinese foreign ministry"), ("zzz", "foreign ministry")])
def test_institution_misses(gaz, country, phrase):
    assert gaz.institution(country, phrase) is None


def test_surface_forms(gaz):
    forms = set(gaz.surface_forms())
    assert {("Chinese", "chn", "demonym"), ("Washington", "usa", "capital"), ("Russians", "rus", "people")} <= forms
    assert ("Kremlin", "rus-kremlin", "name") in forms


def test_part_of_and_country_are_consistent(gaz):
    for entry in gaz.entries.values():
        if entry.part_of is not None:
            parent = gaz.entries[entry.part_of]
            assert entry.country == parent.country, entry.id
        if entry.kind == "country":
            assert entry.part_of is None


def test_no_form_is_shared_unless_flagged_ambiguous(gaz):
    for fields in (FORM_FIELDS, ("demonyms",)):
        owners = defaultdict(set)
        flagged = set()
        for entry in gaz.entries.values():
            flagged |= {normalize(f) for f in entry.ambiguous}
            for field in fields:
                for form in getattr(entry, field):
                    owners[normalize(form)].add(entry.id)
        shared = {form: ids for form, ids in owners.items() if len(ids) > 1 and form not in flagged}
        assert not shared


def test_forms_are_proper_nouns_and_flags_name_real_forms(gaz):
    for entry in gaz.entries.values():
        forms = (*entry.names, *entry.capitals, *entry.people, *entry.demonyms)
        assert all(any(c.isupper() for c in f) for f in forms), entry.id
        assert entry.label in entry.names, entry.id
        assert set(entry.ambiguous) <= set(forms), entry.id


def test_ambiguity_flags(gaz):
    assert gaz.lookup("Chad").is_ambiguous("Chad")
    assert gaz.lookup("Georgia").is_ambiguous("Georgia")
    assert not gaz.lookup("Washington").is_ambiguous("Washington")


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="Phoenix dictionaries not available")
def test_committed_json_matches_a_fresh_build():
    build = runpy.run_path(str(REPO / "tools" / "build_gazetteer.py"))["build"]
    data, _warnings = build(PHOENIX)
    committed = json.loads((REPO / "app" / "extract" / "data" / "gazetteer.json").read_text(encoding="utf-8"))
    assert data == committed
