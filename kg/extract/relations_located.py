"""locatedIn: administrations in their zone, zones and clusters in the place or
zone their name begins with (or that 位于 names), parks in their zone (or in the
place they are named after), places in the places above them, organisations
来自 / 总部位于 a place or written right after a zone's name, the zones of a place
that counts them (浙江省5家国家级经开区).  A place named only inside longer names is
no mention of it (the annotation guide), so nothing is located in it."""

from __future__ import annotations

import re

from kg.extract.enumerations import part_lists
from kg.extract.forms import ADMIN_SUFFIXES, LEGAL_SUFFIXES, forms
from kg.extract.gazetteers import lookup_place
from kg.extract.lexicon import ZONE_SUFFIXES
from kg.extract.places import best_candidate
from kg.extract.script import to_simplified
from kg.identity import normalise_name

_LEVEL = {"Country": 0, "Province": 1, "City": 2, "County": 3, "District": 3}

#: A list's statement of containment (Z包括A、B / 某地区3家：A、B / 布局A园、B园等N大园区 / a table's row): the plainest
#: there is, a family of its own, so that the extraction filter keeps it as it keeps a table's focus (kg.extract.learned).
LISTED = "list:located"
#: The article's own zone, taken for a park, an area or a cluster the text places nowhere: a guess, named apart so that
#: the filter weighs it apart from a zone the park's name opens with.
ARTICLE_ZONE = "pattern:article-zone"


def _find(finder, entity_type, name):
    wanted = normalise_name(name)
    for e in finder.entities:
        if e.type == entity_type and any(wanted == normalise_name(f) for n in (e.name, *e.aliases) for f in forms(entity_type, n)):
            return e
    return None


def named_on_its_own(entities, place) -> bool:
    """The text names the place outside every other name (a place only inside 浙江大学 or 临清市某产业集群 is
    neutral, and a zone named after it lies in it only when the text also names it on its own)."""
    others = [m for e in entities if e.type != "Place" for m in e.mentions if m.end > m.start]
    # (泰达天津|经济技术开发区: a place right before a zone's bare kind opens that zone's name)
    kinds = {m.start for e in entities if e.type == "Zone" for m in e.mentions if m.generic}
    return any(m.end == m.start or not any(o.start <= m.start and m.end <= o.end for o in others) and m.end not in kinds
               for m in place.mentions)


#: A zone's party committee beside its administration (某高新区党委, 中共某高新区工作委员会; a bare 工作委员会 is an
#: association's committee, a bare 工委 the realdev gold reads apart from the zone more often than not).
_PARTY_BODIES = ("党委",)


def _administered(name: str) -> tuple[str, bool] | None:
    """What a governing body's name says it governs (the name without 中共 and the body's word, in the text's own
    script) and whether the body is an administration (管委会 …), or None when the name is no governing body's."""
    simplified = to_simplified(name)
    if len(simplified) != len(name):
        return None
    lead = len("中共") if simplified.startswith("中共") else 0
    party = _PARTY_BODIES + (("工作委员会",) if lead else ())
    admin = next((s for s in ADMIN_SUFFIXES if simplified.endswith(s)), None)
    body = admin or next((s for s in party if simplified.endswith(s)), None)
    return (name[lead : len(name) - len(body)], admin is not None) if body else None


def _zone_opening_with(finder, prefix):
    """凤鸣管委会 beside 凤鸣国家自主创新示范区: the one zone (not a park, which a body of the zone does not govern
    alone) whose name opens with the body's word, no place's name (a body of the place's government opens so too)."""
    if len(prefix) < 2 or lookup_place(prefix) or best_candidate(prefix) is not None:
        return None
    zones = [z for z in finder.entities if z.type == "Zone" and z.kind != "Park"
             and any(n.startswith(prefix) for n in (z.name, *z.aliases))]
    return zones[0] if len(zones) == 1 else None


def _named_outside(entities, entity) -> bool:
    """The text names the entity outside every other entity's name."""
    others = [m for e in entities if e is not entity for m in e.mentions if m.end > m.start]
    return any(m.end == m.start or not any(o.start <= m.start and m.end <= o.end for o in others)
               for m in entity.mentions)


def _zone_named_first(finder, zone):
    """The zone whose whole name opens this zone's name before a zone's kind of its own (Z凤鸣片区, Z凤鸣园区):
    the zone this one is part of."""
    for other in finder.entities:
        if other.type != "Zone" or other is zone:
            continue
        for form in forms("Zone", other.name):
            rest = zone.name[len(form):] if zone.name.startswith(form) else ""
            if len(rest) >= 4 and rest.endswith(tuple(ZONE_SUFFIXES)) and not rest.startswith(("(", "（")):
                return other
    return None


#: Kinds of zone that lie inside a larger zone of the same name (a bonded area, a science town: 凤鸣科创城 in the
#: 凤鸣 zone): towns and the bonded kinds (保) of the zone suffixes.
_PART_KINDS = ("城", *(k for k in ZONE_SUFFIXES if "保" in k))


def _zone_by_its_word(finder, part):
    """The zone whose own word (its name without its kind, no place's name) opens the part's name: 凤鸣科创城
    and a 凤鸣 bonded port lie in the 凤鸣 zone of a larger kind."""
    for zone in finder.entities:
        if zone.type != "Zone" or zone is part or zone.kind == "Park" or zone.name.endswith(_PART_KINDS):
            continue
        kind = max((k for k in ZONE_SUFFIXES if zone.name.endswith(k)), key=len, default="")
        word = zone.name[: len(zone.name) - len(kind)]
        if kind and len(word) >= 2 and part.name.startswith(word) and len(part.name) > len(word) + 1 \
                and not lookup_place(word) and best_candidate(word) is None:
            return zone
    return None


