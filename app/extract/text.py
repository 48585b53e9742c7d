"""Text stage (placeholder until the boilerplate cleaner lands): one paragraph per blank-line block."""

from __future__ import annotations

import re

from app.extract.records import CleanText, Paragraph

_BLOCK = re.compile(r"\S(?:.*?\S)?(?=\n\s*\n|\s*\Z)", re.S)


def clean(text: str | None = None, html: str | None = None) -> CleanText:
    if html is not None and text is None:
        import trafilatura

        text = trafilatura.extract(html) or ""
    text = text or ""
    paragraphs = [Paragraph(m.start(), m.end(), m.group()) for m in _BLOCK.finditer(text)]
    return CleanText(text=text, paragraphs=paragraphs)
