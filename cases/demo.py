"""The twelve success cases of the programme's published list, in three languages.

Their figures are illustrative: consistent numbers derived from the indicative public
figures of programme.md §8.1 (not the projects' measured results), and each case says so.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.files.base import ContentFile

from core.choices import Industry, Location

from .demo_images import illustration_png
from .models import CasePhoto, SuccessCase, TechnologyCategory

HK_FACTOR = Decimal("0.7")  # kg CO2/kWh, Government default for HK purchased power
GD_FACTOR = Decimal("0.3869")  # kg CO2/kWh, Southern China regional grid, 2022
HK_TARIFF = Decimal(
    "1.20"
)  # HK$/kWh, about CLP's average net tariff (117.7 cents, 2018)
GD_TARIFF = Decimal("0.76")  # HK$/kWh: RMB 0.70/kWh at about 0.92 RMB per HK$

SOURCE = {
    "HK": (
        "Illustrative figures, not the project's measured results: derived from "
        "indicative public figures for this technology ({basis}). Electricity at "
        "HK$1.20/kWh; CO₂ at 0.7 kg/kWh, the Government's default for electricity "
        "bought in Hong Kong.",
        "示意數字，並非項目的實測結果：按此類技術的公開參考數字推算（{basis}）。"
        "電費以每千瓦時1.20港元計；二氧化碳以每千瓦時0.7公斤計（政府就香港購電的預設系數）。",
        "示意数字，并非项目的实测结果：按此类技术的公开参考数字推算（{basis}）。"
        "电费以每千瓦时1.20港元计；二氧化碳以每千瓦时0.7千克计（香港特区政府就香港购电的默认系数）。",
    ),
    "GD": (
        "Illustrative figures, not the project's measured results: derived from "
        "indicative public figures for this technology ({basis}). Electricity at "
        "RMB 0.70/kWh (about HK$0.76); CO₂ at 0.3869 kg/kWh, the Southern China "
        "regional grid factor (2022).",
        "示意數字，並非項目的實測結果：按此類技術的公開參考數字推算（{basis}）。"
        "電費以每千瓦時人民幣0.70元（約0.76港元）計；二氧化碳以每千瓦時0.3869公斤計"
        "（南方區域電網2022年排放因子）。",
        "示意数字，并非项目的实测结果：按此类技术的公开参考数字推算（{basis}）。"
        "电费以每千瓦时人民币0.70元（约0.76港元）计；二氧化碳以每千瓦时0.3869千克计"
        "（南方区域电网2022年排放因子）。",
    ),
}

# Each case: slug, texts (en, zh-hant, zh-hans) per field, facts, and the figures'
# inputs: investment, electricity saved (kWh), other yearly savings (HK$).
CASES = [
    {
        "slug": "oil-free-modular-centrifugal-chiller",
        "title": (
            "Oil-free centrifugal chillers (modular)",
            "無油離心式冷水機組（模塊式）",
            "无油离心式冷水机组（模块式）",
        ),
        "summary": (
            "A printing plant in Dongguan replaced two ageing screw chillers with a "
            "modular plant of oil-free centrifugal chillers that follows the cooling "
            "load closely.",
            "東莞一間印刷廠以模塊式無油離心式冷水機組取代兩台老化的螺桿式冷水機，"
            "機組按冷負荷逐台運行，效率更高。",
            "东莞一家印刷厂以模块式无油离心式冷水机组取代两台老化的螺杆式冷水机，"
            "机组按冷负荷逐台运行，效率更高。",
        ),
        "problem": (
            "The plant's two 20-year-old screw chillers ran at part load for most of "
            "the year, where their efficiency was poorest. Lubricating oil fouled the "
            "heat exchangers, and maintenance was frequent.",
            "廠房兩台已運行約二十年的螺桿式冷水機全年大部分時間在部分負荷下運行，"
            "效率最低；潤滑油污染換熱器，維修頻繁。",
            "厂房两台已运行约二十年的螺杆式冷水机全年大部分时间在部分负荷下运行，"
            "效率最低；润滑油污染换热器，维修频繁。",
        ),
        "technology": (
            "Three oil-free centrifugal chiller modules with magnetic-bearing "
            "compressors and variable-speed drives now share the load. Modules start "
            "and stop in step with demand, so each runs near its best efficiency.\n\n"
            "- No lubricating oil: heat-transfer surfaces stay clean\n"
            "- Soft start: low inrush current\n"
            "- Sequencing controls with chilled-water reset",
            "三組採用磁浮壓縮機及變頻驅動的無油離心式冷水機模塊分擔冷負荷，"
            "按需求啟停，使每組接近最佳效率運行。\n\n"
            "- 無需潤滑油，換熱面保持清潔\n"
            "- 軟啟動，啟動電流低\n"
            "- 群控及冷凍水溫度重設",
            "三组采用磁浮压缩机及变频驱动的无油离心式冷水机模块分担冷负荷，"
            "按需求启停，使每组接近最佳效率运行。\n\n"
            "- 无需润滑油，换热面保持清洁\n"
            "- 软启动，启动电流低\n"
            "- 群控及冷冻水温度重设",
        ),
        "other_benefits": (
            "Lower noise and vibration; less maintenance; smaller footprint.",
            "噪音及振動較低；維修較少；佔地較小。",
            "噪音及振动较低；维修较少；占地较小。",
        ),
        "process": ("Chilled water plant", "冷凍水系統", "冷冻水系统"),
        "industry": Industry.PRINTING,
        "category": TechnologyCategory.CHILLERS,
        "location": Location.GD_DONGGUAN,
        "benefits": ("energy",),
        "investment": "2000000",
        "kwh": "410000",
        "other_saving": "0",
        "year": 2018,
        "basis": (
            "magnetic-bearing chillers: about 49% chiller power saving, payback about "
            "6.4 years, US FEMP technology brief",
            "磁浮冷水機：冷水機耗電約減49%，回本期約6.4年，美國聯邦能源管理計劃技術簡報",
            "磁浮冷水机：冷水机耗电约减49%，回本期约6.4年，美国联邦能源管理计划技术简报",
        ),
        "image": "chiller-modular",
        "featured": True,
    },
    {
        "slug": "maglev-oil-free-centrifugal-chiller",
        "title": (
            "Oil-free centrifugal chiller with a magnetic-bearing compressor",
            "磁浮壓縮機無油離心式冷水機",
            "磁浮压缩机无油离心式冷水机",
        ),
        "summary": (
            "A food factory in Tai Po replaced an old centrifugal chiller with an "
            "oil-free chiller whose compressor shaft floats on magnetic bearings.",
            "大埔一間食品廠以採用磁浮軸承壓縮機的無油離心式冷水機取代舊式離心式冷水機。",
            "大埔一家食品厂以采用磁浮轴承压缩机的无油离心式冷水机取代旧式离心式冷水机。",
        ),
        "problem": (
            "Cold rooms and process cooling need chilled water all year. The old "
            "chiller's efficiency had fallen with age and oil fouling, and it used "
            "the ozone-depleting refrigerant R22.",
            "冷庫及生產工序全年需要冷凍水。舊冷水機效率隨機齡及油污下降，並使用會損耗臭氧層的R22製冷劑。",
            "冷库及生产工序全年需要冷冻水。旧冷水机效率随机龄及油污下降，并使用会损耗臭氧层的R22制冷剂。",
        ),
        "technology": (
            "The compressor shaft is held by magnetic bearings, so there is no "
            "friction and no oil. A variable-speed drive matches output to the load, "
            "giving high efficiency at part load, where chillers spend most hours.",
            "壓縮機軸由磁浮軸承承托，無摩擦、無需潤滑油；變頻驅動按負荷調節輸出，"
            "在冷水機最常運行的部分負荷下效率尤高。",
            "压缩机轴由磁浮轴承承托，无摩擦、无需润滑油；变频驱动按负荷调节输出，"
            "在冷水机最常运行的部分负荷下效率尤高。",
        ),
        "other_benefits": (
            "R22, an ozone-depleting refrigerant, phased out; quieter plant room.",
            "淘汰R22製冷劑；機房更寧靜。",
            "淘汰R22制冷剂；机房更宁静。",
        ),
        "process": (
            "Process cooling and cold rooms",
            "工序冷卻及冷庫",
            "工序冷却及冷库",
        ),
        "industry": Industry.FOOD,
        "category": TechnologyCategory.CHILLERS,
        "location": Location.HK_TAI_PO,
        "benefits": ("energy", "air"),
        "investment": "3900000",
        "kwh": "520000",
        "other_saving": "0",
        "year": 2017,
        "basis": (
            "US Navy evaluation of magnetic-bearing chillers: about 49% average "
            "chiller power saving, about 6.4-year payback",
            "美國海軍就磁浮冷水機的評估：冷水機耗電平均約減49%，回本期約6.4年",
            "美国海军就磁浮冷水机的评估：冷水机耗电平均约减49%，回本期约6.4年",
        ),
        "image": "chiller",
        "featured": True,
    },
    {
        "slug": "air-cooled-maglev-centrifugal-chiller",
        "title": (
            "Air-cooled magnetic-bearing centrifugal chiller",
            "風冷磁浮離心式冷水機",
            "风冷磁浮离心式冷水机",
        ),
        "summary": (
            "A metal products factory in Shenzhen replaced air-cooled screw chillers "
            "with air-cooled magnetic-bearing centrifugal chillers, without building "
            "a cooling tower.",
            "深圳一間金屬製品廠以風冷磁浮離心式冷水機取代風冷螺桿式冷水機，毋須加建冷卻塔。",
            "深圳一家金属制品厂以风冷磁浮离心式冷水机取代风冷螺杆式冷水机，毋须加建冷却塔。",
        ),
        "problem": (
            "The site had no space or water for a cooling tower, so it relied on "
            "air-cooled screw chillers with low efficiency in the hot season.",
            "廠房沒有空間及水源加建冷卻塔，只能使用效率偏低的風冷螺桿式冷水機，夏季尤甚。",
            "厂房没有空间及水源加建冷却塔，只能使用效率偏低的风冷螺杆式冷水机，夏季尤甚。",
        ),
        "technology": (
            "Air-cooled centrifugal chillers with oil-free magnetic-bearing "
            "compressors, variable-speed fans and electronic expansion valves keep "
            "efficiency high across the load range with no water use.",
            "採用無油磁浮壓縮機、變速風扇及電子膨脹閥的風冷離心式冷水機，在不同負荷下均保持高效率，且不耗水。",
            "采用无油磁浮压缩机、变速风扇及电子膨胀阀的风冷离心式冷水机，在不同负荷下均保持高效率，且不耗水。",
        ),
        "other_benefits": (
            "No cooling-tower water or chemicals; lower maintenance.",
            "不需冷卻塔用水及化學品；維修減少。",
            "不需冷却塔用水及化学品；维修减少。",
        ),
        "process": ("Workshop air-conditioning", "車間空調", "车间空调"),
        "industry": Industry.METAL,
        "category": TechnologyCategory.CHILLERS,
        "location": Location.GD_SHENZHEN,
        "benefits": ("energy",),
        "investment": "1300000",
        "kwh": "280000",
        "other_saving": "0",
        "year": 2019,
        "basis": (
            "magnetic-bearing chillers: about 49% chiller power saving in the US FEMP "
            "brief; taken here as 30% against air-cooled screw chillers",
            "美國聯邦能源管理計劃簡報指磁浮冷水機可減耗電約49%；此處相對風冷螺桿機取30%",
            "美国联邦能源管理计划简报指磁浮冷水机可减耗电约49%；此处相对风冷螺杆机取30%",
        ),
        "image": "chiller-air",
    },
    {
        "slug": "grid-connected-pv-textile-factory",
        "title": (
            "Grid-connected photovoltaic system as an auxiliary power supply to cut "
            "a textile factory's electricity use",
            "採用與電網接駁的光伏系統作為紡織廠輔助電源以減少耗電",
            "采用与电网接驳的光伏系统作为纺织厂辅助电源以减少耗电",
        ),
        "summary": (
            "A textile factory in Foshan put a 500 kWp photovoltaic system on its "
            "roofs, connected to the grid, to supply part of its daytime load.",
            "佛山一間紡織廠在廠房屋頂安裝500千瓦峰值的光伏系統並與電網接駁，供應部分日間用電。",
            "佛山一家纺织厂在厂房屋顶安装500千瓦峰值的光伏系统并与电网接驳，供应部分日间用电。",
        ),
        "problem": (
            "Spinning and weaving run around the clock, with the highest demand in "
            "daytime peak-tariff hours. Large roof areas were unused.",
            "紡紗及織造全日運作，用電高峰正值日間峰段電價時間；廠房大面積屋頂閒置。",
            "纺纱及织造全日运作，用电高峰正值日间峰段电价时间；厂房大面积屋顶闲置。",
        ),
        "technology": (
            "Monocrystalline modules on the factory roofs feed string inverters "
            "connected to the factory's low-voltage switchboards. The factory uses "
            "all the power itself; the grid supplies the rest.\n\n"
            "- 500 kWp on about 3,500 m² of roof\n"
            "- Yield about 1,050 kWh per kWp a year\n"
            "- Remote monitoring of every string",
            "單晶矽光伏組件安裝於廠房屋頂，經組串式逆變器接入工廠低壓配電屏，所發電力全部自用，其餘由電網供應。\n\n"
            "- 約3,500平方米屋頂安裝500千瓦峰值\n"
            "- 每千瓦峰值每年發電約1,050千瓦時\n"
            "- 每一組串均可遙距監察",
            "单晶硅光伏组件安装于厂房屋顶，经组串式逆变器接入工厂低压配电屏，所发电力全部自用，其余由电网供应。\n\n"
            "- 约3,500平方米屋顶安装500千瓦峰值\n"
            "- 每千瓦峰值每年发电约1,050千瓦时\n"
            "- 每一组串均可远程监控",
        ),
        "other_benefits": (
            "Shaded roofs keep the workshops below cooler.",
            "屋頂受遮蔭，下方車間溫度降低。",
            "屋顶受遮荫，下方车间温度降低。",
        ),
        "process": ("Power supply", "供電", "供电"),
        "industry": Industry.TEXTILES,
        "category": TechnologyCategory.RENEWABLES,
        "location": Location.GD_FOSHAN,
        "benefits": ("energy", "air"),
        "investment": "2170000",
        "kwh": "525000",
        "other_saving": "0",
        "year": 2019,
        "basis": (
            "Guangdong rooftop yield about 1,000–1,150 kWh per kWp a year; installed "
            "cost about RMB 4/W including roof works; C&I payback about 5–6 years",
            "廣東屋頂光伏每千瓦峰值年發電約1,000–1,150千瓦時；連屋面工程安裝成本約每瓦人民幣4元；工商業項目回本期約5–6年",
            "广东屋顶光伏每千瓦峰值年发电约1,000–1,150千瓦时；连屋面工程安装成本约每瓦人民币4元；工商业项目回本期约5–6年",
        ),
        "image": "pv",
        "featured": True,
    },
    {
        "slug": "hydrocarbon-refrigerant-air-conditioning",
        "title": (
            "Factory air-conditioning with energy-efficient hydrocarbon refrigerant "
            "in place of conventional fluorinated refrigerants",
            "工廠空調採用環保節能碳氫製冷劑替代傳統含氟製冷劑",
            "工厂空调采用环保节能碳氢制冷剂替代传统含氟制冷剂",
        ),
        "summary": (
            "A glass products factory in Zhaoqing changed 60 air-conditioning units "
            "from R22 to the hydrocarbon refrigerant R290.",
            "肇慶一間玻璃製品廠將60台空調機的R22製冷劑更換為碳氫製冷劑R290。",
            "肇庆一家玻璃制品厂将60台空调机的R22制冷剂更换为碳氢制冷剂R290。",
        ),
        "problem": (
            "The offices and packing halls were cooled by ageing units charged with "
            "R22, an ozone-depleting refrigerant with a global warming potential "
            "about 1,810 times that of CO₂. Leaks were topped up every year.",
            "辦公室及包裝車間的空調機老化，使用R22製冷劑：會損耗臭氧層，全球暖化潛能值約為二氧化碳的1,810倍，每年均需補充洩漏的製冷劑。",
            "办公室及包装车间的空调机老化，使用R22制冷剂：会损耗臭氧层，全球变暖潜能值约为二氧化碳的1,810倍，每年均需补充泄漏的制冷剂。",
        ),
        "technology": (
            "Units suitable for a flammable refrigerant were recharged with R290 "
            "(propane, global warming potential about 3) by certified technicians, "
            "with leak detection and safety labels. Charges are smaller than with "
            "R22 and efficiency is slightly better.",
            "由合資格技術人員為適用的空調機改充R290（丙烷，全球暖化潛能值約3），並設洩漏偵測及安全標示；充注量較R22少，效率略有提升。",
            "由合资格技术人员为适用的空调机改充R290（丙烷，全球变暖潜能值约3），并设泄漏检测及安全标识；充注量较R22少，效率略有提升。",
        ),
        "other_benefits": (
            "Ozone-depleting refrigerant removed; leaks no longer add high-warming "
            "gases to the air.",
            "淘汰損耗臭氧層的製冷劑；洩漏不再排放高暖化氣體。",
            "淘汰损耗臭氧层的制冷剂；泄漏不再排放高暖化气体。",
        ),
        "process": ("Air-conditioning", "空調", "空调"),
        "industry": Industry.NON_METALLIC,
        "category": TechnologyCategory.REFRIGERANTS,
        "location": Location.GD_ZHAOQING,
        "benefits": ("energy", "air"),
        "investment": "180000",
        "kwh": "48000",
        "other_saving": "0",
        "year": 2016,
        "basis": (
            "UNEP guide to alternatives to HCFCs: R290 global warming potential about "
            "3 against about 1,810 for R22, efficiency equal or a few per cent better; "
            "8% saving taken here",
            "聯合國環境規劃署HCFC替代品指南：R290全球暖化潛能值約3，R22約1,810，效率相若或略高；此處取節能8%",
            "联合国环境规划署HCFC替代品指南：R290全球变暖潜能值约3，R22约1,810，效率相若或略高；此处取节能8%",
        ),
        "image": "air-conditioner",
    },
    {
        "slug": "electric-pressure-cookers",
        "title": (
            "Energy-saving demonstration: electric pressure cookers replacing "
            "conventional electric cooking stoves",
            "以電壓力煲取代傳統電煮食爐的節能示範項目",
            "以电压力煲取代传统电煮食炉的节能示范项目",
        ),
        "summary": (
            "A food factory in Kwun Tong cooks sauces and soups in sealed electric "
            "pressure cookers instead of open pots on electric stoves.",
            "觀塘一間食品廠改以密封電壓力煲烹煮醬汁及湯品，取代以電煮食爐明火式烹煮。",
            "观塘一家食品厂改以密封电压力煲烹煮酱汁及汤品，取代以电煮食炉敞口烹煮。",
        ),
        "problem": (
            "Open pots on electric stoves lost much of their heat to the kitchen, "
            "which then needed more ventilation and air-conditioning; cooking times "
            "were long.",
            "以電煮食爐配敞口鍋烹煮，大量熱能散失到廚房，需要更多通風及空調；烹煮時間亦長。",
            "以电煮食炉配敞口锅烹煮，大量热能散失到厨房，需要更多通风及空调；烹煮时间亦长。",
        ),
        "technology": (
            "Industrial electric pressure cookers with insulated bodies and "
            "programmable controls cook at a higher temperature in a sealed vessel, "
            "shortening cooking times and keeping heat in the food.",
            "工業用電壓力煲機身隔熱、可程式控制，在密封容器內以較高溫度烹煮，縮短時間並把熱能留在食物中。",
            "工业用电压力煲机身隔热、可编程控制，在密封容器内以较高温度烹煮，缩短时间并把热能留在食物中。",
        ),
        "other_benefits": (
            "Cooler kitchen; consistent product quality; shorter cooking cycles.",
            "廚房溫度下降；產品質量穩定；烹煮周期縮短。",
            "厨房温度下降；产品质量稳定；烹煮周期缩短。",
        ),
        "process": ("Cooking", "烹煮", "烹煮"),
        "industry": Industry.FOOD,
        "category": TechnologyCategory.PROCESS_HEAT,
        "location": Location.HK_KWUN_TONG,
        "benefits": ("energy",),
        "investment": "260000",
        "kwh": "70000",
        "other_saving": "0",
        "year": 2018,
        "basis": (
            "sealed pressure cooking typically saves 20–50% of cooking energy "
            "(an inferred range, no published source); 35% taken here",
            "密封壓力烹煮一般可節省20–50%烹煮能耗（推算範圍，未有公開來源）；此處取35%",
            "密封压力烹煮一般可节省20–50%烹煮能耗（推算范围，未有公开来源）；此处取35%",
        ),
        "image": "cooker",
    },
    {
        "slug": "high-frequency-electromagnetic-descaling",
        "title": (
            "Energy saving and emission reduction demonstration: high-frequency "
            "electromagnetic descaling system",
            "高頻電磁除垢系統的節能減排示範項目",
            "高频电磁除垢系统的节能减排示范项目",
        ),
        "summary": (
            "A chemical products factory in Huizhou fitted high-frequency "
            "electromagnetic descalers to its cooling-water circuit instead of "
            "dosing scale inhibitors.",
            "惠州一間化工產品廠在冷卻水系統安裝高頻電磁除垢器，取代投放阻垢化學劑。",
            "惠州一家化工产品厂在冷却水系统安装高频电磁除垢器，取代投放阻垢化学剂。",
        ),
        "problem": (
            "Hard water left scale in the chiller condensers: even thin scale cuts "
            "heat transfer and raises condensing temperature, and each degree costs "
            "chiller efficiency. Chemical dosing and frequent blow-down used water "
            "and chemicals.",
            "硬水令冷水機冷凝器結垢：薄薄一層水垢已會降低傳熱、提高冷凝溫度，每升高一度都會損失冷水機效率；投藥及頻繁排污亦耗用大量水及化學品。",
            "硬水令冷水机冷凝器结垢：薄薄一层水垢已会降低传热、提高冷凝温度，每升高一度都会损失冷水机效率；投药及频繁排污亦耗用大量水及化学品。",
        ),
        "technology": (
            "Coils wound round the pipes apply a high-frequency electromagnetic "
            "field that makes dissolved minerals form loose crystals carried away "
            "by the water instead of hard scale. The tower can run at higher cycles "
            "of concentration, so less make-up water is needed.",
            "在水管外纏繞線圈施加高頻電磁場，使溶解礦物形成隨水帶走的鬆散晶體，而非堅硬水垢；冷卻塔可提高濃縮倍數，減少補水。",
            "在水管外缠绕线圈施加高频电磁场，使溶解矿物形成随水带走的松散晶体，而非坚硬水垢；冷却塔可提高浓缩倍数，减少补水。",
        ),
        "other_benefits": (
            "No scale-inhibitor chemicals in the blow-down; less cleaning of "
            "condensers.",
            "排污水不再含阻垢化學品；減少清洗冷凝器。",
            "排污水不再含阻垢化学品；减少清洗冷凝器。",
        ),
        "process": ("Cooling water", "冷卻水", "冷却水"),
        "industry": Industry.CHEMICAL,
        "category": TechnologyCategory.WATER,
        "location": Location.GD_HUIZHOU,
        "benefits": ("energy", "water", "waste"),
        "investment": "150000",
        "kwh": "96000",
        "water": "6000",
        "other_saving": "20000",
        "year": 2017,
        "basis": (
            "vendor figures: 1/8 inch of scale can cut chiller capacity 20–25%; "
            "higher cycles of concentration cut tower make-up water; 8% chiller "
            "saving, 6,000 m³ of water and HK$20,000 of chemicals taken here",
            "供應商數據：1/8吋水垢可令冷水機製冷量下降20–25%；提高濃縮倍數可減少冷卻塔補水；此處取冷水機節能8%、節水6,000立方米及化學品2萬港元",
            "供应商数据：1/8英寸水垢可令冷水机制冷量下降20–25%；提高浓缩倍数可减少冷却塔补水；此处取冷水机节能8%、节水6,000立方米及化学品2万港元",
        ),
        "image": "descaler",
    },
    {
        "slug": "led-replacing-t5-tubes",
        "title": (
            "Energy-saving demonstration: LED lamps replacing conventional T5 "
            "fluorescent tubes",
            "以LED燈取代傳統T5光管的節能示範項目",
            "以LED灯取代传统T5灯管的节能示范项目",
        ),
        "summary": (
            "A paper products factory in Dongguan replaced 2,000 T5 fluorescent "
            "tubes in its workshops and warehouse with LED tubes.",
            "東莞一間紙品廠將車間及倉庫2,000支T5光管更換為LED燈管。",
            "东莞一家纸品厂将车间及仓库2,000支T5灯管更换为LED灯管。",
        ),
        "problem": (
            "Workshop lights burn about 6,000 hours a year. The T5 tubes and their "
            "ballasts used about 32 W each, lost output with age, and had to be "
            "replaced and disposed of as mercury-containing waste.",
            "車間照明每年約亮6,000小時；T5光管連鎮流器每支約耗電32瓦，光效隨使用下降，更換後須按含汞廢物處置。",
            "车间照明每年约亮6,000小时；T5灯管连镇流器每支约耗电32瓦，光效随使用下降，更换后须按含汞废物处置。",
        ),
        "technology": (
            "LED tubes of 16 W give the same light on the work surface, last "
            "25,000–50,000 hours against 8,000–18,000 hours for fluorescent tubes, "
            "and contain no mercury.",
            "16瓦LED燈管在工作面提供相同照度，壽命25,000–50,000小時（光管為8,000–18,000小時），且不含汞。",
            "16瓦LED灯管在工作面提供相同照度，寿命25,000–50,000小时（灯管为8,000–18,000小时），且不含汞。",
        ),
        "other_benefits": (
            "No mercury waste; fewer replacements; instant start.",
            "不再產生含汞廢物；更換次數減少；即開即亮。",
            "不再产生含汞废物；更换次数减少；即开即亮。",
        ),
        "process": ("Lighting", "照明", "照明"),
        "industry": Industry.PAPER,
        "category": TechnologyCategory.LIGHTING,
        "location": Location.GD_DONGGUAN,
        "benefits": ("energy", "waste"),
        "investment": "240000",
        "kwh": "192000",
        "other_saving": "0",
        "year": 2016,
        "basis": (
            "LED tubes cut lighting power 40–65% and last 25,000–50,000 hours; "
            "50% taken here",
            "LED燈管可減照明耗電40–65%，壽命25,000–50,000小時；此處取50%",
            "LED灯管可减照明耗电40–65%，寿命25,000–50,000小时；此处取50%",
        ),
        "image": "led",
        "featured": True,
    },
    {
        "slug": "indoor-tvoc-treatment",
        "title": (
            "Treatment technology for indoor TVOC",
            "室內TVOC的淨化處理技術",
            "室内TVOC的净化处理技术",
        ),
        "summary": (
            "A furniture factory in Dongguan captures the solvent-laden air of its "
            "spray-painting and drying rooms and treats it before release.",
            "東莞一間傢俬廠收集噴漆及烘乾房含溶劑的廢氣，淨化處理後才排放。",
            "东莞一家家具厂收集喷漆及烘干房含溶剂的废气，净化处理后才排放。",
        ),
        "problem": (
            "Spray painting released total volatile organic compounds (TVOC) into "
            "the workshop and, through fans, to the outdoors: a health risk for "
            "workers and a source of ozone and smog.",
            "噴漆工序把總揮發性有機化合物（TVOC）釋放到車間，再經抽風排到室外，既影響工人健康，亦是臭氧及煙霧的來源。",
            "喷漆工序把总挥发性有机化合物（TVOC）释放到车间，再经抽风排到室外，既影响工人健康，亦是臭氧及雾霾的来源。",
        ),
        "technology": (
            "Enclosed booths collect the air. A zeolite rotor concentrates the VOCs "
            "into a small air stream, which a regenerative thermal oxidiser (RTO) "
            "destroys, recovering most of the heat.\n\n"
            "- VOC removal of 90–95% or more\n"
            "- Heat recovery about 95% in the RTO",
            "以密閉噴房收集廢氣，經沸石轉輪把揮發性有機物濃縮到小風量氣流，再由蓄熱式熱力焚化爐（RTO）分解，並回收大部分熱能。\n\n"
            "- 揮發性有機物去除率90–95%或以上\n"
            "- RTO熱回收率約95%",
            "以密闭喷房收集废气，经沸石转轮把挥发性有机物浓缩到小风量气流，再由蓄热式热力焚烧炉（RTO）分解，并回收大部分热能。\n\n"
            "- 挥发性有机物去除率90–95%或以上\n"
            "- RTO热回收率约95%",
        ),
        "other_benefits": (
            "Better indoor air for workers; no solvent odour outside the factory.",
            "改善工人室內空氣質素；廠外不再有溶劑氣味。",
            "改善工人室内空气质量；厂外不再有溶剂气味。",
        ),
        "process": ("Spray painting and drying", "噴漆及烘乾", "喷漆及烘干"),
        "industry": Industry.FURNITURE,
        "category": TechnologyCategory.VOC,
        "location": Location.GD_DONGGUAN,
        "benefits": ("air",),
        "investment": "850000",
        "kwh": None,
        "voc": "8300",
        "other_saving": "0",
        "year": 2019,
        "basis": (
            "zeolite rotor with RTO removes 90–95% or more of VOCs; a baseline of "
            "9 tonnes of VOC a year and 92% removal taken here",
            "沸石轉輪配RTO可去除90–95%或以上的揮發性有機物；此處以每年9公噸基線及92%去除率計",
            "沸石转轮配RTO可去除90–95%或以上的挥发性有机物；此处以每年9吨基线及92%去除率计",
        ),
        "image": "voc",
    },
    {
        "slug": "power-saving-system",
        "title": (
            "Electricity-saving demonstration with a power-saving system",
            "採用電能節約系統的節電示範項目",
            "采用电能节约系统的节电示范项目",
        ),
        "summary": (
            "A printing factory in Kwai Chung installed a voltage optimisation "
            "system on the supply to its lighting and motor loads.",
            "葵涌一間印刷廠在照明及電動機負載的供電上安裝電壓優化節電系統。",
            "葵涌一家印刷厂在照明及电动机负载的供电上安装电压优化节电系统。",
        ),
        "problem": (
            "The supply voltage was persistently above what the equipment needs. "
            "On voltage-dependent loads such as lighting and fixed-speed motors, "
            "the excess is wasted as heat.",
            "供電電壓長期高於設備所需；照明及定速電動機等隨電壓變化的負載，多出的電壓只會化為熱能浪費。",
            "供电电压长期高于设备所需；照明及定速电动机等随电压变化的负载，多出的电压只会化为热能浪费。",
        ),
        "technology": (
            "A transformer-based voltage optimiser trims and stabilises the supply "
            "voltage to the loads that benefit. As a rule of thumb, 1% less voltage "
            "gives about 2% less energy on such loads; loads with variable-speed "
            "drives or electronic supplies gain little and were left out.",
            "以變壓器式電壓優化裝置為適用負載調低並穩定供電電壓。經驗上，電壓每降1%，此類負載約可節能2%；變頻驅動或電子電源負載得益甚微，故不納入。",
            "以变压器式电压优化装置为适用负载调低并稳定供电电压。经验上，电压每降1%，此类负载约可节能2%；变频驱动或电子电源负载得益甚微，故不纳入。",
        ),
        "other_benefits": (
            "Longer lamp and motor life; fewer nuisance trips from voltage swings.",
            "燈具及電動機壽命延長；減少因電壓波動而跳掣。",
            "灯具及电动机寿命延长；减少因电压波动而跳闸。",
        ),
        "process": (
            "Power supply to lighting and motors",
            "照明及電動機供電",
            "照明及电动机供电",
        ),
        "industry": Industry.PRINTING,
        "category": TechnologyCategory.POWER,
        "location": Location.HK_KWAI_TSING,
        "benefits": ("energy",),
        "investment": "380000",
        "kwh": "75000",
        "other_saving": "0",
        "year": 2017,
        "basis": (
            "rule of thumb: 1% voltage reduction ≈ 2% less energy on voltage-dependent "
            "loads; realistic site savings single-digit %; 5% of 1.5 GWh taken here",
            "經驗法則：電壓每降1%，隨電壓變化的負載約節能2%；實際全廠節能多為個位數百分比；此處以150萬千瓦時的5%計",
            "经验法则：电压每降1%，随电压变化的负载约节能2%；实际全厂节能多为个位数百分比；此处以150万千瓦时的5%计",
        ),
        "image": "power",
    },
    {
        "slug": "tf-power-saver-supply-efficiency",
        "title": (
            "TF-type power saver improving the efficiency of the power supply system",
            "以TF型省電機改善供電系統的電效",
            "以TF型省电机改善供电系统的电效",
        ),
        "summary": (
            "A textile dyeing factory in Dongguan installed a TF-type power saver "
            "that corrects power factor and filters harmonics at its main "
            "switchboard.",
            "東莞一間紡織印染廠在總配電屏安裝TF型省電機，改善功率因數並濾除諧波。",
            "东莞一家纺织印染厂在总配电屏安装TF型省电机，改善功率因数并滤除谐波。",
        ),
        "problem": (
            "Many motors and variable-speed drives gave a low power factor and "
            "harmonic currents, raising transformer and cable losses and the "
            "factory's power-factor penalties.",
            "大量電動機及變頻器令功率因數偏低並產生諧波電流，增加變壓器及電纜損耗，亦招致功率因數罰款。",
            "大量电动机及变频器令功率因数偏低并产生谐波电流，增加变压器及电缆损耗，亦招致功率因数罚款。",
        ),
        "technology": (
            "The power saver combines automatically switched capacitor banks with "
            "harmonic filtering and surge suppression, so less current flows for "
            "the same useful power.",
            "省電機結合自動投切電容器組、諧波濾波及浪湧抑制，使輸送同等有功功率所需電流減少。",
            "省电机结合自动投切电容器组、谐波滤波及浪涌抑制，使输送同等有功功率所需电流减少。",
        ),
        "other_benefits": (
            "No more power-factor penalties; cooler transformers and cables.",
            "免除功率因數罰款；變壓器及電纜溫度下降。",
            "免除功率因数罚款；变压器及电缆温度下降。",
        ),
        "process": ("Power distribution", "配電", "配电"),
        "industry": Industry.TEXTILES,
        "category": TechnologyCategory.POWER,
        "location": Location.GD_DONGGUAN,
        "benefits": ("energy",),
        "investment": "210000",
        "kwh": "75000",
        "other_saving": "0",
        "year": 2018,
        "basis": (
            "power-quality measures give realistic site savings in the single-digit "
            "per cent; 3% of 2.5 GWh taken here",
            "電能質量改善措施的實際全廠節能多為個位數百分比；此處以250萬千瓦時的3%計",
            "电能质量改善措施的实际全厂节能多为个位数百分比；此处以250万千瓦时的3%计",
        ),
        "image": "power",
    },
    {
        "slug": "electrodeless-lamps-replacing-mercury-lamps",
        "title": (
            "Lighting energy saving: electrodeless lamps replacing conventional "
            "mercury lamps",
            "使用無極燈取代傳統汞燈的照明節能方案",
            "使用无极灯取代传统汞灯的照明节能方案",
        ),
        "summary": (
            "A metalworking factory in Tuen Mun replaced 150 high-bay mercury lamps "
            "with electrodeless induction lamps.",
            "屯門一間金屬加工廠以無極燈取代150盞高天花汞燈。",
            "屯门一家金属加工厂以无极灯取代150盏高天花汞灯。",
        ),
        "problem": (
            "The 400 W mercury lamps in the high-bay workshop drew about 430 W with "
            "their ballasts, took minutes to restart, dimmed with age and had to be "
            "changed from a lift every year or two.",
            "高天花車間的400瓦汞燈連鎮流器約耗電430瓦，重新啟動需時數分鐘，光度隨使用下降，每一兩年便須動用升降台更換。",
            "高天花车间的400瓦汞灯连镇流器约耗电430瓦，重新启动需时数分钟，光度随使用下降，每一两年便须动用升降台更换。",
        ),
        "technology": (
            "Electrodeless induction lamps of 200 W give 70–80 lumens per watt, "
            "start instantly and, with no electrodes to wear out, last up to "
            "100,000 hours.",
            "200瓦無極燈光效達每瓦70–80流明，即開即亮；由於沒有會損耗的電極，壽命可達100,000小時。",
            "200瓦无极灯光效达每瓦70–80流明，即开即亮；由于没有会损耗的电极，寿命可达100,000小时。",
        ),
        "other_benefits": (
            "Far less mercury waste; lamp changes at height almost eliminated.",
            "含汞廢物大減；幾乎毋須高空更換燈具。",
            "含汞废物大减；几乎毋须高空更换灯具。",
        ),
        "process": ("High-bay lighting", "高天花照明", "高天花照明"),
        "industry": Industry.METAL,
        "category": TechnologyCategory.LIGHTING,
        "location": Location.HK_TUEN_MUN,
        "benefits": ("energy", "waste"),
        "investment": "330000",
        "kwh": "148500",
        "other_saving": "15000",
        "year": 2016,
        "basis": (
            "electrodeless lamps: 35–75% energy and maintenance saving claimed, "
            "70–80 lm/W, life up to 100,000 h; 220 W saved per lamp over 4,500 hours "
            "and HK$15,000 a year of maintenance taken here",
            "無極燈：聲稱可節省35–75%能源及維修費，光效每瓦70–80流明，壽命達100,000小時；此處以每盞省220瓦、每年4,500小時及每年維修費1.5萬港元計",
            "无极灯：声称可节省35–75%能源及维修费，光效每瓦70–80流明，寿命达100,000小时；此处以每盏省220瓦、每年4,500小时及每年维修费1.5万港元计",
        ),
        "image": "lamp",
    },
]

WATER_PRICE = Decimal("4.35")  # HK$/m3, about RMB 4 for industrial water in Guangdong
LANGUAGES = ("en", "zh_hant", "zh_hans")
PHOTO_ALT = {
    "chiller-modular": (
        "Schematic drawing of a modular chiller plant",
        "模塊式冷水機組示意圖",
        "模块式冷水机组示意图",
    ),
    "chiller": (
        "Schematic drawing of a water-cooled chiller",
        "水冷式冷水機示意圖",
        "水冷式冷水机示意图",
    ),
    "chiller-air": (
        "Schematic drawing of air-cooled chillers with fans on top",
        "頂部設風扇的風冷式冷水機示意圖",
        "顶部设风扇的风冷式冷水机示意图",
    ),
    "pv": (
        "Schematic drawing of solar panels on a factory roof",
        "廠房屋頂太陽能板示意圖",
        "厂房屋顶太阳能板示意图",
    ),
    "air-conditioner": (
        "Schematic drawing of an air-conditioning unit",
        "空調機示意圖",
        "空调机示意图",
    ),
    "cooker": (
        "Schematic drawing of an electric pressure cooker",
        "電壓力煲示意圖",
        "电压力煲示意图",
    ),
    "descaler": (
        "Schematic drawing of descaling coils wound round a water pipe",
        "水管外纏繞除垢線圈示意圖",
        "水管外缠绕除垢线圈示意图",
    ),
    "led": (
        "Schematic drawing of rows of LED tubes",
        "成排LED燈管示意圖",
        "成排LED灯管示意图",
    ),
    "voc": (
        "Schematic drawing of a spray booth connected to a VOC treatment unit and stack",
        "噴房連接揮發性有機物處理裝置及煙囪示意圖",
        "喷房连接挥发性有机物处理装置及烟囱示意图",
    ),
    "power": (
        "Schematic drawing of a power-saving cabinet",
        "節電裝置示意圖",
        "节电装置示意图",
    ),
    "lamp": (
        "Schematic drawing of high-bay lamps lighting a workshop",
        "高天花燈照亮車間示意圖",
        "高天花灯照亮车间示意图",
    ),
}


def _money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def figures(case: dict) -> dict:
    """Investment, savings, payback and CO2, consistent with one another."""
    region = "HK" if case["location"].startswith("hk-") else "GD"
    tariff = HK_TARIFF if region == "HK" else GD_TARIFF
    factor = HK_FACTOR if region == "HK" else GD_FACTOR
    kwh = Decimal(case["kwh"]) if case.get("kwh") else None
    water = Decimal(case["water"]) if case.get("water") else None
    saving = Decimal(case.get("other_saving", "0"))
    if kwh:
        saving += kwh * tariff
    if water:
        saving += water * WATER_PRICE
    investment = Decimal(case["investment"])
    return {
        "investment_hkd": investment,
        "annual_electricity_saving_kwh": kwh,
        "annual_water_saving_m3": water,
        "annual_cost_saving_hkd": _money(saving) if saving else None,
        "payback_years": (investment / saving).quantize(Decimal("0.1"))
        if saving
        else None,
        "co2_reduction_tonnes": (kwh * factor / 1000).quantize(Decimal("0.01"))
        if kwh
        else None,
        "grid_factor_kg_per_kwh": factor if kwh else None,
        "voc_reduction_kg": Decimal(case["voc"]) if case.get("voc") else None,
        "region": region,
    }


def seed(*, stdout=None) -> None:
    for order, case in enumerate(CASES):
        numbers = figures(case)
        region = numbers.pop("region")
        defaults = {
            "industry": case["industry"],
            "technology_category": case["category"],
            "location": case["location"],
            "scheme": SuccessCase.Scheme.DEMONSTRATION,
            "project_year": case["year"],
            "is_published": True,
            "is_featured": case.get("featured", False),
            "figures_are_illustrative": True,
            "published_on": date(2020, 3, 31 - order),
            **{
                f"benefit_{b}": b in case["benefits"]
                for b in ("energy", "air", "water", "waste")
            },
            **numbers,
        }
        for field in (
            "title",
            "summary",
            "problem",
            "technology",
            "other_benefits",
            "process",
        ):
            for language, text in zip(LANGUAGES, case[field], strict=True):
                defaults[f"{field}_{language}"] = text
        for language, template, basis in zip(
            LANGUAGES, SOURCE[region], case["basis"], strict=True
        ):
            defaults[f"figures_source_{language}"] = template.format(basis=basis)
        success_case, _ = SuccessCase.objects.update_or_create(
            slug=case["slug"], defaults=defaults
        )
        alt = PHOTO_ALT[case["image"]]
        photo, _ = CasePhoto.objects.update_or_create(
            case=success_case,
            ordering=0,
            defaults={
                "alt_text_en": alt[0],
                "alt_text_zh_hant": alt[1],
                "alt_text_zh_hans": alt[2],
                "is_illustration": True,
            },
        )
        if not photo.image:
            photo.image.save(
                f"{case['image']}.png", ContentFile(illustration_png(case["image"]))
            )