def _zone_sharing_its_word(finder, cluster):
    """凤鸣家具产业集群 beside the 凤鸣 zone (凤鸣工业区): a cluster opening with the word a zone of the text is named
    by (its name without its kind) lies in that zone, unless the text names a place by that word on its own (then
    the cluster is the place's, as 苏州某产业集群 beside a 苏州 zone is 苏州's)."""
    named = {f for p in finder.entities if p.type == "Place" and named_on_its_own(finder.entities, p) for f in _place_forms(p)}
    for zone in finder.entities:
        if zone.type != "Zone" or not _named_outside(finder.entities, zone):
            continue
        for name in (zone.name, *zone.aliases):
            kind = max((k for k in ZONE_SUFFIXES if name.endswith(k)), key=len, default="")
            word = name[: len(name) - len(kind)]
            if kind and len(word) >= 2 and cluster.name.startswith(word) and word not in named:
                return zone
    return None


def _city_above_its_county(finder, cluster):
    """良庆区某产业集群 in an article that names 南宁市 but never 良庆区 on its own: a cluster named after a county or
    district lies in the city above it (by the division table) that the text names on its own."""
    named = [p for p in finder.entities if p.type == "Place" and named_on_its_own(finder.entities, p)]
    counties = [c for c in _leading_divisions(cluster) if c.level in ("County", "District")]
    if not counties or any({c.name, c.short} & _place_forms(p) for p in named for c in counties):
        return None
    cities = {id(p): p for p in named for c in counties
              if getattr(_place_candidate(p), "level", None) == "City" and _place_candidate(p).name in c.parents}
    return next(iter(cities.values())) if len(cities) == 1 else None


def _named_by_its_field(cluster: str) -> bool:
    """某某产业集群 with a field of four or more characters and no place in it (通信终端产业集群; not 特色产业集群,
    not 年度某市特色产业集群)."""
    field = cluster[: -len("产业集群")] if cluster.endswith("产业集群") else ""
    return len(field) >= 4 and not any(lookup_place(field[i : i + n]) for i in range(len(field)) for n in (2, 3))


def _opens_with_zone_word(name: str, zone) -> bool:
    """The name opens with the zone's own word, its name without its kind, more than a place's name (天津滨海 of
    青溪新区 of a city 青溪; not 西安 of 西安凤鸣高新区)."""
    for form in (zone.name, *zone.aliases):
        kind = max((k for k in ZONE_SUFFIXES if form.endswith(k)), key=len, default="")
        word = form[: len(form) - len(kind)]
        if kind and len(word) >= 3 and name.startswith(word) and not lookup_place(word):
            return True
    return False


def _named_together(finder, one, other) -> bool:
    """A sentence names both entities."""
    doc = finder.doc
    sentences = {doc.sentence_at(m.start).index for m in one.mentions if m.end > m.start}
    return any(m.end > m.start and not m.generic and doc.sentence_at(m.start).index in sentences for m in other.mentions)


def _renamed(text: str, park) -> bool:
    """The park is written as a zone's former or new name (前身为某园区, (现某产业园))."""
    return any(re.search(r"(?:前身为|前身是|原名|原为|现为|更名为|[(（]现)$", text[max(0, m.start - 4) : m.start])
               for m in park.mentions)


def _not_named_after_a_place(finder, park) -> bool:
    """A park named after an institution (某建筑大学科技园, 某省国家大学科技园: a university's, named or not) or after two
    partners (甲·乙产业园) is not one place's park."""
    return "·" in park.name or "大学" in park.name or any(
        o.type == "Organization" and len(o.name) > 3 and park.name.startswith(o.name) for o in finder.entities)


def _places_inside(finder, entity, short_forms: bool = False):
    """Places named inside the entity's names (浙江安吉经济开发区 -> 安吉, 浙江) that the text also names on its
    own, most specific first; with ``short_forms`` only those named by a county's or district's short form that no
    other division shares (凤鸣县 alone is 凤鸣, so a zone named 凤鸣… lies in it).  A place read only inside a
    longer place's name there (江 of 浙江) is not named by the entity."""
    names = [n for n in (entity.name, *entity.aliases)]
    written = []
    for place in finder.entities:
        if place.type != "Place" or not named_on_its_own(finder.entities, place):
            continue
        candidate = _place_candidate(place)
        # the forms this place is written in (a county whose short form is its city's name is not named by it)
        forms_ = {place.name, *place.aliases} | ({candidate.name} if candidate else set())
        unshared = (candidate is not None and candidate.level in ("County", "District") and len(candidate.short) >= 2
                    and lookup_place(candidate.short) == [candidate])
        shorts = {candidate.short} - forms_ if unshared else set()
        spans = {short: [(i, n.find(f), n.find(f) + len(f)) for i, n in enumerate(names) for f in fs if f and f in n]
                 for short, fs in ((False, forms_), (True, shorts))}
        written.append((place, candidate, spans))
    every = [span for _, _, spans in written for both in spans.values() for span in both]
    found = []
    for place, candidate, spans in written:
        # a district in brackets closing a zone's name (某高新区(某区)) is the zone's own district, not where it lies
        own = [(i, a, b) for i, a, b in spans[short_forms] if not any(
            i == j and c <= a and b <= d and d - c > b - a for j, c, d in every)
            and not (entity.type == "Zone" and a > 0 and names[i][a - 1] in "(（" and b + 1 == len(names[i]))
            # 中国—某国合作区: a place before the dash of a cooperation zone names a partner, not where the zone lies
            and not (entity.type == "Zone" and "合作" in names[i] and any(d in names[i][b:] for d in "—－"))]
        if own:
            level = _LEVEL.get(candidate.level if candidate else "Country", 0)
            # of two places of a level, one in brackets within the name is the site (深圳(哈尔滨)凤鸣产业园区: in 哈尔滨)
            site = any(names[i][a - 1 : a] in "(（" and names[i][b : b + 1] in ")）" and b + 1 < len(names[i])
                       for i, a, b in own if a > 0)
            found.append((-level, not site, min(a for _, a, _ in own), place))
    return [t[-1] for t in sorted(found, key=lambda t: t[:3])]


