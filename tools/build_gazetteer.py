"""Build the actor gazetteer (app/extract/data/gazetteer.json).

Facts come from two places: the Phoenix/PETRARCH2 actor dictionaries (a folder given on the
command line) and the curated table tools/gazetteer_curated.toml. Phoenix supplies candidate
forms -- long official names, adjectival demonyms, plural people nouns, and synonyms of named
institutions -- but it is noisy (misspellings, foreign names, provinces, dated office holders),
so only forms that pass the filters below are taken. The curated table decides ids, labels,
capitals and everything Phoenix lacks or gets wrong. The app reads only the JSON this writes.

    .venv/bin/python tools/build_gazetteer.py PHOENIX_DIR [--out ...] [--warnings]

It runs in the project's environment because forms are compared with the app's own
`normalize`, so a clash the app would see (e.g. "Élysée" vs "Elysee" on two actors) fails here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from app.extract.gazetteer import normalize

REPO = Path(__file__).resolve().parents[1]
CURATED = REPO / "tools" / "gazetteer_curated.toml"
DEFAULT_OUT = REPO / "app" / "extract" / "data" / "gazetteer.json"
PHOENIX_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)

_CODE = re.compile(r"\[([^\]\s]+)[^\]]*\]")
_PLAIN_FORM = re.compile(r"[A-Za-z][A-Za-z .'\-]*")


@dataclass
class Block:
    """One Phoenix actor record: a primary phrase, its `+` synonyms and its codes in file order."""

    primary: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)

    @property
    def phrases(self) -> list[str]:
        return [self.primary, *self.synonyms]

    @property
    def latest_code(self) -> str | None:
        """The last code listed, which for dated records is the current one."""
        return self.codes[-1] if self.codes else None


def read_blocks(path: Path) -> list[Block]:
    """Parse a Phoenix actor file (format: phoenix/dictionaries.rst, "Actor Dictionary")."""
    blocks: list[Block] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = raw.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if body[0] in " \t":
            if blocks:
                blocks[-1].codes.extend(_CODE.findall(body))
        elif body.startswith("+"):
            if blocks:
                blocks[-1].synonyms.append(phrase_text(body[1:]))
        else:
            blocks.append(Block(phrase_text(body.split("[", 1)[0]), codes=_CODE.findall(body)))
    return blocks


def phrase_text(phrase: str) -> str:
    """Phoenix joins words with underscores and often ends phrases with one."""
    return " ".join(phrase.replace("_", " ").split())


def fold(form: str) -> str:
    return " ".join(form.casefold().replace("-", " ").split())


def display_case(phrase: str, acronyms: set[str], small_words: set[str]) -> str:
    """Turn an upper-case Phoenix phrase into the usual English spelling."""
    words = []
    for i, word in enumerate(phrase.split()):
        if "." in word or word in acronyms:
            words.append(word)
        elif i and word.lower() in small_words:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def strip_the(phrase: str) -> str:
    """Phoenix keeps both "THE EUROPEAN UNION" and "EUROPEAN UNION"; the article is not the name."""
    return phrase[4:] if phrase.upper().startswith("THE ") else phrase


class Builder:
    """Holds the curated table and the parsed Phoenix records while the gazetteer is assembled."""

    def __init__(self, curated: dict, phoenix_dir: Path) -> None:
        self.curated = curated
        rules = curated["rules"]
        self.acronyms = set(rules["acronyms"])
        self.small_words = set(rules["small_words"])
        self.role_words = {fold(w) for w in rules["role_words"]}
        self.state_words = {fold(w) for w in rules["state_words"]}
        self.long_name_words = self.state_words | {fold(w) for w in rules["long_name_words"]}
        self.demonym_endings = tuple(rules["demonym_endings"])
        self.code_to_iso = rules["phoenix_code_to_iso"]
        self.blocks: list[Block] = []
        for name in PHOENIX_FILES:
            self.blocks.extend(read_blocks(phoenix_dir / name))
        self.by_primary: dict[str, list[Block]] = {}
        for block in self.blocks:
            self.by_primary.setdefault(block.primary, []).append(block)
        self.all_phrases = {p for b in self.blocks for p in b.phrases}
        self.by_iso: dict[str, list[str]] = {}
        for block in self.blocks:
            if block.latest_code:
                iso = self.code_to_iso.get(block.latest_code, block.latest_code)
                self.by_iso.setdefault(iso, []).extend(p for p in block.phrases if _PLAIN_FORM.fullmatch(p))
        self.warnings: list[str] = []

    # -- countries ---------------------------------------------------------------------------

    def country(self, iso: str, row: dict) -> dict:
        """A state: curated label, capitals and extras plus the Phoenix forms that pass the filters.

        Candidates are the phrases of every Phoenix record whose current code is the bare
        country code (so provinces and dated office holders, coded "RUSGOV" etc., are not read).
        """
        label = row["label"]
        known = [label, *row.get("names", [])]
        reject = {fold(f) for f in row.get("reject", [])}
        names = list(known)
        demonyms = list(row.get("demonyms", []))
        people = list(row.get("people", []))
        candidates = [c for c in self.by_iso.get(iso, []) if fold(c) not in reject]
        for phrase in candidates:
            form = display_case(strip_the(phrase), self.acronyms, self.small_words)
            if self.is_long_name(form, known):
                names.append(form)
            elif self.is_demonym(form, known):
                demonyms.append(form)
        for phrase in candidates:
            form = display_case(phrase, self.acronyms, self.small_words)
            if form.endswith("s") and any(fold(form[:-1]) == fold(d) for d in demonyms):
                people.append(form)
        people.extend(self.plurals([d for d in demonyms if d not in names]))
        people = [p for p in people if fold(p) not in {fold(n) for n in names}]
        phoenix_keys = {normalize(c) for c in candidates}
        for capital in row.get("capitals", []):
            if normalize(capital) not in phoenix_keys:
                self.warnings.append(f"{iso}: capital {capital!r} not in Phoenix")
        if iso not in self.by_iso:
            self.warnings.append(f"{iso}: no Phoenix record; curated forms only")
        return {
            "id": iso.lower(),
            "label": label,
            "kind": "country",
            "country": iso,
            "part_of": None,
            "names": unique(names),
            "demonyms": unique(demonyms),
            "people": unique(people),
            "capitals": unique(row.get("capitals", [])),
            "ambiguous": unique(row.get("ambiguous", [])),
        }

    def is_long_name(self, form: str, known: list[str]) -> bool:
        """An official long form: a known name plus state words only ("Republic of Belarus")."""
        words = fold(form).split()
        if not set(words) & self.state_words:
            return False
        padded = f" {' '.join(words)} "
        for name in known:
            rest = padded.replace(f" {fold(name)} ", " ", 1)
            if rest != padded and set(rest.split()) <= self.long_name_words:
                return True
        return False

    def is_demonym(self, form: str, known: list[str]) -> bool:
        """An adjective built on a known name's stem ("Algeria" -> "Algerian", "Iraq" -> "Iraqi")."""
        folded = fold(form)
        if len(form.split()) > 3 or not folded.endswith(self.demonym_endings):
            return False
        if any(folded == fold(k) for k in known):
            return False
        return any(len(k) > 3 and folded.startswith(fold(k)[:-1]) for k in known)

    def plurals(self, demonyms: list[str]) -> list[str]:
        """"Iraqi" -> "Iraqis", "Kenyan" -> "Kenyans", "Chinese" -> "Chinese"."""
        out = []
        for d in demonyms:
            if d.endswith(("an", "i")):
                out.append(d + "s")
            elif d.endswith("ese"):
                out.append(d)
        return out

    # -- institutions and organisations --------------------------------------------------------

    def actor(self, row: dict, countries: dict[str, str | None]) -> dict:
        """A named institution, organisation or group.

        `phoenix_records` names Phoenix records whose every phrase is taken (less role phrases
        such as "White House spokesman"); `phoenix_forms` names single Phoenix phrases, for
        records that mix the actor with its leaders or with other bodies.
        """
        reject = {fold(f) for f in row.get("reject", [])}
        phrases: list[str] = []
        for primary in row.get("phoenix_records", []):
            blocks = self.by_primary.get(phrase_text(primary))
            if not blocks:
                raise SystemExit(f"{row['id']}: Phoenix record {primary!r} not found")
            phrases += [p for b in blocks for p in b.phrases if not self.is_role(p)]
        for phrase in row.get("phoenix_forms", []):
            if phrase_text(phrase) not in self.all_phrases:
                raise SystemExit(f"{row['id']}: Phoenix phrase {phrase!r} not found")
            phrases.append(phrase_text(phrase))
        names = [row["label"], *row.get("names", [])]
        for phrase in phrases:
            form = display_case(strip_the(phrase), self.acronyms, self.small_words)
            if _PLAIN_FORM.fullmatch(form) and fold(form) not in reject:
                names.append(form)
        part_of = row.get("part_of")
        return {
            "id": row["id"],
            "label": row["label"],
            "kind": row["kind"],
            "country": countries.get(part_of) if part_of else None,
            "part_of": part_of,
            "names": unique(names),
            "demonyms": unique(row.get("demonyms", [])),
            "people": unique(row.get("people", [])),
            "capitals": unique(row.get("capitals", [])),
            "ambiguous": unique(row.get("ambiguous", [])),
        }

    def is_role(self, phrase: str) -> bool:
        """"White House spokesman" names a person speaking for the institution, not the institution."""
        return any(w in self.role_words for w in fold(phrase).split())

    # -- whole file ----------------------------------------------------------------------------

    def build(self) -> dict:
        actors = [self.country(iso, row) for iso, row in self.curated["countries"].items()]
        countries: dict[str, str | None] = {a["id"]: a["country"] for a in actors}
        for row in self.curated["actors"]:
            actor = self.actor(row, countries)
            countries[actor["id"]] = actor["country"]
            actors.append(actor)
        check(actors)
        return {
            "notice": self.curated["notice"].strip(),
            "actors": actors,
            "institution_templates": self.curated["institution_templates"],
        }


