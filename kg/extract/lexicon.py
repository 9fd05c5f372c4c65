"""Cue vocabulary: general Chinese morphology of names, titles and news verbs.

Nothing here is a name from any article: these are the suffixes that end an
organisation, zone or event name, the titles that sit around a person's name,
and the verbs that signal attendance, hosting, settling and funding.
"""

from __future__ import annotations

import re

# Suffix -> (contract type, ontology kind).  Longest suffixes are tried first.
ORG_SUFFIXES: dict[str, tuple[str, str | None]] = {
    "股份有限公司": ("Organization", "Company"),
    "有限责任公司": ("Organization", "Company"),
    "有限公司": ("Organization", "Company"),
    "公司": ("Organization", "Company"),
    "集团": ("Organization", "Company"),
    "资本": ("Organization", "InvestmentFirm"),
    "创投": ("Organization", "InvestmentFirm"),
    "科学院": ("Organization", "Academy"),
    "工程院": ("Organization", "Academy"),
    "医学院": ("Organization", "Academy"),
    "研究院": ("Organization", "ResearchInstitute"),
    "研究所": ("Organization", "ResearchInstitute"),
    "研究中心": ("Organization", "ResearchInstitute"),
    "实验室": ("Organization", "ResearchInstitute"),
    "大学": ("Organization", "University"),
    "学院": ("Organization", "University"),
    "医院": ("Organization", None),
    "联盟": ("Organization", "Alliance"),
    "协会": ("Organization", "Association"),
    "商会": ("Organization", "Association"),
    # 某某同业公会: a trade's guild (办公会 is a meeting, see organisations._make)
    "公会": ("Organization", "Association"),
    "学会": ("Organization", "Association"),
    "促进会": ("Organization", "Association"),
    # 某某市投资促进局: 促进 ends the left walk as a verb, so the body's head word is the whole 促进局
    "促进局": ("Organization", "GovernmentBody"),
    # 某某市人民政府驻某地办事处, 某某示范区办公室: a place's or zone's office (a bare 办公室 names none, see _make)
    "办公室": ("Organization", "GovernmentBody"),
    "办事处": ("Organization", "GovernmentBody"),
    "联合会": ("Organization", "Association"),
    "管委会": ("Organization", "GovernmentBody"),
    "管理委员会": ("Organization", "GovernmentBody"),
    "党工委": ("Organization", "GovernmentBody"),
    "管理局": ("Organization", "GovernmentBody"),
    "人民政府": ("Organization", "GovernmentBody"),
    "保障局": ("Organization", "GovernmentBody"),
    "厅": ("Organization", "GovernmentBody"),
    "局": ("Organization", "GovernmentBody"),
    "委员会": ("Organization", "GovernmentBody"),
    "领导小组": ("Organization", "GovernmentBody"),
    "领导小组办公室": ("Organization", "GovernmentBody"),
    "日报": ("Organization", "Media"),
    "晚报": ("Organization", "Media"),
    "电视台": ("Organization", "Media"),
}

# Zone suffixes (kind Zone unless a park).  Matched after place names, so that a
# district such as 滨海新区 stays a Place while 江北新区 (a national new area) is a zone.
ZONE_SUFFIXES: dict[str, str] = {
    "国家高新技术产业开发区": "Zone",
    "高新技术产业开发区": "Zone",
    "高技术产业开发区": "Zone",
    "新技术产业开发区": "Zone",
    "新技术开发区": "Zone",
    "经济技术开发区": "Zone",
    "经济开发区": "Zone",
    "经济综合实验区": "Zone",
    "综合实验区": "Zone",
    "自由贸易试验区": "Zone",
    # free-trade ports and areas, bonded ports, pilot and cooperation zones, airport economy zones (the guide's
    # bonded and free-trade areas): 某省自由贸易港, 某某保税港区, 某某改革试验区, 某某深港合作区
    "自由贸易港": "Zone",
    "自贸港": "Zone",
    # short forms of a free-trade and a comprehensive bonded zone (某某自贸区, 某某综保区)
    "自贸区": "Zone",
    "综保区": "Zone",
    "保税港区": "Zone",
    "试验区": "Zone",
    "合作区": "Zone",
    "临空经济区": "Zone",
    "开发区": "Zone",
    "高新区": "Zone",
    "经开区": "Zone",
    "保税区": "Zone",
    "示范区": "Zone",
    "工业园区": "Zone",
    "工业区": "Zone",
    "产业集聚区": "Zone",
    "商务区": "Zone",
    "旅游度假区": "Zone",
    "投资区": "Zone",
    "片区": "Zone",
    "新片区": "Zone",
    "新区": "Zone",
    "产业园区": "Park",
    "产业园": "Park",
    "科技园": "Park",
    "生态园": "Park",
    "科学园": "Park",
    "软件园": "Park",
    "创业园": "Park",
    "创新园": "Park",
    "示范园": "Park",  # 中国(某市)某某创新创业示范园, 某某协作示范园 (示范园区 ends in 园区)
    "工业园": "Park",
    "园区": "Park",
    "产业区": "Park",
    "科技城": "Zone",
    "生物城": "Park",
    "科学城": "Zone",
    "科创城": "Zone",
    "科教城": "Zone",
    "航天城": "Zone",
    "新城": "Zone",
}
# the same longest first, as a name's kind is matched (自由贸易试验区 before 试验区)
ZONE_SUFFIXES_LONGEST_FIRST = tuple(sorted(ZONE_SUFFIXES, key=len, reverse=True))