def located_relations(finder) -> None:
    doc = finder.doc
    listed = _listed_under(finder)
    for e in finder.entities:
        if id(e) in listed and e.type in ("Zone", "Cluster"):
            target, sentence, how = listed[id(e)]
            finder.add(e, "locatedIn", target, sentence, how, 0.75)
            if e.kind != "Park":  # 成都片区 listed under its zone still lies in the city it is named after
                places = _places_inside(finder, e)
                finder.add(e, "locatedIn", places[0] if places else None, sentence, "pattern:name-prefix", 0.7)
            continue
        first = min(e.mentions, key=lambda m: m.start)
        sentence = doc.sentence_at(first.start)
        if e.type == "Organization":
            body = _administered(e.name)
            if body is not None:
                prefix, administration = body
                zone = _find(finder, "Zone", prefix) or (_zone_opening_with(finder, prefix) if administration else None)
                # 高新区管委会 is the article's zone's; 某街道党工委 governs a street, no zone
                if zone is None and administration and (not prefix or prefix.endswith(tuple(ZONE_SUFFIXES))):
                    zone = finder.main_zone
                finder.add(e, "locatedIn", zone, sentence, "pattern:name-prefix", 0.85)
        elif e.type == "Zone":
            if e.kind == "Park":
                if _renamed(finder.doc.simplified, e):
                    continue  # 某开发区前身为某产业园区 / 某开发区(现某产业园): the same zone under another name
                parent = next((z for z in finder.entities if z.type == "Zone" and z is not e and z.kind != "Park"
                               and any(e.name.startswith(f) for f in forms("Zone", z.name))), None)
                # 位于 first; else the zone its name starts with; else the article's zone, unless the park is
                # named after a place the article's zone is not (横州市某产业园 in a list of a region's parks)
                cued = _located_cue(finder, e)
                main = finder.main_zone
                if main is not None and _named_elsewhere(e.name, main):
                    main = None
                # a park named after a place the text names on its own (某市软件园) lies in that place, though the
                # article's zone is named after it too (西安云栖软件园 in an article on 西安凤鸣高新区: the annotation guide's
                # zone named after a place), unless its name opens with that zone's own word (天津滨海-某科技园 in an
                # article on 青溪新区) or a sentence names the two together (青溪工业园区管委会主办、苏州某产业园承办)
                places = [] if _not_named_after_a_place(finder, e) else (
                    _places_inside(finder, e) or _places_inside(finder, e, short_forms=True))
                if main is not None and places and (_opens_with_zone_word(e.name, main) or (
                        _named_together(finder, e, main)
                        and any(f in n for n in (main.name, *main.aliases) for f in _place_forms(places[0])))):
                    places = []
                target = cued or parent or (places[0] if places else main)
                method = "pattern:located-cue" if cued else "pattern:name-prefix" if parent or places else ARTICLE_ZONE
                finder.add(e, "locatedIn", target, sentence, method, 0.7)
                continue
            cued = _located_cue(finder, e)
            whole = _zone_named_first(finder, e) or (_zone_by_its_word(finder, e) if e.name.endswith(_PART_KINDS) else None)
            # a zone named after the zone it is part of (Z某某片区) names its places through that zone's name
            places = [] if whole else _places_inside(finder, e)
            # a zone named 某市某县… is named after the county as well as the city (the most specific county first)
            counties = [] if whole else _places_inside(finder, e, short_forms=True)
            target = cued or whole or (places[0] if places else counties[0] if counties else None)
            method = "pattern:located-cue" if cued else "pattern:name-prefix"
            main = finder.main_zone
            if not cued and _AREA_BY_SHORT_NAME.fullmatch(to_simplified(e.name)) and main is not None and main is not e \
                    and not _AREA_BY_SHORT_NAME.fullmatch(to_simplified(main.name)) and not any(
                        z is not e and z.type == "Zone" and z.name.endswith(e.name) for z in finder.entities):
                # 合肥片区 on its own in an article on a free trade zone: an area of that zone (and in its city);
                # 某自贸试验区福州片区 written in full elsewhere is the same area, not one of the article's zone
                finder.add(e, "locatedIn", main, sentence, ARTICLE_ZONE, 0.7)
            if target is None and e is finder.main_zone:
                target, method = _region_place(finder), "metadata:region"
            finder.add(e, "locatedIn", target, sentence, method, 0.75)
            if places and counties:
                finder.add(e, "locatedIn", counties[0], sentence, "pattern:name-prefix", 0.7)
            if cued and places and not _within(cued, places[0]):
                # Z位于某镇: stated where, and named after its city too (位于某市某区 names the district, in the city)
                finder.add(e, "locatedIn", places[0], sentence, "pattern:name-prefix", 0.7)
        elif e.type == "Cluster":
            # a zone named only inside the cluster's name (某新区(某领域)特色产业集群) is neutral, like a place there
            zone = next((z for z in finder.entities if z.type == "Zone" and _named_outside(finder.entities, z)
                         and any(e.name.startswith(f) for n in (z.name, *z.aliases) for f in forms("Zone", n))), None)
            places = _places_inside(finder, e)
            target = zone or _zone_sharing_its_word(finder, e) or (places[0] if places else None)
            if target is None:
                finder.add(e, "locatedIn", _city_above_its_county(finder, e), sentence, "gazetteer:name-division", 0.7)
            if target is None and _named_by_its_field(e.name):
                # 通信终端产业集群 named by its field alone is the article's zone's (a region's 某某集群 on a
                # national list is not)
                target = finder.main_zone
                finder.add(e, "locatedIn", target, sentence, ARTICLE_ZONE, 0.7)
                target = None
            finder.add(e, "locatedIn", target, sentence, "pattern:name-prefix", 0.7)
            for m in e.mentions:
                finder.add(e, "locatedIn", _owner_before(finder, e, m), doc.sentence_at(m.start), "pattern:located-cue", 0.7)
        elif e.type == "Place":
            _place_chain(finder, e, sentence)
    _host_cue(finder)
    _cluster_sites(finder)
    _from_cue(finder)
    _written_after_zone(finder)
    _counted_zones_of(finder)
    _shared_out(finder)
    _capital_cue(finder)


