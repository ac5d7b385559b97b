"""The demo's public texts in English, Traditional and Simplified Chinese.

Facts come from the team's programme reference (programme.md); figures that change by
phase are left to the funding table, which reads the open phase.
"""

# (key, (title en, zh-hant, zh-hans), (body en, zh-hant, zh-hans))
HOME_SECTIONS = [
    (
        "what",
        ("What the programme does", "計劃做甚麼", "计划做什么"),
        (
            "Since April 2008 the Cleaner Production Partnership Programme has helped "
            "Hong Kong-owned factories in Hong Kong and Guangdong adopt cleaner "
            "production technologies and practices. It is run by the Environmental "
            "Protection Department with the Department of Industry and Information "
            "Technology of Guangdong Province; the Hong Kong Productivity Council is "
            "the Secretariat.",
            "清潔生產伙伴計劃自2008年4月起協助港資工廠在香港及廣東採用清潔生產技術及作業方式。"
            "計劃由環境保護署與廣東省工業和信息化廳合辦，香港生產力促進局擔任秘書處。",
            "清洁生产伙伴计划自2008年4月起协助港资工厂在香港及广东采用清洁生产技术及作业方式。"
            "计划由香港特区政府环境保护署与广东省工业和信息化厅合办，香港生产力促进局担任秘书处。",
        ),
    ),
    (
        "aims",
        ("What factories gain", "工廠的得益", "工厂的得益"),
        (
            "- Less air pollution\n- Better energy efficiency\n"
            "- Less effluent discharged\n- Lower production costs",
            "- 減少空氣污染物排放\n- 提升能源效益\n- 減少及控制污水排放\n- 降低生產成本",
            "- 减少空气污染物排放\n- 提升能源效益\n- 减少及控制污水排放\n- 降低生产成本",
        ),
    ),
]

