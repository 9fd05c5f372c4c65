"""A cluster's designation: the list or programme it was selected into.

Cue-driven: a cluster mention, then (within the same clause, after at most a few words
of time or aspect such as 已 / 今年 / 此前已 / 于2023年) a selection verb (入选, 入围,
列入, 获评, 获批 …), then the list's name, which ends on a list word (名单, 集群,
试点, 示范 …) before the clause ends:

    某市新材料产业集群已入选国家先进制造业集群名单 -> "国家先进制造业集群名单"

The designation is kept as written in the article (traditional script stays
traditional), so it always occurs in the cluster's evidence sentence.  A cluster
named with several designations in one article keeps the first in text order;
across articles resolution keeps the first article's (attributes merge with setdefault).
"""

from __future__ import annotations

import re

from kg.extract.document import Document
from kg.extract.grouping import LocalEntity

# The verb that puts a cluster on a list; 被 / 成功 may precede it.
_CUE = re.compile(r"(?:被|成功)?(?:入选|入围|列入|纳入|获评|获批|认定为|评为|跻身)")
# What may stand between the cluster's name and the cue: a short bracketed note (生物药), then
# words of aspect, time or manner.
_GAP = re.compile(r"(?:[(（][^()（）]{1,8}[)）])?[已也均还曾再又先后正式于在今去上此前年月日度第季\d]{0,12}")
# What a list's name ends on (the longest reach within the clause wins).
_LIST_END = re.compile(r"名单|名录|集群|产业群|试点|示范区|示范基地|示范园区|示范|协同区|培育对象|工程")
_CLAUSE_END = re.compile(r"[，。；！？、,;!?\n（(]")
_LONGEST = 40  # a list name longer than this has run into the next phrase


def find_designations(doc: Document, entities: list[LocalEntity]) -> None:
    """Set attributes["designation"] on each Cluster whose name is followed by a selection cue."""
    for entity in entities:
        if entity.type != "Cluster" or "designation" in entity.attributes:
            continue
        for mention in sorted(entity.mentions, key=lambda m: m.start):
            if mention.generic or mention.end <= mention.start:
                continue
            found = _designation_after(doc, mention.end)
            if found:
                entity.attributes["designation"] = found
                break


def _designation_after(doc: Document, offset: int) -> str | None:
    """The list name selected into right after ``offset`` (a cluster mention's end), as written."""
    text = doc.simplified
    gap = _GAP.match(text, offset)
    cue = _CUE.match(text, gap.end())
    if cue is None:
        return None
    clause_end = _CLAUSE_END.search(text, cue.end())
    stop = min(clause_end.start() if clause_end else len(text), cue.end() + _LONGEST)
    ends = [m.end() for m in _LIST_END.finditer(text, cue.end(), stop)]
    if not ends:
        return None
    return doc.text[cue.end() : ends[-1]].strip() or None  # as written: it occurs in the evidence sentence