# 阿勒泰地区3家：A、B；… / 江苏5个集群上榜，分别是A、B: a counted heading names where the listed items lie.
_COUNTED_HEADING = re.compile(r"[^。；：\n]{0,8}?[\d一二三四五六七八九十两]+(?:家|个|处)[^。；：\n]{0,20}?(?:：|分别是|分别为)")
# Z分为A和B两个部分 / Z…包括A园、B园: the zone named before the verb is divided into the zones listed after it;
# Z各园区…，A、B / Z N个园区——A、B: the zone's parks named together, then listed.
_DIVIDED = re.compile(r"[^。；：\n]{0,24}?(?:分为|包括|涵盖|下辖)|(?:各|[\d一二三四五六七八九十两]+个(?:重点|特色)?)(?:园区|片区)(?:——)?")
# Z成立于1992年，…，下辖A、B: the zone a sentence opens with is what a later clause of that sentence divides
_DIVIDED_LATER = re.compile(r"[^。；：\n]*?[，,](?:并|现|共|目前)?(?:分为|包括|涵盖|下辖)")
# 由A和B组成的Z (the whole after) / Z由A和B两个园区组成 (the whole before): a zone made of the zones listed.
_MADE_OF = re.compile(r"由(?P<parts>[^，。；由]{4,60}?)(?:等?[\d一二三四五六七八九十两]+个[^，。；]{0,6})?组成(?P<after>的)?")
# Z的N个园区之一: one of the zone's parts
_ONE_OF_PARTS = re.compile(r"的?[\d一二三四五六七八九十两]+(?:个|大)[^，。；]{0,6}?(?:园区|片区|园|板块|组团)之一")
# A是Z(以下称某区)的某某园区: the zone's own park, named by what it is of the zone
_ITS_PART = re.compile(r"(?:[(（][^()（）]{1,16}[)）])?的[^，。；的]{0,6}?(?:园区|片区|分园|组团)(?:[，。；,]|$)")
# 作为Z三大创新平台之一的A: one of a zone's parts, named after the count
_ONE_OF_BEFORE = re.compile(r"[\d一二三四五六七八九十两]+(?:个|大)[^，。；]{0,8}?之一的")
#: An area named by a short word alone (合肥片区, 高铁片区): a part of the zone the article reports on.
_AREA_BY_SHORT_NAME = re.compile(r"(?:(?!自贸|新区|高新|经开|开发)[\u4e00-\u9fff]){2,6}片区")
_LIST_GLUE = set("、，和及与 ")
_ASIDE = re.compile(r"[(（][^()（）]{1,16}[)）]")


def _list_gap(gap: str) -> bool:
    """What stands between two listed names: separators, or short items the extractor did not take
    (包括海淀园、丰台园、电子城科技园: 海淀园 and 丰台园 are items too)."""
    if not set(gap) - _LIST_GLUE:
        return True
    pieces = re.split("[、，和及与]", gap)
    return len(pieces) > 1 and all(len(p) <= 10 and not re.search(r"[\s。；：:“”\"]", p) for p in pieces)


