"""Bytes to text: BOM, declared charset (HTML), strict UTF-8, then detection.

Chinese sites often declare ``gb2312`` while writing GBK (a superset: 周喆,
唐玥 exist only in GBK, and Python's gb2312 codec maps ``·`` to U+30FB);
a declared gb2312 is therefore decoded as gbk, then gb18030.

A declared charset can also be plainly wrong: the Big5 codecs accept many
GBK byte pairs, so a GBK page declared Big5 "decodes" into mojibake.  A
declared Chinese charset is therefore checked against charset-normalizer's
verdict on the bytes; when the verdict is another family (GB against Big5)
and the declared reading is the messier one, the verdict is used, and the
caller gets a note saying so for the load report.  A declared charset that
does not decode the bytes at all is noted too.
"""

from __future__ import annotations

import codecs
import re

from typing import NamedTuple

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


# Codecs that read the same texts: a verdict inside the declared family is no disagreement.
_FAMILIES = {"gbk": "gb", "gb2312": "gb", "gb18030": "gb", "big5": "big5", "big5hkscs": "big5", "cp950": "big5",
             "utf_8": "utf-8", "utf-8": "utf-8"}


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we accept."""


class Decoded(NamedTuple):
    text: str
    encoding: str
    note: str | None = None  # for the load report: the declared charset did not fit the bytes


def _family(codec: str) -> str:
    name = codecs.lookup(codec).name.replace("-", "_")
    return _FAMILIES.get(name, name)


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML head declares (``<meta charset>`` or http-equiv), lower-cased."""
    match = _META_CHARSET.search(raw[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _try(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared_reading(raw: bytes, declared: str) -> Decoded | None:
    """The bytes read as the declared charset, unless the detector finds another family clearly fits better."""
    for codec in _SUPERSETS.get(declared, (declared,)):
        text = _try(raw, codec)
        if text is None:
            continue
        if _family(codec) not in ("gb", "big5"):
            return Decoded(text, codec)
        results = from_bytes(raw, cp_isolation=_DETECTABLE)
        best = results.best()
        if best is None or _family(best.encoding) == _family(codec):
            return Decoded(text, codec)
        mine = next((r for r in results if _family(r.encoding) == _family(codec)), None)
        better = _try(raw, best.encoding)
        if better is not None and (mine is None or mine.chaos > best.chaos):
            used = codecs.lookup(best.encoding).name
            return Decoded(better, used, f"declared charset {declared} does not fit the bytes (read as {codec}, they "
                                         f"are mojibake); read as {used}, which charset-normalizer finds fits")
        return Decoded(text, codec)
    return None


def decode(raw: bytes, *, declared: str | None = None) -> Decoded:
    """``(text, encoding used, note)`` or raise UndecodableError; ``note`` says when a declared charset was not used."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            text = _try(raw, codec)
            if text is not None:
                return Decoded(text, codec.replace("-sig", ""))
    if declared:
        reading = _declared_reading(raw, declared)
        if reading is not None:
            return reading
    text = _try(raw, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", _not_declared(declared, "utf-8"))
    best = from_bytes(raw, cp_isolation=_DETECTABLE).best()
    if best is not None:
        text = _try(raw, best.encoding)
        if text is not None:
            used = codecs.lookup(best.encoding).name
            return Decoded(text, used, _not_declared(declared, used))
    raise UndecodableError("undecodable bytes: not UTF-8, GBK/GB18030 or Big5 text"
                           + (f" (and not the declared charset {declared})" if declared else ""))


def _not_declared(declared: str | None, used: str) -> str | None:
    return f"declared charset {declared} does not decode the bytes; read as {used}" if declared else None