# Words that name the thing generically ("the zone", "the company"): never a name on their own.
GENERIC_HEADS = frozenset(
    "园区 开发区 高新区 经开区 片区 新区 产业园 产业园区 科技城 自贸区 自贸试验区 自由贸易试验区 综保区 "
    "公司 企业 集团 联盟 协会 基金 集群 产业集群 "
    "管委会 党工委 研究院 大学 学院 资本 论坛 峰会 大会 年会 会议 研讨会 推介会 博览会 招聘会 签约仪式 仪式 典礼 "
    "社会资本 金融资本 民间资本 国有资本 产业资本 工商资本".split()  # capital of a kind, no investor named
)

# Determiners that make a name generic (该公司, 本届大会, 全区).
# Ranks that make a zone name a collective label (国家级经开区, 浙江省国家级经开区), never one zone's name.
# 星级 too: a star rating (五星级) is a grade every zone or cluster of a kind can hold.
COLLECTIVE_RANKS = ("国家级", "自治区级", "省级", "市级", "县级", "世界级", "星级")
# A kind of place or zone (生态型都市工业园区, 成长型制造业集群, 创新型城市): a category, never one zone's name.
CATEGORY_KIND = re.compile(r"^(?:生态|创新|成长|外向|科技|服务|开放|智慧|资源节约|环境友好|枢纽|高成长|科技创新|都市)型")
# Words that describe a zone without naming it (世界一流科学城, 特色园区, 先导示范区): a prefix of nothing else is generic.
DESCRIPTIVE_ZONE_WORDS = frozenset("""世界 世界一流 世界级 一流 科技 高科技 创新型 创新 特色 功能 产业 城市 先导 示范 国家级 省级
    市级 所有 各类 中外 区域 新型 现代 综合 专业 重点 高水平 高质量 新质 生产力 驱动 发展 片区 国际化
    智慧 生态 绿色 低碳 零碳 精品 专业化 代表性 科创 自治区 中国特色 各 边境 跨境 经济 集群 产业集群 跨越式 制造业""".split())