PROGRAMME_SECTIONS = [
    (
        "about",
        ("About the programme", "計劃簡介", "计划简介"),
        (
            "The Environmental Protection Department (EPD) of the Hong Kong SAR "
            "Government launched the Cleaner Production Partnership Programme in April "
            "2008 with the then Economic and Information Commission of Guangdong "
            "Province, now the Department of Industry and Information Technology of "
            "Guangdong Province. It encourages and helps Hong Kong-owned factories in "
            "Hong Kong and Guangdong to adopt cleaner production technologies and "
            "practices, and so to improve the environment of the region.\n\n"
            "The Hong Kong Productivity Council (HKPC) is the implementation agent and "
            "the Secretariat. By October 2024 the programme had supported more than "
            "4,200 projects.",
            "香港特別行政區政府環境保護署（環保署）於2008年4月聯同當時的廣東省經濟和信息化委員會（現為廣東省工業和信息化廳）推出清潔生產伙伴計劃，"
            "鼓勵及協助位於香港及廣東的港資工廠採用清潔生產技術及作業方式，從而改善區域環境。\n\n"
            "香港生產力促進局（生產力局）為計劃的執行機構及秘書處。截至2024年10月，計劃已資助超過4,200個項目。",
            "香港特别行政区政府环境保护署（环保署）于2008年4月联同当时的广东省经济和信息化委员会（现为广东省工业和信息化厅）推出清洁生产伙伴计划，"
            "鼓励及协助位于香港及广东的港资工厂采用清洁生产技术及作业方式，从而改善区域环境。\n\n"
            "香港生产力促进局（生产力局）为计划的执行机构及秘书处。截至2024年10月，计划已资助超过4,200个项目。",
        ),
    ),
    (
        "aims",
        ("Aims", "計劃目的", "计划目的"),
        (
            "The programme helps factories make a positive contribution to a cleaner "
            "environment by reducing emissions. Its aims are to:\n\n"
            "- minimise air pollutant emissions\n- improve energy efficiency\n"
            "- reduce and control effluent discharge\n- reduce production costs",
            "計劃協助工廠減少排放，為改善環境作出貢獻，目的是：\n\n"
            "- 減少空氣污染物排放\n- 提升能源效益\n- 減少及控制污水排放\n- 降低生產成本",
            "计划协助工厂减少排放，为改善环境作出贡献，目的是：\n\n"
            "- 减少空气污染物排放\n- 提升能源效益\n- 减少及控制污水排放\n- 降低生产成本",
        ),
    ),
    (
        "industries",
        ("Targeted industries", "目標行業", "目标行业"),
        (
            "The programme targets industries that:\n\n"
            "- have production processes with substantial emissions of air pollutants\n"
            "- use large quantities of potentially environmentally damaging chemicals "
            "or materials\n- consume large quantities of fuel and energy\n"
            "- have good potential for environmental improvement\n\n"
            "Priority for funding goes to factories in the eight industries below. "
            "Factories in other industries may also apply; the Project Management "
            "Committee considers them case by case.",
            "計劃的目標行業為：\n\n"
            "- 生產過程排放大量空氣污染物\n- 使用大量可能損害環境的化學品或物料\n"
            "- 消耗大量燃料及能源\n- 具良好環境改善潛力\n\n"
            "以下八個行業的工廠可獲優先資助；其他行業的工廠亦可申請，由項目管理委員會按個別情況考慮。",
            "计划的目标行业为：\n\n"
            "- 生产过程排放大量空气污染物\n- 使用大量可能损害环境的化学品或物料\n"
            "- 消耗大量燃料及能源\n- 具良好环境改善潜力\n\n"
            "以下八个行业的工厂可获优先资助；其他行业的工厂亦可申请，由项目管理委员会按个别情况考虑。",
        ),
    ),
    (
        "initiatives",
        ("Key initiatives", "主要資助項目", "主要资助项目"),
        (
            "- On-site Improvement Assessment: an environmental technology service "
            "provider assesses one factory's room for improvement in energy efficiency "
            "and emission reduction and proposes practical cleaner production "
            "measures.\n"
            "- Demonstration Project: the factory installs new equipment or modifies "
            "a production process to demonstrate the effectiveness of a cleaner "
            "production technology, with its performance verified before and after.\n"
            "- Organization Support Initiative: trade and industry associations in "
            "Hong Kong carry out trade-specific promotion and publicity to spread "
            "proven cleaner production technologies.\n\n"
            "The funding share, the ceiling and the time allowed are set for each "
            "phase of the programme; the table below shows the phase now open.",
            "- 實地評估：由環境技術服務供應商評估個別工廠在提升能源效益及減少排放方面的改善空間，並提出可行的清潔生產措施。\n"
            "- 示範項目：工廠安裝新設備或改良生產工序，示範清潔生產技術的成效，並核實實施前後的表現。\n"
            "- 機構支援計劃：資助香港工商業支援機構舉辦針對個別行業的推廣及宣傳活動，推動更廣泛採用已證實有效的清潔生產技術。\n\n"
            "資助比例、上限及完成期限按計劃每一期訂定；下表列出現正接受申請的一期。",
            "- 实地评估：由环境技术服务供应商评估个别工厂在提升能源效益及减少排放方面的改善空间，并提出可行的清洁生产措施。\n"
            "- 示范项目：工厂安装新设备或改良生产工序，示范清洁生产技术的成效，并核实实施前后的表现。\n"
            "- 机构支援计划：资助香港工商业支援机构举办针对个别行业的推广及宣传活动，推动更广泛采用已证实有效的清洁生产技术。\n\n"
            "资助比例、上限及完成期限按计划每一期订定；下表列出现正接受申请的一期。",
        ),
    ),
    (
        "eligibility",
        ("Who may apply", "申請資格", "申请资格"),
        (
            "On-site Improvement Assessments and Demonstration Projects: the applicant "
            "must be a business registered in Hong Kong under the Business "
            "Registration Ordinance (Cap. 310) and meet one of these tests:\n\n"
            "1. It is connected to a factory in Guangdong owned and operated by a "
            "Sino-foreign equity or co-operative joint venture to which it is a party; "
            "a wholly foreign-owned enterprise it funds; a Mainland enterprise with a "
            "subsisting processing, assembly or compensatory trade agreement with it; "
            "or a Mainland enterprise more than 50% owned by a Hong Kong resident who "
            "holds at least 30% of the Hong Kong business.\n"
            "2. It owns and operates a factory in Hong Kong.\n"
            "3. It owns and operates a workshop in Hong Kong with polluting processes, "
            "such as paint spraying and curing, solvent cleaning of metal parts or "
            "vehicle engine testing (Demonstration Projects only).\n\n"
            "Organization Support Initiative: non-profit trade and industry "
            "associations in Hong Kong.\n\n"
            "A factory normally receives one funded On-site Improvement Assessment. "
            "It may receive another if at least five years have passed since the "
            "first was completed, it has implemented at least one recommended measure "
            "involving investment in facilities with obvious environmental benefits, "
            "and its production process or material use has changed or it is pursuing "
            "municipal, national or international recognition for cleaner production.",
            "實地評估及示範項目：申請者須為根據《商業登記條例》（第310章）在香港登記的企業，並符合以下其中一項條件：\n\n"
            "1. 與位於廣東的工廠有關連，而該工廠由以下企業擁有及經營：申請者參與的中外合資或合作經營企業；申請者出資的外商獨資企業；與申請者訂有有效來料加工、裝配或補償貿易協議的內地企業；"
            "或由一名香港居民持有超過50%股權、而該居民亦持有申請企業最少30%股權的內地企業。\n"
            "2. 在香港擁有及經營工廠。\n"
            "3. 在香港擁有及經營涉及污染工序的工場，例如噴漆及烘乾、以溶劑清洗金屬部件或車輛引擎測試（只可申請示範項目）。\n\n"
            "機構支援計劃：香港的非牟利工商業支援機構。\n\n"
            "每間工廠一般只可獲資助一次實地評估。如距上一次評估完成已最少五年，並已落實最少一項涉及設施投資、具明顯環境效益的建議措施，"
            "而生產工序或物料使用有所改變，或正爭取市級、國家級或國際的清潔生產認可，則可再次申請。",
            "实地评估及示范项目：申请者须为根据《商业登记条例》（第310章）在香港登记的企业，并符合以下其中一项条件：\n\n"
            "1. 与位于广东的工厂有关连，而该工厂由以下企业拥有及经营：申请者参与的中外合资或合作经营企业；申请者出资的外商独资企业；与申请者订有有效来料加工、装配或补偿贸易协议的内地企业；"
            "或由一名香港居民持有超过50%股权、而该居民亦持有申请企业最少30%股权的内地企业。\n"
            "2. 在香港拥有及经营工厂。\n"
            "3. 在香港拥有及经营涉及污染工序的工场，例如喷漆及烘干、以溶剂清洗金属部件或车辆引擎测试（只可申请示范项目）。\n\n"
            "机构支援计划：香港的非牟利工商业支援机构。\n\n"
            "每家工厂一般只可获资助一次实地评估。如距上一次评估完成已最少五年，并已落实最少一项涉及设施投资、具明显环境效益的建议措施，"
            "而生产工序或物料使用有所改变，或正争取市级、国家级或国际的清洁生产认可，则可再次申请。",
        ),
    ),
    (
        "how-to-apply",
        ("How to apply", "如何申請", "如何申请"),
        (
            "Apply online on this portal:\n\n"
            "1. Register your company's account and confirm your e-mail address.\n"
            "2. Add your factories and choose the funding initiative.\n"
            "3. Choose an environmental technology service provider from the "
            "directory and attach its quotation. The provider must not be a related "
            "party of your company.\n"
            "4. Attach the supporting documents, make the declarations and submit. "
            "You receive a reference number at once.\n\n"
            "The application guides under Resources explain each document. For help, "
            "call the Secretariat on (852) 2788 5588.",
            "請在本網站網上申請：\n\n"
            "1. 登記公司帳戶並確認電郵地址。\n"
            "2. 加入貴公司的工廠並選擇資助項目。\n"
            "3. 從名錄中選擇環境技術服務供應商並附上其報價；供應商不得與貴公司有關連。\n"
            "4. 附上證明文件、作出聲明後遞交，系統即時發出申請編號。\n\n"
            "「資源」內的申請指引說明所需文件。如需協助，請致電秘書處 (852) 2788 5588。",
            "请在本网站网上申请：\n\n"
            "1. 登记公司账户并确认电子邮件地址。\n"
            "2. 加入贵公司的工厂并选择资助项目。\n"
            "3. 从名录中选择环境技术服务供应商并附上其报价；供应商不得与贵公司有关连。\n"
            "4. 附上证明文件、作出声明后提交，系统即时发出申请编号。\n\n"
            "「资源」内的申请指引说明所需文件。如需协助，请致电秘书处 (852) 2788 5588。",
        ),
    ),
    (
        "process",
        ("The process step by step", "申請流程", "申请流程"),
        (
            "1. Submission: you submit the application online and receive a "
            "reference number.\n"
            "2. Screening: the Secretariat checks that the application is complete and "
            "eligible, and may ask you questions online.\n"
            "3. Technical assessment: the Secretariat assesses the baseline, the "
            "technology, the cost and the expected environmental benefits.\n"
            "4. Decision: the Project Management Committee approves, approves with "
            "conditions or rejects the application.\n"
            "5. Agreement: you accept the approval and its conditions.\n"
            "6. Implementation: the project is carried out within the time the "
            "initiative allows.\n"
            "7. Report: you submit the assessment report, or the completion report "
            "with measured results, within two months of completion.\n"
            "8. Payment: after the report is accepted, you claim the grant with "
            "invoices and proof of payment.",
            "1. 遞交：網上遞交申請並取得申請編號。\n"
            "2. 初步審核：秘書處核實申請是否齊備及符合資格，並可在網上提問。\n"
            "3. 技術評審：秘書處評估基線、技術、成本及預期環境效益。\n"
            "4. 審批：項目管理委員會批准、有條件批准或拒絕申請。\n"
            "5. 確認：申請者接受批核及其條件。\n"
            "6. 實施：在資助項目容許的期限內完成項目。\n"
            "7. 報告：項目完成後兩個月內遞交評估報告，或附實測結果的完工報告。\n"
            "8. 發放資助：報告獲接納後，憑發票及付款證明申領資助。",
            "1. 提交：网上提交申请并取得申请编号。\n"
            "2. 初步审核：秘书处核实申请是否齐备及符合资格，并可在网上提问。\n"
            "3. 技术评审：秘书处评估基线、技术、成本及预期环境效益。\n"
            "4. 审批：项目管理委员会批准、有条件批准或拒绝申请。\n"
            "5. 确认：申请者接受批核及其条件。\n"
            "6. 实施：在资助项目容许的期限内完成项目。\n"
            "7. 报告：项目完成后两个月内提交评估报告，或附实测结果的完工报告。\n"
            "8. 发放资助：报告获接纳后，凭发票及付款证明申领资助。",
        ),
    ),
]

