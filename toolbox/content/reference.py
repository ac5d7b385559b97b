"""Emission factors, tariffs and the exchange rate, each with its source, year and how
sure it is (programme reference §9). Values the programme tags [U] are left empty for
the Secretariat; standard values (IPCC 2006 defaults) say so in their source."""

GRID, FUEL = "grid", "fuel"
CONFIRMED, INDICATIVE, UNKNOWN = "C", "I", "U"
# Years that are words, in the three languages (numbers stay as they are).
YEARS = {
    "current default": ("current default", "現行預設值", "现行默认值"),
    "current": ("current", "現行", "现行"),
    "recent": ("recent", "近期", "近期"),
    "2006 (IPCC defaults)": (
        "2006 (IPCC defaults)",
        "2006（IPCC 預設值）",
        "2006（IPCC 默认值）",
    ),
    "2006 (IPCC); HKEX guide": (
        "2006 (IPCC); HKEX guide",
        "2006（IPCC）；港交所指引",
        "2006（IPCC）；港交所指引",
    ),
    "HKEX guide": ("HKEX guide", "港交所指引", "港交所指引"),
}
UNKNOWN_POLLUTANTS = (
    " Air pollutants per kWh are not published [U]: the Secretariat may derive them "
    "from the utilities' annual emissions divided by electricity sold."
)

