"""focusIndustry: a field named inside a cluster, fund or event name, or listed
after a focus cue (聚焦, 重点投向, 主导产业 …) with the zone, fund, cluster or
event the sentence is about as the subject."""

from __future__ import annotations

from kg.extract.lexicon import FOCUS_CUES

_SUBJECT_TYPES = ("Fund", "Cluster", "Event", "Zone")


def focus_relations(finder) -> None:
    doc = finder.doc
    industries = [e for e in finder.entities if e.type == "Industry"]
    if not industries:
        return
    # fields inside names
    for e in finder.entities:
        if e.type not in ("Fund", "Cluster", "Event"):
            continue
        names = {e.name, *e.aliases}
        first = min(e.mentions, key=lambda m: m.start)
        for industry in industries:
            if any(form in name for form in (industry.name, *industry.aliases) for name in names):
                finder.add(e, "focusIndustry", industry, doc.sentence_at(first.start), "pattern:name-field", 0.75)
    # fields listed after a focus cue
    for industry in industries:
        for m in industry.mentions:
            if not m.method.startswith(("pattern:focus", "gazetteer:industry")):
                continue
            sentence = doc.sentence_at(m.start)
            text = doc.sentence_text(sentence)
            if not any(cue in text for cue in FOCUS_CUES):
                continue
            subject = _subject(finder, sentence, m.start)
            if subject is not None:
                finder.add(subject, "focusIndustry", industry, sentence, "pattern:focus-cue", 0.7)


def _subject(finder, sentence, offset):
    candidates = [
        c for c in finder.mentions(sentence, *_SUBJECT_TYPES)
        if c.start < offset and not finder._inside_other(c, sentence)
    ]
    for entity_type in ("Fund", "Cluster", "Event"):
        typed = [c for c in candidates if c.type == entity_type]
        if typed:
            return finder.entity(typed[-1])
    zones = [c for c in candidates if c.type == "Zone" and finder.entity(c) and finder.entity(c).kind != "Park"]
    if zones:
        return finder.entity(zones[-1])
    return finder.main_zone