RECOGNITION_SECTIONS = [
    (
        "about",
        ("What the scheme is", "計劃簡介", "计划简介"),
        (
            "The Hong Kong–Guangdong Cleaner Production Partners Recognition Scheme "
            "was launched jointly in August 2009 by the Environment Bureau of the Hong "
            "Kong SAR Government and the Economic and Information Commission of "
            "Guangdong Province. It recognises Hong Kong-owned factories, their "
            "buyers and service providers that practise and promote cleaner "
            "production.\n\n"
            "Awardees receive a certificate with a unique serial number, jointly "
            "signed by the Environment and Ecology Bureau and the Department of "
            "Industry and Information Technology of Guangdong Province, and may use "
            "the scheme's label on documents, business cards and promotion during its "
            "validity. They are invited to the award ceremony and to share their "
            "experience at events.",
            "粵港清潔生產伙伴標誌計劃由香港特區政府環境局與廣東省經濟和信息化委員會於2009年8月聯合推出，"
            "表揚實踐及推動清潔生產的港資工廠、採購商及服務供應商。\n\n"
            "獲嘉許者可獲由環境及生態局與廣東省工業和信息化廳聯合簽署、附獨有編號的證書，並可在有效期內於文件、名片及宣傳品使用計劃標誌；"
            "亦獲邀出席頒獎典禮及在活動中分享經驗。",
            "粤港清洁生产伙伴标志计划由香港特区政府环境局与广东省经济和信息化委员会于2009年8月联合推出，"
            "表彰实践及推动清洁生产的港资工厂、采购商及服务供应商。\n\n"
            "获表彰者可获由香港特区政府环境及生态局与广东省工业和信息化厅联合签署、附独有编号的证书，并可在有效期内于文件、名片及宣传品使用计划标志；"
            "亦获邀出席颁奖典礼及在活动中分享经验。",
        ),
    ),
    (
        "cycle",
        ("The yearly cycle", "每年流程", "每年流程"),
        (
            "The scheme runs once a year:\n\n"
            "1. Applications, usually in the second quarter.\n"
            "2. Documentary checks and on-site assessment by HKPC, around June and "
            "July.\n"
            "3. Joint review by the Hong Kong and Guangdong authorities, around "
            "August, including a check of environmental compliance records.\n"
            "4. Public notice of the proposed list for objections, around September.\n"
            "5. Award ceremony, between October and December.\n\n"
            "In 2024, 215 enterprises were recognised: 42 Excellent Partners and 149 "
            "Partners in manufacturing, 3 in the supply chain and 21 technology "
            "service providers.",
            "計劃每年舉辦一次：\n\n"
            "1. 接受申請，一般在第二季。\n"
            "2. 生產力局文件審核及實地評審，約在6月至7月。\n"
            "3. 粵港兩地政府部門聯合評審，約在8月，並核查企業的環保守法紀錄。\n"
            "4. 擬嘉許名單公示以接受異議，約在9月。\n"
            "5. 頒獎典禮，在10月至12月舉行。\n\n"
            "2024年共有215間企業獲嘉許：製造業優越伙伴42間、伙伴149間，供應鏈3間，技術服務21間。",
            "计划每年举办一次：\n\n"
            "1. 接受申请，一般在第二季度。\n"
            "2. 生产力局文件审核及现场评审，约在6月至7月。\n"
            "3. 粤港两地政府部门联合评审，约在8月，并核查企业的环保守法记录。\n"
            "4. 拟表彰名单公示以接受异议，约在9月。\n"
            "5. 颁奖典礼，在10月至12月举行。\n\n"
            "2024年共有215家企业获表彰：制造业优越伙伴42家、伙伴149家，供应链3家，技术服务21家。",
        ),
    ),
]

