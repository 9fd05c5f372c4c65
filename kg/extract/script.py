"""Traditional -> simplified script, keeping every offset.

Articles from Hong Kong, Macao and Taiwan outlets are written in traditional
characters.  The finders match on a simplified copy; OpenCC's phrase-level
conversion may change a length, so when it does the copy is converted one
character at a time instead (characters map one to one).
"""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _char(ch: str) -> str:
    converted = _converter().convert(ch)
    return converted if len(converted) == 1 else ch


#: Variant characters OpenCC leaves as they are (陜西 is 陕西: 陜 is a variant of 陝).
_VARIANTS = str.maketrans({"陜": "陕"})


def to_simplified(text: str) -> str:
    """Simplified copy of ``text`` with the same length."""
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted.translate(_VARIANTS)
    return "".join(_char(ch) for ch in text).translate(_VARIANTS)
