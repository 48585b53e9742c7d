"""Corpus claims through HTTP: linking at ingest, disputes, filters, detail, deletes, relinking."""

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from app import cli
from app.config import get_settings
from app.corpus.linking import link_missing, relink_all
from app.extract.pipeline import ArticleInput, ExtractionResult
from app.main import create_app
from app.models import ClaimLink, CorpusClaim
from app.services.store import store_result


# another outlet's report of the seed's disputed claim, in other words
PARAPHRASE = ("Moscow sought Chinese military assistance for its war in Ukraine, US officials said on "
              "Monday. The Kremlin denied the report.")


def _claims(client, **params) -> dict:
    response = client.get("/v1/claims", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _negated_denial(make_result) -> ExtractionResult:
    text = "Moscow said that Russia did not ask for military help."
    return make_result(text, [(text, "said", "Moscow", "rus", "assert", None, 1,
                               "Russia did not ask for military help")],
                       source="TASS", published_at=date(2022, 3, 16), title="Moscow says no")


# --- hand-built articles (both databases) ---------------------------------------------------------

def test_one_corpus_claim_per_proposition_across_articles(client, stored):
    page = _claims(client)
    assert page["total"] == 2 and page["next"] is None
    repeated, disputed = page["items"]  # most reported first
    assert repeated["label"] == "spreading disinformation"
    assert repeated["counts"] == {"statements": 2, "articles": 2, "asserts": 2, "denies": 0}
    assert repeated["asserted_by"] == ["chn-mfa"] and repeated["status"] == "asserted"
    assert (repeated["first_seen"], repeated["last_seen"]) == ("2022-03-15", "2022-03-20")
    assert disputed["status"] == "disputed" and disputed["about"] == ["rus"]
    assert disputed["asserted_by"] == ["usa"] and disputed["denied_by"] == ["chn", "rus"]


@pytest.mark.parametrize("params, labels", [
    ({"status": "disputed"}, ["Russia asked for military help"]),
    ({"status": "asserted"}, ["spreading disinformation"]),
    ({"status": "denied"}, []),
    ({"actor": "rus"}, ["Russia asked for military help"]),
    ({"relation": "accuse"}, ["spreading disinformation"]),
    ({"source": "AP"}, ["spreading disinformation"]),
    ({"since": "2022-03-16"}, ["spreading disinformation"]),
    ({"until": "2022-03-14"}, []),
])
def test_claim_filters(client, stored, params, labels):
    assert [c["label"] for c in _claims(client, **params)["items"]] == labels


def test_date_range_chooses_which_reports_count(client, stored):
    [claim] = _claims(client, since="2022-03-16")["items"]
    assert claim["counts"]["articles"] == 1 and claim["first_seen"] == "2022-03-20"


def test_claim_pages(client, stored):
    first = _claims(client, limit=1)
    assert first["total"] == 2 and len(first["items"]) == 1 and "offset=1" in first["next"]
    second = client.get(first["next"]).json()
    assert second["next"] is None and second["items"][0]["id"] != first["items"][0]["id"]


def test_corpus_claim_detail_has_every_statement_article_and_evidence(client, stored):
    repeated = _claims(client, relation="accuse")["items"][0]
    detail = client.get(f"/v1/claims/{repeated['id']}").json()
    assert detail["type"] == "corpus_claim" and detail["status"] == "asserted"
    assert [a["source"] for a in detail["articles"]] == ["Reuters", "AP"]  # oldest first
    assert [c["article_id"] for c in detail["claims"]] == [r.article["id"] for r in stored]
    assert detail["claims"][1]["score"] > 0.4 and not detail["claims"][1]["negated"]
    assert {(s["source"], s["stance"]) for s in detail["statements"]} == {("chn-mfa", "accuse")}
    assert all(s["evidence"][0]["cue"]["text"] == "accused" for s in detail["statements"])


def test_article_claim_ids_still_work_and_point_to_their_corpus_claim(client, stored):
    claim = client.get(f"/v1/claims/{stored[1].article['id']}-c1").json()
    assert claim["type"] == "article_claim" and claim["label"] == "spreading disinformation again"
    assert claim["corpus_claim"] == f"cc-{stored[0].article['id']}-c2"


def test_a_negated_claim_joins_as_its_denial(client, session, stored, make_result):
    store_result(session, _negated_denial(make_result))
    [claim] = _claims(client, status="disputed")["items"]
    assert claim["counts"]["articles"] == 2 and claim["denied_by"] == ["chn", "rus"]
    detail = client.get(f"/v1/claims/{claim['id']}").json()
    tass = next(c for c in detail["claims"] if c["label"].startswith("Russia did not"))
    assert tass["negated"]
    assert [s["stance"] for s in detail["statements"] if s["article_id"] == tass["article_id"]] == ["deny"]


def test_delete_drops_corpus_claims_no_article_reports(client, session, stored):
    client.delete(f"/v1/articles/{stored[0].article['id']}")
    [left] = _claims(client)["items"]
    assert left["counts"]["articles"] == 1 and left["id"] == f"cc-{stored[0].article['id']}-c2"
    assert left["label"] == "spreading disinformation again"  # the deleted article's words are gone
    assert session.exec(select(func.count()).select_from(CorpusClaim)).one() == 1


def test_missing_links_are_made_and_relinking_follows_the_threshold(session, stored):
    session.exec(ClaimLink.__table__.delete())  # type: ignore[attr-defined]
    session.commit()
    assert link_missing(session, 0.4) == 2
    assert session.exec(select(func.count()).select_from(ClaimLink)).one() == 3
    assert relink_all(session, 0.4) == 2
    assert relink_all(session, 1.0) == 2  # the repeated accusation matches exactly
    session.exec(ClaimLink.__table__.delete())  # type: ignore[attr-defined]
    assert link_missing(session, 0.4) == 2 and link_missing(session, 0.4) == 0


def test_relink_command_follows_the_threshold_setting(session, stored, make_result, monkeypatch, db_url):
    store_result(session, _negated_denial(make_result))
    monkeypatch.setenv("CLAIMGRAPH_DATABASE_URL", db_url)
    for threshold, corpus_claims in (("1.0", 3), ("0.4", 2)):
        monkeypatch.setenv("CLAIMGRAPH_CLAIM_MATCH_THRESHOLD", threshold)
        get_settings.cache_clear()
        try:
            result = CliRunner().invoke(cli.app, ["relink"])
        finally:
            get_settings.cache_clear()
        assert result.exit_code == 0 and result.output == f"{corpus_claims} corpus claim(s)\n", result.output


def test_start_up_links_articles_stored_without_links(settings, engine, stored):
    with Session(engine) as session:
        session.exec(ClaimLink.__table__.delete())  # type: ignore[attr-defined]
        session.commit()
    with TestClient(create_app(settings.model_copy(update={"migrate_on_start": True}), engine)) as client:
        assert _claims(client)["total"] == 2


def test_unknown_claim_is_404(client):
    assert client.get("/v1/claims/cc-nope").status_code == 404


@pytest.mark.parametrize("params", [{"status": "maybe"}, {"limit": 0}, {"since": "March"}])
def test_bad_claim_queries_are_422(client, params):
    assert client.get("/v1/claims", params=params).status_code == 422


# --- real articles through the extractor (SQLite and PostgreSQL) ------------------------------------

def _store(session: Session, results: list[ExtractionResult]) -> None:
    for result in results:
        store_result(session, result)


def _assert_seed_claim_disputed(client) -> dict:
    claims = _claims(client, status="disputed", limit=100)["items"]
    [seed] = [c for c in claims if c["label"] == "Russia asked for help in Ukraine"]
    assert seed["asserted_by"] == ["usa"] and seed["denied_by"] == ["chn", "rus-kremlin"]
    return seed


def test_seed_claim_is_disputed(client, session, seed_results):
    _store(session, seed_results)
    _assert_seed_claim_disputed(client)


def test_a_paraphrase_from_another_article_joins_the_seed_claim(client, session, seed_results, pipeline):
    _store(session, seed_results)
    store_result(session, pipeline.extract(ArticleInput(text=PARAPHRASE, source="Example")))
    seed = _assert_seed_claim_disputed(client)
    assert seed["counts"]["articles"] == 2
    labels = {c["label"] for c in client.get(f"/v1/claims/{seed['id']}").json()["claims"]}
    assert "Moscow sought Chinese military assistance for its war in Ukraine" in labels


def test_seed_and_dev_articles(client, session, seed_results, dev_results):
    _store(session, seed_results + dev_results)
    seed = _assert_seed_claim_disputed(client)
    assert seed["counts"]["articles"] == 1  # no dev article reports it
    assert _claims(client)["total"] > 100