# A part of a place (北京南部): descriptive beside other descriptive words (南部现代制造业新区), a name alone (某市东部新区).
DIRECTION_WORDS = frozenset("东部 西部 南部 北部 中部 东南部 西南部 东北部 西北部".split())
# What is left of a place's own body once the place is dropped (市人民政府, 特别行政区政府, 商务局, 区管委会):
# an administrative level at its start, or a kind of government body at its end.
ADMIN_LEVEL_HEADS = ("省", "市", "区", "县", "州", "盟", "旗", "镇", "乡", "街道", "自治", "特别行政区", "新区")
GOVERNMENT_KINDS = ("政府", "委员会", "办公室", "办公厅", "局", "厅", "委", "办", "署")
# Kinds of zone every place may have one of (综合保税区, 出口加工区), beside the zone suffixes.
ZONE_KINDS = ("综合保税区", "保税港区", "保税物流园区", "出口加工区", "综合试验区", "跨境电子商务综合试验区")
# General words an institution, zone or company name is made of after its place: 理工大学, 综合保税区,
# 城市建设投资 name a kind that any place has one of, not one thing (kg.extract.forms.names_a_kind).
KIND_WORDS = frozenset({
    "人民", "第一", "第二", "第三", "中心", "理工", "工业", "工程", "科学", "科学技术", "师范", "交通", "农业", "林业",
    "农林", "医科", "医学", "中医药", "中医", "药科", "财经", "财政", "金融", "政法", "外国语", "民族", "石油", "海洋",
    "体育", "艺术", "职业", "职业技术", "电子科技", "航空航天", "航空", "邮电", "建筑", "商业", "商务", "经济", "管理",
    "信息", "高新", "新技术", "高技术", "保税", "出口", "加工", "自由贸易", "国际", "城市", "建设", "城建", "城投",
    "投资", "运营", "经营", "国有", "资产", "开发", "产业", "公共", "服务", "交通运输", "水务", "文化", "旅游",
    "教育", "卫生", "健康", "妇幼", "保健", "儿童", "中西医结合", "政务", "行政", "审批", "招商", "促进", "人才", "就业",
    "社会", "保障", "人力资源", "市场", "监督", "生态", "环境", "自然", "资源", "统计", "应急", "规划", "住房", "城乡",
    "公安", "司法", "民政", "水利", "气象", "交易", "孵化", "创新", "创业", "科创", "研发", "检验", "检测", "认证",
    "质量", "标准", "会展", "展览", "国资", "供销", "合作", "广播", "电视", "融媒体", "新闻", "出版", "图书馆", "博物馆",
    "和", "与", "及",
})

GENERIC_PREFIXES = tuple("该 本 此 这 其 各 全 每 上述 现有 原有 已有 国家 首届 本届 本次 此次 这次 这届 上届 下届 历届 整个 当时 两 多 各类 相关 有关 国内 国际 国家级 省级 市级".split())

# Words that describe a meeting without naming it (高峰论坛, 开园典礼, 项目集中签约仪式, 国际合作论坛): with a head and
# nothing else, any article's event of that kind.
EVENT_DESCRIPTORS = frozenset("""高峰 主 分 平行 专题 主题 年度 开园 开幕 闭幕 开工 揭牌 启动 颁奖 表彰 签约 推进 总结
    工作 座谈 新闻 项目 重大项目 重点项目 集中 招商 合作 交流 发展 创新 国际 全国 全省 全市 全区 产业 经济 投资 大型""".split())

EVENT_HEADS = (
    "颁奖典礼", "签约仪式", "开工仪式", "揭牌仪式", "启动仪式", "推介会", "研讨会", "博览会", "展览会", "交易会",
    "洽谈会", "招聘会", "发布会", "对接会", "说明会", "交流会", "见面会", "论坛", "峰会", "大会", "年会", "典礼",
    "展会", "双创周", "创新创业大赛", "大赛", "会议", "推进会", "座谈会", "咨询会", "沙龙", "签约活动", "开工活动",
    "招聘活动", "推介活动", "对接活动", "分会", "对话会", "洽谈活动", "路演活动", "成果展", "图片展",
    # weeks of events and their short heads (科技活动周, 成果交流周, 创新合作周, 成果展交会 for 展览交易会), sales fairs, galas
    "活动周", "交流周", "合作周", "洽谈周", "展交会", "展销会", "颁奖盛典",
    # festivals (某某旅游文化艺术节)
    "艺术节", "文化节", "旅游节",
    # lecture series and a zone's anniversary celebrations (某某院士讲坛, 某某园区40周年园庆)
    "讲坛", "园庆", "周年庆",
    # meetings named by the activity held at them (某某项目签约会, 某某综合招商会, 某某精神宣讲会, 某某新春恳谈会)
    "签约会", "招商会", "宣讲会", "恳谈会",
)
# How a body's name ends: its suffixes and the bare head words of bodies named by their parent (某某研究院, 某市委, 某部).
BODY_ENDINGS = (*ORG_SUFFIXES, "院", "会", "部", "委", "署")

# Heads of sub-sessions that are never events of their own.
EVENT_SUBPARTS = ("主论坛", "分论坛", "平行论坛", "专题论坛", "圆桌论坛", "圆桌对话", "主会场", "分会场", "会员大会")
# Sessions held within a larger event (某某论坛科技分会): a name ending in one is not another name of that event.
EVENT_SESSIONS = ("分会", "主论坛", "分论坛", "平行论坛", "专题论坛", "圆桌论坛")