def _listed_under(finder) -> dict[int, tuple]:
    """Zones and clusters whose containment a list states: id(entity) -> (place or zone, sentence)."""
    doc, text = finder.doc, finder.doc.simplified
    found: dict[int, tuple] = {}
    for sentence in doc.sentences:
        mentions = [m for m in finder.mentions(sentence, "Place", "Zone", "Cluster") if not m.generic]
        # items are the outermost names (江苏省常熟市某产业集群, not the places inside it)
        outer = [m for m in mentions if not any(o is not m and o.start <= m.start and m.end <= o.end
                                                 and o.end - o.start > m.end - m.start for o in mentions)]
        for head in outer:
            pattern = _COUNTED_HEADING if head.type == "Place" else _DIVIDED if head.type == "Zone" else None
            cue = pattern.match(text, head.end, sentence.end) if pattern else None
            if cue is None and head.type == "Zone" and _SENTENCE_LEAD.fullmatch(text, sentence.start, head.start):
                cue = _DIVIDED_LATER.match(text, head.end, sentence.end)
            parent = finder.entity(head)
            if head.type == "Place" and text[head.start - 1 : head.start] in ("、", "和", "及") and any(
                    m.end == head.start - 1 for m in mentions if m.type == "Place"):
                continue  # 甲、乙、丙各有1个集群入选，分别是A、B、C: the items are shared out, not all the last place's
            # Z(以下简称某自贸区)分为…: a bracketed aside between the head and its cue names no other parent
            asides = [a.span() for a in _ASIDE.finditer(text, head.end, cue.end())] if cue else []
            if cue is None or parent is None or any(
                    head.end <= m.start < cue.end() and finder.entity(m) is not parent
                    and not any(a <= m.start < b for a, b in asides) for m in outer):
                continue  # another name between the head and its cue: the head is not what is divided
            end = min([j for j in (text.find(ch, cue.end(), sentence.end) for ch in "；。\n") if j >= 0] or [sentence.end])
            position = cue.end()
            for m in outer:
                if m.start < cue.end() or m.start >= end:
                    continue
                if m.type == "Place" and text[m.end : m.end + 1] not in _LIST_GLUE | set("；。\n"):
                    continue  # 新和工业园区: a place starting an item the extractor did not take as a zone
                if m.type not in ("Zone", "Cluster") or not _list_gap(text[position : m.start]):
                    break  # the list ends at the first word that is not a listed item
                position = m.end
                child = finder.entity(m)
                if child is not None and child is not parent:
                    found.setdefault(id(child), (parent, sentence, LISTED))
    # 布局A园、B园等N大园区: the parts lie in the zone named last before the list in its sentence (Z…建设A、B等
    # N个园), else in the article's zone (打造的是A、B等N个园区)
    for list_start, spans in part_lists(text):
        sentence = doc.sentence_at(list_start)
        zones = [m for m in finder.mentions(sentence, "Zone") if m.end <= list_start and not m.generic]
        parent = finder.entity(zones[-1]) if zones else finder.main_zone
        for start, end in spans:
            item = next((m for m in finder.mentions(sentence, "Zone") if start <= m.start and m.end == end), None)
            child = finder.entity(item) if item is not None else None
            if child is not None and parent is not None and child is not parent:
                found.setdefault(id(child), (parent, sentence, LISTED))
    # 由A和B组成的Z / Z由A和B两个园区组成: the zones a zone is made of lie in it
    zone_ends = {m.end: m for e in finder.entities if e.type == "Zone" for m in e.mentions}
    zone_starts = {m.start: m for e in finder.entities if e.type == "Zone" for m in e.mentions}
    for made in _MADE_OF.finditer(text):
        whole = zone_starts.get(made.end()) if made.group("after") else zone_ends.get(made.start())
        if whole is None:
            continue
        for e in finder.entities:
            if e.type == "Zone" and e is not finder.entity(whole) and any(
                    made.start("parts") <= m.start and m.end <= made.end("parts") for m in e.mentions):
                found.setdefault(id(e), (finder.entity(whole), doc.sentence_at(made.start()), LISTED))
    # A是Z N个园区之一: a zone counted among a zone's parks lies in it
    for e in finder.entities:
        if e.type != "Zone":
            continue
        for m in e.mentions:
            verb = re.search(r"(?:是|为|作为|系)$", text[max(0, m.start - 2) : m.start])
            child = zone_ends.get(m.start - len(verb.group())) if verb else None
            if child is not None and (_ONE_OF_PARTS.match(text, m.end) or _ITS_PART.match(text, m.end)) \
                    and finder.entity(child) is not e:
                found.setdefault(id(finder.entity(child)), (e, doc.sentence_at(m.start), LISTED))
            one_of = _ONE_OF_BEFORE.match(text, m.end) if text.endswith("作为", 0, m.start) else None
            part = zone_starts.get(one_of.end()) if one_of else None
            if part is not None and finder.entity(part) not in (None, e):
                found.setdefault(id(finder.entity(part)), (e, doc.sentence_at(m.start), LISTED))
    # 某经开区(某区)A片区、B新区 / 某高新区龙泉片区 / 在Z规划建设P / 与Z共建P: zones written in a row, or built in one
    zone_mentions = sorted((m for e in finder.entities if e.type == "Zone" for m in e.mentions), key=lambda m: m.start)
    starts = {}
    for m in zone_mentions:
        starts.setdefault(m.start, m)
    for m in zone_mentions:
        parent = finder.entity(m)
        gap = re.match(r"(?:的|[(（][^()（）]{1,12}[)）]|(?:规划|共同|加快|将)?(?:建设|共建|打造|设立))", text[m.end : m.end + 16])
        nxt = starts.get(m.end + (gap.end() if gap else 0))
        if nxt is None:  # 在Z1Z2举行 (Z2 right after Z1) states Z2 in Z1 as well
            continue
        if gap and gap.group()[-1] in "设建造立" and not re.search(r"(?:在|与)$", text[max(0, m.start - 2) : m.start]):
            continue  # Z建设P without 在Z / 与Z: the zone is the builder, not the site
        # (A、B区C园、D: a zone that is itself an item of a list holds the park written right after it, not the
        # items the list goes on with)
        row = [nxt] if text[m.start - 1 : m.start] in ("、", "和", "及") else _zones_in_a_row(text, starts, nxt)
        for item in row:
            child = finder.entity(item)
            if child is not None and child is not parent and child.type == "Zone":
                found.setdefault(id(child), (parent, doc.sentence_at(item.start), "pattern:located-cue"))
    # 我市A开发区、B开发区: the zones of the city the headline names (else of the one city the article names)
    cities = [e for e in finder.entities if e.type == "Place" and getattr(_place_candidate(e), "level", None) == "City"]
    title = doc.article.title or ""
    headline = [c for c in cities if any(f in title for f in _place_forms(c))]
    cities = headline if len(headline) == 1 else cities
    if len(cities) == 1:
        for own in re.finditer("(?:我市|本市|全市)", text):
            for item in _zones_in_a_row(text, starts, starts.get(own.end())):
                child = finder.entity(item)
                if child is not None and child.type == "Zone":
                    found.setdefault(id(child), (cities[0], doc.sentence_at(item.start), LISTED))
    # a table row: 排名 区名 省份 (1苏州工业园区江苏): the zone's own row names its province or city
    places = {m.start: m for e in finder.entities if e.type == "Place" for m in e.mentions}
    for e in finder.entities:
        if e.type != "Zone":
            continue
        for m in e.mentions:
            place = places.get(m.end)
            if place is not None and re.match(r"[ \t]*(?:\n|$)", text[place.end : place.end + 8]):
                found.setdefault(id(e), (finder.entity(place), doc.sentence_at(m.start), LISTED))
    return found


def _zones_in_a_row(text: str, starts: dict, first):
    """The zone mentions written one after another from ``first`` (A、B和C: ``starts`` maps a start offset to
    the zone mention there)."""
    mention = first
    while mention is not None:
        yield mention
        mention = starts.get(mention.end + 1) if text[mention.end : mention.end + 1] in ("、", "和", "及") else None


def _capital_cue(finder) -> None:
    """南宁作为广西的首府 / 合肥是安徽的省会: the capital lies in its province."""
    text = finder.doc.simplified
    places = {m.end: m for e in finder.entities if e.type == "Place" for m in e.mentions}
    province = {m.start: m for e in finder.entities if e.type == "Place" for m in e.mentions}
    for cue in re.finditer(r"(?:作为|是|为)([^，。；]{2,8}?)的(?:首府|省会)", text):
        city = places.get(cue.start())
        inside = province.get(cue.start(1))
        if city is not None and inside is not None and inside.end == cue.end(1):
            finder.add(finder.entity(city), "locatedIn", finder.entity(inside), finder.doc.sentence_at(cue.start()),
                       "pattern:located-cue", 0.8)


# Z是/作为(该|这一|<named>)集群的(核心)承载区 / 集聚区 / 主阵地: the zone hosts the cluster.
_HOST = re.compile(
    r"(?:是|为|作为)(?:该|这一|这个|此|本|[^，。；]{2,30}?)?(?:产业)?集群的(?:核心|主要|重要|主)?"
    r"(?:承载区|承载地|集聚区|集聚地|核心区|主阵地|主战场|所在地)"
)


def _named_elsewhere(park: str, zone) -> bool:
    """The park's name starts with a place (a county, a city) that the zone's names do not contain."""
    lead = next((park[:n] for n in (3, 2) if lookup_place(park[:n])), None)
    if lead is None:
        return False
    forms_ = {lead, *(c.short for c in lookup_place(lead)), *(c.name for c in lookup_place(lead))}
    return not any(f and f in n for n in (zone.name, *zone.aliases) for f in forms_)