RECOGNITION_CATEGORIES = [
    (
        "excellent-manufacturing",
        (
            "Hong Kong–Guangdong Cleaner Production Excellent Partner (Manufacturing)",
            "粵港清潔生產優越伙伴（製造業）",
            "粤港清洁生产优越伙伴（制造业）",
        ),
        (
            "Hong Kong-owned factories that have sustained cleaner production with "
            "significant results.",
            "持續推行清潔生產並取得顯著成效的港資工廠。",
            "持续推行清洁生产并取得显著成效的港资工厂。",
        ),
        (
            "- Cleaner production measures implemented over several years, with "
            "measured results\n- Significant cuts in energy use, emissions, effluent "
            "or waste\n- Cleaner production built into management and staff "
            "training\n- A clean environmental compliance record",
            "- 多年來持續實施清潔生產措施並有實測成果\n- 能源消耗、排放、污水或廢物顯著減少\n"
            "- 清潔生產已納入管理及員工培訓\n- 環保守法紀錄良好",
            "- 多年来持续实施清洁生产措施并有实测成果\n- 能源消耗、排放、污水或废物显著减少\n"
            "- 清洁生产已纳入管理及员工培训\n- 环保守法记录良好",
        ),
    ),
    (
        "manufacturing",
        (
            "Hong Kong–Guangdong Cleaner Production Partner (Manufacturing)",
            "粵港清潔生產伙伴（製造業）",
            "粤港清洁生产伙伴（制造业）",
        ),
        (
            "Hong Kong-owned factories with good cleaner production performance.",
            "清潔生產表現良好的港資工廠。",
            "清洁生产表现良好的港资工厂。",
        ),
        (
            "- At least one cleaner production measure implemented, with evidence of "
            "its results\n- Improvement in energy, emissions, effluent or waste\n"
            "- A clean environmental compliance record",
            "- 最少實施一項清潔生產措施並有成效證明\n- 在能源、排放、污水或廢物方面有所改善\n- 環保守法紀錄良好",
            "- 最少实施一项清洁生产措施并有成效证明\n- 在能源、排放、污水或废物方面有所改善\n- 环保守法记录良好",
        ),
    ),
    (
        "supply-chain",
        (
            "Hong Kong–Guangdong Cleaner Production Partner (Supply Chain)",
            "粵港清潔生產伙伴（供應鏈）",
            "粤港清洁生产伙伴（供应链）",
        ),
        (
            "Sourcing and buying enterprises that promote cleaner production among "
            "the Hong Kong-owned factories they work with.",
            "在合作的港資工廠中推動清潔生產的採購企業。",
            "在合作的港资工厂中推动清洁生产的采购企业。",
        ),
        (
            "- A programme that encourages or requires suppliers to adopt cleaner "
            "production\n- Support for suppliers, such as training, audits or "
            "incentives\n- Evidence of improvement at supplier factories",
            "- 有鼓勵或要求供應商採用清潔生產的計劃\n- 為供應商提供培訓、審核或獎勵等支援\n- 供應商工廠有改善的證明",
            "- 有鼓励或要求供应商采用清洁生产的计划\n- 为供应商提供培训、审核或奖励等支援\n- 供应商工厂有改善的证明",
        ),
    ),
    (
        "technology-service",
        (
            "Hong Kong–Guangdong Cleaner Production Partner (Technology Service)",
            "粵港清潔生產伙伴（技術服務）",
            "粤港清洁生产伙伴（技术服务）",
        ),
        (
            "Environmental technology service providers that actively support the "
            "programme and serve participating factories well (since 2010).",
            "積極支持計劃並為參與工廠提供優質服務的環境技術服務供應商（2010年起設立）。",
            "积极支持计划并为参与工厂提供优质服务的环境技术服务供应商（2010年起设立）。",
        ),
        (
            "- Projects completed for factories under the programme\n- Results "
            "verified and reported on time\n- Good feedback from the factories served",
            "- 曾在計劃下為工廠完成項目\n- 成效經核實並按時匯報\n- 獲服務工廠良好評價",
            "- 曾在计划下为工厂完成项目\n- 成效经核实并按时汇报\n- 获服务工厂良好评价",
        ),
    ),
]

