"""The loaders on the shared corpus: 25 articles, metadata for every record, no chrome in bodies."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from loaders import load_paths

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

# From corpus/README.md's article table (published, source, zone with parentheses NFKC-folded);
# titles from the files' title lines / title fields; region from the breadcrumb or the record's region.
EXPECTED = [
    ("seed-anji-cgt-2023", "page", "2023第二届安吉两山·国际细胞与基因治疗(CGT)产业创新研讨会在安吉举行!", "2023-12-05", "杭州日报", "浙江安吉经济开发区", "湖州"),
    ("syn-p01-sip-biomed-forum-2024", "page", "2024苏州工业园区国际生物医药前沿论坛举行 两位诺奖得主共话创新药未来", "2024-04-19", "姑苏产经报", "苏州工业园区", "苏州"),
    ("syn-p02-donghu-ai-summit-2024", "page", "2024光谷人工智能产业峰会开幕 30个项目集中签约总投资超210亿元", "2024-05-20", "江城产业观察", "武汉东湖新技术开发区", "湖北"),
    ("syn-p03-wuxi-ic-conference-2023", "page", "首届太湖湾集成电路产业生态大会在无锡高新区开幕", "2023-06-12", "太湖科创报", "无锡国家高新技术产业开发区", "无锡"),
    ("syn-p04-weifang-hydrogen-promotion-2024", "page", "潍坊高新区氢能产业招商推介会在上海举行 现场签约项目12个", "2024-03-27", "齐鲁园区周刊", "潍坊国家高新技术产业开发区", "山东"),
    ("syn-p05-teda-nev-signing-2024", "page", "天津开发区新能源汽车产业链项目集中签约 总投资186亿元", "2024-07-09", "津沽经济报", "天津经济技术开发区", "天津"),
    ("syn-p06-hefei-hitech-awards-2024", "page", "合肥高新区举行2024年度“创新之星”颁奖典礼 20家企业和个人获表彰", "2024-11-22", "庐州科创", "合肥高新技术产业开发区", "安徽"),
    ("syn-p07-zhoushan-marine-expo-2024", "page", "2024舟山国际海洋经济博览会开幕 自贸片区签约海洋产业项目28个", "2024-08-15", "东海产经", "中国(浙江)自由贸易试验区舟山片区", "舟山"),
    ("syn-p08-chengdu-ai-pharma-summit-2024", "page", "诺奖得主迈克尔·莱维特再度来华 出席2024成都AI制药创新峰会", "2024-09-24", "天府产业报道", "成都高新技术产业开发区", "四川"),
    ("syn-p09-rudong-job-fair-2025", "page", "如东经济开发区举办2025年新春专场招聘会 58家企业提供岗位2600余个", "2025-02-18", "江海园区资讯", "江苏如东经济开发区", "南通"),
    ("syn-p10-xian-photonics-alliance-2024", "page", "西安高新区光子产业联盟成立大会召开 首批成员单位86家", "2024-10-30", "秦创产业观察", "西安高新技术产业开发区", "陕西"),
    ("syn-h01-donghu-optoelectronics-signing-2024", "html", "东湖高新区光电子信息产业重大项目集中签约 总投资326亿元", "2024-06-28", "光谷产经", "东湖高新区", "湖北"),
    ("syn-h02-huangpu-biomed-forum-2024", "html", "2024黄埔国际生物医药创新论坛举行 诺奖得主塞门扎再谈低氧与新药", "2024-12-10", "羊城产经", "广州经济技术开发区", "广东广州"),
    ("syn-h03-lingang-icv-expo-2024", "html", "2024中国（临港）国际智能网联汽车博览会开幕 260余家企业参展", "2024-10-18", "浦江产业周刊", "中国(上海)自由贸易试验区临港新片区", "上海"),
    ("syn-h04-yazhouwan-deepsea-forum-2024", "html", "2024崖州湾深海科技创新论坛举行 深海装备产业再添新项目", "2024-11-07", "南海产经报", "三亚崖州湾科技城", "海南"),
    ("syn-h05-yantai-new-materials-forum-2024", "html", "2024烟台新材料产业发展高峰论坛在烟台开发区举行", "2024-09-13", "胶东产业观察", "烟台经济技术开发区", "山东烟台"),
    ("syn-h06-xiamen-semiconductor-seminar-2024", "html", "第三代半导体材料与器件技术研讨会在厦门火炬高新区举行", "2024-08-02", "鹭岛科技报", "厦门火炬高技术产业开发区", "福建"),
    ("syn-j01-donghu-job-fair-2025", "jsonl", "2025光谷春季大型人才招聘会举行 120家企业带来4800余个岗位", "2025-03-02", "东湖高新区管委会", "东湖高新区", "湖北省武汉市"),
    ("syn-j02-wuxi-ic-conference-2024", "jsonl", "第二届太湖湾集成电路产业生态大会开幕 澜芯半导体二期项目签约", "2024-06-14", "太湖科创报", "无锡高新区", "江苏省无锡市"),
    ("syn-j03-teda-biomed-alliance-2024", "jsonl", "泰达生物医药产业联盟2024年会举行 12个项目签约落户天津开发区", "2024-11-08", "津沽经济报", "天津开发区", "天津市滨海新区"),
    ("syn-j04-zhengzhou-airport-signing-2024", "jsonl", "郑州航空港区三季度重大项目集中签约 16个项目总投资212亿元", "2024-09-27", "中原园区观察", "郑州航空港经济综合实验区", "河南省郑州市"),
    ("syn-j05-chongqing-etdz-promotion-2024", "jsonl", "重庆经开区赴深圳举办智能网联新能源汽车产业招商推介会", "2024-08-23", "巴渝产业报", "重庆经济技术开发区", "重庆市南岸区"),
    ("syn-c01-changsha-etdz-awards-2024", "csv", '长沙经开区举行2024年度产业创新颁奖典礼 "链主"企业获重奖', "2024-12-20", "星沙产经", "长沙经济技术开发区", "湖南省长沙市长沙县"),
    ("syn-c02-qinzhou-port-signing-2024", "csv", "钦州港片区新能源材料产业项目集中签约 总投资168亿元", "2024-09-19", "北部湾产经", "中国(广西)自由贸易试验区钦州港片区", "广西壮族自治区钦州市"),
    ("syn-c03-ordos-hydrogen-seminar-2024", "csv", '2024鄂尔多斯绿氢产业发展研讨会举行 共话"风光制氢"新路径', "2024-07-16", "草原产业报", "鄂尔多斯高新技术产业开发区", "内蒙古自治区鄂尔多斯市"),
]

# Site chrome that must never reach a body: navigation, widgets, share links, footers, bylines, scripts.
CHROME = [
    "SYNTHETIC", "首页", "您现在的位置", "当前位置", "发布时间", "浏览次数", "【字体", "分享到", "微信", "微博",
    "上一条", "下一条", "上一篇", "下一篇", "相关新闻", "相关阅读", "热点排行", "与我们联系", "联系电话", "电子邮箱",
    "地址：", "示例路", "Copyright", "版权所有", "备案号", "责任编辑", "打印本页", "关闭窗口", "主办单位：",
    "window.__SHARE__", "doZoom", "_hmt", "<", "&nbsp;", "&ldquo;", "&middot;", "\u00a0",
]


@pytest.fixture(scope="module")
def result():
    return load_paths([str(CORPUS)])


@pytest.fixture(scope="module")
def by_id(result):
    return {a.id: a for a in result.articles}


def test_loads_exactly_the_25_articles(result):
    assert sorted(a.id for a in result.articles) == sorted(row[0] for row in EXPECTED)
    assert result.rejects == []
    assert result.duplicates == []


@pytest.mark.parametrize("row", EXPECTED, ids=[row[0] for row in EXPECTED])
def test_metadata_of_every_record(by_id, row):
    article_id, fmt, title, published, source, zone, region = row
    article = by_id[article_id]
    assert article.format == fmt
    assert article.title == title
    assert article.published == published
    assert article.source == source
    assert unicodedata.normalize("NFKC", article.zone) == zone
    assert article.region == region
    assert len(article.body) >= 3


def test_readme_and_gold_are_reported_not_loaded(result):
    skipped = {Path(s.path).relative_to(CORPUS).as_posix(): s.reason for s in result.skipped}
    gold = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("gold/*.json")}
    assert len(gold) == 25
    assert set(skipped) == gold | {"README.md"}
    assert all(reason.startswith("not an article record") for reason in skipped.values())
    loaded_from = {Path(a.path).name for a in result.articles}
    assert "README.md" not in loaded_from and not any(name.endswith(".json") for name in loaded_from)


def test_seed_footer_titles_are_related_not_body(by_id):
    seed = by_id["seed-anji-cgt-2023"]
    related = {(link.kind, link.title) for link in seed.related}
    assert ("previous", "第三届中国易货 +乡村振兴论坛在我市举行") in related
    assert ("next", "永乐店邀专家解读十八大精神") in related
    assert "乡村振兴论坛" not in seed.text and "永乐店" not in seed.text
    assert seed.category == "开发区新闻" and seed.site
    assert seed.body[0].startswith("日前,2023第二届") and seed.body[-1].endswith("生物医药产业集聚区。")
    assert len(seed.body) == 10


def test_gbk_pages_decode(by_id):
    h02, h04 = by_id["syn-h02-huangpu-biomed-forum-2024"], by_id["syn-h04-yazhouwan-deepsea-forum-2024"]
    assert h02.encoding == h04.encoding == "gbk"
    assert "周喆" in h02.text and "唐玥" in h04.text
    assert "格雷格\u00b7塞门扎" in h02.text
    assert "\u30fb" not in h02.text + h04.text


def test_html_entities_decoded(by_id):
    h03 = by_id["syn-h03-lingang-icv-expo-2024"]
    assert "斯坦利\u00b7惠廷厄姆" in h03.text
    assert "“看家产业”" in by_id["syn-h01-donghu-optoelectronics-signing-2024"].text
    assert not h03.body[0].startswith(h03.title)  # trafilatura repeats the h1; the loader drops it


def test_html_related_links_and_no_hot_list(by_id):
    h01 = by_id["syn-h01-donghu-optoelectronics-signing-2024"]
    kinds = [link.kind for link in h01.related]
    assert kinds[:2] == ["previous", "next"] and kinds.count("related") == 3
    assert h01.related[0].url == "/news/prev.html"
    assert "十堰经开区商用车零部件产业招商推介会举行" not in {link.title for link in h01.related}


def test_page_related_lists(by_id):
    p09 = by_id["syn-p09-rudong-job-fair-2025"]
    assert [link.kind for link in p09.related] == ["previous", "next", "related", "related", "related"]
    p08 = by_id["syn-p08-chengdu-ai-pharma-summit-2024"]
    assert "苏州工业园区国际生物医药前沿论坛举行 两位诺奖得主共话创新药未来" in {link.title for link in p08.related}


@pytest.mark.parametrize("row", EXPECTED, ids=[row[0] for row in EXPECTED])
def test_no_chrome_in_body(by_id, row):
    article = by_id[row[0]]
    body = "\n\n".join(article.body)
    for marker in CHROME:
        assert marker not in body, marker
    for link in article.related:
        assert link.title not in body
    for paragraph in article.body:
        assert paragraph == paragraph.strip(" \u3000\t")


def test_csv_bodies_keep_commas_and_quotes(by_id):
    c01 = by_id["syn-c01-changsha-etdz-awards-2024"]
    assert "4,860万元" in c01.text and '"工程机械之都"' in c01.text
    assert c01.line == 2 and by_id["syn-c02-qinzhou-port-signing-2024"].line == 9


def test_loading_twice_gives_the_same_articles(result):
    again = load_paths([str(CORPUS)])
    assert [a.id for a in again.articles] == [a.id for a in result.articles]
    assert again.articles == result.articles


def test_order_is_sorted_paths_then_line(result):
    keys = [(a.path, a.line or 0) for a in result.articles]
    assert keys == sorted(keys)


def test_kg_load_cli_on_corpus():
    run = CliRunner().invoke(main, ["load", str(CORPUS), "--strict"])
    assert run.exit_code == 0, run.output
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(records) == 25
    assert set(records[0]) >= {"id", "url", "title", "body", "published", "source", "site", "zone", "region",
                               "category", "related", "encoding", "path", "line", "format"}
    assert "loaded 25, rejected 0, duplicates 0" in run.stderr
    assert "README.md" in run.stderr


def test_kg_load_table_format():
    run = CliRunner().invoke(main, ["load", str(CORPUS / "seed-anji-cgt-2023.txt"), "--format", "table"])
    assert run.exit_code == 0
    assert "seed-anji-cgt-2023" in run.stdout and "永乐店邀专家解读十八大精神" in run.stdout
    assert "published: 2023-12-05" in run.stdout


def test_bundled_examples_load_cleanly():
    examples = Path(__file__).resolve().parents[1] / "examples"
    result = load_paths([str(examples)])
    assert len(result.articles) >= 2 and result.rejects == [] and result.duplicates == []
    assert "seed-anji-cgt-2023" in {a.id for a in result.articles}
    assert all(a.title and a.published and a.zone for a in result.articles)
