"""Demo directory of environmental technology service providers (fictitious firms)."""

from .models import ServiceCategory, ServiceProvider

SUFFIXES = ("en", "zh_hant", "zh_hans")

CATEGORIES = [
    ("energy-audit", ("Energy and carbon audits", "能源及碳審計", "能源及碳审计")),
    ("onsite-assessment", ("On-site improvement assessments", "實地評估", "实地评估")),
    ("hvac", ("Chillers and air-conditioning", "冷水機及空調", "冷水机及空调")),
    ("lighting", ("Lighting retrofits", "照明改造", "照明改造")),
    ("renewables", ("Solar photovoltaics", "太陽能光伏", "太阳能光伏")),
    (
        "voc",
        (
            "VOC and air pollution control",
            "揮發性有機物及空氣污染控制",
            "挥发性有机物及空气污染控制",
        ),
    ),
    ("water", ("Water and wastewater treatment", "水及污水處理", "水及污水处理")),
    (
        "power-quality",
        ("Power quality and metering", "電能質量及計量", "电能质量及计量"),
    ),
]

# (name, description, technologies, services, region, contact, phone, email, address)
PROVIDERS = [
    (
        (
            "Greenfield Energy Engineering Ltd",
            "綠原能源工程有限公司",
            "绿原能源工程有限公司",
        ),
        (
            "Energy audits and chiller plant optimisation for factories in the Pearl River Delta.",
            "為珠三角工廠提供能源審計及冷水機房優化。",
            "为珠三角工厂提供能源审计及冷水机房优化。",
        ),
        (
            "Magnetic-bearing chillers, chiller sequencing, variable-speed drives",
            "磁浮冷水機、冷水機群控、變頻驅動",
            "磁浮冷水机、冷水机群控、变频驱动",
        ),
        ["energy-audit", "onsite-assessment", "hvac"],
        "HKGD",
        "Ms Chan",
        "+852 2345 6789",
        "projects@greenfield-energy.example",
        (
            "Unit 1203, 18 Wang Chiu Road, Kowloon Bay, Hong Kong",
            "香港九龍灣宏照道18號1203室",
            "香港九龙湾宏照道18号1203室",
        ),
    ),
    (
        (
            "Pearl Delta Clean Air Technology Co",
            "珠三角潔淨空氣科技公司",
            "珠三角洁净空气科技公司",
        ),
        (
            "Design and installation of VOC capture and treatment for printing, furniture and coating plants.",
            "為印刷、傢俬及塗裝廠設計及安裝揮發性有機物收集及處理系統。",
            "为印刷、家具及涂装厂设计及安装挥发性有机物收集及处理系统。",
        ),
        (
            "Zeolite rotor concentrators, regenerative thermal oxidisers, activated carbon with catalytic oxidation",
            "沸石轉輪濃縮、蓄熱式熱力焚化爐、活性碳吸附催化氧化",
            "沸石转轮浓缩、蓄热式热力焚烧炉、活性炭吸附催化氧化",
        ),
        ["voc", "onsite-assessment"],
        "GD",
        "Mr Lee",
        "+86 769 8888 1234",
        "info@pd-cleanair.example",
        ("Songshan Lake, Dongguan, Guangdong", "廣東東莞松山湖", "广东东莞松山湖"),
    ),
    (
        (
            "Sunroof Solar Solutions Ltd",
            "陽頂太陽能方案有限公司",
            "阳顶太阳能方案有限公司",
        ),
        (
            "Rooftop photovoltaic systems for industrial buildings, from feasibility to grid connection.",
            "為工業大廈提供屋頂光伏系統，由可行性研究至併網。",
            "为工业大厦提供屋顶光伏系统，由可行性研究至并网。",
        ),
        (
            "Grid-connected rooftop PV, string inverters, remote monitoring",
            "併網屋頂光伏、組串式逆變器、遙距監察",
            "并网屋顶光伏、组串式逆变器、远程监控",
        ),
        ["renewables", "power-quality"],
        "HKGD",
        "Mr Wong",
        "+852 3456 7890",
        "hello@sunroof-solar.example",
        ("Science Park, Sha Tin, Hong Kong", "香港沙田科學園", "香港沙田科学园"),
    ),
    (
        ("BrightWatt Lighting Engineering", "亮瓦照明工程", "亮瓦照明工程"),
        (
            "Lighting surveys and retrofits with LED and induction lamps, with measured savings.",
            "照明勘察及以LED和無極燈進行改造，並量度節能成效。",
            "照明勘察及以LED和无极灯进行改造，并量度节能成效。",
        ),
        (
            "LED tubes and high-bays, electrodeless induction lamps, lighting controls",
            "LED燈管及高天花燈、無極燈、照明控制",
            "LED灯管及高天花灯、无极灯、照明控制",
        ),
        ["lighting", "energy-audit"],
        "HK",
        "Ms Ho",
        "+852 2678 1234",
        "sales@brightwatt.example",
        ("Tuen Mun, Hong Kong", "香港屯門", "香港屯门"),
    ),
    (
        ("AquaCycle Environmental Services", "水循環環保服務", "水循环环保服务"),
        (
            "Cooling-water treatment and wastewater recycling for dyeing, food and electroplating plants.",
            "為印染、食品及電鍍廠提供冷卻水處理及污水回用。",
            "为印染、食品及电镀厂提供冷却水处理及污水回用。",
        ),
        (
            "High-frequency electromagnetic descaling, membrane bioreactors, water recycling",
            "高頻電磁除垢、膜生物反應器、中水回用",
            "高频电磁除垢、膜生物反应器、中水回用",
        ),
        ["water", "onsite-assessment"],
        "GD",
        "Mr Zhang",
        "+86 752 2222 5678",
        "service@aquacycle.example",
        ("Huicheng District, Huizhou, Guangdong", "廣東惠州惠城區", "广东惠州惠城区"),
    ),
    (
        (
            "PowerSense Energy Management Ltd",
            "電感能源管理有限公司",
            "电感能源管理有限公司",
        ),
        (
            "Power-quality surveys, metering and energy management systems.",
            "電能質量勘察、分項計量及能源管理系統。",
            "电能质量勘察、分项计量及能源管理系统。",
        ),
        (
            "Voltage optimisation, power factor correction, harmonic filters, sub-metering",
            "電壓優化、功率因數改善、諧波濾波、分項計量",
            "电压优化、功率因数改善、谐波滤波、分项计量",
        ),
        ["power-quality", "energy-audit"],
        "HKGD",
        "Ms Lam",
        "+852 2987 6543",
        "contact@powersense.example",
        ("Kwai Chung, Hong Kong", "香港葵涌", "香港葵涌"),
    ),
]


def _tri(field, texts):
    return {f"{field}_{s}": t for s, t in zip(SUFFIXES, texts, strict=True)}


def seed(*, stdout=None) -> None:
    categories = {}
    for order, (code, name) in enumerate(CATEGORIES):
        categories[code], _ = ServiceCategory.objects.update_or_create(
            code=code, defaults={"ordering": order * 10, **_tri("name", name)}
        )
    for (
        name,
        description,
        technologies,
        services,
        region,
        contact,
        phone,
        email,
        address,
    ) in PROVIDERS:
        provider, _ = ServiceProvider.objects.update_or_create(
            email=email,
            defaults={
                "region_served": region,
                "contact_person": contact,
                "phone": phone,
                **_tri("name", name),
                **_tri("description", description),
                **_tri("technologies", technologies),
                **_tri("address", address),
            },
        )
        provider.services.set([categories[code] for code in services])