# code: kind, region, utility, region default, names, units, MJ/unit, CO2, NOx, SO2,
# PM (kg per unit), scopes, source, year, status
FACTORS = [
    {
        "code": "hk-default",
        "kind": GRID,
        "region": "HK",
        "is_region_default": True,
        "name": (
            "Hong Kong grid (utility not known)",
            "香港電網（未知供電商）",
            "香港电网（未知供电商）",
        ),
        "unit": ("kWh", "千瓦時", "千瓦时"),
        "energy_mj_per_unit": "3.6",
        "co2_kg_per_unit": "0.7",
        "scope": (
            "CO₂ per kWh of purchased electricity: the Government's default for Hong "
            "Kong, used when the utility is not known.",
            "每千瓦時外購電力的二氧化碳排放：政府為香港訂定的預設值，於未知供電商時採用。",
            "每千瓦时外购电力的二氧化碳排放：政府为香港订定的默认值，于未知供电商时采用。",
        ),
        "source": "cas.gov.hk notice citing the climateready.gov.hk default for purchased "
        "electricity (programme reference §9.1). Portal decision: Hong Kong sites use 0.7 "
        "unless the utility is known." + UNKNOWN_POLLUTANTS,
        "year": "current default",
        "status": CONFIRMED,
    },
    {
        "code": "hk-clp",
        "kind": GRID,
        "region": "HK",
        "utility": "clp",
        "name": ("CLP Power Hong Kong", "中華電力", "中华电力"),
        "unit": ("kWh", "千瓦時", "千瓦时"),
        "energy_mj_per_unit": "3.6",
        "co2_kg_per_unit": "0.49",
        "scope": (
            "CO₂ per kWh of electricity sold by CLP Power Hong Kong.",
            "中華電力每售出一千瓦時電力的二氧化碳排放。",
            "中华电力每售出一千瓦时电力的二氧化碳排放。",
        ),
        "source": "CLP 2019 Sustainability Report (via justmeans.com): 0.49 kg/kWh in "
        "2019, about 0.4 expected by end-2020 (forecast). Do not use the CLP Group "
        "portfolio figure for Hong Kong sites (programme reference §9.1)."
        + UNKNOWN_POLLUTANTS,
        "year": "2019",
        "status": CONFIRMED,
    },
    {
        "code": "hk-hke",
        "kind": GRID,
        "region": "HK",
        "utility": "hke",
        "name": ("HK Electric", "港燈", "港灯"),
        "unit": ("kWh", "千瓦時", "千瓦时"),
        "energy_mj_per_unit": "3.6",
        "co2_kg_per_unit": "0.81",
        "scope": (
            "CO₂-equivalent per kWh of electricity sold by HK Electric.",
            "港燈每售出一千瓦時電力的二氧化碳當量排放。",
            "港灯每售出一千瓦时电力的二氧化碳当量排放。",
        ),
        "source": "HK Electric Sustainability Report 2019 (via esg.hkubs.ai): 0.79 (2017), "
        "0.80 (2018), 0.81 (2019) kg CO₂e per unit sold; target ≤0.6 by 2023 with unit "
        "L12 (programme reference §9.1)." + UNKNOWN_POLLUTANTS,
        "year": "2019",
        "status": CONFIRMED,
    },
    {
        "code": "gd-southern-grid",
        "kind": GRID,
        "region": "GD",
        "is_region_default": True,
        "name": (
            "Southern China regional grid (incl. Guangdong)",
            "南方區域電網（包括廣東）",
            "南方区域电网（包括广东）",
        ),
        "unit": ("kWh", "千瓦時", "千瓦时"),
        "energy_mj_per_unit": "3.6",
        "co2_kg_per_unit": "0.3869",
        "scope": (
            "Average CO₂ per kWh of the Southern China regional grid; the default for "
            "Guangdong sites.",
            "南方區域電網每千瓦時平均二氧化碳排放；廣東廠房的預設值。",
            "南方区域电网每千瓦时平均二氧化碳排放；广东厂房的默认值。",
        ),
        "source": "Ministry of Ecology and Environment 2022 electricity CO₂ factors, as "
        "summarised by sceex.com.cn (programme reference §9.1). Portal decision: "
        "Guangdong sites use the Southern grid's factor." + UNKNOWN_POLLUTANTS,
        "year": "2022",
        "status": CONFIRMED,
    },
    {
        "code": "gd-provincial",
        "kind": GRID,
        "region": "GD",
        "name": (
            "Guangdong provincial average",
            "廣東省平均",
            "广东省平均",
        ),
        "unit": ("kWh", "千瓦時", "千瓦时"),
        "energy_mj_per_unit": "3.6",
        "scope": (
            "Provincial average CO₂ per kWh; not used until the Secretariat enters it.",
            "全省平均每千瓦時二氧化碳排放；秘書處輸入數值前不會採用。",
            "全省平均每千瓦时二氧化碳排放；秘书处输入数值前不会采用。",
        ),
        "source": "Published by MEE/NBS for 2021–23, but the value was not found in "
        "public material [U] (programme reference §9.1): the Secretariat to enter it.",
        "year": "2021–23",
        "status": UNKNOWN,
    },
    {
        "code": "cn-national",
        "kind": GRID,
        "region": "",
        "name": ("China national grid average", "全國電網平均", "全国电网平均"),
        "unit": ("kWh", "千瓦時", "千瓦时"),
        "energy_mj_per_unit": "3.6",
        "co2_kg_per_unit": "0.5306",
        "scope": (
            "National average CO₂ per kWh, for reference.",
            "全國每千瓦時平均二氧化碳排放，僅供參考。",
            "全国每千瓦时平均二氧化碳排放，仅供参考。",
        ),
        "source": "MEE/NBS announcements (szcbn.com, sceex.com.cn, reportify.ai): 0.5568 "
        "(2021), 0.5366 (2022), 0.5306 (2023) (programme reference §9.1).",
        "year": "2023",
        "status": CONFIRMED,
    },
    {
        "code": "diesel",
        "kind": FUEL,
        "name": ("Diesel / gas oil", "柴油", "柴油"),
        "unit": ("L", "公升", "升"),
        "energy_mj_per_unit": "36.12",
        "co2_kg_per_unit": "2.6765",
        "scope": (
            "Combustion CO₂ per litre, net calorific value basis. NOx, SO₂ and "
            "particulates depend on the equipment and the sulphur content: not entered.",
            "每公升燃燒產生的二氧化碳（淨熱值基準）。氮氧化物、二氧化硫及粒子視乎設備及含硫量而定，未有輸入。",
            "每升燃烧产生的二氧化碳（净热值基准）。氮氧化物、二氧化硫及颗粒物视乎设备及含硫量而定，未有输入。",
        ),
        "source": "IPCC 2006 Guidelines, Vol. 2 ch. 2 default: 74.1 t CO₂/TJ, NCV 43.0 "
        "GJ/t; density 0.84 kg/L assumed [I], giving 36.12 MJ/L and 2.68 kg CO₂/L "
        "(programme reference §9.2, standard values to verify). Air pollutant factors "
        "not in the programme's sources [U].",
        "year": "2006 (IPCC defaults)",
        "status": INDICATIVE,
    },
    {
        "code": "lpg",
        "kind": FUEL,
        "name": ("Liquefied petroleum gas (LPG)", "石油氣", "液化石油气"),
        "unit": ("kg", "公斤", "千克"),
        "energy_mj_per_unit": "47.3",
        "co2_kg_per_unit": "2.9846",
        "nox_kg_per_unit": "0.000190146",
        "so2_kg_per_unit": "0.000000946",
        "scope": (
            "Combustion CO₂, NOx and SOx per kg, net calorific value basis.",
            "每公斤燃燒產生的二氧化碳、氮氧化物及硫氧化物（淨熱值基準）。",
            "每千克燃烧产生的二氧化碳、氮氧化物及硫氧化物（净热值基准）。",
        ),
        "source": "CO₂: IPCC 2006 default 63.1 t CO₂/TJ, NCV 47.3 GJ/t (≈2.98 kg/kg) "
        "[I, verify]. NOx 4.02 kg and SOx 0.02 kg per million MJ for LPG and towngas: "
        "HKEX ESG reporting guide, citing the Clean Air Charter business guidebook [C]; "
        "× 47.3 MJ/kg here (programme reference §9.2). Particulates not known [U].",
        "year": "2006 (IPCC); HKEX guide",
        "status": INDICATIVE,
    },
    {
        "code": "towngas",
        "kind": FUEL,
        "name": ("Towngas (Hong Kong)", "煤氣（香港）", "煤气（香港）"),
        "unit": ("unit (48 MJ)", "度（48 兆焦耳）", "度（48 兆焦耳）"),
        "energy_mj_per_unit": "48",
        "nox_kg_per_unit": "0.00019296",
        "so2_kg_per_unit": "0.00000096",
        "scope": (
            "Per unit of towngas (48 MJ). CO₂ per unit is not yet known, so CO₂ from "
            "towngas is left out of results until the Secretariat enters it.",
            "每度煤氣（48 兆焦耳）。每度的二氧化碳排放尚未確定，秘書處輸入數值前，結果不包括煤氣的二氧化碳。",
            "每度煤气（48 兆焦耳）。每度的二氧化碳排放尚未确定，秘书处输入数值前，结果不包括煤气的二氧化碳。",
        ),
        "source": "1 unit = 48 MJ [C: HKEX ESG guide, appendix 2]. CO₂ per unit not found "
        "in public material [U]: obtain from Towngas or the EPD guideline before use. "
        "NOx 4.02 kg and SOx 0.02 kg per million MJ [C: HKEX guide citing the Clean Air "
        "Charter business guidebook] (programme reference §9.2).",
        "year": "HKEX guide",
        "status": UNKNOWN,
    },
    {
        "code": "natural-gas",
        "kind": FUEL,
        "name": ("Natural gas", "天然氣", "天然气"),
        "unit": ("m³", "立方米", "立方米"),
        "energy_mj_per_unit": "36.2",
        "co2_kg_per_unit": "2.03",
        "scope": (
            "Combustion CO₂e per m³. Air pollutant factors not entered.",
            "每立方米燃燒產生的二氧化碳當量。未有輸入空氣污染物排放系數。",
            "每立方米燃烧产生的二氧化碳当量。未有输入大气污染物排放因子。",
        ),
        "source": "IPCC 2006 default 56.1 t CO₂/TJ, ≈2.0–2.2 kg CO₂/m³; UK DESNZ 2024 "
        "conversion factors 2.03 kg CO₂e/m³ used (programme reference §9.2) [I, "
        "verify]. Energy content 36.2 MJ/m³ derived as 2.03 ÷ 0.0561 [I]. Air pollutant "
        "factors not in the programme's sources [U].",
        "year": "2024 (DESNZ)",
        "status": INDICATIVE,
    },
    {
        "code": "heavy-fuel-oil",
        "kind": FUEL,
        "name": ("Heavy fuel oil (residual)", "重油", "重油"),
        "unit": ("kg", "公斤", "千克"),
        "energy_mj_per_unit": "40.4",
        "co2_kg_per_unit": "3.1270",
        "scope": (
            "Combustion CO₂ per kg, net calorific value basis. Air pollutants depend on "
            "the sulphur content: not entered.",
            "每公斤燃燒產生的二氧化碳（淨熱值基準）。空氣污染物視乎含硫量而定，未有輸入。",
            "每千克燃烧产生的二氧化碳（净热值基准）。大气污染物视乎含硫量而定，未有输入。",
        ),
        "source": "IPCC 2006 default 77.4 t CO₂/TJ, NCV 40.4 GJ/t (≈3.13 kg/kg) "
        "(programme reference §9.2) [I, verify]. Air pollutant factors not in the "
        "programme's sources [U].",
        "year": "2006 (IPCC defaults)",
        "status": INDICATIVE,
    },
    {
        "code": "coal",
        "kind": FUEL,
        "name": ("Bituminous coal", "煙煤", "烟煤"),
        "unit": ("kg", "公斤", "千克"),
        "energy_mj_per_unit": "25.8",
        "co2_kg_per_unit": "2.4407",
        "scope": (
            "Combustion CO₂ per kg, net calorific value basis. Chinese raw coal with a "
            "lower calorific value gives about 1.9–2.0 kg/kg.",
            "每公斤燃燒產生的二氧化碳（淨熱值基準）。熱值較低的中國原煤約為每公斤 1.9–2.0 公斤。",
            "每千克燃烧产生的二氧化碳（净热值基准）。热值较低的中国原煤约为每千克 1.9–2.0 千克。",
        ),
        "source": "IPCC 2006 default 94.6 t CO₂/TJ, NCV 25.8 GJ/t (≈2.44 kg/kg) "
        "(programme reference §9.2) [I, verify]. Air pollutant factors not in the "
        "programme's sources [U].",
        "year": "2006 (IPCC defaults)",
        "status": INDICATIVE,
    },
]

