"""Industries: fields named in focus cues, in the cores of cluster names, and
the industry gazetteer's terms where a field cue (产业, 领域, 企业) follows.

聚焦X、Y和Z / 重点投向X和Y领域 / 在X、Y、Z等领域 / X和Y两大主导产业 / 把X作为…产业:
every list item is a field.  产业集群 names carry their field (武汉市光电子信息产业集群 ->
光电子信息) once the place or zone prefix is taken off.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.document import Document, Mention
from kg.extract.gazetteers import industries

_ITEM = r"[\u4e00-\u9fffA-Za-z0-9“”\"()]{2,14}"
_LIST = rf"{_ITEM}(?:[、和及与]{_ITEM})*"
_CUED_LISTS = (
    re.compile(rf"(?:聚焦|锚定|重点投向|主要投向|投向|重点支持|涉及|涵盖|围绕|在|面向|瞄准|布局|发展|覆盖|提供|对在)({_LIST}?)(?:等)?(?:[\d两三四五六七八九十]+大)?(?:领域|产业|方向|行业|赛道|展区|板块)"),
    re.compile(rf"({_LIST}?)(?:[两三四五六七八九十]大)(?:主导|支柱|重点|特色)?产业"),
    re.compile(rf"(?:把|将)({_ITEM}?)作为[^，。；]{{0,20}}产业"),
    re.compile(rf"(?:^|[，。；])({_ITEM}?)是[^，。；]{{0,20}}(?:主导|支柱|一号|重点|战略性|未来|新兴)(?:产业|方向)"),
)
_BAD_ITEM = re.compile(r"(项目|企业|公司|基地|中心|平台|政策|资金|人才|环节|场景|岗位|期间|方面|过程|工作|发展|建设|服务|地区|全市|全区|个|家|年|月|日)$")
_NOT_FIELDS = {"产业", "领域", "行业", "方向", "前沿", "高端", "相关", "上下游", "重点", "核心"}


@lru_cache(maxsize=1)
def gazetteer_terms() -> dict[str, str]:
    """Every label and synonym of the industry scheme -> its preferred label."""
    try:
        terms = industries()
    except (FileNotFoundError, OSError):
        return {}
    table: dict[str, str] = {}
    for term in terms:
        table[term.name] = term.name
        for synonym in term.synonyms:
            table.setdefault(synonym, term.name)
    return table


def industry_term(name: str) -> str | None:
    """The preferred label when ``name`` is a field of the industry scheme."""
    return gazetteer_terms().get(name)


def clean_item(item: str) -> str:
    item = item.strip("“”\"")
    item = re.sub(r"^(?:在|以|对|把|将|推动|发展|打造|培育|聚焦|围绕|的)", "", item)
    item = re.sub(r"(?:等|等领域|领域|产业|行业|方向)$", "", item)
    return item.strip("“”\"")


def find_industries(doc: Document) -> list[Mention]:
    text = doc.st
    found = []
    seen: set[tuple[int, int]] = set()
    for pattern in _CUED_LISTS:
        for match in pattern.finditer(text):
            group_start = match.start(1)
            for part in re.finditer(r"[^、和及与]+", match.group(1)):
                item = clean_item(part.group())
                if not _plausible(item):
                    continue
                start = text.find(item, group_start + part.start())
                if start < 0 or (start, start + len(item)) in seen:
                    continue
                seen.add((start, start + len(item)))
                found.append(doc.add(Mention(start, start + len(item), "Industry", None, "pattern:focus-list", 0.75, name=item)))
    terms = gazetteer_terms()
    if terms:
        for term in sorted(terms, key=len, reverse=True):
            for match in re.finditer(re.escape(term), text):
                span = (match.start(), match.end())
                if any(s <= span[0] and span[1] <= e for s, e in seen):
                    continue
                after = text[match.end() : match.end() + 2]
                if after in ("产业", "领域", "企业", "行业", "项目", "方向") or after[:1] in "、和及与等":
                    seen.add(span)
                    found.append(doc.add(Mention(span[0], span[1], "Industry", None, "gazetteer:industry", 0.7,
                                                 name=term, canonical=terms[term])))
    return found


def _plausible(item: str) -> bool:
    if not 2 <= len(item) <= 10 or item in _NOT_FIELDS or _BAD_ITEM.search(item):
        return False
    return not re.search(r"\d|[，。；：]|亿|万", item)


def cluster_core(name: str) -> str:
    """武汉市光电子信息产业集群 -> 光电子信息 (prefix places and zones are stripped by the caller's forms)."""
    core = re.sub(r"(?:特色)?(?:产业集群|产业群|集群)(?:\(.*\))?$", "", name)
    core = re.sub(r"^(?:“|\")", "", core)
    return core
