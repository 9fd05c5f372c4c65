#!/usr/bin/env python3
"""Consistency check for the held-out set: records.jsonl + gold/<id>.json.

Errors (exit code 1):
  - record fields missing / id not starting with ho- / url not on a .example domain
  - gold file without record or record without gold file; wrong article / text_file
  - unknown entity type, honors on a non-Person or outside the allowed list
  - an entity name or alias that does not occur in the article text (title + body + source)
  - a surface form shared by two entities of the article (the scorer would conflate them)
  - unknown predicate, wrong subject/object type for a predicate, relation end that is not
    a listed entity's canonical name, title missing on roleAt or present elsewhere
  - duplicate relations
  - a negative or ignore string that is also an entity form; a negative not in the text
Warnings:
  - ignore strings absent from the text and the zone/region metadata, region parts that are
    neither entity forms nor ignored, a metadata zone that is not a gold Zone form, academician honours without a matching memberOf,
    body length outside 400-900 characters or paragraph count outside 4-8,
    entities that take part in no relation (other than the source outlet)
"""
import json
import os
import sys
import unicodedata
from collections import Counter

from kg.extract.contract import CONTRACT_TYPES, PREDICATE_TYPES

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = set(CONTRACT_TYPES)  # the contract vocabulary, read from the ontology
HONORS = {"NobelLaureate", "CASAcademician", "CAEAcademician", "ForeignAcademician"}
PRED = {name: (set(s), set(o)) for name, (s, o) in PREDICATE_TYPES.items()}
RECORD_FIELDS = ["id", "url", "title", "published", "source", "zone", "region", "body"]
SEPARATORS = "·•‧・?？"


def norm(name):
    text = unicodedata.normalize("NFKC", name or "")
    text = "".join(ch for ch in text if not ch.isspace())
    for sep in SEPARATORS:
        text = text.replace(sep, "·")
    return text


