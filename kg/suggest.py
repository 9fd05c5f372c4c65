"""Closest names: what to offer when a name given on the command line matches no entity.

One ranking for every place that looks entities up by name (``kg export --around``, the
parameters of ``kg ask``, ``kg ask connection``), so a typo gets the same hint everywhere.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from kg.identity import folded_name


def closest_forms(query: str, forms: Iterable[str], limit: int = 8) -> list[str]:
    """Up to ``limit`` of ``forms`` (folded names) nearest to ``query``, nearest first.

    Forms that contain the query or that the query contains come first (shortest first); then
    the others by difflib similarity.  Any form sharing a character with the query may be
    offered: transliterated names (迈克尔·莱维特) share little with one another, and a hint that
    shows what the graph does hold beats no hint at all.
    """
    wanted = folded_name(query)
    if not wanted or limit < 1:
        return []
    candidates = sorted(set(forms))
    containing = sorted((f for f in candidates if wanted in f or f in wanted), key=lambda f: (len(f), f))
    matcher = difflib.SequenceMatcher(b=wanted, autojunk=False)
    scored = []
    for form in candidates:
        matcher.set_seq1(form)
        if matcher.quick_ratio() > 0:  # an upper bound of ratio(), cheap: skips forms sharing no character
            scored.append((-matcher.ratio(), form))
    similar = [form for _, form in sorted(scored)]
    return list(dict.fromkeys([*containing, *similar]))[:limit]
