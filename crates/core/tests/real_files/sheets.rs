//! The fixtures, laid out as 兰山区's clerk sends them: a title merged across, a 填报单位 /
//! 填报日期 line, units implied in a line of their own (单位：个、万元), a two-row merged
//! heading, blank spacer rows, full-width digits typed as text, a 累计 column, a 合计 row
//! of formulas, a 注 line and a signature line under the table.

use chrono::NaiveDate;

use super::{Sheet, C};
use C::{Money, Pct, D, E, F, N, T};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// Every fixture by file stem.
pub fn all() -> Vec<(&'static str, Vec<Sheet>)> {
    vec![
        ("兰山区二季度报表", vec![quarterly(false)]),
        ("兰山区二季度报表_有误", vec![quarterly(true)]),
        ("兰山区结对台账", vec![register(false)]),
        ("兰山区结对台账_有误", vec![register(true)]),
        ("兰山区结对名单", vec![pairing_list()]),
    ]
}

/// 兰山区's return for 2024Q2. Rows (Excel's numbers): 1 title, 2 填报单位, 3 单位, 4–5
/// heading, 6 blank, 7 section, 8–10 indicators, 11 blank, 12 合计, 13 blank, 14 注,
/// 15 signatures. With `bad`, row 10's 累计 is 「约60」.
pub fn quarterly(bad: bool) -> Sheet {
    let rows = vec![
        vec![T("兰山区2024年第二季度五大行动推进情况统计表")],
        vec![
            T("填报单位：兰山区委统战部（盖章）"),
            E,
            E,
            E,
            E,
            E,
            T("填报日期：2024年7月5日"),
        ],
        vec![T("单位：个、万元")],
        vec![
            T("序号"),
            T("行动"),
            T("指标名称"),
            T("计量单位"),
            T("年度目标"),
            T("完成情况"),
            E,
            T("完成率"),
            T("存在问题及原因"),
            T("下步措施"),
            T("备注"),
        ],
        vec![E, E, E, E, E, T("累计完成"), T("其中：二季度")],
        vec![],
        vec![T("一、万企兴万村行动")],
        vec![
            T("（一）"),
            T("万企兴万村行动"),
            T("结对企业数"),
            T("家"),
            N(40.0),
            T("２５"),
            T("１２"),
            Pct("=F8/E8"),
        ],
        vec![
            T("（二）"),
            E,
            T("帮扶资金"),
            T("万元"),
            Money(500.0),
            Money(320.5),
            T("１５０．２５"),
            Pct("=F9/E9"),
        ],
        vec![
            T("（三）"),
            E,
            T("走访企业数"),
            T("个"),
            N(100.0),
            if bad { T("约60") } else { N(60.0) },
            N(18.0),
            Pct("=F10/E10"),
            T("部分企业停产"),
            T("加强对接"),
            T("１８家为上门走访"),
        ],
        vec![],
        vec![
            T("合计"),
            E,
            E,
            E,
            F("=SUM(E8:E10)"),
            F("=SUM(F8:F10)"),
            F("=SUM(G8:G10)"),
        ],
        vec![],
        vec![T(
            "注：1.累计完成为1-6月累计数；2.帮扶资金以万元计，保留两位小数。",
        )],
        vec![
            T("填报人：张三"),
            E,
            E,
            T("审核人：李四"),
            E,
            E,
            E,
            T("联系电话：0539-8221234"),
        ],
    ];
    let mut merges = vec![(0, 0, 0, 10), (1, 0, 1, 5), (1, 6, 1, 10), (2, 0, 2, 10)];
    merges.extend((0..5).map(|c| (3, c, 4, c)));
    merges.extend((7..11).map(|c| (3, c, 4, c)));
    merges.extend([
        (3, 5, 3, 6),
        (6, 0, 6, 10),
        (7, 1, 9, 1),
        (11, 0, 11, 3),
        (13, 0, 13, 10),
    ]);
    Sheet {
        name: "二季度",
        rows,
        merges,
    }
}

