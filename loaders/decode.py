"""Bytes to text: BOM, declared charset (HTML), strict UTF-8, then detection.

Chinese sites often declare ``gb2312`` while writing GBK (a superset: 周喆,
唐玥 exist only in GBK, and Python's gb2312 codec maps ``·`` to U+30FB);
a declared gb2312 is therefore decoded as gbk, then gb18030.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A declared charset is tried as these codecs, in order.
_SUPERSETS = {
    "gb2312": ("gbk", "gb18030"),
    "gbk": ("gbk", "gb18030"),
    "x-gbk": ("gbk", "gb18030"),
    "gb18030": ("gb18030",),
    "big5": ("big5hkscs", "big5"),
    "utf8": ("utf-8",),
}
# Detection is limited to the encodings Chinese news is published in; a
# wider list lets random bytes "decode" as some Western code page.
_DETECTABLE = ["utf_8", "gb18030", "big5"]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we accept."""


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML head declares (``<meta charset>`` or http-equiv), lower-cased."""
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _try(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(raw: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding used)`` or raise UndecodableError."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            text = _try(raw, codec)
            if text is not None:
                return text, codec.replace("-sig", "")
    if declared:
        for codec in _SUPERSETS.get(declared, (declared,)):
            text = _try(raw, codec)
            if text is not None:
                return text, codec
    text = _try(raw, "utf-8")
    if text is not None:
        return text, "utf-8"
    best = from_bytes(raw, cp_isolation=_DETECTABLE).best()
    if best is not None:
        text = _try(raw, best.encoding)
        if text is not None:
            return text, codecs.lookup(best.encoding).name
    raise UndecodableError("undecodable bytes: not UTF-8, GBK/GB18030 or Big5 text")
