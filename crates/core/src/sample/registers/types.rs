//! The sample's activity register types and their fields.

use crate::register::activity::{FieldDef, FieldKind, NewRegisterType, StatusDef};

fn field(
    key: &str,
    label: &str,
    label_en: &str,
    kind: FieldKind,
    options: &[&str],
    required: bool,
) -> FieldDef {
    FieldDef {
        key: key.into(),
        label: label.into(),
        label_en: label_en.into(),
        kind,
        options: options.iter().map(|s| s.to_string()).collect(),
        required,
    }
}

/// The activity register types every ledger with the sample has.
pub fn register_types() -> Vec<NewRegisterType> {
    use FieldKind::*;
    let t =
        |code: &str, action: &str, name: &str, name_en: &str, fields, statuses| NewRegisterType {
            code: code.into(),
            action: action.into(),
            name: name.into(),
            name_en: name_en.into(),
            fields,
            statuses,
        };
    let st = |key: &str, label: &str, en: &str| StatusDef {
        key: key.into(),
        label: label.into(),
        label_en: en.into(),
    };
    vec![
        t(
            "visit",
            "enterprise",
            "走访企业商会",
            "Visits to enterprises and chambers",
            vec![
                field(
                    "target_kind",
                    "走访对象",
                    "Visited",
                    Choice,
                    &["企业", "商会"],
                    true,
                ),
                field("visitors", "走访人数", "Visitors", Count, &[], false),
                field("issues", "收集问题", "Issues raised", Count, &[], false),
            ],
            vec![],
        ),
        t(
            "training",
            "enterprise",
            "企业家培训",
            "Entrepreneur trainings",
            vec![
                field("participants", "培训人次", "Participants", Count, &[], true),
                field("hours", "学时", "Hours", Amount, &[], false),
            ],
            vec![],
        ),
        t(
            "report",
            "advice",
            "调研报告与社情民意",
            "Research and public-opinion reports",
            vec![
                field(
                    "category",
                    "类别",
                    "Category",
                    Choice,
                    &["调研报告", "社情民意信息"],
                    true,
                ),
                field("adopted_by", "采用单位", "Adopted by", Text, &[], false),
            ],
            vec![
                st("submitted", "已报送", "Submitted"),
                st("adopted", "已采用", "Adopted"),
            ],
        ),
        t(
            "station",
            "innovation",
            "新阶层服务站",
            "New social stratum service stations",
            vec![
                field("address", "地址", "Address", Text, &[], false),
                field("members", "成员人数", "Members", Count, &[], false),
            ],
            vec![],
        ),
        t(
            "roadshow",
            "enterprise",
            "路演活动",
            "Roadshows",
            vec![
                field(
                    "projects",
                    "路演项目",
                    "Projects pitched",
                    Count,
                    &[],
                    false,
                ),
                field("attendees", "参加人数", "Attendees", Count, &[], false),
            ],
            vec![],
        ),
    ]
}