# (slug, (topic en, zh-hant, zh-hans), on programme page, [(key, question, answer)])
FAQ = [
    (
        "cleaner-production",
        ("About cleaner production", "關於清潔生產", "关于清洁生产"),
        False,
        [
            (
                "what-is-cp",
                (
                    "What is cleaner production?",
                    "甚麼是清潔生產？",
                    "什么是清洁生产？",
                ),
                (
                    "Cleaner production is the continuous application of an "
                    "environmental strategy to processes, products and services, to "
                    "use energy and materials more efficiently and to reduce waste "
                    "and emissions at source. It covers better housekeeping, "
                    "process changes, equipment upgrades, recovery and reuse, and "
                    "cleaner technologies.",
                    "清潔生產是把環境策略持續應用於生產工序、產品及服務，以更有效使用能源及物料，並從源頭減少廢物及排放。"
                    "措施包括改善日常管理、改良工序、更新設備、回收再用及採用更清潔的技術。",
                    "清洁生产是把环境策略持续应用于生产工序、产品及服务，以更有效使用能源及物料，并从源头减少废物及排放。"
                    "措施包括改善日常管理、改良工序、更新设备、回收再用及采用更清洁的技术。",
                ),
            ),
            (
                "benefits",
                (
                    "What are the benefits?",
                    "清潔生產有甚麼好處？",
                    "清洁生产有什么好处？",
                ),
                (
                    "- Lower costs for energy, water, materials and waste disposal\n"
                    "- Less air pollution, effluent and waste\n"
                    "- Easier compliance with environmental regulations\n"
                    "- Better working conditions and product quality\n"
                    "- A better image with buyers who value a green supply chain",
                    "- 節省能源、用水、物料及廢物處置成本\n- 減少空氣污染、污水及廢物\n"
                    "- 更易符合環保法規\n- 改善工作環境及產品質素\n- 提升形象，迎合重視綠色供應鏈的買家",
                    "- 节省能源、用水、物料及废物处置成本\n- 减少空气污染、污水及废物\n"
                    "- 更易符合环保法规\n- 改善工作环境及产品质量\n- 提升形象，迎合重视绿色供应链的买家",
                ),
            ),
            (
                "cp-vs-pollution-control",
                (
                    "How does cleaner production differ from pollution control?",
                    "清潔生產與污染控制有何不同？",
                    "清洁生产与污染控制有何不同？",
                ),
                (
                    "Pollution control treats pollutants after they are made, at the "
                    "end of the pipe, and adds cost. Cleaner production prevents them "
                    "at source by changing materials, processes and equipment, and "
                    "often saves money. The two work together: prevent first, then "
                    "treat what remains.",
                    "污染控制是在污染物產生後於「管道末端」處理，會增加成本；清潔生產則透過改變物料、工序及設備，從源頭預防污染，往往能節省開支。"
                    "兩者相輔相成：先預防，再處理餘下的污染物。",
                    "污染控制是在污染物产生后于「管道末端」处理，会增加成本；清洁生产则通过改变物料、工序及设备，从源头预防污染，往往能节省开支。"
                    "两者相辅相成：先预防，再处理余下的污染物。",
                ),
            ),
            (
                "how-to-start",
                (
                    "How can my factory start?",
                    "工廠如何開始推行清潔生產？",
                    "工厂如何开始推行清洁生产？",
                ),
                (
                    "1. Top management commits to cleaner production.\n"
                    "2. Set up a small cleaner production team.\n"
                    "3. Measure where energy, water and materials go and where waste "
                    "arises.\n"
                    "4. Identify options and select the practical ones.\n"
                    "5. Implement, measure the results and keep improving.\n\n"
                    "An On-site Improvement Assessment funded by the programme is a "
                    "good first step.",
                    "1. 管理層承諾推行清潔生產。\n2. 成立清潔生產小組。\n"
                    "3. 量度能源、用水及物料的去向及廢物的來源。\n4. 找出可行方案並作出選擇。\n"
                    "5. 實施、量度成效並持續改善。\n\n由計劃資助的實地評估是很好的第一步。",
                    "1. 管理层承诺推行清洁生产。\n2. 成立清洁生产小组。\n"
                    "3. 量度能源、用水及物料的去向及废物的来源。\n4. 找出可行方案并作出选择。\n"
                    "5. 实施、量度成效并持续改善。\n\n由计划资助的实地评估是很好的第一步。",
                ),
            ),
        ],
    ),
    (
        "funding",
        ("Funding", "資助", "资助"),
        True,
        [
            (
                "how-funding-works",
                (
                    "How does the funding work?",
                    "資助如何計算？",
                    "资助如何计算？",
                ),
                (
                    "The programme pays a share of the approved eligible cost, up to "
                    "the ceiling of the initiative: the grant is the smaller of the "
                    "two. For example, with a 50% share and a ceiling of HK$330,000, "
                    "a project costing HK$500,000 receives HK$250,000 and one "
                    "costing HK$800,000 receives HK$330,000. The share and the "
                    "ceiling of each initiative are set for each phase; see the "
                    "funding table.",
                    "計劃按核准合資格開支的某個百分比資助，但不超過該資助項目的上限，即取兩者中較小者。"
                    "例如資助比例為50%、上限為330,000港元：項目開支500,000港元可獲250,000港元；開支800,000港元則獲330,000港元。"
                    "各資助項目的比例及上限按每一期訂定，詳見資助表。",
                    "计划按核准合资格开支的某个百分比资助，但不超过该资助项目的上限，即取两者中较小者。"
                    "例如资助比例为50%、上限为330,000港元：项目开支500,000港元可获250,000港元；开支800,000港元则获330,000港元。"
                    "各资助项目的比例及上限按每一期订定，详见资助表。",
                ),
            ),
            (
                "who-may-apply",
                (
                    "Who may apply?",
                    "誰可申請？",
                    "谁可申请？",
                ),
                (
                    "A business registered in Hong Kong with a factory in Hong Kong or "
                    "a connected factory in Guangdong may apply for On-site "
                    "Improvement Assessments and Demonstration Projects; a workshop in "
                    "Hong Kong with polluting processes may apply for Demonstration "
                    "Projects; trade and industry associations may apply for the "
                    "Organization Support Initiative. The programme page lists the "
                    "tests in full.",
                    "在香港登記、在香港設有工廠或與廣東工廠有關連的企業可申請實地評估及示範項目；"
                    "在香港經營涉及污染工序工場的企業可申請示範項目；工商業支援機構可申請機構支援計劃。詳細條件見計劃簡介頁。",
                    "在香港登记、在香港设有工厂或与广东工厂有关连的企业可申请实地评估及示范项目；"
                    "在香港经营涉及污染工序工场的企业可申请示范项目；工商业支援机构可申请机构支援计划。详细条件见计划简介页。",
                ),
            ),
            (
                "other-industries",
                (
                    "My factory is not in one of the eight targeted industries. Can it "
                    "apply?",
                    "工廠不屬八個目標行業，可以申請嗎？",
                    "工厂不属八个目标行业，可以申请吗？",
                ),
                (
                    "Yes. Factories in the eight targeted industries have priority, "
                    "and the Project Management Committee considers other factories "
                    "case by case.",
                    "可以。八個目標行業的工廠獲優先考慮，其他行業的工廠由項目管理委員會按個別情況考慮。",
                    "可以。八个目标行业的工厂获优先考虑，其他行业的工厂由项目管理委员会按个别情况考虑。",
                ),
            ),
            (
                "service-provider",
                (
                    "Who carries out the assessment or the project?",
                    "誰負責進行評估或項目？",
                    "谁负责进行评估或项目？",
                ),
                (
                    "Your factory engages an environmental technology service provider "
                    "of its choice; the directory on this portal lists providers and "
                    "their services. The provider must not be a related party of "
                    "your company.",
                    "工廠自行委聘環境技術服務供應商；本網站的名錄列出供應商及其服務。供應商不得與貴公司有關連。",
                    "工厂自行委聘环境技术服务供应商；本网站的名录列出供应商及其服务。供应商不得与贵公司有关连。",
                ),
            ),
            (
                "repeat-assessment",
                (
                    "Can a factory have a second On-site Improvement Assessment?",
                    "工廠可否再申請實地評估？",
                    "工厂可否再申请实地评估？",
                ),
                (
                    "Yes, if at least five years have passed since its funded "
                    "assessment was completed, it has implemented at least one "
                    "recommended measure involving investment in facilities, and its "
                    "process or materials have changed or it is pursuing recognition "
                    "for cleaner production.",
                    "可以，但須距上一次獲資助的評估完成已最少五年、已落實最少一項涉及設施投資的建議措施，並且工序或物料有所改變，或正爭取清潔生產認可。",
                    "可以，但须距上一次获资助的评估完成已最少五年、已落实最少一项涉及设施投资的建议措施，并且工序或物料有所改变，或正争取清洁生产认可。",
                ),
            ),
        ],
    ),
    (
        "applying",
        ("Applying online", "網上申請", "网上申请"),
        False,
        [
            (
                "how-to-apply-online",
                (
                    "How do I apply?",
                    "如何申請？",
                    "如何申请？",
                ),
                (
                    "Register an account on this portal, add your factories, fill in "
                    "the application, attach the documents and submit. You can save "
                    "a draft and come back to it. You receive a reference number when "
                    "you submit, and can follow the application's progress online.",
                    "在本網站登記帳戶、加入工廠、填寫申請表、附上文件並遞交。申請可儲存為草稿稍後再續。遞交後即獲申請編號，並可在網上查閱進度。",
                    "在本网站登记账户、加入工厂、填写申请表、附上文件并提交。申请可保存为草稿稍后再续。提交后即获申请编号，并可在网上查阅进度。",
                ),
            ),
            (
                "how-long",
                (
                    "How long may a project take?",
                    "項目須在多久內完成？",
                    "项目须在多久内完成？",
                ),
                (
                    "Each initiative has a maximum duration set for the phase, shown "
                    "in the funding table. The final report is due within two months "
                    "of completion.",
                    "每個資助項目的最長期限按每一期訂定，見資助表。最終報告須在項目完成後兩個月內遞交。",
                    "每个资助项目的最长期限按每一期订定，见资助表。最终报告须在项目完成后两个月内提交。",
                ),
            ),
        ],
    ),
]

