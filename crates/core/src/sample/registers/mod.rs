//! The sample's registers: enterprises, villages, pairings and cooperation projects of
//! 万企兴万村, and activity registers, so that the derived figures equal the release:
//! 4221 distinct enterprises in active pairings with 3702 distinct villages, 4492 projects,
//! 1234 enterprises and 201 chambers visited, 1400 entrepreneur-trainings, 1100 reports of
//! which 630 adopted, 132 service stations, 24 roadshows.

use std::collections::{BTreeMap, HashSet};

use chrono::{Days, NaiveDate};
use serde_json::json;

use super::spread::{apportion, Rng};
use super::units::{self, SampleUnit};
use super::{as_of, campaign};
use crate::error::Result;
use crate::ledger::Writer;
use crate::register::activity::{FieldDef, FieldKind, NewRegisterRow, NewRegisterType, StatusDef};
use crate::register::credit_code;
use crate::register::derive::{Derivation, DerivedSource, Measure};
use crate::register::enterprise::{EnterpriseKind, NewEnterprise};
use crate::register::pairing::{EnterpriseRef, NewPairing, PairingStatus, VillageRef};
use crate::register::project::{NewProject, ProjectKind, ProjectStatus};
use crate::register::village::NewVillage;

/// Indicator codes whose figures come from registers in the sample, and how.
pub fn derivations() -> Vec<(&'static str, Derivation)> {
    let d = |source,
             register: Option<&str>,
             measure,
             field: Option<&str>,
             status: Option<&str>,
             m: Option<(&str, &str)>| Derivation {
        source,
        register: register.map(Into::into),
        measure,
        field: field.map(Into::into),
        status: status.map(Into::into),
        match_field: m.map(|(f, _)| f.into()),
        match_value: m.map(|(_, v)| v.into()),
    };
    use DerivedSource::*;
    use Measure::*;
    vec![
        (
            "GF01",
            d(
                Pairing,
                None,
                Distinct,
                Some("enterprise_id"),
                Some("active"),
                None,
            ),
        ),
        (
            "GF02",
            d(
                Pairing,
                None,
                Distinct,
                Some("village_id"),
                Some("active"),
                None,
            ),
        ),
        ("GF03", d(CoopProject, None, Count, None, None, None)),
        (
            "MQ03",
            d(
                Register,
                Some("visit"),
                Count,
                None,
                None,
                Some(("target_kind", "企业")),
            ),
        ),
        (
            "MQ04",
            d(
                Register,
                Some("visit"),
                Count,
                None,
                None,
                Some(("target_kind", "商会")),
            ),
        ),
        (
            "MQ08",
            d(
                Register,
                Some("training"),
                Sum,
                Some("participants"),
                None,
                None,
            ),
        ),
        ("JY06", d(Register, Some("report"), Count, None, None, None)),
        (
            "JY07",
            d(Register, Some("report"), Count, None, Some("adopted"), None),
        ),
        (
            "CX01",
            d(Register, Some("station"), Count, None, None, None),
        ),
        (
            "MQ10",
            d(Register, Some("roadshow"), Count, None, None, None),
        ),
    ]
}

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

fn random_day(rng: &mut Rng, from: NaiveDate) -> NaiveDate {
    let days = (as_of() - from).num_days().max(0) as u64 + 1;
    from + Days::new(((days as f64) * rng.unit().sqrt()) as u64).min(Days::new(days - 1))
}

fn pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items[rng.below(items.len() as u64) as usize]
}

const DIRECTIONS: &[&str] = &[
    "东", "西", "南", "北", "前", "后", "上", "下", "大", "小", "新", "老",
];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "孙", "徐", "朱", "高", "马", "胡", "郭", "林", "何",
];
const PLACES: &[&str] = &[
    "庄", "家庄", "官庄", "屯", "岭", "沟", "湖", "河", "营", "埠", "店", "旺",
];
const WORDS: &[&str] = &[
    "恒信", "鲁蒙", "沂蒙", "金源", "华兴", "鑫盛", "宏达", "瑞丰", "康源", "泰和", "天成", "嘉禾",
    "琅琊", "东方", "润泽", "永安",
];
const TRADES: &[&str] = &[
    "农业科技",
    "食品",
    "木业",
    "物流",
    "商贸",
    "建材",
    "机械",
    "纺织",
    "医药",
    "电子",
    "文化旅游",
    "生态农业",
];
const TOWN_HEADS: &[&str] = &[
    "青", "马", "金", "双", "白", "柳", "石", "梅", "桃", "岔", "朱", "龙", "凤", "汤", "高", "花",
];
const TOWN_TAILS: &[&str] = &["山", "河", "湖", "桥", "岭", "庄", "埠", "泉"];

