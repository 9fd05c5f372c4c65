"""Cost stays linear in an input's size: one huge article against many ordinary ones, and hostile pages.

    .venv/bin/python bench/linear_cost.py [CORPUS_DIR] [--size CHARS] [--pieces N]

In one run, each figure against a baseline of the same content:

- **extraction**: ``--pieces`` articles of ``--size / --pieces`` characters each (default ten of 100,000),
  then one article holding the same text (1,000,000 characters), both through
  ``kg.extract.extract_articles`` + ``kg.resolve.resolve`` as ``kg build`` runs them.  The text is the
  corpus's paragraphs repeated.  Goal: the one article within 3x of the pieces.
- **deep HTML**: pages of 20,000 and 100,000 nested divs around one paragraph, through ``load_paths``,
  against the same paragraph in a page nested ten deep.  Goal: loaded or refused in seconds.
- **huge title**: a JSON Lines record whose title is about 10 MB (3,300,000 characters), loaded and
  extracted, against the same record with a one-line title.

Start-up (jieba's dictionary, the CRF model, gazetteers) is paid once before anything is timed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg.extract import extract_articles  # noqa: E402
from kg.model import Article  # noqa: E402
from kg.resolve import resolve  # noqa: E402
from loaders import load_paths  # noqa: E402

PARAGRAPH = "5月18日，2024苏州生物医药产业论坛在苏州工业园区举行。中国科学院院士张三出席论坛并致辞。"


def _paragraphs(corpus: Path) -> list[str]:
    paragraphs = [p for a in load_paths([str(corpus)]).articles for p in a.body]
    if not paragraphs:
        raise SystemExit(f"{corpus}: no articles to take text from")
    return paragraphs


def _pieces(paragraphs: list[str], size: int, count: int) -> list[tuple[str, ...]]:
    """``count`` bodies of about ``size / count`` characters each, taking the paragraphs in turn."""
    pieces, stream = [], iter(paragraphs * (1 + size // sum(map(len, paragraphs))))
    for _ in range(count):
        body, length = [], 0
        while length < size // count:
            paragraph = next(stream)
            body.append(paragraph)
            length += len(paragraph)
        pieces.append(tuple(body))
    return pieces


def _timed(run) -> tuple[float, object]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def _extract(articles: list[Article]):
    extractions = extract_articles(articles)
    return resolve(extractions)


def extraction(paragraphs: list[str], size: int, count: int) -> None:
    pieces = _pieces(paragraphs, size, count)
    several = [Article(id=f"piece-{i:02d}", title=f"第{i + 1}部分", body=body) for i, body in enumerate(pieces)]
    whole = Article(id="whole", title="全文", body=tuple(p for body in pieces for p in body))
    chars = len(whole.text)
    base, graph_pieces = _timed(lambda: _extract(several))
    one, graph_whole = _timed(lambda: _extract([whole]))
    print(f"extraction: {count} articles of ~{chars // count:,} chars: {base:.1f} s "
          f"({len(graph_pieces.entities)} entities); one article of {chars:,} chars: {one:.1f} s "
          f"({len(graph_whole.entities)} entities); ratio {one / base:.2f} (goal <= 3)")


def _page(depth: int) -> str:
    return ("<html><head><title>深层页面</title></head><body>" + "<div>" * depth + f"<p>{PARAGRAPH}</p>"
            + "</div>" * depth + "</body></html>")


def _outcome(result) -> str:
    if result.articles:
        return f"loaded ({sum(map(len, result.articles[0].body))} chars of body)"
    return f"refused: {result.rejects[0].reason}" if result.rejects else "nothing"


def deep_html(folder: Path) -> None:
    baseline = folder / "depth-10.html"
    baseline.write_text(_page(10), encoding="utf-8")
    base, result = _timed(lambda: load_paths([str(baseline)]))
    print(f"deep html: 10 levels: {base:.2f} s, {_outcome(result)}")
    for depth in (20_000, 100_000):
        page = folder / f"depth-{depth}.html"
        page.write_text(_page(depth), encoding="utf-8")
        seconds, result = _timed(lambda: load_paths([str(page)]))
        print(f"deep html: {depth:,} levels ({page.stat().st_size:,} bytes): {seconds:.2f} s, {_outcome(result)}")


def huge_title(folder: Path) -> None:
    for name, title in (("one-line title", "苏州工业园区举办论坛"), ("10 MB title", "苏州工业园区举办论坛。" * 300_000)):
        records = folder / "title.jsonl"
        records.write_text(json.dumps({"id": "t", "title": title, "body": PARAGRAPH}, ensure_ascii=False) + "\n",
                           encoding="utf-8")

        def run():
            result = load_paths([str(records)])
            return result, _extract(result.articles)

        seconds, (result, graph) = _timed(run)
        warned = f"; {result.warnings[0].message}" if result.warnings else ""
        print(f"huge title: {name} ({records.stat().st_size:,} bytes): load + extract {seconds:.2f} s, "
              f"{len(graph.entities)} entities{warned}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--size", type=int, default=1_000_000, help="characters in the one big article")
    parser.add_argument("--pieces", type=int, default=10, help="articles the same text is cut into")
    args = parser.parse_args()
    paragraphs = _paragraphs(Path(args.corpus))
    _extract([Article(id="warm-up", title="预热", body=(PARAGRAPH,))])  # start-up, not timed
    with tempfile.TemporaryDirectory() as folder:
        deep_html(Path(folder))
        huge_title(Path(folder))
    extraction(paragraphs, args.size, args.pieces)


if __name__ == "__main__":
    main()