/// 兰山区's 万企兴万村 结对台账. Rows: 1 title, 2 填报单位, 3 单位, 4–5 heading (企业情况 over
/// three columns, 结对村情况 over two, 合作项目情况 over five; 序号, 结对时间, 备注 merged
/// down), 6–7 pairing 1 with two projects (its cells merged down), 8 pairing 2, 9
/// pairing 3 without a project, 10 blank, 11 合计, 12 注, 13 signatures. With `bad`, row
/// 7's 投资金额 is 「待定」 and row 8's 结对时间 「2024年4月」.
pub fn register(bad: bool) -> Sheet {
    let rows = vec![
        vec![T("兰山区“万企兴万村”行动结对台账")],
        vec![
            T("填报单位：兰山区委统战部"),
            E,
            E,
            E,
            E,
            E,
            E,
            T("填报时间：2024年7月5日"),
        ],
        vec![T("单位：万元、人")],
        vec![
            T("序号"),
            T("企业情况"),
            E,
            E,
            T("结对村情况"),
            E,
            T("结对时间"),
            T("合作项目情况"),
            E,
            E,
            E,
            E,
            T("备注"),
        ],
        vec![
            E,
            T("企业名称"),
            T("统一社会信用代码"),
            T("企业类型"),
            T("所属镇街"),
            T("结对村（社区）"),
            E,
            T("项目名称"),
            T("项目类型"),
            T("投资金额"),
            T("受益人数"),
            T("项目状态"),
        ],
        vec![
            N(1.0),
            T("临沂兰山华信商贸有限公司"),
            E,
            T("民营企业"),
            T("枣园镇"),
            T("前石埠村"),
            D(day(2024, 3, 15)),
            T("蔬菜大棚项目"),
            T("产业帮扶"),
            T("１２０"),
            N(35.0),
            T("实施中"),
        ],
        vec![
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            T("冷链仓储项目"),
            T("产业帮扶"),
            if bad { T("待定") } else { Money(80.5) },
            N(12.0),
            T("已签约"),
        ],
        vec![
            N(2.0),
            T("山东文瑞食品有限公司"),
            E,
            T("民营企业"),
            T("半程镇"),
            T("河湾村"),
            if bad { T("2024年4月") } else { T("2024/4/8") },
            T("村集体光伏项目"),
            T("产业帮扶"),
            Money(60.0),
            E,
            T("已完成"),
        ],
        vec![
            N(3.0),
            T("兰山区城市建设投资有限公司"),
            E,
            T("国有企业"),
            T("汪沟镇"),
            T("南汪沟村"),
            D(day(2024, 5, 20)),
            E,
            E,
            E,
            E,
            E,
            T("新结对，项目洽谈中"),
        ],
        vec![],
        vec![
            T("合计"),
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            E,
            F("=SUM(J6:J9)"),
            F("=SUM(K6:K9)"),
        ],
        vec![T("注：投资金额以万元计，受益人数以人计。")],
        vec![
            T("填报人：王五"),
            E,
            E,
            E,
            T("审核人：赵六"),
            E,
            E,
            E,
            T("联系电话：0539-8221234"),
        ],
    ];
    let mut merges = vec![
        (0, 0, 0, 12),
        (1, 0, 1, 6),
        (1, 7, 1, 12),
        (2, 0, 2, 12),
        (3, 1, 3, 3),
        (3, 4, 3, 5),
        (3, 7, 3, 11),
        (10, 0, 10, 8),
        (11, 0, 11, 12),
    ];
    merges.extend([0, 6, 12].map(|c| (3, c, 4, c)));
    // Pairing 1's cells merged down over its two projects.
    merges.extend((0..7).map(|c| (5, c, 6, c)));
    Sheet {
        name: "结对台账",
        rows,
        merges,
    }
}

/// 兰山区's list of pairings (the plain 结对关系 import). Rows: 1 title, 2 填报单位, 3
/// heading, 4–7 pairings with 所属区县 merged down over all four and 所属乡镇 over each
/// two, 8 blank, 9 a note typed into column B (not merged), 10 signatures.
pub fn pairing_list() -> Sheet {
    let rows = vec![
        vec![T("兰山区万企兴万村行动结对名单")],
        vec![T("填报单位：兰山区委统战部　　报送时间：2024年7月5日")],
        vec![
            T("序号"),
            T("企业名称"),
            T("所属区县"),
            T("所属乡镇"),
            T("结对村"),
            T("结对时间"),
            T("备注"),
        ],
        vec![
            N(1.0),
            T("临沂兰山华信商贸有限公司"),
            T("兰山区"),
            T("枣园镇"),
            T("前石埠村"),
            D(day(2024, 3, 15)),
        ],
        vec![
            N(2.0),
            T("山东文瑞食品有限公司"),
            E,
            E,
            T("后石埠村"),
            T("２０２４年４月８日"),
        ],
        vec![
            N(3.0),
            T("兰山区城市建设投资有限公司"),
            E,
            T("汪沟镇"),
            T("南汪沟村"),
            D(day(2024, 5, 20)),
        ],
        vec![
            N(4.0),
            T("临沂顺和物流有限公司"),
            E,
            E,
            T("北汪沟村"),
            D(day(2024, 6, 3)),
            T("原结对村已撤并"),
        ],
        vec![],
        vec![E, T("注：结对时间以签订协议之日为准。")],
        vec![T("填报人：王五"), E, E, T("审核人：赵六")],
    ];
    Sheet {
        name: "结对名单",
        rows,
        merges: vec![
            (0, 0, 0, 6),
            (1, 0, 1, 6),
            (3, 2, 6, 2),
            (3, 3, 4, 3),
            (5, 3, 6, 3),
        ],
    }
}
