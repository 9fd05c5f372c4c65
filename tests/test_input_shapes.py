"""Inputs of unusual size or shape: cost stays linear, data stays honest, plain text is read as meant.

No test asserts a time: the linear-cost tests check the structure that keeps cost linear (the extractor
never reads more than one window at once, a deep page is refused before parsing); bench/linear_cost.py
measures the times.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import require_shared

import kg.extract.pipeline as pipeline
from kg.extract import extract_article
from kg.extract.windows import WINDOW_CHARS, windows
from kg.model import Article
from loaders import load_paths
from loaders.batch import TITLE_MAX_CHARS
from loaders.html import MAX_NESTING_DEPTH

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PARAGRAPH = "5月18日，2024苏州生物医药产业论坛在苏州工业园区举行。中国科学院院士张三出席论坛并致辞。"


# ------------------------------------------------------------------ linear cost

@pytest.fixture(scope="module")
def huge_article() -> Article:
    paragraphs = [p for a in load_paths([str(require_shared(CORPUS))]).articles for p in a.body]
    assert paragraphs
    body, length = [], 0
    while length < 2.5 * WINDOW_CHARS:
        body += paragraphs
        length += sum(map(len, paragraphs))
    return Article(id="huge", title="园区新闻汇编", body=tuple(body))


def test_windows_tile_the_text_and_end_at_paragraph_breaks(huge_article):
    text = huge_article.text
    spans = list(windows(text))
    assert spans[0][0] == 0 and spans[-1][1] == len(text) and len(spans) >= 3
    assert all(a_end == b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    assert all(end - start <= WINDOW_CHARS for start, end in spans)
    assert all(text[end - 2:end] == "\n\n" for _, end in spans[:-1])
    unbroken = "字" * (3 * WINDOW_CHARS)  # no break, no sentence end: hard cuts, still bounded
    assert [end - start for start, end in windows(unbroken)] == [WINDOW_CHARS] * 3


def test_a_huge_article_is_read_in_windows_with_offsets_into_the_whole_text(huge_article, monkeypatch):
    read = []
    document = pipeline.Document

    def recording(article):
        read.append(len(article.text))
        return document(article)

    monkeypatch.setattr(pipeline, "Document", recording)
    extraction = extract_article(huge_article)
    assert read and max(read) <= WINDOW_CHARS and sum(read) == len(huge_article.text)
    text = huge_article.text
    assert extraction.article is huge_article and extraction.entities and extraction.relations
    for entity in extraction.entities:
        for p in entity.provenance:
            if p.end:  # offsets 0, 0: from the record's metadata
                assert p.article_id == "huge" and text[p.start:p.end] and text[p.start:p.end] in p.sentence
    for relation in extraction.relations:
        for p in relation.provenance:
            assert text[p.start:p.end].strip() == p.sentence
    assert len({e.id for e in extraction.entities}) == len(extraction.entities)


def test_an_article_of_news_size_is_read_whole(monkeypatch):
    read = []
    document = pipeline.Document
    monkeypatch.setattr(pipeline, "Document", lambda article: read.append(article) or document(article))
    article = Article(id="news", title="论坛举行", body=(PARAGRAPH,) * 50)
    extract_article(article)
    assert read == [article]


def _nested_page(depth: int) -> str:
    return ("<html><head><meta charset='utf-8'><title>深层页面</title></head><body>" + "<div>" * depth
            + f"<p>{PARAGRAPH}</p>" + "</div>" * depth + "</body></html>")


def test_a_page_nested_too_deep_is_refused_with_its_depth(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text(_nested_page(20_000), encoding="utf-8")
    result = load_paths([str(page)])
    assert result.articles == []
    (reject,) = result.rejects
    assert reject.path == str(page) and "nested 20002 elements deep" in reject.reason
    assert f"limit of {MAX_NESTING_DEPTH}" in reject.reason


def test_a_page_nested_within_the_limit_is_loaded(tmp_path):
    page = tmp_path / "nested.html"
    page.write_text(_nested_page(MAX_NESTING_DEPTH - 5), encoding="utf-8")
    (article,) = load_paths([str(page)]).articles
    assert article.body == (PARAGRAPH,)


def test_an_absurd_title_is_cut_with_a_warning(tmp_path):
    records = tmp_path / "records.jsonl"
    title = "苏州工业园区举办论坛。" * 100_000
    records.write_text(json.dumps({"id": "t", "title": title, "body": PARAGRAPH}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    result = load_paths([str(records)])
    (article,) = result.articles
    assert article.title == title[:TITLE_MAX_CHARS] and article.body == (PARAGRAPH,)
    (warning,) = result.warnings
    assert warning.where == f"{records}:1" and f"title of {len(title)} characters cut to {TITLE_MAX_CHARS}" in warning.message


# ------------------------------------------------------------------ honest data

GBK_TEXT = "苏州工业园区举办生物医药产业论坛"


def _page(charset: str, headline: str, paragraphs: list[str], head: str = "") -> str:
    return (f'<html><head><meta charset="{charset}">{head}<title>{headline}</title></head><body><h1>{headline}</h1>'
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>")


def test_a_gbk_page_declared_big5_is_read_as_gbk_with_a_warning(tmp_path):
    paragraphs = [GBK_TEXT * 3, "苏州工业园区" * 5]
    raw = _page("big5", GBK_TEXT, paragraphs).encode("gbk")
    raw.decode("big5hkscs")  # the trap: the declared codec accepts these bytes, as mojibake
    path = tmp_path / "declared-big5.html"
    path.write_bytes(raw)
    result = load_paths([str(path)])
    (article,) = result.articles
    assert article.title == GBK_TEXT and list(article.body) == paragraphs
    assert article.encoding == "gb18030"
    (warning,) = result.warnings
    assert warning.path == str(path) and "declared charset big5 does not fit the bytes" in warning.message


def test_a_declared_charset_that_does_not_decode_is_reported(tmp_path):
    paragraphs = ["3月1日，某高新区举办光电子产业推介会，周喆、唐玥等企业代表出席。" * 3]
    path = tmp_path / "declared-big5-undecodable.html"
    raw = _page("big5", "某高新区举办光电子产业推介会", paragraphs).encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("big5hkscs")
    path.write_bytes(raw)
    result = load_paths([str(path)])
    assert list(result.articles[0].body) == paragraphs
    assert ["declared charset big5 does not decode the bytes" in w.message for w in result.warnings] == [True]


def test_a_real_big5_page_stays_big5_without_a_warning(tmp_path):
    paragraphs = ["蘇州工業園區舉辦生物醫藥產業論壇，中國科學院院士張三出席論壇並致辭。",
                  "開發區管委會主任李四表示，園區將加快發展生物醫藥產業。"]
    path = tmp_path / "big5.html"
    path.write_bytes(_page("big5", "蘇州工業園區舉辦論壇", paragraphs).encode("big5"))
    result = load_paths([str(path)])
    assert list(result.articles[0].body) == paragraphs and result.articles[0].encoding.startswith("big5")
    assert result.warnings == []


def test_a_page_without_a_date_has_no_published_date(tmp_path):
    # A year in the headline, the text and the copyright line, but no date anywhere.
    paragraphs = ["2024苏州生物医药产业论坛在苏州工业园区举行，中国科学院院士张三出席论坛并致辞。这是正文。",
                  "开发区管委会主任李四表示，园区将加快发展生物医药产业，打造世界级产业集群。"]
    page = _page("utf-8", "2024苏州生物医药论坛开幕", paragraphs).replace(
        "</body>", "<div class='footer'>版权所有 © 2024 苏州工业园区</div></body>")
    path = tmp_path / "undated.html"
    path.write_text(page, encoding="utf-8")
    (article,) = load_paths([str(path)]).articles
    assert list(article.body) == paragraphs and article.published is None
    dated = tmp_path / "dated.html"
    dated.write_text(page.replace("<title>", '<meta property="article:published_time" content="2024-05-18T09:00:00+08:00">'
                                              "<title>"), encoding="utf-8")
    assert load_paths([str(dated)]).articles[0].published == "2024-05-18"  # a date the page states is kept


# ------------------------------------------------------------------ plain text read as meant

def _text_file(tmp_path: Path, text: str) -> Article:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = load_paths([str(path)])
    assert result.rejects == [], result.rejects
    (article,) = result.articles
    assert article.format == "text"
    return article


def test_a_single_paragraph_file_is_its_body(tmp_path):
    paragraph = "苏州工业园区举办生物医药产业论坛。中国科学院院士张三出席论坛并致辞，园区管委会主任李四介绍了产业规划。"
    article = _text_file(tmp_path, paragraph + "\n")
    assert (article.title, article.body) == ("", (paragraph,))
    long_line = "苏州工业园区举办生物医药产业论坛，中国科学院院士张三出席论坛并致辞" * 3  # long, with no full stop
    assert _text_file(tmp_path, long_line).body == (long_line,)


def test_a_first_line_that_is_a_full_sentence_stays_in_the_body(tmp_path):
    lines = ["5月18日，2024苏州生物医药产业论坛在苏州工业园区举行。", "中国科学院院士张三出席论坛并致辞。",
             "园区管委会主任李四介绍了产业规划。"]
    article = _text_file(tmp_path, "\n".join(lines) + "\n")
    assert (article.title, article.body) == ("", tuple(lines))


def test_a_long_first_line_stays_in_the_body(tmp_path):
    lines = ["5月18日，2024苏州生物医药产业论坛在苏州工业园区举行，中国科学院院士张三、中国工程院院士王五、"
             "诺贝尔奖得主斯坦利·惠廷厄姆出席论坛并先后致辞，园区管委会主任李四介绍了生物医药产业的规划和招商政策",
             "论坛期间共签约项目十二个。"]
    assert len(lines[0]) > 80
    article = _text_file(tmp_path, "\n".join(lines) + "\n")
    assert (article.title, article.body) == ("", tuple(lines))


def test_a_headline_line_is_still_the_title(tmp_path):
    article = _text_file(tmp_path, "苏州工业园区举办生物医药产业论坛\n\n" + PARAGRAPH + "\n")
    assert (article.title, article.body) == ("苏州工业园区举办生物医药产业论坛", (PARAGRAPH,))


def test_pinyin_readings_after_characters_are_removed_with_a_warning(tmp_path):
    # written for this test: a converter's glosses after each character, as some mirror sites print them
    glossed = ("蘇州工業(yè)園區(qū)舉行產(chǎn)業(yè)推介會\n\n"
               "12月8日，蘇州工業(yè)園區(qū)在上海舉行產(chǎn)業(yè)推介會，星河微電子有限公司董事長陳明出席。")
    path = tmp_path / "glossed.txt"
    path.write_text(glossed, encoding="utf-8")
    result = load_paths([path])
    article = result.articles[0]
    assert "(" not in article.text and "蘇州工業園區" in article.body[0]
    assert [w for w in result.warnings if "pinyin" in w.message]
    names = {e.name for e in extract_article(article).entities}
    assert "蘇州工業園區" in names or "苏州工业园区" in names
    # parentheses that are text stay: an English gloss, a number, a bracketed country
    plain = tmp_path / "plain.txt"
    plain.write_text("某某(中国)有限公司在蘇州落戶\n\n某某(中国)有限公司(AB)今日在蘇州(2024)簽約。", encoding="utf-8")
    kept = load_paths([plain])
    assert "(中国)" in kept.articles[0].text and "(AB)" in kept.articles[0].text and not kept.warnings