def unique(forms: list[str]) -> list[str]:
    """Drop repeats that differ only in case or hyphenation, keeping the first spelling."""
    seen: set[str] = set()
    out = []
    for form in forms:
        key = fold(form) if not form.isupper() else form
        if key not in seen:
            seen.add(key)
            out.append(form)
    return out


def check(actors: list[dict]) -> None:
    """Fail on dangling part_of ids and on forms claimed by two actors without an ambiguity flag.

    Forms are compared as the app looks them up (`normalize`), so "Élysée" and "Elysee" clash.
    """
    ids = {a["id"] for a in actors}
    problems = [f"{a['id']}: part_of {a['part_of']!r} unknown" for a in actors if a["part_of"] and a["part_of"] not in ids]
    if len(ids) != len(actors):
        problems.append("duplicate ids")
    for space in (("names", "people", "capitals"), ("demonyms",)):
        owners: dict[str, set[str]] = {}
        flagged: set[str] = set()
        for a in actors:
            flagged |= {normalize(f) for f in a["ambiguous"]}
            for fld in space:
                for form in a[fld]:
                    owners.setdefault(normalize(form), set()).add(a["id"])
        problems += [f"{form!r} claimed by {sorted(o)}" for form, o in owners.items() if len(o) > 1 and form not in flagged]
    if problems:
        raise SystemExit("gazetteer check failed:\n  " + "\n  ".join(problems))