/// Writes the sample's registers and marks the derived indicators. Returns rows written.
pub fn write(w: &mut Writer<'_>) -> Result<u32> {
    let mut rows = 0;
    for t in register_types() {
        if crate::register::activity::type_by_key(w.conn(), &t.code).is_err() {
            w.add_register_type(t)?;
        }
    }
    rows += pairings(w)?;
    rows += activities(w)?;
    for (code, d) in derivations() {
        w.set_derivation(code, Some(d))?;
    }
    Ok(rows)
}

fn pairings(w: &mut Writer<'_>) -> Result<u32> {
    const ENTERPRISES: usize = 4221;
    const VILLAGES: usize = 3702;
    const PROJECTS: u64 = 4492;
    let mut rng = Rng::new(0xF00D_4221);
    let counties: Vec<&SampleUnit> = units::reporters("prosperity");
    let weights: Vec<f64> = counties
        .iter()
        .map(|u| {
            if u.kind == crate::model::UnitKind::Zone {
                0.3
            } else {
                0.6 + rng.unit()
            }
        })
        .collect();
    let per_county = apportion(VILLAGES as u64, &weights);
    // Villages, each in a county and a township.
    let mut villages: Vec<(usize, String, String)> = Vec::with_capacity(VILLAGES);
    let mut taken: HashSet<(usize, String, String)> = HashSet::new();
    for (ci, n) in per_county.iter().enumerate() {
        let towns: Vec<String> = (0..8)
            .map(|k| {
                format!(
                    "{}{}镇",
                    TOWN_HEADS[(ci * 3 + k * 5) % TOWN_HEADS.len()],
                    TOWN_TAILS[(ci + k) % TOWN_TAILS.len()]
                )
            })
            .collect();
        for _ in 0..*n {
            let town = towns[rng.below(towns.len() as u64) as usize].clone();
            let mut name = format!(
                "{}{}{}村",
                pick(&mut rng, DIRECTIONS),
                pick(&mut rng, SURNAMES),
                pick(&mut rng, PLACES)
            );
            let mut k = 2;
            while taken.contains(&(ci, town.clone(), name.clone())) {
                name = format!(
                    "{}{}{}{}村",
                    pick(&mut rng, DIRECTIONS),
                    pick(&mut rng, SURNAMES),
                    pick(&mut rng, PLACES),
                    ["一", "二", "三", "四", "五"][k % 5]
                );
                k += 1;
            }
            taken.insert((ci, town.clone(), name.clone()));
            villages.push((ci, town, name));
        }
    }
    // Pairings: enterprise i with village i mod V covers every village and every
    // enterprise once; extra pairings add second villages (some since ended).
    let mut village_ids: Vec<Option<String>> = vec![None; VILLAGES];
    let mut enterprise_ids: Vec<Option<String>> = vec![None; ENTERPRISES];
    let mut pairing_ids: Vec<(String, NaiveDate)> = Vec::new();
    let mut rows = 0;
    let mut seen_names: HashSet<String> = HashSet::new();
    let extra = 420;
    for i in 0..ENTERPRISES + extra {
        let (e, v, status) = if i < ENTERPRISES {
            (i, i % VILLAGES, PairingStatus::Active)
        } else {
            let e = rng.below(ENTERPRISES as u64) as usize;
            let v = rng.below(VILLAGES as u64) as usize;
            if v == e % VILLAGES {
                continue;
            }
            (
                e,
                v,
                if rng.below(4) == 0 {
                    PairingStatus::Ended
                } else {
                    PairingStatus::Active
                },
            )
        };
        let (ci, town, vname) = &villages[v];
        let county = counties[*ci];
        let enterprise = match &enterprise_ids[e] {
            Some(id) => EnterpriseRef::Existing { id: id.clone() },
            None => {
                let mut name = format!(
                    "临沂{}{}有限公司（示例）",
                    pick(&mut rng, WORDS),
                    pick(&mut rng, TRADES)
                );
                while !seen_names.insert(name.clone()) {
                    name = format!(
                        "{}{}{}有限公司（示例）",
                        county.name.trim_end_matches(['区', '县']),
                        pick(&mut rng, WORDS),
                        format_args!("{}{}", pick(&mut rng, TRADES), e % 97)
                    );
                }
                let code = (rng.below(100) < 85).then(|| sample_credit_code(&mut rng, county.code));
                EnterpriseRef::New(NewEnterprise {
                    name,
                    credit_code: code,
                    kind: if rng.below(10) == 0 {
                        EnterpriseKind::Individual
                    } else {
                        EnterpriseKind::Private
                    },
                    county: Some(county.code.into()),
                    contact: String::new(),
                })
            }
        };
        let village = match &village_ids[v] {
            Some(id) => VillageRef::Existing { id: id.clone() },
            None => VillageRef::New(NewVillage {
                name: vname.clone(),
                township: town.clone(),
                county: county.code.into(),
            }),
        };
        let signed_on = random_day(&mut rng, campaign().start);
        let p = match w.add_pairing_marked(
            NewPairing {
                enterprise,
                village,
                signed_on,
                unit: None,
                status,
                note: String::new(),
            },
            true,
        ) {
            Ok(p) => p,
            Err(crate::LedgerError::Duplicate { .. }) if i >= ENTERPRISES => continue,
            Err(e) => return Err(e),
        };
        enterprise_ids[e] = Some(p.enterprise_id.clone());
        village_ids[v] = Some(p.village_id.clone());
        pairing_ids.push((p.id, signed_on));
        rows += 1;
    }
    for k in 0..PROJECTS {
        let (pid, signed) = pairing_ids[((k * 7919) % pairing_ids.len() as u64) as usize].clone();
        let kind = ProjectKind::ALL[rng.below(5) as usize];
        let status = [
            ProjectStatus::Agreed,
            ProjectStatus::InProgress,
            ProjectStatus::Completed,
        ][rng.below(3) as usize];
        w.add_project_marked(
            NewProject {
                pairing: pid,
                name: format!("{}帮扶项目{}", kind.label_zh(), k + 1),
                kind,
                agreed_on: random_day(&mut rng, signed),
                investment: Some(((5.0 + rng.unit() * 495.0) * 10.0).round() / 10.0),
                status,
                beneficiaries: Some(10 + rng.below(290) as u32),
            },
            true,
        )?;
        rows += 1;
    }
    Ok(rows)
}