def _host_cue(finder) -> None:
    """The zone written just before the cue hosts the cluster the cue names, or else the
    nearest cluster mentioned before it (该集群 points back), never every cluster."""
    doc = finder.doc
    clusters = [e for e in finder.entities if e.type == "Cluster"]
    for cue in _HOST.finditer(doc.simplified):
        zone = next((z for z in finder.entities if z.type == "Zone"
                     and any(zm.end <= cue.start() and cue.start() - zm.end < 3 for zm in z.mentions)), None)
        if zone is None:
            continue
        named = [c for c in clusters if any(cue.start() < m.end and m.start < cue.end() for m in c.mentions)]
        before = [(max(m.end for m in c.mentions if m.end <= cue.start()), c)
                  for c in clusters if any(m.end <= cue.start() for m in c.mentions)]
        cluster = named[0] if named else (max(before, key=lambda t: t[0])[1] if before else None)
        if cluster is not None:
            finder.add(cluster, "locatedIn", zone, doc.sentence_at(cue.start()), "pattern:located-cue", 0.7)


# 某集群由甲市、乙市和丙基地联合申报 / 共同创建: the places and zones that applied for a cluster are where it lies;
# 某集群依托某工业园 / 以某园区为核心 / 为载体: the zone it is built on
_JOINT_APPLICANTS = re.compile(r"由([^，。；]{2,60}?)(?:联合|共同)(?:申报|创建|打造)")
_BUILT_ON = re.compile(r"(?:依托|以)([^，。；]{2,24}?)(?:为核心|为载体|为主体|[，,]|$)")


def _cluster_sites(finder) -> None:
    doc, text = finder.doc, finder.doc.simplified
    for cluster in (e for e in finder.entities if e.type == "Cluster"):
        for m in cluster.mentions:
            if m.generic or m.end <= m.start:
                continue
            clause_end = min([i for i in (text.find(ch, m.end) for ch in "。；\n") if i >= 0] or [len(text)])
            sentence = doc.sentence_at(m.start)
            applied = _JOINT_APPLICANTS.match(text, m.end, clause_end)
            if applied is not None:
                for site in _named_in(finder, sentence, applied.span(1)):
                    finder.add(cluster, "locatedIn", site, sentence, "pattern:located-cue", 0.7)
                continue
            # (某集群则依托…: an adverb may stand between the cluster and the verb)
            built = _BUILT_ON.match(text, m.end + len(re.match(r"(?:则|也|还|主要)?", text[m.end : m.end + 2]).group()), clause_end)
            zones = [z for z in _named_in(finder, sentence, built.span(1)) if z.type == "Zone"] if built else []
            if len(zones) == 1:
                finder.add(cluster, "locatedIn", zones[0], sentence, "pattern:located-cue", 0.7)


def _named_in(finder, sentence, span):
    """The places and zones named in ``span``, a breadcrumb (a province, then its city) giving its last, most specific one."""
    mentions = [m for m in finder.mentions(sentence, "Place", "Zone") if span[0] <= m.start and m.end <= span[1] and not m.generic]
    starts = {m.start for m in mentions}
    found = []
    for m in mentions:
        entity = finder.entity(m)
        outer = any(o is not m and o.start <= m.start and m.end <= o.end for o in mentions)
        if entity is not None and not outer and m.end not in starts and entity not in found:
            found.append(entity)
    return found


def _region_place(finder):
    """The record's region (湖北省武汉市) places the publishing zone: its most specific place the text names."""
    region = finder.doc.article.region or ""
    named = {}
    for place in (e for e in finder.entities if e.type == "Place"):
        candidate = best_candidate(place.name)
        for form in {place.name, *place.aliases, *((candidate.name,) if candidate else ())}:
            if form and form in region:
                named[place.name] = (region.rfind(form), place)
    return max(named.values(), key=lambda t: t[0])[1] if named else None


def _located_cue(finder, zone):
    text = finder.doc.simplified
    for m in zone.mentions:
        after = re.match(r"(?:项目)?(?:地处|位于)([^，。；]{2,16})", text[m.end : m.end + 22])
        before = re.search(r"位于([^，。；]{2,16})的$", text[max(0, m.start - 20) : m.start])
        subject = _subject_located(finder, zone, m)
        for match, offset in ((after, m.end), (before, max(0, m.start - 20)), (subject, 0)):
            if not match:
                continue
            span = (offset + match.start(1), offset + match.end(1))
            # 某产业园位于某新区某产业园: a zone named there is where it lies, rather than the places in that zone's name
            inside = [p for p in finder.entities if p.type == "Zone" and p is not zone
                      and any(span[0] <= pm.start and pm.end <= span[1] for pm in p.mentions)] or \
                [p for p in finder.entities if p.type == "Place" and any(span[0] <= pm.start and pm.end <= span[1] for pm in p.mentions)]
            if inside:
                return max(inside, key=lambda p: max(pm.start for pm in p.mentions if span[0] <= pm.start and pm.end <= span[1]))
    for m in zone.mentions:
        owner = _owner_before(finder, zone, m) or _ranked_in(finder, zone, m)
        if owner is not None:
            return owner
    return None


# Z是某省首个新区 / Z是某市唯一的基金园区 / Z是某市管N个园区之一 / 作为某省唯一的新区，Z…: a zone ranked first, only or
# one of N in a place lies in it
_RANK_VERB = re.compile(r"(?:是|为|成为|作为)$")
_RANK = re.compile(r"(?:管|所辖)?的?[“\"]?(?:首个|首家|首批|唯一(?:的|一个)?|第一[个家座批]|[\d一二三四五六七八九十两]+(?:大|个|家)[^，。；]{0,8}?之一)")


