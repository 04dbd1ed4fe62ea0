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

/// The kind of value an activity register's field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// Free text, a note of at most 500 characters.
    Text,
    /// A whole number of people, times …
    Count,
    /// An amount with up to two decimals (万元 …).
    Amount,
    /// One of `options`.
    Choice,
}

/// One field of an activity register type, as the type defines it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldDef {
    /// The field's key in a row's data: ASCII letters, digits and `_`, starting with a letter.
    pub key: String,
    /// The field's Chinese label, as forms and exports show it.
    pub label: String,
    /// The field's English label, empty when none was given.
    #[serde(default)]
    pub label_en: String,
    /// What kind of value the field holds.
    pub kind: FieldKind,
    /// The values a `Choice` field may take; empty for other kinds.
    #[serde(default)]
    pub options: Vec<String>,
    /// Whether every row must fill the field.
    #[serde(default)]
    pub required: bool,
}

/// One status a row of an activity register may be in (e.g. 已完成).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusDef {
    /// The status's key as stored on a row: ASCII letters, digits and `_`, starting with a letter.
    pub key: String,
    /// The status's Chinese label.
    pub label: String,
    /// The status's English label, empty when none was given.
    #[serde(default)]
    pub label_en: String,
}

/// An activity register type (台账类型): a list of one kind of event or record, with its fields and statuses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterType {
    /// The type's UUID.
    pub id: String,
    /// The type's code, by which rows and filters name it.
    pub code: String,
    /// The code of the action (行动) the register belongs to.
    pub action_code: String,
    /// The type's Chinese name.
    pub name: String,
    /// The type's English name, empty when none was given.
    pub name_en: String,
    /// The fields each row of the register carries, in order.
    pub fields: Vec<FieldDef>,
    /// The statuses a row may be in; empty when rows have none.
    pub statuses: Vec<StatusDef>,
}

/// What a person gives to create an activity register type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewRegisterType {
    /// The new type's code, unique among register types.
    pub code: String,
    /// Action id or code.
    pub action: String,
    /// The new type's Chinese name (at most 40 characters).
    pub name: String,
    /// The new type's English name (optional).
    #[serde(default)]
    pub name_en: String,
    /// The fields each row will carry.
    pub fields: Vec<FieldDef>,
    /// The statuses a row may be in (optional).
    #[serde(default)]
    pub statuses: Vec<StatusDef>,
}

/// One row of an activity register: an event or record of its type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterRow {
    /// The row's UUID.
    pub id: String,
    /// The code of the register type the row belongs to.
    pub type_code: String,
    /// The day the event took place.
    pub occurred_on: NaiveDate,
    /// The UUID of the responsible unit the row is recorded for.
    pub unit_id: String,
    /// That unit's name.
    pub unit: String,
    /// The row's title, a short name of the event.
    pub title: String,
    /// The row's status key, when its type has statuses.
    pub status: Option<String>,
    /// The row's field values by field key (text or number).
    #[ts(type = "Record<string, string | number>")]
    pub data: BTreeMap<String, serde_json::Value>,
    /// Whether the row came from the sample data.
    pub is_sample: bool,
}

/// What a person gives to add a row to an activity register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewRegisterRow {
    /// Register type code.
    pub register: String,
    /// The day the event took place.
    pub occurred_on: NaiveDate,
    /// Unit id, code or name.
    pub unit: String,
    /// The row's title, a short name of the event.
    pub title: String,
    /// The row's status key (optional; one of its type's statuses).
    #[serde(default)]
    pub status: Option<String>,
    /// The row's field values by field key, checked against the type's fields.
    #[serde(default)]
    #[ts(type = "Record<string, string | number>")]
    pub data: BTreeMap<String, serde_json::Value>,
}

/// Which rows of one activity register to list, a page at a time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterFilter {
    /// The register type's code (or id) whose rows are listed.
    pub register: String,
    /// Only rows whose title or data contain this text.
    pub search: Option<String>,
    /// Only rows of this unit (id, code or name) and its subtree, within the reader's scope.
    pub unit: Option<String>,
    /// Only rows in this status key.
    pub status: Option<String>,
    /// Only rows on or after this day.
    pub from: Option<NaiveDate>,
    /// Only rows on or before this day.
    pub to: Option<NaiveDate>,
    /// Only rows whose data field `match_field` equals `match_value`.
    pub match_field: Option<String>,
    /// The value `match_field` must equal.
    pub match_value: Option<String>,
    /// The most rows on the page (default 100).
    pub limit: Option<u32>,
    /// How many matching rows to skip before the page (default 0).
    pub offset: Option<u32>,
}
