"""Gazetteers of general reference knowledge for the extractor.

Every list here is reference knowledge a handbook would hold (laureates,
academies, central government bodies, administrative divisions, countries, industry fields, job titles);
none is taken from the corpus.  SOURCES.md beside this file states where each
list comes from.  Lists load lazily on first use and are cached.

    from kg.extract.gazetteers import (nobel_laureates, academies, lookup_place,
                                       countries, industries, role_titles)
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.extract.gazetteers.places import (
    Country,
    PlaceCandidate,
    countries,
    lookup_place,
    place_names,
    to_simplified,
)

DATA_DIR = Path(__file__).resolve().parent
LIST_SEPARATOR = "|"

__all__ = [
    "Academy",
    "Country",
    "GazetteerError",
    "IndustryTerm",
    "Laureate",
    "PlaceCandidate",
    "RoleTitle",
    "academies",
    "government_bodies",
    "academy_by_name",
    "academy_of_unit",
    "countries",
    "industries",
    "industry_by_name",
    "laureate_by_name",
    "lookup_place",
    "nobel_laureates",
    "place_names",
    "role_titles",
]


class GazetteerError(ValueError):
    """A data file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Laureate:
    english_name: str
    chinese_names: tuple[str, ...]  # full forms, parts joined by ·, most usual first
    short_forms: tuple[str, ...]  # surname-only forms (塞门扎)
    prize: str  # Physics, Chemistry, Medicine, Economics
    year: int
    wikidata: str | None


@dataclass(frozen=True)
class Academy:
    name: str  # Chinese name as Chinese media write it
    aliases: tuple[str, ...]  # other Chinese names, English name, abbreviation
    country: str  # Chinese short country name (中国, 美国 …) or 国际
    member_honor: str | None  # honour of a (domestic) member: CASAcademician, CAEAcademician
    foreign_honor: str  # honour of a foreign member (外籍院士): ForeignAcademician
    wikidata: str | None


@dataclass(frozen=True)
class IndustryTerm:
    name: str  # Chinese preferred label
    english: str
    broader: str | None  # name of the broader term in this list, None at the top
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class RoleTitle:
    title: str
    category: str  # executive, official, academic, professional


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip())


