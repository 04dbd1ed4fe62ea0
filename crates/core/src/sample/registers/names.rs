//! Random days and the word lists the sample's village and enterprise names are made of.

use chrono::{Days, NaiveDate};

use crate::sample::as_of;
use crate::sample::spread::Rng;

pub(super) fn random_day(rng: &mut Rng, from: NaiveDate) -> NaiveDate {
    let days = (as_of() - from).num_days().max(0) as u64 + 1;
    from + Days::new(((days as f64) * rng.unit().sqrt()) as u64).min(Days::new(days - 1))
}

pub(super) fn pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items[rng.below(items.len() as u64) as usize]
}

pub(super) const DIRECTIONS: &[&str] = &[
    "东", "西", "南", "北", "前", "后", "上", "下", "大", "小", "新", "老",
];
pub(super) const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "孙", "徐", "朱", "高", "马", "胡", "郭", "林", "何",
];
pub(super) const PLACES: &[&str] = &[
    "庄", "家庄", "官庄", "屯", "岭", "沟", "湖", "河", "营", "埠", "店", "旺",
];
pub(super) const WORDS: &[&str] = &[
    "恒信", "鲁蒙", "沂蒙", "金源", "华兴", "鑫盛", "宏达", "瑞丰", "康源", "泰和", "天成", "嘉禾",
    "琅琊", "东方", "润泽", "永安",
];
pub(super) const TRADES: &[&str] = &[
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
pub(super) const TOWN_HEADS: &[&str] = &[
    "青", "马", "金", "双", "白", "柳", "石", "梅", "桃", "岔", "朱", "龙", "凤", "汤", "高", "花",
];
pub(super) const TOWN_TAILS: &[&str] = &["山", "河", "湖", "桥", "岭", "庄", "埠", "泉"];