FUND_HEADS = ("母基金", "天使基金", "产业基金", "专项基金", "发展基金", "投资基金", "创投基金", "引导基金", "基金")
CLUSTER_HEADS = ("产业集群", "集群", "产业群")

# Titles that cue a person's name right after them (longest first when matched).
BASE_TITLES = (
    "联合创始人", "创始人", "首席执行官", "首席科学家", "首席技术官", "首席运营官", "首席财务官", "首席战略官",
    "首席专家", "董事长", "副董事长", "联席董事长", "总经理", "副总经理", "总裁", "副总裁", "总监", "经理",
    "主任", "副主任", "书记", "副书记", "局长", "副局长", "理事长", "副理事长", "会长", "副会长", "秘书长",
    "院长", "副院长", "所长", "副所长", "校长", "副校长", "教授", "研究员", "主席", "副主席", "市长", "副市长",
    "区长", "副区长", "县长", "副县长", "省长", "副省长", "部长", "副部长", "处长", "主任委员", "负责人",
    "合伙人", "创始合伙人", "执行董事", "董事", "总工程师", "工程师", "博士", "院士", "外籍院士", "得主",
    "获得者", "CEO", "CTO", "总经理助理", "党委书记", "主管", "厂长", "行长", "社长", "总编辑",
    # an autonomous prefecture's head and his assistant; 主委, the chair of a Taiwan commission (某某会副主委)
    "州长", "副州长", "州长助理", "主委", "副主委", "总书记",
)

# Titles that are honours, not posts (no roleAt).
HONOUR_TITLES = ("院士", "外籍院士", "得主", "获得者", "博士", "教授", "研究员")


# A person attends when one of these is in the sentence.
ATTEND_CUES = (
    "出席", "参加", "参会", "与会", "邀请到", "应邀", "致辞", "讲话", "报告", "演讲", "发言", "表示", "介绍",
    "说", "认为", "指出", "透露", "颁奖", "领奖", "获评", "调研", "主持", "推介", "亮相", "参展", "现场",
    "嘉宾", "受邀",
    # 受聘为委员, 获聘顾问, 探讨交流, 建言献策, 颁发聘书, 代表X在会上签约, 致欢迎辞: taking part, real news words
    "受聘", "获聘", "探讨", "建言", "颁发", "签约", "签署", "签订", "致欢迎辞", "致开幕辞",
    "左起", "右起", "左至右", "右至左", "合影",  # a photo caption names who is there
    "到场", "莅临", "致词",  # 均到场为某某庆生, 莅临指导, 致词时: being there (致词, the Taiwan form of 致辞)
    "宣读", "来宾",  # 在开幕式上宣读贺词, 外国来宾有：A、B: there, reading out or among the guests
    "汇报", "畅谈",  # 在会上向院士汇报了…, 从某某切入畅谈智能经济: speaking at the event
)
#: The cues of ATTEND_CUES that only say someone spoke (某某表示, 介绍说): at the event, or to the press.
SAYING_CUES = ("表示", "介绍", "说", "认为", "指出", "透露")
ORG_ATTEND_CUES = ("参加", "参会", "参展", "组织参加", "派代表", "代表", "亮相", "出席", "参会企业", "布展", "展出",
                   "派员", "共襄盛举", "求贤", "进场招聘")
#: Companies said to be signed, settled or brought in, right before the list that names them (首批签约企业分别为A、B;
#: 入驻企业包括A、B; 陆续进驻，包括A、B): the items are companies (kg.extract.enumerations), and they settle
#: (kg.extract.relations).
COMPANIES_STATED = re.compile(r"(?:签约|落地|落户|引进|入驻|进驻)(?:的)?(?:企业|单位|机构)[^，。；、]{0,4}?(?:分别为|分别是|包括|有|为)[:：]?"
                              r"|(?:落地|落户|入驻|进驻)，包括")
