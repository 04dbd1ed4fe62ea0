//! Activity registers: typed lists of the other actions' events and records (visits,
//! trainings, reports, stations, roadshows …). A register type defines its fields.

mod checks;
mod read;
mod write;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::TextKind;

pub use checks::is_valid_key;
pub(crate) use read::type_by_key;

/// An activity row's text field is a note: at most 500 characters, lines allowed.
pub const TEXT_FIELD: TextKind = TextKind::Note;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    /// A whole number of people, times …
    Count,
    /// An amount with up to two decimals (万元 …).
    Amount,
    /// One of `options`.
    Choice,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldDef {
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub label_en: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusDef {
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub label_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterType {
    pub id: String,
    pub code: String,
    pub action_code: String,
    pub name: String,
    pub name_en: String,
    pub fields: Vec<FieldDef>,
    pub statuses: Vec<StatusDef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewRegisterType {
    pub code: String,
    /// Action id or code.
    pub action: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    pub fields: Vec<FieldDef>,
    #[serde(default)]
    pub statuses: Vec<StatusDef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterRow {
    pub id: String,
    pub type_code: String,
    pub occurred_on: NaiveDate,
    pub unit_id: String,
    pub unit: String,
    pub title: String,
    pub status: Option<String>,
    #[ts(type = "Record<string, string | number>")]
    pub data: BTreeMap<String, serde_json::Value>,
    pub is_sample: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewRegisterRow {
    /// Register type code.
    pub register: String,
    pub occurred_on: NaiveDate,
    /// Unit id, code or name.
    pub unit: String,
    pub title: String,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    #[ts(type = "Record<string, string | number>")]
    pub data: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterFilter {
    pub register: String,
    pub search: Option<String>,
    pub unit: Option<String>,
    pub status: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only rows whose data field `match_field` equals `match_value`.
    pub match_field: Option<String>,
    pub match_value: Option<String>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}