def _ranked_in(finder, zone, mention):
    """The place a zone is ranked in, written right after 是 / 作为 in the sentence the zone opens (Z成立于2003年，
    是某省首个新区) or before the zone (作为某省唯一的新区，Z…)."""
    if mention.generic:
        return None
    text = finder.doc.simplified
    sentence = finder.doc.sentence_at(mention.start)
    opens = _SENTENCE_LEAD.fullmatch(text, sentence.start, mention.start)
    places = finder.mentions(sentence, "Place")
    for m in places:
        entity = finder.entity(m)
        # (是某省某市某区“五大功能片区”之一: the verb stands before the breadcrumb, the rank after its last place)
        lead = m.start
        while (before := next((p for p in places if p.end == lead and p.start < lead), None)) is not None:
            lead = before.start
        verb = _RANK_VERB.search(text, max(sentence.start, lead - 2), lead) or text[m.start - 1 : m.start] == "、"
        if m.generic or entity is None or not verb or not _RANK.match(text, m.end):
            continue
        between = (mention.end, m.start) if m.start > mention.end else (m.end, mention.start)
        # (another zone named between them is what is ranked; the body that approved it, named between them, is not)
        others = [o for o in finder.mentions(sentence, "Zone") if between[0] <= o.start < between[1] and finder.entity(o) is not zone]
        # 作为中国第十四个、某省唯一的新区，Z: 作为 opens the clause of ranks, the zone follows it
        clause = max(text.rfind(ch, sentence.start, m.start) for ch in "，,") + 1
        before_zone = m.end <= mention.start and "作为" in text[max(clause, sentence.start) : m.start] and re.fullmatch(
            r"[^。；，,]*[，,]", text[m.end : mention.start])
        if not others and (opens and m.start > mention.end or before_zone):
            return entity
    return None


def _owner_before(finder, zone, mention):
    """石狮市的凤鸣工业区 / Z的凤鸣产业园 / 某区的某产业集群: a place or a zone written right before 的 and
    the zone's (or the cluster's) name is where it lies."""
    text = finder.doc.simplified
    if mention.generic or text[mention.start - 1 : mention.start] != "的":
        return None
    for e in finder.entities:
        if e.type in ("Place", "Zone") and e is not zone and any(
                m.end == mention.start - 1 and not m.generic for m in e.mentions):
            return e
    return None


_SENTENCE_LEAD = re.compile(r"(?:据悉|据了解|目前|近日|近年来|如今)?，?")
_LATER_PARENT = re.compile(r"[，,](?:隶属于|隶属|地处|位于)([^，。；]{2,16})")
_LATER_LOCATED = re.compile(r"，(?:地处|位于)([^，。；]{2,16})")


def _subject_located(finder, zone, mention):
    """某园，起源于…，位于某市某区: the zone that opens a sentence is what a later ，位于 places, unless another
    zone or organisation is named between them."""
    text = finder.doc.simplified
    sentence = finder.doc.sentence_at(mention.start)
    if not _SENTENCE_LEAD.fullmatch(text, sentence.start, mention.start):
        return None
    cue = _LATER_LOCATED.search(text, mention.end, sentence.end)
    if cue is None or any(mention.end <= m.start < cue.start() and finder.entity(m) is not zone
                          for m in finder.mentions(sentence, "Zone", "Organization")):
        return None
    return cue


def _place_candidate(place):
    """The gazetteer division a place entity names, read from any of its forms (保定 is ambiguous, 保定市 is not)."""
    found = next((c for c in map(best_candidate, (place.name, *sorted(place.aliases))) if c is not None), None)
    # a short form the text confirmed as a place (大同 beside 大同市 or 大同经开区) is read as its highest division
    return found or next((c[0] for c in map(lookup_place, (place.name, *sorted(place.aliases))) if c), None)


def _within(inner, outer) -> bool:
    """The place ``inner`` is known to lie in ``outer`` (a district in its city), by the gazetteer."""
    candidate, parent = _place_candidate(inner), _place_candidate(outer)
    return candidate is not None and parent is not None and parent.name in candidate.parents


def _place_chain(finder, place, sentence):
    candidate = _place_candidate(place)
    if candidate is None:
        # 某区某某镇: a town the gazetteer does not list lies in the division written right before it
        ends = {m.end: e for e in finder.entities if e.type == "Place" and e is not place for m in e.mentions}
        parent = next((ends[m.start] for m in sorted(place.mentions, key=lambda m: m.start) if m.start in ends), None)
        if parent is not None and place.name.endswith(("镇", "乡", "街道")):
            finder.add(place, "locatedIn", parent, sentence, "pattern:name-prefix", 0.8)
        return
    others = {}
    for other in finder.entities:
        if other.type == "Place" and other is not place:
            c = _place_candidate(other)
            if c:
                others[c.name] = other
    # the nearest division written above the place (a province before its county names the province even when
    # the text names the city between them elsewhere)
    for parent in candidate.parents:
        if parent in others and _written_under(finder, others[parent], place):
            finder.add(place, "locatedIn", others[parent], sentence, "gazetteer:place", 0.9)
            return


def _place_forms(place) -> set[str]:
    candidate = _place_candidate(place)
    return {place.name, *place.aliases, *((candidate.name, candidate.short) if candidate else ())} - {"", None}


def _written_under(finder, parent, place) -> bool:
    """The text states the containment: the parent written right before the place (河北省保定市), or before
    the first item of a list the place is in (保定市莲池区、徐水区和安新县).  That a city lies in its province
    is known, not stated: the gold counts what the article says.  A record's own region (湖南省长沙市长沙县, or
    the 安徽 a page files it under) states that the article's places lie in it."""
    region = finder.doc.article.region or ""
    if region and any(f in region for f in _place_forms(parent)):
        return True
    text = finder.doc.simplified
    parent_forms = tuple(sorted(_place_forms(parent), key=len, reverse=True))
    places = {m.end: m for e in finder.entities if e.type == "Place" for m in e.mentions}
    for m in place.mentions:
        # 某市，别称某某，隶属于某省某市 / 某市，位于某自治区西南部: the place the sentence opens with is stated in
        # the parent named after 隶属于 / 位于
        sentence = finder.doc.sentence_at(m.start)
        later = _LATER_PARENT.search(text, m.end, sentence.end) if _SENTENCE_LEAD.fullmatch(text, sentence.start, m.start) else None
        if later and any(later.start(1) <= pm.start and pm.end <= later.end(1) for pm in parent.mentions):
            return True
        start = m.start
        for _ in range(12):  # list items back to the first
            if any(text.endswith(form, 0, start) for form in parent_forms):
                return True
            previous = places.get(start - 1) if text[start - 1 : start] in ("、", "和", "及") else None
            if previous is None:
                # 河北保定、承德: a first item the extractor did not take as a place still follows the parent
                if text[start - 1 : start] in ("、", "和", "及") and any(
                        lookup_place(text[start - 1 - n : start - 1])
                        and any(text.endswith(form, 0, start - 1 - n) for form in parent_forms) for n in (2, 3)):
                    return True
                break
            start = previous.start
    return False


