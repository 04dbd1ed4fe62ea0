//! The columns each kind reads, with the header names clerks give them.

use rusqlite::Connection;

use super::types::{ImportField, ImportKind};
use crate::error::Result;
use crate::register::activity::{type_by_key, RegisterType};

fn field(key: &str, required: bool, names: &[&str]) -> ImportField {
    ImportField {
        key: key.into(),
        label: names[0].into(),
        required,
        names: names.iter().map(|s| s.to_string()).collect(),
    }
}

const INDICATOR: &[&str] = &["指标", "指标名称", "指标编码", "指标代码", "考核指标"];
const UNIT: &[&str] = &[
    "责任单位",
    "单位",
    "填报单位",
    "单位名称",
    "牵头单位",
    "区县",
    "县区",
    "部门",
];
const ENTERPRISE: &[&str] = &["企业名称", "企业", "企业全称", "结对企业", "企业名"];
const CREDIT_CODE: &[&str] = &[
    "统一社会信用代码",
    "信用代码",
    "社会信用代码",
    "统一代码",
    "企业信用代码",
];
const COUNTY: &[&str] = &[
    "所属区县",
    "区县",
    "所属县区",
    "县区",
    "所在区县",
    "县（区）",
];
const TOWNSHIP: &[&str] = &[
    "所属乡镇",
    "乡镇",
    "街道",
    "乡镇（街道）",
    "乡镇街道",
    "镇街",
    "所属乡镇（街道）",
];
const VILLAGE: &[&str] = &[
    "行政村",
    "结对村",
    "村居",
    "村名",
    "村",
    "村（社区）",
    "村社区",
    "结对村居",
    "村庄名称",
];
const SIGNED_ON: &[&str] = &[
    "签约时间",
    "结对时间",
    "签订日期",
    "结对日期",
    "签约日期",
    "签订时间",
];
const STATUS: &[&str] = &["状态", "结对状态", "项目状态", "进展", "进展情况"];
const NOTE: &[&str] = &["备注", "说明", "情况说明"];

/// The fields of a kind; activity rows read their register type's fields by label.
pub(crate) fn for_kind(conn: &Connection, kind: &ImportKind) -> Result<Vec<ImportField>> {
    Ok(match kind {
        ImportKind::Entries => vec![
            field("indicator", true, INDICATOR),
            field("unit", true, UNIT),
            field(
                "occurred_on",
                true,
                &[
                    "日期",
                    "完成日期",
                    "发生日期",
                    "时间",
                    "完成时间",
                    "登记日期",
                ],
            ),
            field(
                "value",
                true,
                &[
                    "数值",
                    "完成值",
                    "数量",
                    "完成数",
                    "完成数量",
                    "本期完成",
                    "完成量",
                ],
            ),
            field("note", false, NOTE),
        ],
        ImportKind::Targets => vec![
            field("indicator", true, INDICATOR),
            field("unit", true, UNIT),
            field("year", false, &["年度", "年份", "目标年度"]),
            field(
                "period_start",
                false,
                &["开始日期", "起始日期", "开始时间", "起始时间"],
            ),
            field(
                "period_end",
                false,
                &["结束日期", "截止日期", "结束时间", "截止时间", "完成时限"],
            ),
            field(
                "target",
                true,
                &["目标值", "目标", "目标任务", "任务数", "目标数", "数值"],
            ),
        ],
        ImportKind::Enterprises => vec![
            field("enterprise", true, &[ENTERPRISE, &["名称"]].concat()),
            field("credit_code", false, CREDIT_CODE),
            field(
                "kind",
                false,
                &["企业类型", "类型", "企业性质", "性质", "经济类型"],
            ),
            field("county", false, COUNTY),
            field(
                "contact",
                false,
                &["联系人", "联系方式", "联系电话", "负责人"],
            ),
        ],
        ImportKind::Villages => vec![
            field("county", true, COUNTY),
            field("township", true, TOWNSHIP),
            field("village", true, &[VILLAGE, &["名称"]].concat()),
        ],
        ImportKind::Pairings => vec![
            field("enterprise", true, ENTERPRISE),
            field("credit_code", false, CREDIT_CODE),
            field("village", true, VILLAGE),
            field("township", true, TOWNSHIP),
            field("county", true, COUNTY),
            field("signed_on", true, SIGNED_ON),
            field("unit", false, &["责任单位", "单位", "牵头单位"]),
            field("status", false, STATUS),
            field("note", false, NOTE),
        ],
        ImportKind::Projects => vec![
            field("enterprise", true, ENTERPRISE),
            field("credit_code", false, CREDIT_CODE),
            field("village", true, VILLAGE),
            field("township", false, TOWNSHIP),
            field("county", false, COUNTY),
            field(
                "name",
                true,
                &["项目名称", "项目", "合作项目", "合作项目名称"],
            ),
            field(
                "kind",
                false,
                &["项目类型", "类型", "类别", "项目类别", "合作类型"],
            ),
            field(
                "agreed_on",
                true,
                &["签约时间", "签约日期", "签订日期", "签订时间", "日期"],
            ),
            field(
                "investment",
                false,
                &["投资金额", "投资额", "投资", "金额", "帮扶资金"],
            ),
            field("status", false, &["项目状态", "状态", "进展", "进展情况"]),
            field(
                "beneficiaries",
                false,
                &["受益人数", "带动人数", "受益群众", "带动就业", "受益人口"],
            ),
        ],
        ImportKind::Activity { register } => activity(&type_by_key(conn, register)?),
        ImportKind::CountyPairings { .. } => county_pairings(),
    })
}

