"""Attributes: event dates (absolute or relative to the article date) and amounts in yuan."""

from __future__ import annotations

import re
from datetime import date, timedelta

_FULL = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")
_AMOUNT = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(亿|万)元")
# 总投资50亿元, 计划投资3.2亿元, 投资额约X万元, 项目投资超过X亿元: the cue, a hedge word, then one amount.
# An amount opening a range (投资额在6000万元至18亿元之间) spans several projects and is not taken.
_INVESTMENT = re.compile(r"投资(?:总额|额)?(?:约|达|为|超过|超|近|共计|合计|逾|在)?\s*"
                         r"(\d+(?:,\d{3})*(?:\.\d+)?)(亿|万)元(?!\s*(?:至|到|~|-|—)\s*\d)")
# Words saying the amount is shared or per item (单个项目投资额, 分别投资, 等企业共投资) rather than one project's.
_SHARED = re.compile("单个|单体|每个|平均|分别|^等")


def event_date(sentence: str, published: str | None) -> str | None:
    """ISO date of what a sentence reports: 2024年5月18日, 5月18日 (year of the article), 日前/近日, 上月."""
    match = _FULL.search(sentence)
    if match:
        return _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    base = date.fromisoformat(published) if published else None
    match = _MONTH_DAY.search(sentence)
    if match and base:
        month, day = int(match.group(1)), int(match.group(2))
        year = base.year - 1 if month > base.month else base.year
        return _iso(year, month, day)
    if base and re.search("日前|近日|昨天|昨日", sentence):
        return (base - timedelta(days=1 if "昨" in sentence else 0)).isoformat()
    if base and "上月" in sentence:
        first = base.replace(day=1) - timedelta(days=1)
        return first.strftime("%Y-%m")
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def investment_amount(text: str) -> tuple[float, int, int] | None:
    """The first investment a text states, in yuan, with the offsets of the amount in ``text``.

    The amount must follow an investment cue (投资, 总投资, 投资额 …); ranges and amounts that are
    shared or per item (单个项目, 分别, 等企业共投资) give None.
    """
    match = _INVESTMENT.search(text)
    if not match or _SHARED.search(text[: match.start()]):
        return None
    value = float(match.group(1).replace(",", ""))
    return value * (1e8 if match.group(2) == "亿" else 1e4), match.start(1), match.end()


def amount_yuan(text: str) -> tuple[float, str] | None:
    """The first amount in yuan with its original text (4,860万元 -> 48600000.0)."""
    match = _AMOUNT.search(text)
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    return value * (1e8 if match.group(2) == "亿" else 1e4), match.group()
