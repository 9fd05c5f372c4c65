"""Attributes: event dates (absolute or relative to the article date) and amounts in yuan."""

from __future__ import annotations

import re
from datetime import date, timedelta

_FULL = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")
_AMOUNT = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(亿|万)元")


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


def amount_yuan(text: str) -> tuple[float, str] | None:
    """The first amount in yuan with its original text (4,860万元 -> 48600000.0)."""
    match = _AMOUNT.search(text)
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    return value * (1e8 if match.group(2) == "亿" else 1e4), match.group()
