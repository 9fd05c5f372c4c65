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
from urllib.parse import quote

#: Namespace of entity IRIs; the ontology's own terms live under ONTOLOGY_NS (kg.ttl).
ENTITY_NS = "https://kg-zones.org/id/"

_SEPARATORS = re.compile(r"[·•‧・?？]")
_SPACE = re.compile(r"\s+")
# ASCII kept as is in IRIs; everything else ASCII is percent-encoded.  Non-ASCII
# letters stay readable (IRIs, RFC 3987), which is what analysts see in SPARQL results.
_IRI_SAFE_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/~-_.()")


def normalise_name(name: str) -> str:
    """Fold a surface form for comparison: NFKC, no white space, one middle dot."""
    text = unicodedata.normalize("NFKC", name)
    text = _SPACE.sub("", text)
    return _SEPARATORS.sub("·", text)


def entity_id(entity_type: str, name: str, disambiguator: str | None = None) -> str:
    """The id of an entity of a contract type with this canonical name."""
    base = f"{entity_type.lower()}/{normalise_name(name)}"
    return f"{base}~{normalise_name(disambiguator)}" if disambiguator else base


def article_id_to_entity_id(article_id: str) -> str:
    """Articles are graph nodes too; their id lives beside the entities'."""
    return f"article/{article_id}"


def iri(entity_or_article_id: str) -> str:
    """An IRI for an id: readable (IRI characters kept), but safe in N-Triples and Turtle."""
    return ENTITY_NS + "".join(
        ch if ord(ch) > 127 and not ch.isspace() or ch in _IRI_SAFE_ASCII else quote(ch) for ch in entity_or_article_id
    )
