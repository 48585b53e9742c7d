"""Bad input of every kind gets a clear 4xx problem and leaves the stored data as it was.

Each test runs on SQLite and PostgreSQL (PostgreSQL refuses NUL characters that SQLite takes,
so both must see them refused before the database does). Pathological articles must finish in
bounded time: a short extraction timeout stops them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.services.extraction import get_extraction_process

PROBLEM = "application/problem+json"
TEXT = "China on Tuesday denied a US claim that Russia had asked it for military help."
UNBROKEN_WORDS = ("the government said that minister of china denied united states claims russia "
                  "asked for military help officials accused washington spreading disinformation").split()


def long_sentence(chars: int) -> str:
    """English words without a single punctuation mark or line break."""
    words = (UNBROKEN_WORDS[i % len(UNBROKEN_WORDS)] for i in range(chars))
    return " ".join(words)[:chars]


def stored(client: TestClient) -> list[str]:
    return [a["id"] for a in client.get("/v1/articles", params={"limit": 100}).json()["items"]]


def assert_problem(r, status: int, type_suffix: str | None = None) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM
    problem = r.json()
    assert {"type", "title", "status", "detail"} <= set(problem) and problem["status"] == status
    if type_suffix is not None:
        assert problem["type"].endswith(type_suffix), problem
    assert "Traceback" not in r.text and "SELECT" not in r.text
    return problem


@pytest.fixture
def seeded(client: TestClient) -> Iterator[list[str]]:
    """One stored article; every test checks that the ids are the same afterwards."""
    assert client.post("/v1/articles", json={"text": TEXT}).status_code == 201
    before = stored(client)
    yield before
    assert stored(client) == before


# --- bodies that are not a valid article ----------------------------------------------------------

INVALID_BODIES = [
    ({"text": ""}, "text"),
    ({"text": "  \n\t  "}, "text"),
    ({"html": " "}, "html"),
    ({"text": TEXT, "html": "<p>x</p>"}, None),  # both
    ({}, None),  # neither
    ({"text": TEXT, "author": "someone"}, "author"),  # unknown field
    ({"text": TEXT, "published_at": "2022-02-30"}, "published_at"),
    ({"text": TEXT, "published_at": "15/03/2022"}, "published_at"),
    ({"text": TEXT, "published_at": 1647302400}, "published_at"),  # not a Unix time either
    ({"text": TEXT, "title": "x" * 1001}, "title"),
    ({"text": 42}, "text"),
    ({"text": "China denied it.\u0000 Then"}, "text"),  # NUL: PostgreSQL cannot store it
    ({"text": "China denied it. \ud800"}, "text"),  # a lone surrogate has no UTF-8 form
    ({"text": TEXT, "source": "Reuters\u0000"}, "source"),
]


def test_invalid_bodies_are_422_with_the_field(client, seeded):
    for body, field in INVALID_BODIES:
        raw = json.dumps(body).encode()  # escaped as JSON allows: \\u0000, \\ud800
        r = client.post("/v1/articles", content=raw, headers={"content-type": "application/json"})
        problem = assert_problem(r, 422, "validation-error")
        locations = [e["loc"] for e in problem["errors"]]
        assert all(loc[0] == "body" for loc in locations), body
        assert field is None or ["body", field] in locations, (body, locations)


def test_json_that_is_not_an_object_is_422(client, seeded):
    for raw in (b"[]", b'"just a string"', b"null", b"42"):
        r = client.post("/v1/articles", content=raw, headers={"content-type": "application/json"})
        assert_problem(r, 422, "validation-error")


def test_malformed_json_is_422_with_the_position(client, seeded):
    r = client.post("/v1/articles", content=b'{"text": "China denied', headers={"content-type": "application/json"})
    problem = assert_problem(r, 422, "validation-error")
    assert problem["errors"][0]["type"] == "json_invalid" and problem["errors"][0]["loc"][0] == "body"


def test_bytes_that_are_not_utf8_are_400(client, seeded):
    binary = bytes(range(128, 256)) * 4  # no UTF-8 sequence starts with a continuation byte
    for raw in (b'{"text": "China \xff\xfe denied"}', binary):
        r = client.post("/v1/articles", content=raw, headers={"content-type": "application/json"})
        assert_problem(r, 400, "malformed-body")


def test_a_body_that_is_not_json_is_415(client, seeded):
    for content_type in ("text/plain", "application/x-www-form-urlencoded",
                         "multipart/form-data; boundary=x", None):
        headers = {"content-type": content_type} if content_type else {}
        r = client.post("/v1/articles", content=f'{{"text": "{TEXT}"}}'.encode(), headers=headers)
        assert_problem(r, 415, "unsupported-media-type")


def test_a_declared_length_over_the_limit_is_413_unread(client, seeded, settings):
    # the body is far shorter than declared: an answer proves the server did not wait for the rest
    r = client.post("/v1/articles", content=b'{"text": "x"}',
                    headers={"content-type": "application/json", "content-length": str(10**12)})
    assert_problem(r, 413, "payload-too-large")


# --- articles that are well-formed but have nothing to extract ------------------------------------

def test_an_article_with_no_words_is_rejected(client, seeded):
    for body in ({"text": "12345 67890 !!! --- ..."}, {"text": "§ 1 — 2 ¶ 3"},
                 {"html": "<div><br><img src='x.png'></div>"}, {"html": "<p> 2022 </p>"}):
        assert_problem(client.post("/v1/articles", json=body), 422, "article-rejected")


def test_non_english_text_is_stored_with_its_language_and_no_statements(client):
    french = ("Le gouvernement français a démenti mardi les accusations de la Russie. Le ministre a "
              "déclaré que la France n'avait jamais envoyé de troupes dans la région, et il a accusé "
              "Moscou de mentir sur les faits.")
    chinese = "中国外交部周二否认了美国的说法。发言人表示，俄罗斯从未请求中国提供军事援助。"
    for text, language in ((french, "fr"), (chinese, "zh")):
        r = client.post("/v1/articles", json={"text": text})
        assert r.status_code == 201, r.text
        article = r.json()
        assert article["language"] == language and article["graph"]["edges"] == []
        assert client.get(f"/v1/articles/{article['id']}").json()["text"] == text


# --- pathological articles finish in bounded time ----------------------------------------------------

@pytest.fixture
def quick_client(settings, engine, pipeline) -> Iterator[TestClient]:
    """The app with a 2-second extraction timeout."""
    app = create_app(settings.model_copy(update={"extract_timeout_seconds": 2.0,
                                                 "max_article_bytes": 2_000_000}), engine)
    with TestClient(app) as client:
        yield client


def test_a_100k_character_sentence_is_stopped_at_the_timeout(quick_client):
    before = stored(quick_client)
    started = time.monotonic()
    r = quick_client.post("/v1/articles", json={"text": long_sentence(100_000)})
    assert time.monotonic() - started < 10
    problem = assert_problem(r, 422, "article-rejected")
    assert "longer than 2 s" in problem["detail"]
    assert stored(quick_client) == before
    # the extraction process was replaced: the next article goes through
    assert quick_client.post("/v1/articles", json={"text": TEXT}).status_code == 201


def test_deeply_nested_html_finishes_in_bounded_time(quick_client):
    depth = 50_000
    html = "<div><span>" * depth + f"<p>{TEXT}</p>" + "</span></div>" * depth
    started = time.monotonic()
    r = quick_client.post("/v1/articles", json={"html": html})
    assert time.monotonic() - started < 10
    assert r.status_code in (201, 422), r.text
    if r.status_code == 201:
        assert "denied" in quick_client.get(f"/v1/articles/{r.json()['id']}").json()["text"]


def test_an_article_waiting_too_long_for_the_extractor_is_503_with_retry_after(quick_client, settings):
    busy = get_extraction_process(settings.spacy_model)._lock  # as if another article ran
    with busy:
        r = quick_client.post("/v1/articles", json={"text": TEXT})
    problem = assert_problem(r, 503, "extraction-busy")
    assert r.headers["retry-after"] == "2" and "retry" in problem["detail"]
    assert quick_client.post("/v1/articles", json={"text": TEXT}).status_code == 201


# --- queries and ids --------------------------------------------------------------------------------

INVALID_QUERIES = [
    ("/v1/articles", {"limit": 0}, "limit"),
    ("/v1/articles", {"limit": 101}, "limit"),
    ("/v1/articles", {"limit": "ten"}, "limit"),
    ("/v1/articles", {"offset": -1}, "offset"),
    ("/v1/articles", {"since": "2022-13-01"}, "since"),
    ("/v1/articles", {"until": "0"}, "until"),
    ("/v1/articles", {"relation": "praise"}, "relation"),
    ("/v1/articles", {"source": "Reuters\u0000"}, "source"),
    ("/v1/actors", {"limit": 1000}, "limit"),
    ("/v1/actors", {"country": "china"}, "country"),
    ("/v1/actors", {"q": "\u0000"}, "q"),
    ("/v1/graph", {"since": "yesterday"}, "since"),
    ("/v1/graph", {"actor": "chn\u0000"}, "actor"),
]


def test_invalid_queries_are_422_with_the_parameter(client, seeded):
    for path, params, field in INVALID_QUERIES:
        problem = assert_problem(client.get(path, params=params), 422, "validation-error")
        assert ["query", field] in [e["loc"] for e in problem["errors"]], (path, params)


def test_unknown_ids_are_404(client, seeded):
    for method, path in [
            ("GET", "/v1/articles/0000000000000000"), ("GET", "/v1/articles/0000000000000000/graph"),
            ("DELETE", "/v1/articles/0000000000000000"), ("GET", "/v1/actors/no-such-actor"),
            ("GET", "/v1/actors/no-such-actor/statements"), ("GET", "/v1/claims/no-such-claim"),
            ("GET", "/v1/ingest-jobs/00000000000000000000000000000000")]:
        assert_problem(client.request(method, path), 404, "not-found")


def test_a_nul_in_the_path_is_422(client, seeded):
    for path in ("/v1/articles/%00", "/v1/actors/chn%00", "/v1/claims/%00x"):
        problem = assert_problem(client.get(path), 422, "validation-error")
        assert problem["errors"][0]["loc"][0] == "path"


def test_a_wrong_method_names_every_method_of_the_path(client):
    r = client.put("/v1/articles")
    assert_problem(r, 405)
    assert r.headers["allow"] == "GET, HEAD, POST"
    assert client.patch("/v1/articles/0000000000000000").headers["allow"] == "DELETE, GET, HEAD"


# --- internal errors ---------------------------------------------------------------------------------

def test_a_failing_extraction_is_a_generic_500(settings, engine, pipeline, monkeypatch):
    from app.services import extraction

    def fail(self, item, timeout):
        raise extraction.ExtractionFailed("ValueError: boom in /srv/app/extract.py line 3")

    monkeypatch.setattr(extraction.ExtractionProcess, "extract", fail)
    with TestClient(create_app(settings, engine), raise_server_exceptions=False) as client:
        r = client.post("/v1/articles", json={"text": TEXT})
        assert stored(client) == []
    problem = assert_problem(r, 500, "internal-error")
    assert "boom" not in r.text and "/srv" not in r.text and problem["detail"]