UNKNOWN_PRICE = (
    "Not in the programme's public material [U]: the Secretariat to enter a current "
    "price. Until then users enter what they pay."
)

# code: resource, region, fuel, utility, currency, low, high, names, source, year, status
TARIFFS = [
    {
        "code": "hk-electricity",
        "resource": "electricity",
        "region": "HK",
        "name": (
            "Hong Kong electricity (utility not known)",
            "香港電費（未知供電商）",
            "香港电费（未知供电商）",
        ),
        "price_low": "1.43",
        "price_high": "1.655",
        "source": "Range of the 2024 average tariffs: CLP basic 96.6 + fuel cost 46.3 ≈ "
        "143 HK cents/kWh; HK Electric basic 119.5 + fuel clause 46.0 ≈ 165.5 cents "
        "(thehkhub.com; RTHK 28 Nov 2023). 2026: CLP −2.6%, HK Electric −2.2% net "
        "(RTHK 18 Nov 2025) (programme reference §9.3).",
        "year": "2024",
        "status": CONFIRMED,
    },
    {
        "code": "hk-electricity-clp",
        "resource": "electricity",
        "region": "HK",
        "utility": "clp",
        "name": ("CLP Power average tariff", "中華電力平均電價", "中华电力平均电价"),
        "price_low": "1.43",
        "price_high": "1.43",
        "source": "CLP 2024: basic 96.6 + fuel cost charge 46.3 ≈ 143 HK cents/kWh "
        "(thehkhub.com; RTHK 28 Nov 2023) (programme reference §9.3).",
        "year": "2024",
        "status": CONFIRMED,
    },
    {
        "code": "hk-electricity-hke",
        "resource": "electricity",
        "region": "HK",
        "utility": "hke",
        "name": ("HK Electric average tariff", "港燈平均電價", "港灯平均电价"),
        "price_low": "1.655",
        "price_high": "1.655",
        "source": "HK Electric 2024: basic 119.5 + fuel clause 46.0 ≈ 165.5 HK cents/kWh "
        "(thehkhub.com; RTHK 28 Nov 2023); fuel clause 37.1 cents from July 2025 "
        "(programme reference §9.3).",
        "year": "2024",
        "status": CONFIRMED,
    },
    {
        "code": "gd-electricity",
        "resource": "electricity",
        "region": "GD",
        "currency": "RMB",
        "name": (
            "Guangdong industrial electricity",
            "廣東工業電價",
            "广东工业电价",
        ),
        "price_low": "0.6",
        "price_high": "0.9",
        "source": "Guangdong industrial/commercial tariff not found [U]; typical average "
        "RMB 0.6–0.9/kWh, with time-of-use peaks above RMB 1.0 [I] (programme "
        "reference §9.3). Enter your own from your bills.",
        "year": "recent",
        "status": INDICATIVE,
    },
    {
        "code": "hk-water",
        "resource": "water",
        "region": "HK",
        "name": ("Hong Kong water for trade", "香港工業用水", "香港工业用水"),
        "price_low": "4.58",
        "price_high": "4.58",
        "source": "Water Supplies Department charge for water supplied for trade "
        "purposes, HK$4.58 per m³ [I: not in the programme's sources, verify]. Excludes "
        "the sewage charge and any trade effluent surcharge, which raise the real saving.",
        "year": "current",
        "status": INDICATIVE,
    },
    {
        "code": "gd-water",
        "resource": "water",
        "region": "GD",
        "currency": "RMB",
        "name": ("Guangdong industrial water", "廣東工業用水", "广东工业用水"),
        "source": UNKNOWN_PRICE,
        "status": UNKNOWN,
    },
]
for region, fuels in (
    ("HK", ("diesel", "lpg", "towngas", "heavy-fuel-oil")),
    ("GD", ("diesel", "lpg", "natural-gas", "heavy-fuel-oil", "coal")),
):
    for fuel in fuels:
        TARIFFS.append(
            {
                "code": f"{region.lower()}-{fuel}",
                "resource": "fuel",
                "region": region,
                "fuel": fuel,
                "currency": "HKD" if region == "HK" else "RMB",
                "name": None,  # built from the fuel's and region's names
                "source": UNKNOWN_PRICE,
                "status": UNKNOWN,
            }
        )

RATES = [
    {
        "currency": "RMB",
        "per_hkd": "0.92",
        "source": "Programme reference §9.3: about 0.92 RMB per HK$ recently [I]; "
        "configurable. Users may enter the rate of the day.",
        "year": "recent",
        "status": INDICATIVE,
    }
]
