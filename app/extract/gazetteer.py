"""The actor gazetteer: countries, institutions and organisations with the forms news uses for them.

The facts live in data/gazetteer.json (built by tools/build_gazetteer.py). This module reads that
file once and answers normalised look-ups, so the resolver never deals with spelling variants:
"the U.S.", "US", "America's" and "United States of America" all reach the same entry, while the
pronoun "us" reaches nothing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE_END = re.compile(r"'s?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s\b", re.IGNORECASE)
_CURLY = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def case_sensitive(form: str) -> bool:
    """Short all-caps abbreviations ("US", "UN", "WHO", "IS") only match in capitals.

    Matchers built from `surface_forms()` should compare these forms by exact text and the
    rest in lower case.
    """
    letters = form.replace(".", "").replace(" ", "")
    return letters.isupper() and len(letters) <= 3


def normalize(form: str) -> str:
    """The key a surface form is stored and looked up under.

    Drops a leading "the", a trailing possessive, periods ("U.S." == "US"), apostrophes, hyphens
    and accents; folds case except for short all-caps abbreviations (see `case_sensitive`).
    """
    text = _clean(form)
    return text if case_sensitive(text) else text.casefold()


def _clean(form: str) -> str:
    """`normalize` without the case folding."""
    text = unicodedata.normalize("NFKC", form).translate(_CURLY).strip()
    text = _POSSESSIVE_END.sub("", _THE.sub("", text))
    text = text.replace(".", "").replace("'", "").replace("-", " ")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


@dataclass(frozen=True)
class GazetteerEntry:
    """One actor: a country, a government body, an organisation or an armed group."""

    id: str
    label: str
    kind: str
    country: str | None
    part_of: str | None
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    people: tuple[str, ...]
    capitals: tuple[str, ...]
    ambiguous: tuple[str, ...]

    def is_ambiguous(self, form: str) -> bool:
        """True if this form of the entry is also an ordinary word, place or person name."""
        key = normalize(form)
        return any(normalize(a) == key for a in self.ambiguous)


@dataclass(frozen=True)
class InstitutionTemplate:
    """A ministry or service every country has ("foreign ministry" -> "{country}-mfa")."""

    key: str
    label: str
    kind: str
    heads: tuple[str, ...]


class Gazetteer:
    """Look-ups over the gazetteer entries and institution templates."""

    def __init__(self, entries: list[GazetteerEntry], templates: list[InstitutionTemplate]) -> None:
        self.entries: dict[str, GazetteerEntry] = {e.id: e for e in entries}
        self.templates = templates
        self._forms: dict[str, GazetteerEntry] = {}
        self._demonyms: dict[str, GazetteerEntry] = {}
        for entry in entries:
            for form in (*entry.names, *entry.capitals, *entry.people):
                self._forms.setdefault(normalize(form), entry)
            for form in entry.demonyms:
                self._demonyms.setdefault(normalize(form), entry)

    @classmethod
    def from_dict(cls, data: dict) -> Gazetteer:
        entries = [
            GazetteerEntry(
                id=a["id"],
                label=a["label"],
                kind=a["kind"],
                country=a["country"],
                part_of=a["part_of"],
                **{f: tuple(a[f]) for f in ("names", "demonyms", "people", "capitals", "ambiguous")},
            )
            for a in data["actors"]
        ]
        templates = [
            InstitutionTemplate(t["key"], t["label"], t["kind"], tuple(t["heads"]))
            for t in data["institution_templates"]
        ]
        return cls(entries, templates)

    def lookup(self, text: str) -> GazetteerEntry | None:
        """The entry a name, capital or people noun refers to ("the Kremlin", "Beijing", "Russians")."""
        return self._forms.get(normalize(text))

    def lookup_demonym(self, word: str) -> GazetteerEntry | None:
        """The entry an adjective refers to ("Chinese" -> China, "U.S." -> United States)."""
        return self._demonyms.get(normalize(word))

    def institution(self, country_id: str, phrase: str) -> tuple[str, str, str] | None:
        """(id, label, kind) of a generic institution of a country, or None.

        `phrase` is a template head ("foreign ministry"), optionally with the country named
        around it ("Iran's Foreign Ministry", "the Ministry of Foreign Affairs of China").
        A named actor with the template's id (the State Department is "usa-mfa") wins.
        """
        country = self.entries.get(country_id)
        if country is None:
            return None
        text = _clean(_POSSESSIVE.sub("", phrase.translate(_CURLY)))
        for template in self.templates:
            if any(self._names_head(country_id, text, normalize(h)) for h in template.heads):
                actor_id = f"{country_id}-{template.key}"
                named = self.entries.get(actor_id)
                if named is not None:
                    return named.id, named.label, named.kind
                return actor_id, template.label.format(label=country.label), template.kind
        return None

    def _names_head(self, country_id: str, text: str, head: str) -> bool:
        """"foreign ministry", "<country> foreign ministry" or "foreign ministry of <country>".

        `text` keeps its case so that "US foreign ministry" is not read as "us".
        """
        lower = text.lower()
        if lower == head:
            return True
        if lower.endswith(" " + head):
            return self._is_country(text[: -len(head) - 1], country_id)
        if lower.startswith(head + " of "):
            return self._is_country(text[len(head) + 4 :], country_id)
        return False

    def _is_country(self, text: str, country_id: str) -> bool:
        entry = self.lookup(text) or self.lookup_demonym(text)
        return entry is not None and entry.id == country_id

    def surface_forms(self) -> list[tuple[str, str, str]]:
        """(form, entry id, form type) for every name, capital, people noun and demonym.

        For building a phrase matcher; see `case_sensitive` for which forms need exact case.
        """
        out = []
        for entry in self.entries.values():
            for form_type, forms in (
                ("name", entry.names),
                ("capital", entry.capitals),
                ("people", entry.people),
                ("demonym", entry.demonyms),
            ):
                out.extend((form, entry.id, form_type) for form in forms)
        return out


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package (read once per process)."""
    text = resources.files("app.extract").joinpath("data/gazetteer.json").read_text(encoding="utf-8")
    return Gazetteer.from_dict(json.loads(text))