def _from_cue(finder):
    """来自以色列的… / 来自光谷生物城的康泽生物、瑞德医疗 / 总部位于安徽合肥的…"""
    text = finder.doc.simplified
    for match in re.finditer(r"(?:来自|总部位于|位于)([^，。；的]{2,16})的", text):
        span = (match.start(1), match.end(1))
        where = [e for e in finder.entities if e.type in ("Place", "Zone") and any(span[0] <= m.start and m.end <= span[1] for m in e.mentions)]
        if not where:
            continue
        target = max(where, key=lambda e: max(m.end for m in e.mentions if span[0] <= m.start and m.end <= span[1]))
        clause_end = min([i for i in (text.find(ch, match.end()) for ch in "，。；") if i >= 0] or [len(text)])
        for e in finder.entities:
            if e.type == "Organization" and any(match.end() <= m.start < clause_end for m in e.mentions):
                finder.add(e, "locatedIn", target, finder.doc.sentence_at(match.start()), "pattern:located-cue", 0.7)


def _written_after_zone(finder) -> None:
    """记者走进某高新区某某有限公司车间: a company written right after a zone's name (in a row, as 某省某市某高新区)
    is in that zone, unless the sentence has it settle there (某经开区某某集团迁建项目: settledIn says it)."""
    zones = {m.end: m for e in finder.entities if e.type == "Zone" for m in e.mentions if not m.generic and m.end > m.start}
    for e in finder.entities:
        if e.type != "Organization" or not e.name.endswith((*LEGAL_SUFFIXES, "股份公司", "集团")):
            continue  # (国有园区平台公司: a kind of company, not one named)
        for m in e.mentions:
            zone = finder.entity(zones[m.start]) if m.start in zones else None
            if zone is not None and (id(e), "settledIn", id(zone)) not in finder.found:
                finder.add(e, "locatedIn", zone, finder.doc.sentence_at(m.start), "pattern:located-cue", 0.7)


# 浙江省5家国家级经开区… / 德阳两个开发区入围…: a place's zones counted as a group
_COUNTED_ZONES = re.compile(r"的?[\d一二三四五六七八九十两]+(?:家|个|座)(?:国家级|省级)?(?:经济技术开发区|经开区|开发区|高新区|产业园区|工业园区|园区)")


def _counted_zones_of(finder) -> None:
    """浙江省5家国家级经开区跻身30强。宁波经开区、萧山经开区…: where the text counts a province's or a city's zones,
    each zone the article names after a place of that province or city (by the division table) is one of them,
    unless the text names that place on its own (云南省89个开发区 beside 昆明 and 昆明高新区: the zone is 昆明's)."""
    text = finder.doc.simplified
    for place in (e for e in finder.entities if e.type == "Place"):
        candidate = _place_candidate(place)
        if candidate is None or candidate.level not in ("Province", "City"):
            continue
        heads = [m for m in place.mentions if m.end > m.start and not m.generic and _COUNTED_ZONES.match(text, m.end)]
        if not heads:
            continue
        for zone in (e for e in finder.entities if e.type == "Zone" and e.kind != "Park"):
            if any(candidate.name in c.parents for c in _leading_divisions(zone)) and not _places_inside(finder, zone):
                finder.add(zone, "locatedIn", place, finder.doc.sentence_at(heads[0].start), "pattern:located-cue", 0.7)


#: 其中 opening the parts of a total: 某自治区新增13家园区。其中，甲地区3家：…；乙市2家：…
_OF_WHICH = re.compile(r"其中[，,：:]?")
# a place's share of the total: 甲县项目2个 / 乙地区3家 (a few words between, no clause break)
_SHARE = re.compile(r"[^，。；、：:\n]{0,6}?[\d一二三四五六七八九十两]+(?:家|个|项|座|所)")
#: A total shared out among places (其中 A n个, B n个): a list's statement of where each part lies.
SHARED_OUT = "list:shared-out"


def _shared_out(finder) -> None:
    """这些项目落地在某市各县(市、区)，其中甲县项目2个，乙区项目4个 / 某自治区新增13家园区。其中，丙地区3家: a total
    shared out after 其中 among places, each with its count, lies in the place named before 其中 (in its sentence or
    the one before) that holds them by the division table, the most specific such."""
    doc, text = finder.doc, finder.doc.simplified
    for cue in _OF_WHICH.finditer(text):
        sentence = doc.sentence_at(cue.start())
        scope = [sentence] + ([doc.sentences[sentence.index - 1]] if sentence.index > 0 else [])
        before = [finder.entity(m) for s in scope for m in finder.mentions(s, "Place")
                  if not m.generic and m.end <= cue.start()]
        if not before:
            continue
        end = min([j for j in (text.find(ch, cue.end()) for ch in "。\n") if j >= 0] or [len(text)])
        for m in (m for s in doc.sentences if s.start < end and s.end > cue.end() for m in finder.mentions(s, "Place")):
            place = finder.entity(m)
            if m.generic or m.start < cue.end() or m.end > end or place is None or not _SHARE.match(text, m.end):
                continue
            holders = [q for q in before if q is not None and q is not place and _within(place, q)]
            if holders:
                parent = max(holders, key=lambda q: _LEVEL.get(getattr(_place_candidate(q), "level", "Country"), 0))
                finder.add(place, "locatedIn", parent, doc.sentence_at(m.start), SHARED_OUT, 0.75)


def _leading_divisions(zone):
    """The divisions a zone's name opens with (江苏江阴高新区: 江苏, then 江阴), every reading of each."""
    found = []
    for name in (zone.name, *zone.aliases):
        rest = name
        for _ in range(2):
            lead = next((rest[:n] for n in (4, 3, 2) if len(rest) > n and lookup_place(rest[:n])), None)
            if lead is None:
                break
            found += lookup_place(lead)
            rest = rest[len(lead):]
    return found