#: One of the bodies a settling story counts (作为此次签约企业之一, 作为落地项目之一): the body named with it settles.
ONE_OF_THE_SETTLED = re.compile(r"作为[^，。；]{0,6}?(?:签约|落地|落户|入驻|进驻|引进)(?:的)?(?:企业|项目|单位|机构)之一")
SIGN_CUES = ("签约", "签署", "签订")  # a company signing at a signing ceremony is a party to it
HOST_CUES = ("主办", "承办", "协办", "联合主办", "共同主办")
ORGANISER_CUES = tuple(c for c in HOST_CUES if c != "协办")  # the guide: 协办, 指导, 支持 organise nothing
HELD_CUES = ("举行", "举办", "召开", "开幕", "开展", "启幕", "揭幕", "落幕", "闭幕")
FOCUS_CUES = (
    "聚焦", "锚定", "主导产业", "首位发展产业", "首位产业", "重点投向", "主要投向", "投向", "重点支持", "重点打造", "重点培育",
    "围绕", "展区", "领域", "支柱产业", "战略性产业", "未来产业", "新兴产业", "特色产业", "一号产业",
    "作为", "重点布局", "重点发展",
    # how zone news states what a zone develops first: 主要发展 / 大力发展…等产业, 以A为主导 / 为特色, 主攻…方向
    "主要发展", "大力发展", "全力发展", "着力发展", "加快发展", "优先发展", "培育壮大", "主攻", "产业方向",
    "为主导", "为特色",
    # 是A、B产业主要承载区 / 推进A、B、C三大重点产业: where a zone's fields are carried, and a zone's ranked fields
    "承载区", "重点产业",
    # 以A、B等产业为主的 / 围绕A、B和C为核心 / 产业布局为A、B: what a zone's economy is made of, its own words
    "产业为主", "为核心", "产业布局", "产业定位",
)

# The numerals of a count a list announces (四大主导产业, 等三大产业方向).
COUNT_NUMERALS = {ch: n for n, ch in enumerate("一两三四五六七八九十", start=1)}


def count_value(numeral: str) -> int:
    """The value of a count's numeral: digits, or one of COUNT_NUMERALS."""
    return int(numeral) if numeral.isdigit() else COUNT_NUMERALS[numeral]


# Particles and function words that never begin or sit inside a name (率, the verb of 某某率团赴…, among them).
MEASURE_CHARS = frozenset("亩个家项位名米吨元万亿台套座条批次届年")
FUNCTION_CHARS = frozenset("的了在由与和及或并也还已都就又再而被把将为是对向从于以拟同跟给让使经据至其该此各每等共着到率")
# Words that introduce an example, a gloss or a list (如某公司, 即某基金, 签约企业有某公司); alone before a place's name
# they open no name.
EXAMPLE_WORDS = frozenset({"如", "即", "比如", "譬如", "有"})
# Function characters that also occur inside unknown names (鸢都, 海同): they end a name only after a known word.
WEAK_FUNCTION_CHARS = frozenset("都也还就又再而同跟至其该此各每共经")

