"""The demo's answer: which Nobel laureates attended which zone's forums, and where each row comes from.

    .venv/bin/python scripts/demo_answer.py STORE

Each row of the named question ``laureates-at-zone-forums`` gets the articles whose sentences state
the attendance (from the ``evidence`` question) with their headlines.  An article whose URL lies under
the reserved ``.example`` domain (RFC 2606; examples/records.jsonl uses it for its synthetic records)
is marked as an invented example, so made-up events are never read as news.
"""

from __future__ import annotations

import sys
from urllib.parse import urlsplit

from kg.identity import article_id_to_entity_id
from kg.query import open_graph
from kg.query.output import render

QUESTION = "laureates-at-zone-forums"
INVENTED = "invented example"


def is_invented(url: str | None) -> bool:
    """Whether an article's URL is under the reserved .example domain, which no real outlet can use."""
    host = (urlsplit(url).hostname or "") if url else ""
    return host == "example" or host.endswith(".example")


def answer(store: str) -> tuple[list[dict], list[dict]]:
    """The question's rows, each with its sources; and the source articles (id, headline, url, invented)."""
    with open_graph(store=store) as graph:
        rows = graph.ask(QUESTION)
        nodes = graph.property_graph().nodes
        articles: dict[str, dict] = {}
        for row in rows:
            evidence = graph.ask("evidence", subject=row["laureate"], predicate="attended", object=row["event"])
            ids = sorted({e["article"] for e in evidence})
            for article in ids:
                node = nodes.get(article_id_to_entity_id(article), {})
                articles.setdefault(article, {"article": article, "headline": node.get("name", ""),
                                              "url": node.get("url", ""), "invented": is_invented(node.get("url"))})
            row["source"] = ", ".join(f"{a} ({INVENTED})" if articles[a]["invented"] else a for a in ids)
    return rows, [articles[a] for a in sorted(articles)]


def main(store: str) -> int:
    rows, sources = answer(store)
    print("Nobel laureates at development zones' forums (kg ask laureates-at-zone-forums):\n")
    print(render(rows, ["laureate", "event", "date", "zone", "source"], "table"))
    print("Source articles:")
    for source in sources:
        mark = f"  [{INVENTED}: {source['url']} is under the reserved .example domain]" if source["invented"] else ""
        print(f"  {source['article']}  {source['headline']}{mark}")
    if any(s["invented"] for s in sources):
        print(f"\nRows marked '{INVENTED}' come from the synthetic records in examples/records.jsonl, written "
              "for this demo: their events are made up (see examples/README.md).")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: demo_answer.py STORE")
    sys.exit(main(sys.argv[1]))
