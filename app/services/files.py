"""Article files on disk (.txt, .html) → pipeline inputs; used by the CLI and by seeding."""

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser's package loads spaCy: imported when an article is read
    from app.extract.pipeline import ArticleInput

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}


def collect_files(paths: list[Path]) -> list[Path]:
    """The article files among ``paths``: files as given, folders searched recursively, sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*")
                            if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return files


def read_article(path: Path) -> "ArticleInput":
    """HTML files go in as ``html`` (the pipeline extracts their text), anything else as ``text``."""
    from app.extract.pipeline import ArticleInput

    content = path.read_text(encoding="utf-8")
    if path.suffix.lower() in HTML_SUFFIXES:
        return ArticleInput(html=content)
    return ArticleInput(text=content)
