"""kg.text: the same-length matching text (lost middle dots, width folding) keeps offsets true."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.text import MIDDLE_DOT, matching_text, repair
from loaders import load_paths

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.mark.parametrize("original, expected", [
    ("首届安吉两山?国际细胞与基因治疗", "首届安吉两山·国际细胞与基因治疗"),
    ("今年4月，迈克尔?莱维特曾到访", "今年4月,迈克尔·莱维特曾到访"),
    ("托马斯？苏德霍夫出席", "托马斯·苏德霍夫出席"),
    ("Jean?Marie 与 卡罗琳・贝尔托齐", "Jean·Marie 与 卡罗琳·贝尔托齐"),
    ("斯坦利•惠廷厄姆", "斯坦利·惠廷厄姆"),
])
def test_lost_dots_are_restored(original, expected):
    assert matching_text(original) == expected
    assert len(matching_text(original)) == len(original)


@pytest.mark.parametrize("original", [
    "为何全球生物医药高端智力,选择为安吉发声?安吉是理念诞生地",
    "企业为什么选择这里？答案是服务",
    "总投资是多少?记者了解到",
    "问题在哪?",
    "2024?2025年",
    "你好? 世界",
])
def test_real_question_marks_stay(original):
    assert MIDDLE_DOT not in matching_text(original)


def test_width_folding_is_per_character_and_length_preserving():
    original = "中国（浙江）自由贸易试验区，ＡＢＣ１２３\u3000“引号”…™"
    folded = matching_text(original)
    assert folded == "中国(浙江)自由贸易试验区,ABC123 “引号”…™"  # … and ™ fold to several characters: kept
    assert len(folded) == len(original)


def test_repair_keeps_full_width_punctuation():
    assert repair("两山?国际，（安吉）") == "两山·国际，（安吉）"


def test_offsets_into_matching_text_cut_the_original():
    article = next(a for a in load_paths([str(CORPUS / "seed-anji-cgt-2023.txt")]).articles)
    text = article.text
    matching = matching_text(text)
    name = "首届安吉两山·国际细胞与基因治疗(CGT)产业创新峰会"
    start = matching.index(name)
    assert text[start:start + len(name)] == "首届安吉两山?国际细胞与基因治疗(CGT)产业创新峰会"
    assert "选择为安吉发声?安吉" in matching


def test_p08_lost_dot_in_a_laureate_name():
    (article,) = load_paths([str(CORPUS / "dev/pages/syn-p08-chengdu-ai-pharma-summit-2024.txt")]).articles
    text, matching = article.text, matching_text(article.text)
    starts = [i for i in range(len(matching)) if matching.startswith("迈克尔·莱维特", i)]
    originals = {text[i:i + 7] for i in starts}
    assert originals == {"迈克尔·莱维特", "迈克尔?莱维特"}
    assert "?" in article.text  # the body itself is kept as the source has it
