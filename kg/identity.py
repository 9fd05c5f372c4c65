"""Stable, readable identities for entities.

An entity id is ``<type>/<normalised canonical name>`` with an optional
``~<disambiguator>`` where two different entities share a name (for example
two people called 陈志刚 working for different organisations).  The same
input always gives the same id, so rebuilding a graph gives identical IRIs
and the same thing named the same way in two articles gets one id.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote

from kg.text import LONE_SURROGATE

#: Namespace of entity IRIs; the ontology's own terms live under ONTOLOGY_NS (kg.ttl).
ENTITY_NS = "https://kg-zones.org/id/"

_SEPARATORS = re.compile(r"[·•‧・?？]")
_SPACE = re.compile(r"\s+")
# What an IRI path may hold unencoded (RFC 3987 ``ipchar`` plus the "/" that separates an id's parts):
# ASCII unreserved, sub-delims, ":" and "@", and the non-ASCII ``ucschar`` ranges.  Everything else
# (controls, space, ``"<>\\^`{|}%#?[]``, private use, non-characters such as U+FFFF) is percent-encoded.
_IRI_SAFE_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/")
_UCSCHAR = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF),
            *((plane, plane + 0xFFFD) for plane in range(0x10000, 0xE0000, 0x10000)), (0xE1000, 0xEFFFD))
# RFC 3987 section 4.1: IRIs must not hold bidirectional formatting characters, though they are ucschar.
_BIDI_FORMATTING = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class InvalidIdentifierError(ValueError):
    """An id that no IRI can carry (it holds a lone surrogate, which is not Unicode text); the message says why."""


def normalise_name(name: str) -> str:
    """Fold a surface form for comparison: NFKC, no white space, one middle dot."""
    text = unicodedata.normalize("NFKC", name)
    text = _SPACE.sub("", text)
    return _SEPARATORS.sub("·", text)


def folded_name(name: str) -> str:
    """The key a name or alias is looked up by (kg export's centres, the store's name index): also case-folded."""
    return normalise_name(name).casefold()


def entity_id(entity_type: str, name: str, disambiguator: str | None = None) -> str:
    """The id of an entity of a contract type with this canonical name."""
    base = f"{entity_type.lower()}/{normalise_name(name)}"
    return f"{base}~{normalise_name(disambiguator)}" if disambiguator else base


_ARTICLE = "article/"


def article_id_to_entity_id(article_id: str) -> str:
    """Articles are graph nodes too; their id lives beside the entities'."""
    return _ARTICLE + article_id


def article_id_from_iri(value: str) -> str:
    """The article id an article node's IRI stands for (the inverse of ``iri(article_id_to_entity_id(id))``)."""
    return id_from_iri(value).removeprefix(_ARTICLE)


def _iri_char(ch: str) -> bool:
    if ch.isascii():
        return ch in _IRI_SAFE_ASCII
    code = ord(ch)
    return ch not in _BIDI_FORMATTING and any(low <= code <= high for low, high in _UCSCHAR)


def identifier_problem(text: str) -> str | None:
    """Why ``text`` cannot be an id (a lone surrogate, or nothing at all), else None."""
    if not text:
        return "empty id"
    surrogate = LONE_SURROGATE.search(text)
    return _surrogate_problem(surrogate) if surrogate else None


def _surrogate_problem(surrogate: re.Match) -> str:
    return (f"id holds a lone surrogate U+{ord(surrogate.group()):04X} at position {surrogate.start()}, "
            "which is not Unicode text")


def iri_component(text: str) -> str:
    """``text`` as an IRI path component: each character RFC 3987 forbids is percent-encoded (UTF-8), once.

    "%" itself is encoded, so ``id_from_iri`` is the exact inverse.  Raises InvalidIdentifierError for text
    holding a lone surrogate.
    """
    surrogate = LONE_SURROGATE.search(text)
    if surrogate:
        raise InvalidIdentifierError(_surrogate_problem(surrogate))
    return "".join(ch if _iri_char(ch) else quote(ch, safe="") for ch in text)


def iri(entity_or_article_id: str) -> str:
    """The IRI of an entity or article id: readable (IRI characters kept) and valid in every RDF syntax."""
    return ENTITY_NS + iri_component(entity_or_article_id)


def id_from_iri(value: str) -> str:
    """The id an IRI made by ``iri`` stands for (percent-encoding undone once); other text is returned as is."""
    return unquote(value[len(ENTITY_NS):], errors="strict") if value.startswith(ENTITY_NS) else value
