"""The gold annotations as a KnowledgeGraph, and each named question answered from them in plain Python.

The reference answers re-state every question's definition independently of the SPARQL and Cypher
texts, so running the questions on the gold graph checks their semantics against the gold files.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from kg.identity import entity_id
from kg.model import Article, Entity, KnowledgeGraph, Provenance, Relation
from kg.query import question
from kg.query.rows import typed_rows

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
GOLD_FILES = sorted((CORPUS / "gold").glob("*.json")) + sorted((CORPUS / "dev" / "gold").glob("*.json"))
ACADEMICIAN = ("CASAcademician", "CAEAcademician", "ForeignAcademician")


def homonyms() -> set[tuple[str, str]]:
    """(type, name) of the different entities sharing a name, from the machine-readable block of the corpus README."""
    text = (CORPUS / "README.md").read_text(encoding="utf-8")
    links = json.loads(text.split("```json", 1)[1].split("```", 1)[0])
    return {(item["type"], item["name"]) for item in links["different_entities"]}


def gold_graph() -> KnowledgeGraph:
    """All gold files merged by (type, name), homonyms kept apart; a provenance record per file for everything."""
    graph = KnowledgeGraph()
    apart = homonyms()
    for path in GOLD_FILES:
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = Article(id=gold["article"], title=f"gold {gold['article']}", body=("gold",))
        graph.articles[article.id] = article
        ids = {}
        for e in gold["entities"]:
            disambiguator = article.id if (e["type"], e["name"]) in apart else None
            eid = ids[e["name"]] = entity_id(e["type"], e["name"], disambiguator)
            entity = graph.entities.setdefault(eid, Entity(eid, e["type"], e["name"]))
            entity.aliases |= set(e.get("aliases", ())) - {e["name"]}
            entity.honors |= set(e.get("honors", ()))
            entity.provenance.append(Provenance(article.id, e["name"], 0, len(e["name"]), "gold", 1.0))
        for r in gold["relations"]:
            if r["subject"] not in ids or r["object"] not in ids:
                continue
            relation = Relation(ids[r["subject"]], r["predicate"], ids[r["object"]], r.get("title"))
            relation = graph.relations.setdefault(relation.key, relation)
            sentence = f"{r['subject']} {r['predicate']} {r['object']}"
            relation.provenance.append(Provenance(article.id, sentence, 0, 0, "gold", 1.0))
    return graph


class Reference:
    """Plain-Python answers over a KnowledgeGraph (the definitions the question headers state)."""

    def __init__(self, graph: KnowledgeGraph) -> None:
        self.g = graph
        self.e = graph.entities
        self.out = defaultdict(set)  # (subject, predicate) -> objects
        self.into = defaultdict(set)  # (object, predicate) -> subjects
        for s, p, o, _ in graph.relations:
            self.out[s, p].add(o)
            self.into[o, p].add(s)

    def name(self, eid: str | None) -> str | None:
        return self.e[eid].name if eid else None

    def of_type(self, eid: str, etype: str) -> bool:
        return self.e[eid].type == etype

    def matches(self, eid: str, text: str) -> bool:
        return text == "" or text == self.e[eid].name or text in self.e[eid].aliases

    def located_plus(self, eid: str) -> set[str]:
        seen, todo = set(), [eid]
        while todo:
            for nxt in self.out[todo.pop(), "locatedIn"]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def zones(self, text: str = "") -> list[str]:
        return [z for z in self.e if self.of_type(z, "Zone") and self.matches(z, text)]

    def inside(self, z: str, predicate: str, subject_type: str) -> set[str]:
        """Subjects of ``predicate`` pointing at z, at a zone located (transitively) in z, or at z's place."""
        found = set(self.into[z, predicate])
        for target in (x for x in self.e if self.of_type(x, "Zone") and z in self.located_plus(x)):
            found |= self.into[target, predicate]
        for place in (p for p in self.out[z, "locatedIn"] if self.of_type(p, "Place")):
            found |= self.into[place, predicate]
        return {s for s in found if self.of_type(s, subject_type)}

    def zone_events(self, z: str) -> set[str]:
        organised = {e for e in self.into[z, "organizedBy"] if self.of_type(e, "Event")}
        return organised | self.inside(z, "heldIn", "Event")

    def honoured_at_zone_events(self, honours: tuple[str, ...], zone: str) -> list[dict]:
        rows = []
        for z in self.zones(zone):
            for e in self.zone_events(z):
                for p in self.into[e, "attended"]:
                    for h in sorted(self.e[p].honors & set(honours)):
                        if self.of_type(p, "Person"):
                            rows.append({"person": self.name(p), "honour": h, "event": self.name(e), "date": None,
                                         "zone": self.name(z)})
        return rows

    def answer(self, name: str, **params: str) -> list[dict]:
        rows = getattr(self, name.replace("-", "_"))(**params)
        return typed_rows(rows, question(name).columns)

    # ---------------------------------------------------------------- the questions

    def laureates_at_zone_forums(self, zone: str = "") -> list[dict]:
        return [{**r, "laureate": r["person"]} for r in self.honoured_at_zone_events(("NobelLaureate",), zone)]

    def academicians_at_zone_events(self, zone: str = "") -> list[dict]:
        return [{**r, "academician": r["person"]} for r in self.honoured_at_zone_events(ACADEMICIAN, zone)]

    def zone_events_timeline(self, zone: str = "") -> list[dict]:
        counts = defaultdict(set)
        for z in self.zones(zone):
            for e in self.zone_events(z):
                counts[self.name(z), self.name(e)] |= self.into[e, "attended"]
        return [{"zone": z, "date": None, "event": e, "kind": "Event", "attendees": len(a)} for (z, e), a in counts.items()]

    def event_series(self, series: str = "") -> list[dict]:
        rows = []
        for s in (x for x in self.e if self.of_type(x, "EventSeries") and self.matches(x, series)):
            for e in self.into[s, "partOfSeries"]:
                for a in self.into[e, "attended"] or {None}:
                    rows.append({"series": self.name(s), "edition": None, "date": None, "event": self.name(e),
                                 "attendee": self.name(a)})
        return rows

    def fund_partners(self, zone: str = "", fund: str = "") -> list[dict]:
        rows = []
        for f in (x for x in self.e if self.of_type(x, "Fund") and self.matches(x, fund)):
            for founder in self.out[f, "establishedBy"]:
                zones = {founder} if self.of_type(founder, "Zone") else set()
                if self.of_type(founder, "Organization"):
                    zones |= {z for z in self.out[founder, "locatedIn"] if self.of_type(z, "Zone")}
                for z in (z for z in zones if self.matches(z, zone)):
                    for partner in self.into[f, "partnerOf"] or {None}:
                        rows.append({"zone": self.name(z), "fund": self.name(f), "amount_yuan": None,
                                     "partner": self.name(partner)})
        return rows

    def companies_settled(self, zone: str = "") -> list[dict]:
        rows = []
        for z in self.zones(zone):
            sites = [z] + [s for s in self.e if self.of_type(s, "Zone") and z in self.located_plus(s)]
            for site in sites:
                for c in self.into[site, "settledIn"]:
                    rows.append({"zone": self.name(z), "company": self.name(c), "site": self.name(site),
                                 "amount_yuan": None, "amount_text": None})
        return rows

    def zone_clusters(self, zone: str = "") -> list[dict]:
        rows = []
        for z in self.zones(zone):
            for c in self.inside(z, "locatedIn", "Cluster"):
                for i in self.out[c, "focusIndustry"] or {None}:
                    rows.append({"zone": self.name(z), "cluster": self.name(c), "industry": self.name(i),
                                 "designation": self.e[c].attributes.get("designation")})
        return rows

    def person_profile(self, person: str) -> list[dict]:
        rows = []
        for p in (x for x in self.e if self.of_type(x, "Person") and self.matches(x, person)):
            base = {"person": self.name(p), "detail": None, "date": None}
            rows += [{**base, "aspect": "honour", "value": h} for h in self.e[p].honors]
            rows += [{**base, "aspect": "member of", "value": self.name(o)} for o in self.out[p, "memberOf"]]
            rows += [{**base, "aspect": "role", "value": self.name(o), "detail": title}
                     for s, pred, o, title in self.g.relations if s == p and pred == "roleAt"]
            for e in self.out[p, "attended"]:
                if self.of_type(e, "Event"):
                    rows.append({**base, "aspect": "attended", "value": self.name(e)})
                    rows += [{**base, "aspect": "visited zone", "value": self.name(z), "detail": self.name(e)}
                             for z in self.zones() if e in self.zone_events(z)]
        return rows

    def zones_sharing_people(self, zone: str = "") -> list[dict]:
        rows = []
        event_zones = {z: self.zone_events(z) for z in self.zones()}
        for p in (x for x in self.e if self.of_type(x, "Person")):
            attended = self.out[p, "attended"]
            zones = sorted((z for z, events in event_zones.items() if events & attended),
                           key=lambda z: (self.name(z), z))
            for i, za in enumerate(zones):
                for zb in zones[i + 1:]:
                    if zone == "" or self.matches(za, zone) or self.matches(zb, zone):
                        rows.append({"zone_a": self.name(za), "zone_b": self.name(zb), "person": self.name(p)})
        return rows

    def evidence(self, entity: str = "", subject: str = "", predicate: str = "", object: str = "") -> list[dict]:
        rows = []

        def records(kind, s, p, o, provenance):
            for r in provenance:
                article = self.g.articles.get(r.article_id)
                rows.append({"kind": kind, "subject": s, "predicate": p, "object": o, "article": r.article_id,
                             "headline": article.title if article else None, "sentence": r.sentence,
                             "start_offset": r.start, "end_offset": r.end, "method": r.method,
                             "confidence": r.confidence})

        if not (subject or predicate or object):
            for x in self.e.values():
                if self.matches(x.id, entity):
                    records("entity", x.name, None, None, x.provenance)
        for rel in self.g.relations.values():
            s, o = rel.subject, rel.object
            if ((predicate in ("", rel.predicate)) and self.matches(s, subject) and self.matches(o, object)
                    and (entity == "" or self.matches(s, entity) or self.matches(o, entity))):
                records("fact", self.name(s), rel.predicate, self.name(o), rel.provenance)
        return rows