# (slug, date offset in days before today, title, summary, body, link, link label)
NEWS = [
    (
        "repeat-on-site-assessment",
        40,
        (
            "On-site Improvement Assessment: more than one application of funding "
            "support",
            "實地評估：多於一次申請資助的安排",
            "实地评估：多于一次申请资助的安排",
        ),
        (
            "Eligible factories may now apply for more than one funded On-site "
            "Improvement Assessment if they meet two requirements.",
            "合資格工廠如符合兩項要求，可多於一次申請實地評估資助。",
            "合资格工厂如符合两项要求，可多于一次申请实地评估资助。",
        ),
        (
            "More than one application for an On-site Improvement Assessment is "
            "accepted from eligible factories that meet both of these requirements:\n\n"
            "1. At least five years have passed since they completed an On-site "
            "Improvement Assessment funded under the programme, and they have "
            "implemented at least one cleaner production improvement measure "
            "recommended in the approved assessment report. The measure should "
            "involve investment in facilities that have demonstrated obvious "
            "environmental benefits.\n"
            "2. There is a change in production process or material usage, or the "
            "factory is pursuing municipal, national or international recognition "
            "for cleaner production.\n\n"
            "For further details, please refer to the Guide to Application for "
            "Funding Support.",
            "符合以下兩項要求的合資格工廠，可多於一次申請實地評估：\n\n"
            "1. 在完成計劃資助的實地評估後相隔最少五年，並已落實經批核評估報告所建議的最少一項清潔生產改善措施；"
            "該措施須涉及已證實具明顯環境效益的設施投資。\n"
            "2. 生產工序或物料使用有所改變，或正爭取市級、國家級或國際的清潔生產認可。\n\n"
            "詳情請參閱《資助申請指引》。",
            "符合以下两项要求的合资格工厂，可多于一次申请实地评估：\n\n"
            "1. 在完成计划资助的实地评估后相隔最少五年，并已落实经批核评估报告所建议的最少一项清洁生产改善措施；"
            "该措施须涉及已证实具明显环境效益的设施投资。\n"
            "2. 生产工序或物料使用有所改变，或正争取市级、国家级或国际的清洁生产认可。\n\n"
            "详情请参阅《资助申请指引》。",
        ),
        "",
        ("", "", ""),
        ["guide-funding-support"],
    ),
    (
        "cp-toolbox-launch",
        75,
        (
            "Official launch of an online Cleaner Production Toolbox",
            "網上清潔生產工具箱正式推出",
            "网上清洁生产工具箱正式推出",
        ),
        (
            "A web-based tool helps factories find cleaner production technologies "
            "that suit their processes, with ballpark costs and benefits.",
            "網上互動工具協助工廠找出適合其生產工序的清潔生產技術，並提供初步成本及效益估算。",
            "网上互动工具协助工厂找出适合其生产工序的清洁生产技术，并提供初步成本及效益估算。",
        ),
        (
            "Consolidating the cleaner production technologies and practices "
            "demonstrated under the programme, the Cleaner Production (CP) Toolbox "
            "is a web-based interactive tool that helps factories select cleaner "
            "production technologies relevant to their production processes. Users "
            "get an initial idea of potential measures and available technologies "
            "for their operation, with preliminary ballpark figures on cost and "
            "benefits.",
            "清潔生產工具箱整合了計劃下示範的清潔生產技術及作業方式，是一個網上互動工具，協助工廠選擇與其生產工序相關的清潔生產技術，"
            "讓用戶初步了解適用於其營運的潛在措施及技術，並提供初步的成本及效益估算。",
            "清洁生产工具箱整合了计划下示范的清洁生产技术及作业方式，是一个网上互动工具，协助工厂选择与其生产工序相关的清洁生产技术，"
            "让用户初步了解适用于其营运的潜在措施及技术，并提供初步的成本及效益估算。",
        ),
        "/toolbox/",
        ("Open the CP Toolbox", "使用清潔生產工具箱", "使用清洁生产工具箱"),
        [],
    ),
    (
        "new-phase-invites-applications",
        120,
        (
            "New phase of the Cleaner Production Partnership Programme invites "
            "applications",
            "清潔生產伙伴計劃新一期接受申請",
            "清洁生产伙伴计划新一期接受申请",
        ),
        (
            "The programme invites funding applications for its new phase, with "
            "support for trade and industry associations as well as factories.",
            "計劃新一期現正接受資助申請，除工廠外，亦資助工商業支援機構。",
            "计划新一期现正接受资助申请，除工厂外，亦资助工商业支援机构。",
        ),
        (
            "The new phase of the Cleaner Production Partnership Programme invites "
            "funding applications. The Environmental Protection Department has "
            "extended the programme, and the funding ceilings of On-site Improvement "
            "Assessments and Demonstration Projects have been raised; the current "
            "figures are in the funding table.\n\n"
            "Funding support is also provided to trade and industry associations to "
            "carry out trade-specific promotion and publicity, to promote the "
            "adoption of proven cleaner production technologies by Hong Kong-owned "
            "factories. Interested enterprises and associations please refer to the "
            "application guides.",
            "清潔生產伙伴計劃新一期現正接受資助申請。環境保護署已延續計劃，實地評估及示範項目的資助上限亦已提高，現行數字見資助表。\n\n"
            "計劃亦資助工商業支援機構舉辦針對個別行業的推廣及宣傳活動，推動港資工廠採用已證實有效的清潔生產技術。有興趣的企業及機構請參閱申請指引。",
            "清洁生产伙伴计划新一期现正接受资助申请。环境保护署已延续计划，实地评估及示范项目的资助上限亦已提高，现行数字见资助表。\n\n"
            "计划亦资助工商业支援机构举办针对个别行业的推广及宣传活动，推动港资工厂采用已证实有效的清洁生产技术。有兴趣的企业及机构请参阅申请指引。",
        ),
        "/programme/",
        ("Funding and eligibility", "資助及申請資格", "资助及申请资格"),
        ["guide-funding-support", "guide-osi"],
    ),
]

RESOURCE_KINDS = [
    ("guides", ("Application guides", "申請指引", "申请指引")),
    ("forms", ("Forms", "表格", "表格")),
    ("technical", ("Technical guides", "技術指南", "技术指南")),
]

# (slug, kind, title, description, PDF sections [(heading, text)] per language)
RESOURCES = [
    (
        "guide-funding-support",
        "guides",
        (
            "Guide to Application for Funding Support",
            "資助申請指引",
            "资助申请指引",
        ),
        (
            "For On-site Improvement Assessments and Demonstration Projects: "
            "eligibility, documents and the process.",
            "適用於實地評估及示範項目：申請資格、所需文件及流程。",
            "适用于实地评估及示范项目：申请资格、所需文件及流程。",
        ),
    ),
    (
        "guide-osi",
        "guides",
        (
            "Organization Support Initiative: Guide to Application for Funding Support",
            "機構支援計劃資助申請指引",
            "机构支援计划资助申请指引",
        ),
        (
            "For trade and industry associations planning promotion and publicity "
            "activities.",
            "適用於計劃舉辦推廣及宣傳活動的工商業支援機構。",
            "适用于计划举办推广及宣传活动的工商业支援机构。",
        ),
    ),
    (
        "checklist-documents",
        "forms",
        (
            "Checklist of supporting documents",
            "證明文件清單",
            "证明文件清单",
        ),
        (
            "The documents to prepare before you apply online.",
            "網上申請前須預備的文件。",
            "网上申请前须预备的文件。",
        ),
    ),
    (
        "energy-saving-chillers",
        "technical",
        (
            "Energy saving in chilled water systems",
            "冷凍水系統節能",
            "冷冻水系统节能",
        ),
        (
            "Practical measures for chiller plants, from maintenance to oil-free "
            "chillers.",
            "冷水機房的實用節能措施，由保養到無油冷水機。",
            "冷水机房的实用节能措施，由保养到无油冷水机。",
        ),
    ),
]