# Tokens (from segmentation) at which a name's left edge stops.
STOP_TOKENS = frozenset(
    """其中 以及 包括 来自 联合 携手 位于 地处 作为 通过 引进 引入 吸引 签约 落户 落地 入驻 出席 参加 举办 主办 承办
    邀请 邀请到 代表 支持 推动 成立 组建 出资 设立 发起 牵头 依托 对接 走访 考察 调研 看中 选择 宣布 揭牌
    启动 发布 获评 获得 荣获 入选 入围 同时 此外 目前 今年 去年 明年 上月 日前 近日 近年来 会上 会后 现场
    期间 仪式上 当天 随后 据悉 据了解 另外 另有 还有 既有 也有 分别 已经 已 正在 将 拟 要 把 让 使 与 和 及
    暨 或 等 的 在 由 向 对 从 为 是 于 以 被 同 跟 给 经 据 至 共 并 也 还 都 就 又 再 而 总部 旗下 下属
    重点 主要 全国 全球 国内 国外 海外 知名 头部 龙头 领军 优质 大型 多家 一批 首批 本 该 此 这 那 各
    每 其 他 她 他们 我们 公司 企业 机构 单位 项目 基地 中心 帮助 走访 看好 推出 培育 扶持 带动 鼓励 组织 招引
    引导 协助 指导 助力 赋能 深化 加快 促成 达成 签署 洽谈 参观 视察 会见 会晤 拜访 陪同 率领 带领 联手 牵手
    共建 共同 持续 积极 大力 全面 先后 接连 正在 近年来 以来 新增 新签约 累计 集聚 聚集 培养 服务于 面向 覆盖
    成为 形成 打造 建成 建立 开设 成立了 实现 完成 获批 获 由于 因为 随着 经过 目前已 已有 拥有 涌现 当选 担任
    受聘 受聘担任 出任 兼任 设置 围绕 规划 规划建设 建设 今年以来 去年以来 下半年 上半年 年初 年底 近期 此前
    此后 今后 当前 如今 同期 放在 设在 建在 落在 说 比如 例如 欢迎 有请 感谢 保送 报道 据 称 指出 锚定 聚焦 瞄准 重点打造 着力 围绕着
    推进 促进 介绍 听取 了解 访问 投向 提升 肯定 探讨 发挥 加强 标志着 衔接 编制 创建 走进 来到 迈向 完善 受邀
    继续 不断 深入 加快 助力 带动 参观 视察 到访 前往 抵达 进入 布局 扎根 深耕 对标 表示 希望 记者 昨天 今天
    愿意 没有 所有 视角 建议 实行 做好 承接 亲临 办理 担任 检验 退出 排名 以下简称 简称 均有 占 到 莅临 投身 进驻
    揭示 结合 总结 研究 认真 逐步 充分发挥 充分 调研组 现 改为 重视 高度重视 利用 充分利用 利用好 开展 积极开展
    申报 成功申报 伴随 伴随着 兼 按照 依照 按下 出自 均出自 仿佛 贯彻 贯彻落实 撬动 吸收
    制定 加大 参与 积极参与 预计 推出 联合推出 用好 参股""".split()
)
# Stop words that also stand inside or open bodies' names (某某建设集团, 联合某某集团, 共同体, 海外某某会, 中心医院): a
# name's own words, not the clause's.
NAME_STOP_WORDS = frozenset("公司 企业 机构 单位 项目 基地 中心 总部 联合 共同 建设 规划 研究 组织 国内 全球 全国 海外 重点 主要 知名 "
                            "龙头 领军 大型 优质 头部 旗下 下属 代表 服务于 面向".split())
# Only function categories stop by tag; verbs, adverbs and time words stop when listed above,
# because unknown name parts (启衡, 深潜, 未来) carry such tags in the dictionary.
STOP_POS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "m", "q", "y", "e", "o", "x"})

POST_NAME_WORDS = (
    "表示", "说", "介绍", "指出", "认为", "强调", "透露", "致辞", "出席", "参加", "作", "到", "带领", "率", "主持",
    "获评", "获得", "领奖", "看来", "称", "坦言", "告诉", "等", "也", "在", "和", "与", "及", "为", "是", "对",
    "向", "从", "于", "已", "将", "还", "就", "则", "都", "又", "以", "同", "的", "应邀", "当选", "受聘", "担任",
    "分享", "围绕", "建议", "回忆", "感慨", "谈到", "提到", "发布", "宣布", "代表", "上台", "点评", "曾", "连续",
    "作为", "分析", "现场", "进行", "讲话", "主旨", "接受", "兼", "一行", "先生", "女士", "教授", "院士", "亦", "博士",
    # 部长王毅发表致辞, 省长某某分别讲话: a verb right after a two-character name is not its third character
    "发表", "分别", "陪同", "会见", "考察", "参观", "见证", "宣读", "一起", "一同",
    # 主任某某希望…, 书记某某共同为…揭牌, 副主任某某重点介绍: a verb or adverb, not a third character
    "希望", "共同", "重点", "致词", "到场", "莅临", "调研", "指导", "寄语", "提出", "先后",
    # 董事长某某签订了协议: the signing verb, not a third character
    "签订", "签署", "签约",
    # 院长某某带来演讲, 创始人某某回顾, 局长某某昨日表示, 总经理某某欣喜地说, 某某全程陪同: a verb, an adverb or the day
    "带来", "回顾", "欣喜", "全程", "昨日", "今日", "昨天", "今天",
)

# One character after a surname that makes a form of address, not a given name (王总, 李董, 张工).
HONORIFICS = frozenset("总董工局处科老")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容", "令狐", "公孙", "夏侯", "尉迟", "长孙", "宇文", "司徒", "端木", "独孤")
# The common single-character surnames (general knowledge: the Hundred Family Surnames
# ranked by modern frequency), enough to cover the vast majority of Chinese names.
SURNAMES = frozenset(
    "".join("""王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢
    姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文
    牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲
    翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫
    米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥
    南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相
    初门云容敬来扈晁芮普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾
    茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由洪赖傅萧阎习""".split())
)