/// A county's 结对台账: the pairing's columns, then its project's.
fn county_pairings() -> Vec<ImportField> {
    vec![
        field("enterprise", true, ENTERPRISE),
        field("credit_code", false, CREDIT_CODE),
        field(
            "enterprise_kind",
            false,
            &["企业类型", "企业性质", "经济类型"],
        ),
        field("village", true, VILLAGE),
        field("township", true, TOWNSHIP),
        field(
            "signed_on",
            true,
            &["结对时间", "结对日期", "签约时间", "签订日期", "签订时间"],
        ),
        field("status", false, &["结对状态"]),
        field(
            "project",
            false,
            &["合作项目名称", "项目名称", "合作项目", "项目"],
        ),
        field(
            "project_kind",
            false,
            &["项目类型", "项目类别", "合作类型", "合作方式"],
        ),
        field(
            "agreed_on",
            false,
            &["项目签约时间", "项目时间", "项目日期", "开工时间"],
        ),
        field(
            "investment",
            false,
            &["投资金额", "投资额", "帮扶资金", "金额", "投资"],
        ),
        field(
            "project_status",
            false,
            &["项目状态", "项目进展", "进展情况", "进展"],
        ),
        field(
            "beneficiaries",
            false,
            &["受益人数", "带动人数", "受益群众", "带动就业"],
        ),
        field("note", false, NOTE),
    ]
}

fn activity(t: &RegisterType) -> Vec<ImportField> {
    let mut out = vec![
        field(
            "title",
            true,
            &[
                "事项",
                "标题",
                "名称",
                "活动名称",
                "主题",
                "内容",
                "事项名称",
            ],
        ),
        field(
            "occurred_on",
            true,
            &[
                "日期",
                "时间",
                "活动日期",
                "发生日期",
                "完成日期",
                "开展时间",
            ],
        ),
        field("unit", true, &["责任单位", "单位", "填报单位", "牵头单位"]),
    ];
    if !t.statuses.is_empty() {
        out.push(field("status", true, &["状态"]));
    }
    for f in &t.fields {
        let mut names = vec![f.label.clone(), f.key.clone()];
        if !f.label_en.is_empty() {
            names.push(f.label_en.clone());
        }
        out.push(ImportField {
            key: format!("data.{}", f.key),
            label: f.label.clone(),
            required: f.required,
            names,
        });
    }
    out
}