# The short PDF texts: (heading, paragraphs) per language, by resource slug.
RESOURCE_TEXT = {
    "guide-funding-support": (
        [
            (
                "Who may apply",
                "A business registered in Hong Kong under the Business Registration Ordinance (Cap. 310) with a factory in Hong Kong, or connected to a factory in Guangdong, may apply for On-site Improvement Assessments and Demonstration Projects. A Hong Kong workshop with polluting processes may apply for Demonstration Projects.",
            ),
            (
                "What is funded",
                "The programme pays a share of the approved eligible cost up to a ceiling. The share, the ceiling and the time allowed are set for each phase and shown on the portal.",
            ),
            (
                "How to apply",
                "Apply online: register, add your factories, choose a service provider, attach the documents and submit. The Secretariat screens the application, assesses it and puts it to the Project Management Committee.",
            ),
            (
                "Enquiries",
                "Secretariat, Hong Kong Productivity Council: (852) 2788 5588.",
            ),
        ],
        [
            (
                "申請資格",
                "根據《商業登記條例》（第310章）在香港登記、在香港設有工廠或與廣東工廠有關連的企業，可申請實地評估及示範項目；在香港經營涉及污染工序工場的企業可申請示範項目。",
            ),
            (
                "資助範圍",
                "計劃按核准合資格開支的某個百分比資助，並設上限。資助比例、上限及期限按每一期訂定，並在網站公布。",
            ),
            (
                "申請方法",
                "網上申請：登記帳戶、加入工廠、選擇服務供應商、附上文件並遞交。秘書處審核及評審後提交項目管理委員會審批。",
            ),
            ("查詢", "秘書處（香港生產力促進局）：(852) 2788 5588。"),
        ],
        [
            (
                "申请资格",
                "根据《商业登记条例》（第310章）在香港登记、在香港设有工厂或与广东工厂有关连的企业，可申请实地评估及示范项目；在香港经营涉及污染工序工场的企业可申请示范项目。",
            ),
            (
                "资助范围",
                "计划按核准合资格开支的某个百分比资助，并设上限。资助比例、上限及期限按每一期订定，并在网站公布。",
            ),
            (
                "申请方法",
                "网上申请：登记账户、加入工厂、选择服务供应商、附上文件并提交。秘书处审核及评审后提交项目管理委员会审批。",
            ),
            ("查询", "秘书处（香港生产力促进局）：(852) 2788 5588。"),
        ],
    ),
    "guide-osi": (
        [
            (
                "Who may apply",
                "Non-profit trade and industry associations in Hong Kong.",
            ),
            (
                "What is funded",
                "Trade-specific promotion and publicity of proven cleaner production technologies: seminars, visits, publications and demonstrations. The programme pays up to 90% of the approved cost in the current phase.",
            ),
            (
                "Reporting",
                "An activity report with attendance records and publicity materials is due within two months of completion.",
            ),
        ],
        [
            ("申請資格", "香港的非牟利工商業支援機構。"),
            (
                "資助範圍",
                "針對個別行業推廣已證實有效的清潔生產技術，例如研討會、考察、刊物及示範。現行一期資助核准開支最高90%。",
            ),
            ("報告", "活動完成後兩個月內須遞交活動報告，連同出席紀錄及宣傳物品。"),
        ],
        [
            ("申请资格", "香港的非牟利工商业支援机构。"),
            (
                "资助范围",
                "针对个别行业推广已证实有效的清洁生产技术，例如研讨会、考察、刊物及示范。现行一期资助核准开支最高90%。",
            ),
            ("报告", "活动完成后两个月内须提交活动报告，连同出席记录及宣传物品。"),
        ],
    ),
    "checklist-documents": (
        [
            (
                "Company",
                "Valid Business Registration Certificate; company registry extract showing shareholders where needed.",
            ),
            (
                "Factory",
                "Mainland business licence and joint-venture, foreign-owned enterprise or processing agreement documents; factory address and photos; 12 months of electricity, fuel and water bills.",
            ),
            (
                "Project",
                "Service provider's proposal and quotation; for Demonstration Projects, equipment quotations, specifications and the expected savings.",
            ),
        ],
        [
            ("公司", "有效的商業登記證；如需要，列明股東的公司註冊處文件。"),
            (
                "工廠",
                "內地營業執照及合資、外資企業或加工協議文件；工廠地址及照片；12個月的電費、燃料及水費單。",
            ),
            (
                "項目",
                "服務供應商的建議書及報價；示範項目另需設備報價、規格及預計節省。",
            ),
        ],
        [
            ("公司", "有效的商业登记证；如需要，列明股东的公司注册处文件。"),
            (
                "工厂",
                "内地营业执照及合资、外资企业或加工协议文件；工厂地址及照片；12个月的电费、燃料及水费单。",
            ),
            (
                "项目",
                "服务供应商的建议书及报价；示范项目另需设备报价、规格及预计节省。",
            ),
        ],
    ),
    "energy-saving-chillers": (
        [
            (
                "Measure first",
                "Log chiller power, chilled-water temperatures and flow for a few weeks; most plants run at part load most of the time.",
            ),
            (
                "Low-cost measures",
                "Clean condensers, treat cooling water against scale, raise the chilled-water set point where the process allows, and sequence chillers by load.",
            ),
            (
                "Upgrades",
                "Variable-speed drives on pumps and towers; oil-free magnetic-bearing chillers, which can cut chiller power by up to about half against old machines.",
            ),
        ],
        [
            (
                "先量度",
                "記錄冷水機耗電、冷凍水溫度及流量數星期；大部分機房大部分時間在部分負荷下運行。",
            ),
            (
                "低成本措施",
                "清洗冷凝器、處理冷卻水防止結垢、在工序容許下提高冷凍水設定溫度，並按負荷安排冷水機運行次序。",
            ),
            (
                "設備更新",
                "水泵及冷卻塔加裝變頻器；無油磁浮冷水機相對舊機可減少冷水機耗電多達約一半。",
            ),
        ],
        [
            (
                "先量度",
                "记录冷水机耗电、冷冻水温度及流量数星期；大部分机房大部分时间在部分负荷下运行。",
            ),
            (
                "低成本措施",
                "清洗冷凝器、处理冷却水防止结垢、在工序容许下提高冷冻水设定温度，并按负荷安排冷水机运行次序。",
            ),
            (
                "设备更新",
                "水泵及冷却塔加装变频器；无油磁浮冷水机相对旧机可减少冷水机耗电多达约一半。",
            ),
        ],
    ),
}