def main():
    errors, warnings = [], []
    records = {}
    with open(os.path.join(HERE, "records.jsonl"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            missing = [f for f in RECORD_FIELDS if f not in rec]
            if missing:
                errors.append(f"records.jsonl line {n}: missing fields {missing}")
            rid = rec.get("id", "")
            if not rid.startswith("ho-"):
                errors.append(f"{rid}: id does not start with ho-")
            host = rec.get("url", "").split("/")[2] if rec.get("url", "").count("/") >= 2 else ""
            if not host.endswith(".example"):
                errors.append(f"{rid}: url not on a .example domain")
            if rid in records:
                errors.append(f"{rid}: duplicate record id")
            records[rid] = rec
            body = rec.get("body", "")
            paras = [p for p in body.split("\n\n") if p.strip()]
            chars = len("".join(body.split()))
            if not 400 <= chars <= 900:
                warnings.append(f"{rid}: body has {chars} characters (wanted 400-900)")
            if not 4 <= len(paras) <= 8:
                warnings.append(f"{rid}: body has {len(paras)} paragraphs (wanted 4-8)")

    gold_dir = os.path.join(HERE, "gold")
    gold_files = sorted(f for f in os.listdir(gold_dir) if f.endswith(".json"))
    seen = set()
    totals_e, totals_r = Counter(), Counter()
    for gf in gold_files:
        gold = json.load(open(os.path.join(gold_dir, gf), encoding="utf-8"))
        aid = gold.get("article")
        tag = gf
        if aid + ".json" != gf:
            errors.append(f"{tag}: article {aid!r} does not match file name")
        if gold.get("text_file") != "records.jsonl":
            errors.append(f"{tag}: text_file should be records.jsonl")
        rec = records.get(aid)
        if rec is None:
            errors.append(f"{tag}: no record with id {aid}")
            continue
        seen.add(aid)
        text = "\n".join([rec["title"], rec["body"], rec["source"]])
        ntext = norm(text)

        def occurs(s):
            return s in text or norm(s) in ntext

        forms = {}  # normalised form -> canonical name
        canon = {}  # canonical name -> type
        for e in gold.get("entities", []):
            t, name = e.get("type"), e.get("name", "")
            if t not in TYPES:
                errors.append(f"{tag}: {name}: unknown type {t}")
            if name in canon:
                errors.append(f"{tag}: duplicate entity name {name}")
            canon[name] = t
            totals_e[t] += 1
            if "honors" in e and t != "Person":
                errors.append(f"{tag}: {name}: honors on a {t}")
            if t == "Person" and "honors" not in e:
                errors.append(f"{tag}: {name}: Person without honors list")
            for h in e.get("honors", []):
                if h not in HONORS:
                    errors.append(f"{tag}: {name}: unknown honour {h}")
            for form in [name] + list(e.get("aliases", [])):
                if not occurs(form):
                    errors.append(f"{tag}: {t} form {form!r} not found in the text")
                nf = norm(form)
                if nf in forms and forms[nf] != name:
                    errors.append(f"{tag}: form {form!r} used by both {forms[nf]!r} and {name!r}")
                forms[nf] = name

        # each form should also occur on its own, not only inside another entity's name
        # (an EventSeries name normally occurs only inside its editions' names)
        all_forms = [(f, e["name"]) for e in gold.get("entities", [])
                     for f in [e["name"]] + list(e.get("aliases", []))]
        for e in gold.get("entities", []):
            if e.get("type") == "EventSeries":
                continue
            for form in [e["name"]] + list(e.get("aliases", [])):
                masked = text
                for other, owner in sorted(all_forms, key=lambda x: -len(x[0])):
                    if owner != e["name"] and form in other and other != form:
                        masked = masked.replace(other, "\u25a1" * len(other))
                if form in text and form not in masked:
                    warnings.append(f"{tag}: {e['type']} form {form!r} occurs only inside other entity names")

        rel_keys = Counter()
        used = set()
        for r in gold.get("relations", []):
            s, p, o = r.get("subject"), r.get("predicate"), r.get("object")
            key = (s, p, o)
            rel_keys[key] += 1
            if p not in PRED:
                errors.append(f"{tag}: unknown predicate {p}")
                continue
            totals_r[p] += 1
            for end, allowed, role in ((s, PRED[p][0], "subject"), (o, PRED[p][1], "object")):
                if end not in canon:
                    hint = f" (an alias of {forms[norm(end)]!r})" if norm(end) in forms else ""
                    errors.append(f"{tag}: {p} {role} {end!r} is not an entity name{hint}")
                elif canon[end] not in allowed:
                    errors.append(f"{tag}: {p} {role} {end!r} has type {canon[end]}, expected {sorted(allowed)}")
                used.add(end)
            if p == "roleAt" and not r.get("title"):
                errors.append(f"{tag}: roleAt {s}->{o} without title")
            if p != "roleAt" and "title" in r:
                errors.append(f"{tag}: title on {p} relation {s}->{o}")
            if s == o:
                errors.append(f"{tag}: self relation {key}")
        for key, n in rel_keys.items():
            if n > 1:
                errors.append(f"{tag}: duplicate relation {key}")

        # academician honours need a memberOf
        members = {r["subject"] for r in gold["relations"] if r["predicate"] == "memberOf"}
        for e in gold["entities"]:
            if set(e.get("honors", [])) - {"NobelLaureate"} and e["name"] not in members:
                warnings.append(f"{tag}: academician {e['name']} has no memberOf")
        for name, t in canon.items():
            if name not in used and name != rec["source"]:
                warnings.append(f"{tag}: {t} {name} takes part in no relation")
        if rec["source"] not in canon or canon[rec["source"]] != "Organization":
            errors.append(f"{tag}: source outlet {rec['source']!r} is not an Organization entity")

        for n in gold.get("negatives", []):
            if not {"type", "name", "why"} <= set(n):
                errors.append(f"{tag}: negative {n} lacks type/name/why")
            if norm(n.get("name", "")) in forms:
                errors.append(f"{tag}: negative {n.get('name')!r} is also an entity form")
            if not occurs(n.get("name", "")):
                errors.append(f"{tag}: negative {n.get('name')!r} not in the text")
        meta = "\n".join([rec.get("zone", ""), rec.get("region", "")])
        ignored = {norm(s) for s in gold.get("ignore", [])}
        for s in gold.get("ignore", []):
            if norm(s) in forms:
                errors.append(f"{tag}: ignore {s!r} is also an entity form")
            if not occurs(s) and s not in meta:
                warnings.append(f"{tag}: ignore {s!r} not in the text")
        # places named in the region metadata are either entities or ignored
        for part in rec.get("region", "").replace("／", "/").split("/"):
            part = part.strip()
            if part and norm(part) not in forms and norm(part) not in ignored:
                warnings.append(f"{tag}: region part {part!r} is neither an entity form nor ignored")
        if norm(rec.get("zone", "")) not in forms:
            warnings.append(f"{tag}: metadata zone {rec.get('zone')!r} is not a Zone form")

    for rid in records:
        if rid not in seen:
            errors.append(f"{rid}: record without gold file")

    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(records)} records, {len(gold_files)} gold files, "
          f"{sum(totals_e.values())} entities, {sum(totals_r.values())} relations")
    print("entities: ", dict(totals_e.most_common()))
    print("relations:", dict(totals_r.most_common()))
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
