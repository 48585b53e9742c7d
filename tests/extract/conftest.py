"""Helpers for stage tests on real sentences with the pinned English pipeline."""

import pytest

from app.extract.actors import ArticleActors
from app.extract.claims import link_claims
from app.extract.statements import StatementFinder


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture
def run(nlp):
    """Run actors → statements → claims over paragraphs; returns (found statements, actors)."""

    def _run(*paragraphs: str):
        actors = ArticleActors()
        finder = StatementFinder(actors)
        found = []
        base = 0
        for text in paragraphs:
            found.extend(finder.paragraph(nlp(text), base))
            base += len(text) + 2
        statements, claims = link_claims(found, actors.actors, "t")
        return statements, claims, actors.actors

    return _run