# (slug, kind, days from today, start hour, hours, capacity, language, texts)
EVENTS = [
    {
        "slug": "seminar-energy-saving-chillers-compressed-air",
        "kind": "seminar",
        "days": 21,
        "start": (14, 30),
        "hours": 3,
        "capacity": 80,
        "language": "yue",
        "title": (
            "Seminar: energy-saving technologies for chillers and compressed air",
            "研討會：冷水機及壓縮空氣節能技術",
            "研讨会：冷水机及压缩空气节能技术",
        ),
        "summary": (
            "Service providers and factories share experience of oil-free chillers, "
            "cooling-water treatment and compressed-air leak management, with an "
            "introduction to the programme's funding.",
            "服務供應商及工廠分享無油冷水機、冷卻水處理及壓縮空氣洩漏管理的經驗，並介紹計劃的資助。",
            "服务供应商及工厂分享无油冷水机、冷却水处理及压缩空气泄漏管理的经验，并介绍计划的资助。",
        ),
        "description": (
            "Chilled water and compressed air are among the largest electricity "
            "users in many factories. The seminar presents proven measures with "
            "real figures and explains how a Demonstration Project can fund them.",
            "冷凍水及壓縮空氣是不少工廠最大的用電項目。研討會介紹附實際數據的成熟措施，並講解示範項目如何資助。",
            "冷冻水及压缩空气是不少工厂最大的用电项目。研讨会介绍附实际数据的成熟措施，并讲解示范项目如何资助。",
        ),
        "rundown": (
            "14:30 Registration\n15:00 Welcome by the Environmental Protection Department\n"
            "15:10 The programme's funding and how to apply\n15:40 Oil-free magnetic-bearing chillers: a factory's experience\n"
            "16:20 Compressed air: finding and fixing leaks\n17:00 Questions and answers\n17:30 End",
            "14:30 登記\n15:00 環境保護署代表致歡迎辭\n15:10 計劃資助及申請方法\n15:40 無油磁浮冷水機：工廠經驗分享\n"
            "16:20 壓縮空氣：找出及修補洩漏\n17:00 答問環節\n17:30 完結",
            "14:30 登记\n15:00 环境保护署代表致欢迎辞\n15:10 计划资助及申请方法\n15:40 无油磁浮冷水机：工厂经验分享\n"
            "16:20 压缩空气：找出及修补泄漏\n17:00 答问环节\n17:30 结束",
        ),
        "venue": (
            "Auditorium, HKPC Building, 78 Tat Chee Avenue, Kowloon Tong, Hong Kong",
            "香港九龍塘達之路78號生產力大樓演講廳",
            "香港九龙塘达之路78号生产力大楼演讲厅",
        ),
        "fee": ("Free", "免費", "免费"),
    },
    {
        "slug": "technical-visit-voc-treatment-dongguan",
        "kind": "visit",
        "days": 35,
        "start": (9, 0),
        "hours": 8,
        "capacity": 25,
        "language": "yue+cmn",
        "title": (
            "Technical visit: VOC treatment at a furniture factory in Dongguan",
            "技術考察：東莞傢俬廠揮發性有機物處理",
            "技术考察：东莞家具厂挥发性有机物处理",
        ),
        "summary": (
            "See a zeolite rotor and regenerative thermal oxidiser treating "
            "spray-booth air, and talk to the factory's engineers.",
            "參觀以沸石轉輪及蓄熱式熱力焚化爐處理噴房廢氣的設施，並與工廠工程師交流。",
            "参观以沸石转轮及蓄热式热力焚烧炉处理喷房废气的设施，并与工厂工程师交流。",
        ),
        "description": (
            "Coach from and back to Hong Kong. Participants need a valid travel "
            "document for the Mainland. Places are limited to one or two per "
            "company.",
            "由香港乘旅遊車往返。參加者須持有效的內地旅行證件。每間公司名額限一至兩位。",
            "由香港乘旅游车往返。参加者须持有效的内地旅行证件。每家公司名额限一至两位。",
        ),
        "rundown": (
            "08:00 Coach leaves Kowloon Tong\n10:30 Briefing at the factory\n11:00 Tour of the spray booths and treatment plant\n"
            "12:30 Lunch\n14:00 Discussion with the factory's engineers\n15:00 Coach returns to Hong Kong",
            "08:00 旅遊車由九龍塘出發\n10:30 工廠簡介\n11:00 參觀噴房及處理設施\n12:30 午膳\n14:00 與工廠工程師交流\n15:00 乘旅遊車返港",
            "08:00 旅游车由九龙塘出发\n10:30 工厂简介\n11:00 参观喷房及处理设施\n12:30 午餐\n14:00 与工厂工程师交流\n15:00 乘旅游车返港",
        ),
        "venue": (
            "A furniture factory in Houjie, Dongguan (coach from Kowloon Tong)",
            "東莞厚街一間傢俬廠（由九龍塘乘旅遊車前往）",
            "东莞厚街一家家具厂（由九龙塘乘旅游车前往）",
        ),
        "fee": ("HK$200, lunch included", "200港元，包午膳", "200港元，含午餐"),
    },
    {
        "slug": "recognition-award-ceremony",
        "kind": "ceremony",
        "days": -60,
        "start": (15, 0),
        "hours": 2,
        "capacity": None,
        "language": "yue+cmn",
        "title": (
            "Hong Kong–Guangdong Cleaner Production Partners award ceremony",
            "粵港清潔生產伙伴頒獎典禮",
            "粤港清洁生产伙伴颁奖典礼",
        ),
        "summary": (
            "This year's Cleaner Production Partners received their certificates, "
            "and awardees shared their projects.",
            "今年的清潔生產伙伴獲頒證書，並有獲嘉許企業分享項目經驗。",
            "今年的清洁生产伙伴获颁证书，并有获表彰企业分享项目经验。",
        ),
        "description": ("", "", ""),
        "rundown": ("", "", ""),
        "venue": (
            "Hong Kong Convention and Exhibition Centre, Wan Chai",
            "灣仔香港會議展覽中心",
            "湾仔香港会议展览中心",
        ),
        "fee": ("By invitation", "只限獲邀人士", "只限获邀人士"),
    },
]
