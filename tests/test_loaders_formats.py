"""Each format on small files made here: detection, charsets, chrome, records."""

from __future__ import annotations

import json
from pathlib import Path

from loaders import load_paths

NAV_AND_FOOTER = """<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news">园区新闻</a></li></ul></div>
<div class="crumb">您现在的位置：<a href="/">首页</a> &gt; <a href="/n">开发区新闻</a> &gt; 湖北 &gt; 武汉</div>"""
FOOTER = """<div class="pager"><p>上一篇：<a href="/a/1.html">前一篇新闻标题</a></p><p>下一篇：没有了</p></div>
<div class="box"><h4>相关阅读</h4><ul><li><a href="/a/7.html">相关的一篇新闻</a></li></ul></div>
<div class="foot">地址：某省某市某区某路1号 联系电话：0000-0000 Copyright 2024</div>
<script>var tracker = "上一篇";</script>"""
PARAGRAPHS = [
    "3月1日，某高新区举办光电子产业推介会，周喆、唐玥等企业代表出席。",
    "诺贝尔奖得主斯坦利·惠廷厄姆作主旨演讲，他认为电池产业链需要协同创新，“材料只是一部分”。",
    "推介会现场签约项目12个，总投资68亿元，涉及激光器、光芯片和光通信模块等领域。",
]


def html_page(charset_tags: str = "", paragraphs: list[str] = PARAGRAPHS) -> str:
    body = "".join(f"<p>{p.replace('·', '&middot;').replace('“', '&ldquo;').replace('”', '&rdquo;')}</p>\n"
                   for p in paragraphs)
    return f"""<!DOCTYPE html><html><head>{charset_tags}<title>某高新区举办光电子产业推介会_示例园区网</title></head>
<body>{NAV_AND_FOOTER}
<h1>某高新区举办光电子产业推介会</h1>
<div class="meta">日期：2024年3月2日&nbsp;&nbsp;信息来源：示例日报&nbsp;&nbsp;所属开发区：某高新技术产业开发区</div>
<div class="article-text">{body}</div>
{FOOTER}</body></html>"""


def load_one(path: Path):
    result = load_paths([str(path)])
    assert result.rejects == [], result.rejects
    (article,) = result.articles
    return article


def check_html_article(article) -> None:
    assert article.format == "html"
    assert article.title == "某高新区举办光电子产业推介会"
    assert (article.published, article.source, article.zone) == ("2024-03-02", "示例日报", "某高新技术产业开发区")
    assert (article.category, article.region, article.site) == ("开发区新闻", "湖北武汉", "示例园区网")
    assert list(article.body) == PARAGRAPHS
    kinds = {(link.kind, link.title, link.url) for link in article.related}
    assert kinds == {("previous", "前一篇新闻标题", "/a/1.html"), ("related", "相关的一篇新闻", "/a/7.html")}
    for chrome in ("首页", "地址", "上一篇", "相关阅读", "tracker", "Copyright"):
        assert chrome not in article.text


def test_html_utf8_meta(tmp_path):
    path = tmp_path / "utf8.html"
    path.write_text(html_page('<meta charset="utf-8">'), encoding="utf-8")
    article = load_one(path)
    check_html_article(article)
    assert (article.id, article.encoding) == ("utf8", "utf-8")


def test_html_utf8_bom_without_declaration(tmp_path):
    path = tmp_path / "bom.htm"
    path.write_bytes(b"\xef\xbb\xbf" + html_page().encode("utf-8"))
    check_html_article(load_one(path))


def test_html_http_equiv_gb2312_holding_gbk(tmp_path):
    path = tmp_path / "gbk.html"
    tag = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    path.write_bytes(html_page(tag).encode("gbk"))  # 喆 and 玥 are GBK, not GB2312
    article = load_one(path)
    check_html_article(article)
    assert article.encoding == "gbk"
    assert "\u30fb" not in article.text


