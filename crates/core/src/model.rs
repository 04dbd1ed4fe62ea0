//! The domain's records as the core hands them out (to the CLI, the desktop shell and,
//! through ts-rs, the UI's TypeScript types). Inputs for writes live beside them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::pacing::Pacing;

/// Who performs a write (and whose reads are scoped). Every write names one, so that roles
/// and the audit trail are enforced in one place (the ledger's write path) rather than in
/// every caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Actor {
    /// What rows' `created_by`/`updated_by` say: the account's login name, or in single-user
    /// mode `desktop:<OS user>` / `cli:<OS user>`.
    pub name: String,
    /// The person's name as the trail shows it (王某某); empty outside accounts.
    pub display_name: String,
    pub role: Role,
    /// The root of the actor's scope (its unit and subtree); None is the whole tree.
    pub unit_id: Option<String>,
    /// The signed-in account; None in single-user mode and for the program itself.
    pub account_id: Option<String>,
}

impl Actor {
    /// A single-user actor (no accounts yet): may do everything, named as given.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            display_name: String::new(),
            role: Role::Admin,
            unit_id: None,
            account_id: None,
        }
    }
    /// The program itself (migrations, first-run setup, sample data).
    pub fn system() -> Self {
        Self::named("system")
    }
    /// The person at this machine in single-user mode: `<door>:<OS user>`, never `unknown`.
    pub fn local_user(door: &str) -> Self {
        Self::named(format!("{door}:{}", crate::auth::os_user()))
    }
    /// Whether this actor acts for a signed-in account.
    pub fn is_account(&self) -> bool {
        self.account_id.is_some()
    }
}

/// The four roles of issue 9: what a signed-in account may do is `auth::PERMISSIONS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 管理员: everything, including the catalogue, accounts, settings and sample data.
    Admin,
    /// 审核员: reads and reviews within its scope; writes lag notes.
    Reviewer,
    /// 填报员: entries, register rows, imports and lag notes within its scope.
    Clerk,
    /// 领导: reads everything in its scope, exports summaries; writes nothing.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Admin, Role::Reviewer, Role::Clerk, Role::Viewer];
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Reviewer => "reviewer",
            Role::Clerk => "clerk",
            Role::Viewer => "viewer",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "管理员",
            Role::Reviewer => "审核员",
            Role::Clerk => "填报员",
            Role::Viewer => "领导",
        }
    }
    /// `admin`, `管理员` … as typed on the command line.
    pub fn parse(s: &str) -> Option<Role> {
        let s = s.trim();
        Role::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(s) || r.label() == s)
    }
}

/// 行动: one of the campaign's actions, e.g. 共同富裕.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Action {
    pub id: String,
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub description: String,
    pub sort_order: i32,
    pub archived: bool,
}

/// 指标: what an action counts, e.g. 结对共建企业 (家).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Indicator {
    pub id: String,
    pub action_id: String,
    pub action_code: String,
    pub code: String,
    pub name: String,
    pub name_en: String,
    /// Unit of measure: 处, 名, 条, 篇, 家, 个, 场次, 人次, 万元 …
    pub measure: String,
    pub headline: bool,
    pub decimals: u8,
    pub pacing: Pacing,
    pub sort_order: i32,
    pub archived: bool,
    /// The plausibility ceiling of its values and targets (default 1e9): a larger figure
    /// is refused as a typing mistake.
    pub max_value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    City,
    County,
    Zone,
    Department,
    Party,
    Other,
}

impl UnitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::City => "city",
            Self::County => "county",
            Self::Zone => "zone",
            Self::Department => "department",
            Self::Party => "party",
            Self::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "city" => Self::City,
            "county" => Self::County,
            "zone" => Self::Zone,
            "department" => Self::Department,
            "party" => Self::Party,
            "other" => Self::Other,
            _ => return None,
        })
    }
    /// 市, 区县, 功能区, 部门, 党派, 其他
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::City => "市",
            Self::County => "区县",
            Self::Zone => "功能区",
            Self::Department => "部门",
            Self::Party => "党派团体",
            Self::Other => "其他",
        }
    }
}

/// 责任单位: the city, a county, a zone, a department or a party committee; a tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Unit {
    pub id: String,
    pub code: String,
    pub name: String,
    pub name_en: String,
    pub kind: UnitKind,
    pub parent_id: Option<String>,
    pub sort_order: i32,
    pub archived: bool,
}

/// A date range, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
}

/// 目标: a value to reach for an indicator, a unit and a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Target {
    pub id: String,
    pub indicator_id: String,
    pub unit_id: String,
    pub period: Period,
    pub value: f64,
    /// Cumulative milestones (due date, value) for the quarterly-steps curve; may be empty.
    pub milestones: Vec<Milestone>,
    pub is_sample: bool,
    pub updated_at: String,
    pub updated_by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Milestone {
    pub due_on: NaiveDate,
    pub value: f64,
}

/// 完成情况: one increment of work done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Entry {
    pub id: String,
    pub indicator_id: String,
    pub unit_id: String,
    pub occurred_on: NaiveDate,
    pub value: f64,
    pub note: String,
    pub is_sample: bool,
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
    pub updated_by: String,
}

// ---- inputs ------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewAction {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewIndicator {
    /// Action id or code.
    pub action: String,
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    pub measure: String,
    #[serde(default)]
    pub headline: bool,
    #[serde(default)]
    pub decimals: u8,
    #[serde(default)]
    pub pacing: Pacing,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewUnit {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    pub kind: UnitKind,
    /// Parent unit id, code or name; None for a root.
    pub parent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewTarget {
    /// Indicator id, code or name.
    pub indicator: String,
    /// Unit id, code or name.
    pub unit: String,
    pub period: Period,
    pub value: f64,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// The person says this target replaces any other of the indicator and unit whose
    /// period overlaps it (not the same period: that one is simply updated). Without it an
    /// overlapping target is refused.
    #[serde(default)]
    pub replace_overlapping: bool,
}

/// What setting a target did: the target, and the overlapping targets it replaced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TargetSet {
    pub target: Target,
    pub replaced: Vec<ReplacedTarget>,
}

/// An overlapping target a new one replaced: ended the day before the new one starts, or
/// removed when it started on or after that day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReplacedTarget {
    pub id: String,
    /// Its period before the replacement.
    pub period: Period,
    pub value: f64,
    /// Its new last day; None when it was removed.
    pub ended_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewEntry {
    /// Indicator id, code or name.
    pub indicator: String,
    /// Unit id, code or name.
    pub unit: String,
    pub occurred_on: NaiveDate,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}

/// Changes to an existing entry; a None leaves the field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct EntryChange {
    pub unit: Option<String>,
    pub occurred_on: Option<NaiveDate>,
    pub value: Option<f64>,
    pub note: Option<String>,
}

/// What is recorded for one indicator and one unit (the unit's own entries, not its
/// sub-units') over a filter's dates: the quarter grid's 已录 figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EntrySum {
    pub indicator_id: String,
    pub unit_id: String,
    /// The sum of the entries' values.
    pub value: f64,
    /// How many entries make it.
    pub entries: u32,
}

/// Filter for listing entries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct EntryFilter {
    pub indicator: Option<String>,
    pub unit: Option<String>,
    /// Include the unit's descendants (default true when a unit is given).
    #[serde(default)]
    pub include_subunits: Option<bool>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
}