def read_tsv(filename: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a TSV data file as dicts; '#' lines are comments.

    Raises GazetteerError naming file and line when a row has the wrong
    number of cells, so a broken edit is caught at load time.
    """
    path = DATA_DIR / filename
    rows: list[dict[str, str]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in enumerate(handle, start=1) if line[1].strip() and not line[1].startswith("#"))
        header_seen = False
        for number, line in lines:
            cells = next(csv.reader([line.rstrip("\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
            if not header_seen:
                if tuple(cells) != columns:
                    raise GazetteerError(f"{path}:{number}: header {cells} != {list(columns)}")
                header_seen = True
                continue
            if len(cells) != len(columns):
                raise GazetteerError(f"{path}:{number}: {len(cells)} cells, expected {len(columns)}")
            rows.append(dict(zip(columns, (cell.strip() for cell in cells))))
    return rows


@lru_cache(maxsize=1)
def _laureates() -> tuple[Laureate, ...]:
    columns = ("english_name", "chinese_names", "short_forms", "prize", "year", "wikidata")
    return tuple(
        Laureate(
            english_name=row["english_name"],
            chinese_names=_split(row["chinese_names"]),
            short_forms=_split(row["short_forms"]),
            prize=row["prize"],
            year=int(row["year"]),
            wikidata=row["wikidata"] or None,
        )
        for row in read_tsv("nobel_laureates.tsv", columns)
    )


def nobel_laureates() -> list[Laureate]:
    """Nobel laureates (Physics, Chemistry, Medicine, Economics) with Chinese forms."""
    return list(_laureates())


@lru_cache(maxsize=1)
def _laureate_index() -> dict[str, tuple[Laureate, ...]]:
    index: dict[str, list[Laureate]] = {}
    for laureate in _laureates():
        for form in {*laureate.chinese_names, laureate.english_name}:
            index.setdefault(_name_key(form), []).append(laureate)
    return {key: tuple(value) for key, value in index.items()}


def _name_key(name: str) -> str:
    """Compare names the way the scorer does: no spaces, one kind of middle dot."""
    for dot in ("•", "‧", "・", "．", "."):
        name = name.replace(dot, "·")
    return "".join(name.split()).lower()


def laureate_by_name(name: str) -> list[Laureate]:
    """Laureates whose full Chinese or English name is `name`, in either script
    (short forms are deliberately not matched: a bare surname needs context)."""
    index = _laureate_index()
    found = index.get(_name_key(name)) or index.get(_name_key(to_simplified(name)), ())
    return list(found)


@lru_cache(maxsize=1)
def _academies() -> tuple[Academy, ...]:
    columns = ("name", "aliases", "country", "member_honor", "foreign_honor", "wikidata")
    return tuple(
        Academy(
            name=row["name"],
            aliases=_split(row["aliases"]),
            country=row["country"],
            member_honor=row["member_honor"] or None,
            foreign_honor=row["foreign_honor"],
            wikidata=row["wikidata"] or None,
        )
        for row in read_tsv("academies.tsv", columns)
    )


def academies() -> list[Academy]:
    """National academies and honour-granting bodies with the honour each confers."""
    return list(_academies())


@lru_cache(maxsize=1)
def _academy_index() -> dict[str, Academy]:
    return {key: academy for academy in _academies() for key in (academy.name, *academy.aliases)}


def academy_names() -> tuple[str, ...]:
    """Every name and alias of the gazetteer's academies."""
    return tuple(_academy_index())


@dataclass(frozen=True)
class GovernmentBody:
    name: str
    short_forms: tuple[str, ...]


@lru_cache(maxsize=1)
def _government_bodies() -> tuple[GovernmentBody, ...]:
    columns = ("name", "short_forms", "jurisdiction")
    return tuple(GovernmentBody(row["name"], _split(row["short_forms"]))
                 for row in read_tsv("government_bodies.tsv", columns))


def government_bodies() -> list[GovernmentBody]:
    """Central government bodies (the State Council's ministries, Taiwan's Yuan and ministries) with their short forms."""
    return list(_government_bodies())


def academy_by_name(name: str) -> Academy | None:
    """The academy whose name or alias is `name` (either script), else None."""
    index = _academy_index()
    return index.get(name) or index.get(to_simplified(name))


def academy_of_unit(name: str) -> Academy | None:
    """The academy that ``name`` is, or that it is a sub-unit of (中国科学院物理研究所 -> 中国科学院):
    the longest academy name or alias (three characters or more) that ``name`` begins with."""
    simplified = to_simplified(name)
    prefixes = [key for key in _academy_index() if len(key) >= 3 and simplified.startswith(key)]
    return _academy_index()[max(prefixes, key=len)] if prefixes else None


@lru_cache(maxsize=1)
def _industries() -> tuple[IndustryTerm, ...]:
    columns = ("name", "english", "broader", "synonyms")
    return tuple(
        IndustryTerm(row["name"], row["english"], row["broader"] or None, _split(row["synonyms"]))
        for row in read_tsv("industries.tsv", columns)
    )


def industries() -> list[IndustryTerm]:
    """Industry and technology fields, a small SKOS-style scheme (prefLabel, broader, altLabel)."""
    return list(_industries())


@lru_cache(maxsize=1)
def _industry_index() -> dict[str, IndustryTerm]:
    return {key: term for term in _industries() for key in (term.name, *term.synonyms)}


def industry_by_name(name: str) -> IndustryTerm | None:
    """The term whose label or synonym is `name` (芯片 -> 集成电路), either script, else None."""
    index = _industry_index()
    return index.get(name) or index.get(to_simplified(name))


@lru_cache(maxsize=1)
def _role_titles() -> tuple[RoleTitle, ...]:
    return tuple(RoleTitle(row["title"], row["category"]) for row in read_tsv("role_titles.tsv", ("title", "category")))


def role_titles() -> list[RoleTitle]:
    """Position words that cue a roleAt relation, with a category."""
    return list(_role_titles())
