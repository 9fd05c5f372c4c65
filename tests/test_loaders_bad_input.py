"""Bad input: a clear reject naming file (and line), and the batch goes on."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from loaders import load_paths

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PAGE = (
    "示例站 | 园区新闻\n"
    "当前位置：首页 >> 园区动态 >> 江苏 >> 正文\n"
    "某开发区举办产业对接会\n"
    "时间：2024-05-06 10:00   来源：示例日报   所属园区：某经济开发区   浏览次数：12\n"
    "\n"
    "\u3000\u30005月5日，某开发区举办产业对接会，20家企业参会。\n"
    "\n"
    "\u3000\u3000会上签约项目3个。\n"
    "上一篇：没有了\n"
    "下一篇：另一条新闻\n"
)
RECORD = {"id": "r1", "url": "", "title": "标题一", "published": "2024-01-02", "source": "某报", "zone": "某区",
          "region": "某省", "body": "第一段。\n\n第二段。"}


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def reasons(result) -> dict[tuple[str, int | None], str]:
    return {(Path(r.path).name, r.line): r.reason for r in result.rejects}


def test_good_file_still_loads_beside_bad_ones(tmp_path):
    write(tmp_path / "good.txt", PAGE)
    write(tmp_path / "garbage.txt", b"title\n\xff\xfe\xff body \xff\xff\x80\x80 more\n")
    write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    result = load_paths([str(tmp_path)])
    assert [a.id for a in result.articles] == ["good"]
    found = reasons(result)
    assert "undecodable" in found[("garbage.txt", None)]
    assert "binary" in found[("image.txt", None)]


def test_nul_bytes_mean_binary(tmp_path):
    write(tmp_path / "data.jsonl", b'{"id": "x", "body": "a"}\n\x00\x01\x02\x03')
    assert "binary" in reasons(load_paths([str(tmp_path)]))[("data.jsonl", None)]


def test_empty_bodies(tmp_path):
    write(tmp_path / "page.txt", PAGE.split("\n\n")[0] + "\n\n上一篇：另一条\n")
    write(tmp_path / "title-only.txt", "只有标题\n\n")
    write(tmp_path / "empty.html", "<html><head><title>空</title></head><body><nav>首页</nav></body></html>")
    corpus_page = (CORPUS / "dev/html/syn-h01-donghu-optoelectronics-signing-2024.html").read_text(encoding="utf-8")
    write(tmp_path / "no-content.html", re.sub(r'(id="article-content">).*?(</div>)', r"\1\2", corpus_page, flags=re.S))
    write(tmp_path / "records.jsonl", json.dumps({**RECORD, "body": "  \n\n "}, ensure_ascii=False) + "\n")
    result = load_paths([str(tmp_path)])
    assert result.articles == []
    found = reasons(result)
    assert "empty body" in found[("page.txt", None)]
    assert "empty body" in found[("title-only.txt", None)]
    assert "empty body" in found[("empty.html", None)]
    assert "empty body" in found[("no-content.html", None)]
    assert found[("records.jsonl", 1)] == "empty body"


def test_malformed_json_line(tmp_path):
    lines = [json.dumps(RECORD, ensure_ascii=False), '{"id": "r2", "body": "unterminated', "",
             json.dumps({**RECORD, "id": "r3", "body": "第三条。"}, ensure_ascii=False), "[1, 2]"]
    write(tmp_path / "records.jsonl", "\n".join(lines) + "\n")
    result = load_paths([str(tmp_path)])
    assert [(a.id, a.line) for a in result.articles] == [("r1", 1), ("r3", 4)]
    found = reasons(result)
    assert found[("records.jsonl", 2)].startswith("malformed JSON line")
    assert "not a JSON object" in found[("records.jsonl", 5)]


def test_jsonl_record_without_body(tmp_path):
    write(tmp_path / "records.jsonl", json.dumps({"id": "r9", "title": "无正文"}) + "\n")
    assert reasons(load_paths([str(tmp_path)]))[("records.jsonl", 1)] == "missing required field: body"


def test_csv_without_required_column(tmp_path):
    write(tmp_path / "no-body.csv", "id,url,title\nc1,,标题\n")
    write(tmp_path / "no-id.csv", "url,title,body\n,标题,正文\n")
    result = load_paths([str(tmp_path)])
    assert result.articles == []
    found = reasons(result)
    assert "required column(s): body" in found[("no-body.csv", 1)]
    assert "required column(s): id" in found[("no-id.csv", 1)]


def test_csv_bad_rows_are_rejected_one_by_one(tmp_path):
    text = 'id,title,body\nc1,一,"第一段\n\n第二段"\nc2,二\nc3,三,正文,多余\n,四,无编号的正文\nc5,五,\n'
    write(tmp_path / "records.csv", text)
    result = load_paths([str(tmp_path)])
    assert [(a.line, a.body) for a in result.articles][0] == (2, ("第一段", "第二段"))
    assert result.articles[1].id.startswith("c-") and result.articles[1].line == 7  # no id: content hash
    found = reasons(result)
    assert "expected 3 fields, got 2" in found[("records.csv", 5)]
    assert "expected 3 fields, got 4" in found[("records.csv", 6)]
    assert found[("records.csv", 8)] == "empty body"


def test_csv_unterminated_quote(tmp_path):
    write(tmp_path / "records.csv", 'id,body\nc1,正文\nc2,"没有结束的引号\n')
    result = load_paths([str(tmp_path)])
    assert [a.id for a in result.articles] == ["c1"]
    assert "malformed CSV" in reasons(result)[("records.csv", 3)]


def test_file_over_size_limit(tmp_path):
    write(tmp_path / "big.txt", PAGE + "\u3000\u3000很长的段落。\n" * 200)
    write(tmp_path / "small.jsonl", json.dumps(RECORD, ensure_ascii=False) + "\n")
    result = load_paths([str(tmp_path)], size_limit=2000)
    assert [a.id for a in result.articles] == ["r1"]
    assert "too large" in reasons(result)[("big.txt", None)]
    assert "2000" in reasons(result)[("big.txt", None)]


def test_missing_path(tmp_path):
    result = load_paths([str(tmp_path / "nope")])
    assert result.rejects[0].reason == "no such file or directory"


def test_duplicates_by_id_and_by_content(tmp_path):
    write(tmp_path / "a.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in [
        RECORD, {**RECORD, "title": "另一个标题"}, {**RECORD, "id": "r2", "body": "第一段。\n\n  第二段。"},
    ]) + "\n")
    write(tmp_path / "b/page.txt", PAGE)
    write(tmp_path / "b/page2.txt", PAGE)
    result = load_paths([str(tmp_path)])
    assert [a.id for a in result.articles] == ["r1", "page"]
    dups = {(Path(d.path).name, d.line): d for d in result.duplicates}
    assert dups[("a.jsonl", 2)].duplicate_of_id == "r1" and "same id" in dups[("a.jsonl", 2)].reason
    assert dups[("a.jsonl", 3)].duplicate_of_id == "r1" and "same content" in dups[("a.jsonl", 3)].reason
    assert dups[("page2.txt", None)].duplicate_of_id == "page"


def test_same_file_twice_is_reported_as_duplicate(tmp_path):
    page = write(tmp_path / "page.txt", PAGE)
    result = load_paths([str(page), str(page)])
    assert len(result.articles) == 1 and len(result.duplicates) == 1


def test_stdin_is_dash():
    result = load_paths(["-"], stdin=io.BytesIO(PAGE.encode("gb18030")))
    (article,) = result.articles
    assert article.path == "-" and article.format == "page"
    assert article.id.startswith("c-")  # no file name: content hash
    assert article.title == "某开发区举办产业对接会" and article.zone == "某经济开发区"
    again = load_paths(["-"], stdin=io.BytesIO(PAGE.encode("gb18030")))
    assert again.articles[0].id == article.id


def test_cli_reads_stdin_and_reports():
    run = CliRunner().invoke(main, ["load", "-"], input=json.dumps(RECORD, ensure_ascii=False) + "\n{bad\n")
    assert run.exit_code == 0
    assert json.loads(run.stdout.splitlines()[0])["id"] == "r1"
    assert "warning: -:2: malformed JSON line" in run.stderr
    assert "loaded 1, rejected 1, duplicates 0" in run.stderr


def test_cli_rejects_file_and_strict(tmp_path):
    write(tmp_path / "in/records.jsonl", json.dumps(RECORD, ensure_ascii=False) + "\n{bad\n"
          + json.dumps(RECORD, ensure_ascii=False) + "\n")
    write(tmp_path / "in/README.md", "# notes\n")
    rejects = tmp_path / "rejects.jsonl"
    args = ["load", str(tmp_path / "in"), "--rejects", str(rejects)]
    run = CliRunner().invoke(main, args)
    assert run.exit_code == 0
    assert "loaded 1, rejected 1, duplicates 1" in run.stderr
    assert f"{tmp_path / 'in/records.jsonl'}:2" in run.stderr
    lines = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert {"path": str(tmp_path / "in/records.jsonl"), "line": 2} == {k: lines[0][k] for k in ("path", "line")}
    assert lines[0]["reason"].startswith("malformed JSON line")
    assert lines[1]["reason"].startswith("not an article record")
    strict = CliRunner().invoke(main, [*args, "--strict"])
    assert strict.exit_code == 1
    assert rejects.read_text(encoding="utf-8").count("\n") == 2  # rewritten, not appended


def test_cli_size_limit(tmp_path):
    write(tmp_path / "page.txt", PAGE)
    run = CliRunner().invoke(main, ["load", str(tmp_path), "--size-limit", "100", "--strict"])
    assert run.exit_code == 1
    assert "too large" in run.stderr


def test_progress_bar_only_when_asked(tmp_path, capsys):
    write(tmp_path / "page.txt", PAGE)
    load_paths([str(tmp_path)], progress=True)
    assert "loading" in capsys.readouterr().err
    load_paths([str(tmp_path)], progress=False)
    assert capsys.readouterr().err == ""
    run = CliRunner().invoke(main, ["load", str(tmp_path)])  # stderr is not a terminal here
    assert "loading" not in run.stderr and "loaded 1, rejected 0, duplicates 0" in run.stderr


def test_long_body_sentence_naming_a_source_is_not_an_info_line(tmp_path):
    sentence = "据介绍，" + "该项目总投资超过十亿元，" * 20 + "来源：某报，2024年5月6日发布的数据显示产业增长。"
    write(tmp_path / "plain.txt", f"某开发区新闻标题\n{sentence}\n第二段。\n")
    (article,) = load_paths([str(tmp_path)]).articles
    assert article.format == "text" and article.body == (sentence, "第二段。")


def test_a_source_credit_closing_the_text_is_no_info_line(tmp_path):
    # (稿件来源:日期《某报》) after the text: a page's info line stands above its body, so every paragraph stays
    paragraphs = ["记者从青溪市财政局了解到，近日，青溪星河股权投资基金完成注册，标志着该市首支项目基金正式设立完成。",
                  "本支基金总规模3亿元，以股权投资的形式进行，主要针对星河集团的海洋生物科技研发等相关产业进行投资。"]
    credit = "(稿件来源:2019年12月4日《青溪日报》)"
    write(tmp_path / "plain.txt", "\n".join([*paragraphs, credit, "新闻推荐", "青溪新闻，讲述家乡的故事。"]) + "\n")
    (article,) = load_paths([str(tmp_path)]).articles
    assert article.format == "text" and article.body[:2] == tuple(paragraphs)


def test_a_sentence_in_a_pages_chrome_leaves_it_a_page(tmp_path):
    warning = "提醒:你正在使用的浏览器内核版本过低,请尽快升级你的浏览器或者安装更安全的浏览器访问本平台。详情"
    body = "本报讯 19日，记者从青溪经开区设立19周年工作座谈会上了解到，青溪经开区产业集群初步形成，实体企业达262家。"
    write(tmp_path / "page.txt", f"{warning}\n青溪经开区产业集群迸发新动能\n2020-09-21 来源:青溪日报\n{body}\n")
    (article,) = load_paths([str(tmp_path)]).articles
    assert article.format == "page" and article.title == "青溪经开区产业集群迸发新动能" and article.body == (body,)


def test_a_paragraph_glued_to_the_info_line_stays_in_the_body(tmp_path):
    first = "15日,位于青溪市的星河科技城与十三家单位签署项目合作协议,总投资达313亿元人民币。此举标志着星河科技城全面开建。"
    second = "据了解,当日签约的13个项目涉及产业类、科技平台类、基础设施类等多个领域,其中与京津合作项目有9个。"
    write(tmp_path / "page.txt", f"当前位置: 首页- 集团新闻\n青溪获313亿投资星河科技城开建 时间:2015-10-19 来源:青溪新闻网 点击量:"
                                 f"         {first}\n       {second}\n")
    (article,) = load_paths([str(tmp_path)]).articles
    assert article.format == "page" and article.title == "青溪获313亿投资星河科技城开建"
    assert article.body == (first, second)
    assert (article.published, article.source) == ("2015-10-19", "青溪新闻网")


def test_stdin_over_size_limit():
    result = load_paths(["-"], size_limit=50, stdin=io.BytesIO(PAGE.encode("utf-8")))
    assert result.articles == [] and "more than 50 bytes" in result.rejects[0].reason