def write_json(data: dict, out: Path) -> None:
    """One actor or template per line, so a diff shows which actor changed."""
    lines = ["{", f'"notice": {json.dumps(data["notice"], ensure_ascii=False)},', '"actors": [']
    lines.append(",\n".join(json.dumps(a, ensure_ascii=False) for a in data["actors"]))
    lines.append("],")
    lines.append('"institution_templates": [')
    lines.append(",\n".join(json.dumps(t, ensure_ascii=False) for t in data["institution_templates"]))
    lines.append("]")
    lines.append("}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(phoenix_dir: Path, curated_path: Path = CURATED) -> tuple[dict, list[str]]:
    """Return the gazetteer document and the curation warnings (e.g. capitals Phoenix lacks)."""
    curated = tomllib.loads(curated_path.read_text(encoding="utf-8"))
    builder = Builder(curated, phoenix_dir)
    return builder.build(), builder.warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phoenix_dir", type=Path, help="folder with the Phoenix *.actors.txt files")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--warnings", action="store_true", help="print curation warnings")
    args = parser.parse_args(argv)
    data, warnings = build(args.phoenix_dir)
    if args.warnings:
        print("\n".join(warnings), file=sys.stderr)
    write_json(data, args.out)
    print(f"wrote {len(data['actors'])} actors to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