fn sample_credit_code(rng: &mut Rng, county_code: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let admin = if county_code.len() == 6 && county_code.bytes().all(|b| b.is_ascii_digit()) {
        county_code
    } else {
        "371300"
    };
    let tail: String = (0..7)
        .map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize] as char)
        .collect();
    credit_code::with_check(&format!("91{admin}MA{tail}")).expect("alphabet characters")
}

/// Activity rows: (register, how many, title, data maker, status maker).
fn activities(w: &mut Writer<'_>) -> Result<u32> {
    let mut rng = Rng::new(0xAC71_0001);
    let mut rows = 0;
    let mut add = |w: &mut Writer<'_>,
                   rng: &mut Rng,
                   register: &str,
                   action: &str,
                   n: usize,
                   title: &dyn Fn(usize) -> String,
                   data: &dyn Fn(usize, &mut Rng) -> BTreeMap<String, serde_json::Value>,
                   status: &dyn Fn(usize) -> Option<String>|
     -> Result<()> {
        let reporters = units::reporters(action);
        for i in 0..n {
            let unit = reporters[rng.below(reporters.len() as u64) as usize];
            let new = NewRegisterRow {
                register: register.into(),
                occurred_on: random_day(rng, campaign().start),
                unit: unit.code.into(),
                title: title(i),
                status: status(i),
                data: data(i, rng),
            };
            w.add_register_row_marked(new, true, Some(format!("row/{register}/{i}")))?;
            rows += 1;
        }
        Ok(())
    };
    let none = |_: usize| None;
    add(
        w,
        &mut rng,
        "visit",
        "enterprise",
        1234 + 201,
        &|i| {
            if i < 1234 {
                format!("走访企业（示例）第{}家", i + 1)
            } else {
                format!("走访商会（示例）第{}家", i - 1233)
            }
        },
        &|i, r| {
            BTreeMap::from([
                (
                    "target_kind".into(),
                    json!(if i < 1234 { "企业" } else { "商会" }),
                ),
                ("visitors".into(), json!(2 + r.below(4))),
            ])
        },
        &none,
    )?;
    // 1400 participants over 42 sessions.
    let sizes = apportion(
        1400,
        &(0..42).map(|i| 1.0 + (i % 5) as f64).collect::<Vec<_>>(),
    );
    add(
        w,
        &mut rng,
        "training",
        "enterprise",
        sizes.len(),
        &|i| format!("民营企业家培训班第{}期（示例）", i + 1),
        &|i, _| {
            BTreeMap::from([
                ("participants".into(), json!(sizes[i])),
                ("hours".into(), json!(8)),
            ])
        },
        &none,
    )?;
    add(
        w,
        &mut rng,
        "report",
        "advice",
        1100,
        &|i| format!("调研报告（示例）第{}篇", i + 1),
        &|i, _| {
            BTreeMap::from([(
                "category".into(),
                json!(if i % 3 == 0 {
                    "调研报告"
                } else {
                    "社情民意信息"
                }),
            )])
        },
        &|i| Some(if i < 630 { "adopted" } else { "submitted" }.to_string()),
    )?;
    add(
        w,
        &mut rng,
        "station",
        "innovation",
        132,
        &|i| format!("新阶层服务站（示例）{}号", i + 1),
        &|_, r| BTreeMap::from([("members".into(), json!(5 + r.below(20)))]),
        &none,
    )?;
    add(
        w,
        &mut rng,
        "roadshow",
        "enterprise",
        24,
        &|i| format!("企业资本路演（示例）第{}场", i + 1),
        &|_, r| {
            BTreeMap::from([
                ("projects".into(), json!(3 + r.below(8))),
                ("attendees".into(), json!(40 + r.below(120))),
            ])
        },
        &none,
    )?;
    Ok(rows)
}