def test_html_gb2312_declared_but_gb18030_bytes(tmp_path):
    path = tmp_path / "gb18030.html"
    paragraphs = [*PARAGRAPHS[:2], PARAGRAPHS[2] + "㐀"]  # U+3400 needs a four-byte GB18030 sequence
    path.write_bytes(html_page('<meta charset="gb2312">', paragraphs).encode("gb18030"))
    article = load_one(path)
    assert article.encoding == "gb18030" and article.body[2].endswith("㐀")


def test_html_undeclared_gbk_is_detected(tmp_path):
    path = tmp_path / "undeclared.html"
    path.write_bytes(html_page().encode("gbk"))
    article = load_one(path)
    check_html_article(article)
    assert article.encoding in ("gbk", "gb18030")


def test_html_big5(tmp_path):
    path = tmp_path / "big5.html"
    paragraphs = ["某開發區舉辦產業論壇，五十家企業參會。", "論壇現場簽約項目十二個，總投資六十八億元。"]
    page = ('<html><head><meta charset="big5"><title>產業論壇舉行_示例網</title></head><body>'
            '<div>您現在的位置：首頁 &gt; 園區新聞 &gt; 臺灣</div><h1>產業論壇舉行</h1>'
            '<div>發布時間：2024-05-06 來源：示例報</div><div class="content">'
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></body></html>")
    path.write_bytes(page.encode("big5"))
    article = load_one(path)
    assert list(article.body) == paragraphs
    assert (article.title, article.published, article.source) == ("產業論壇舉行", "2024-05-06", "示例報")
    assert article.encoding.startswith("big5")


def test_html_found_by_content_without_suffix(tmp_path):
    path = tmp_path / "page.dat"
    path.write_text(html_page('<meta charset="utf-8">'), encoding="utf-8")
    check_html_article(load_one(path))


def test_plain_text_first_line_is_title(tmp_path):
    path = tmp_path / "plain-article.txt"
    path.write_text("\n某开发区举办招聘会\n\n  第一段，没有任何网站框架。\n\n第二段&ldquo;引号&rdquo;。\n", encoding="utf-8")
    article = load_one(path)
    assert (article.id, article.format, article.title) == ("plain-article", "text", "某开发区举办招聘会")
    assert article.body == ("第一段，没有任何网站框架。", "第二段“引号”。")
    assert article.published is None and article.related == ()


def test_a_footer_word_in_a_menu_above_the_text_does_not_end_it(tmp_path):
    """联系我们 in a navigation line at the top is chrome; the same word after the text still starts the footer."""
    path = tmp_path / "menu-first.txt"
    path.write_text("某开发区新闻网\n联系我们 | 网站地图\n\n  第一段，某开发区举办招聘会。\n\n第二段。\n联系我们：某地某路1号\n",
                    encoding="utf-8")
    article = load_one(path)
    assert article.title == "某开发区新闻网"
    assert article.body == ("第一段，某开发区举办招聘会。", "第二段。")


def test_a_byline_under_the_headline_does_not_end_the_text(tmp_path):
    """责任编辑 under the site name and headline, before the first sentence, is a byline, not the footer."""
    path = tmp_path / "byline-first.txt"
    path.write_text("某资讯网首页\n某开发区积极推进项目签约\n\n责任编辑:某人 2020-03-06 18:12:10\n\n"
                    "3月5日，某开发区举行签约仪式。\n\n签约仪式上，两家企业签订协议。\n责任编辑：某人\n", encoding="utf-8")
    article = load_one(path)
    assert article.body == ("某开发区积极推进项目签约", "3月5日，某开发区举行签约仪式。", "签约仪式上，两家企业签订协议。")


def test_page_layout_two_with_ideographic_indentation(tmp_path):
    text = ("[SYNTHETIC SAMPLE] marker\n园区经济在线 | 投资中国\n首页  园区动态  招商引资\n"
            "当前位置：首页 >> 招商引资 >> 山东 >> 正文\n某高新区招商推介会举行\n"
            "时间：2024-03-27 16:40   来源：示例周刊   所属园区：某高新技术产业开发区   浏览次数：1486\n【字体：大 中 小】\n\n"
            "\u3000\u3000第一段正文。\n\n\u3000\u3000第二段正文。\n\n上一篇：没有了\n下一篇：后一篇标题\n相关阅读\n"
            "  · 相关一\n  · 相关二\n【打印本页】【关闭窗口】\n责任编辑：某人\n主办单位：示例编辑部  备案号：0号\n")
    path = tmp_path / "layout2.txt"
    path.write_text(text, encoding="utf-8")
    article = load_one(path)
    assert article.format == "page" and article.site == "园区经济在线"
    assert (article.title, article.published, article.source) == ("某高新区招商推介会举行", "2024-03-27", "示例周刊")
    assert (article.zone, article.category, article.region) == ("某高新技术产业开发区", "招商引资", "山东")
    assert article.body == ("第一段正文。", "第二段正文。")
    assert [(link.kind, link.title) for link in article.related] == [
        ("next", "后一篇标题"), ("related", "相关一"), ("related", "相关二")]


def test_csv_with_quoted_newlines_commas_and_quotes(tmp_path):
    text = ('id,url,title,published,source,zone,region,body\r\n'
            'c1,https://x.example/1,"标题 ""带引号""",2024/7/16,某报,,某省某市,"第一段，投资4,860万元。\r\n\r\n'
            '第二段说""工程机械之都""。"\r\n')
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8", newline="")
    article = load_one(path)
    assert (article.id, article.title, article.published, article.zone) == ("c1", '标题 "带引号"', "2024-07-16", None)
    assert article.body == ("第一段，投资4,860万元。", '第二段说"工程机械之都"。')
    assert (article.line, article.format, article.url) == (2, "csv", "https://x.example/1")


def test_tsv(tmp_path):
    path = tmp_path / "export.tsv"
    path.write_text("id\ttitle\tbody\nt1\t标题\t正文一段。\n", encoding="utf-8")
    assert load_one(path).body == ("正文一段。",)


def test_jsonl_detected_by_content_and_body_list(tmp_path):
    path = tmp_path / "export.txt"
    records = [{"id": "j1", "title": "一", "body": ["段一", "段二"], "published": "2024-01-02 09:00"},
               {"url": "https://x.example/2", "title": "二", "body": "正文"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    result = load_paths([str(path)])
    first, second = result.articles
    assert (first.format, first.body, first.published) == ("jsonl", ("段一", "段二"), "2024-01-02")
    assert second.id.startswith("u-") and second.line == 2  # no id: made from the URL


def test_json_array_of_records_and_annotation_file(tmp_path):
    (tmp_path / "records.json").write_text(json.dumps([{"id": "a1", "body": "正文"}, {"id": "a2", "body": "另文"}]),
                                           encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps({"article": "a1", "entities": [], "relations": []}),
                                        encoding="utf-8")
    (tmp_path / "notes.md").write_text("# 说明\n", encoding="utf-8")
    result = load_paths([str(tmp_path)])
    assert [a.id for a in result.articles] == ["a1", "a2"]
    assert sorted(Path(s.path).name for s in result.skipped) == ["gold.json", "notes.md"]


def test_hidden_entries_are_not_walked(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("标题\n正文\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("标题\n正文\n", encoding="utf-8")
    assert [a.id for a in load_paths([str(tmp_path)]).articles] == ["a"]


def test_html_declaring_utf8_but_holding_gbk_is_detected(tmp_path):
    path = tmp_path / "wrong-declaration.html"
    path.write_bytes(html_page('<meta charset="utf-8">').encode("gbk"))
    article = load_one(path)
    check_html_article(article)
    assert article.encoding in ("gbk", "gb18030")


def test_utf16_text_with_bom(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("某开发区新闻标题\n第一段正文。\n".encode("utf-16"))
    article = load_one(path)
    assert (article.title, article.body, article.encoding) == ("某开发区新闻标题", ("第一段正文。",), "utf-16")


def test_a_single_path_may_be_given_as_a_string(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("标题\n正文\n", encoding="utf-8")
    assert [a.id for a in load_paths(path).articles] == [a.id for a in load_paths([str(path)]).articles] == ["one"]
