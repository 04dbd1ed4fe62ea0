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
    /// The actor's role, which with its scope decides what it may read and write.
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
    /// Every role, administrator first.
    pub const ALL: [Role; 4] = [Role::Admin, Role::Reviewer, Role::Clerk, Role::Viewer];
    /// The role's stable code (`admin`, `reviewer`, `clerk`, `viewer`), as stored on an account.
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Reviewer => "reviewer",
            Role::Clerk => "clerk",
            Role::Viewer => "viewer",
        }
    }
    /// The role's Chinese name as the window shows it (管理员, 审核员, 填报员, 领导).
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
    /// The action's UUID.
    pub id: String,
    /// The action's short code, unique in the ledger, by which people and files name it.
    pub code: String,
    /// The action's Chinese name (e.g. 共同富裕).
    pub name: String,
    /// The action's English name, empty when none was given.
    pub name_en: String,
    /// A longer free-text description of the action.
    pub description: String,
    /// The action's place in listings, smallest first.
    pub sort_order: i32,
    /// Whether the action is archived, and so hidden from listings unless asked for.
    pub archived: bool,
}

/// 指标: what an action counts, e.g. 结对共建企业 (家).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Indicator {
    /// The indicator's UUID.
    pub id: String,
    /// The UUID of the action the indicator belongs to.
    pub action_id: String,
    /// The code of the action the indicator belongs to.
    pub action_code: String,
    /// The indicator's short code, by which people and imported files name it.
    pub code: String,
    /// The indicator's Chinese name (e.g. 结对共建企业).
    pub name: String,
    /// The indicator's English name, empty when none was given.
    pub name_en: String,
    /// Unit of measure: 处, 名, 条, 篇, 家, 个, 场次, 人次, 万元 …
    pub measure: String,
    /// Whether the indicator is a headline figure, which summaries show before the others.
    pub headline: bool,
    /// How many decimal places its values may have (0 for counts).
    pub decimals: u8,
    /// The curve that says how much of a target should be done by a date (序时进度).
    pub pacing: Pacing,
    /// The indicator's place in listings within its action, smallest first.
    pub sort_order: i32,
    /// Whether the indicator is archived, and so hidden from listings unless asked for.
    pub archived: bool,
    /// The plausibility ceiling of its values and targets (default 1e9): a larger figure
    /// is refused as a typing mistake.
    pub max_value: f64,
}

/// What kind of body a responsible unit (责任单位) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// The city itself, the root of the unit tree (市).
    City,
    /// A county or district (区县).
    County,
    /// A functional zone, which counts as a county where one is required (功能区).
    Zone,
    /// A city department (部门).
    Department,
    /// A party or mass organisation (党派团体).
    Party,
    /// Any other kind of unit (其他).
    Other,
}

impl UnitKind {
    /// The kind's stable code as stored in the `unit` table (`city`, `county` …).
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
    /// The kind for a stored code, or None for an unknown code.
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
    /// The unit's UUID.
    pub id: String,
    /// The unit's short code, by which people and imported files name it.
    pub code: String,
    /// The unit's Chinese name.
    pub name: String,
    /// The unit's English name, empty when none was given.
    pub name_en: String,
    /// What kind of body the unit is.
    pub kind: UnitKind,
    /// The id of the unit above it in the tree; None for a root (the city).
    pub parent_id: Option<String>,
    /// The unit's place in listings among its siblings, smallest first.
    pub sort_order: i32,
    /// Whether the unit is archived, and so hidden from listings unless asked for.
    pub archived: bool,
}

/// A date range, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub struct Period {
    /// The period's first day.
    pub start: NaiveDate,
    /// The period's last day, included.
    pub end: NaiveDate,
}

impl Period {
    /// How many days the period spans, counting both ends.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
    /// Whether the date falls within the period, ends included.
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
}

/// 目标: a value to reach for an indicator, a unit and a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Target {
    /// The target's UUID.
    pub id: String,
    /// The UUID of the indicator the target is for.
    pub indicator_id: String,
    /// The UUID of the responsible unit the target is set for.
    pub unit_id: String,
    /// The dates by which the value is to be reached.
    pub period: Period,
    /// The value to reach by the end of the period.
    pub value: f64,
    /// Cumulative milestones (due date, value) for the quarterly-steps curve; may be empty.
    pub milestones: Vec<Milestone>,
    /// Whether the target came from the sample data.
    pub is_sample: bool,
    /// When the target was last written (RFC 3339, UTC).
    pub updated_at: String,
    /// Who last wrote the target (the actor's name).
    pub updated_by: String,
}

/// A cumulative value a target should have reached by a due date (quarterly-steps curve).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Milestone {
    /// The day by which the value is due.
    pub due_on: NaiveDate,
    /// The cumulative value due by then.
    pub value: f64,
}

/// 完成情况: one increment of work done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Entry {
    /// The entry's UUID.
    pub id: String,
    /// The UUID of the indicator the work counts toward.
    pub indicator_id: String,
    /// The UUID of the responsible unit that did the work.
    pub unit_id: String,
    /// The day the work was done, which places it in a period.
    pub occurred_on: NaiveDate,
    /// How much was done, in the indicator's measure.
    pub value: f64,
    /// A free-text note on the entry (up to 500 characters).
    pub note: String,
    /// Whether the entry came from the sample data.
    pub is_sample: bool,
    /// When the entry was recorded (RFC 3339, UTC).
    pub created_at: String,
    /// Who recorded the entry (the actor's name).
    pub created_by: String,
    /// When the entry was last changed (RFC 3339, UTC).
    pub updated_at: String,
    /// Who last changed the entry (the actor's name).
    pub updated_by: String,
}

// ---- inputs ------------------------------------------------------------------------

/// What a person gives to create an action (行动).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewAction {
    /// The new action's code, unique in the ledger.
    pub code: String,
    /// The new action's Chinese name.
    pub name: String,
    /// The new action's English name (optional).
    #[serde(default)]
    pub name_en: String,
    /// A longer description of the action (optional).
    #[serde(default)]
    pub description: String,
}

/// What a person gives to create an indicator (指标) under an action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewIndicator {
    /// Action id or code.
    pub action: String,
    /// The new indicator's code.
    pub code: String,
    /// The new indicator's Chinese name.
    pub name: String,
    /// The new indicator's English name (optional).
    #[serde(default)]
    pub name_en: String,
    /// Its unit of measure (处, 家, 万元 …).
    pub measure: String,
    /// Whether it is a headline figure (default no).
    #[serde(default)]
    pub headline: bool,
    /// How many decimal places its values may have (default 0).
    #[serde(default)]
    pub decimals: u8,
    /// Its pacing curve (default linear).
    #[serde(default)]
    pub pacing: Pacing,
}

/// What a person gives to create a responsible unit (责任单位).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewUnit {
    /// The new unit's code.
    pub code: String,
    /// The new unit's Chinese name.
    pub name: String,
    /// The new unit's English name (optional).
    #[serde(default)]
    pub name_en: String,
    /// What kind of body the new unit is.
    pub kind: UnitKind,
    /// Parent unit id, code or name; None for a root.
    pub parent: Option<String>,
}

/// What a person gives to set a target (目标) for an indicator, a unit and a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewTarget {
    /// Indicator id, code or name.
    pub indicator: String,
    /// Unit id, code or name.
    pub unit: String,
    /// The period the target covers.
    pub period: Period,
    /// The value to reach by the period's end.
    pub value: f64,
    /// Cumulative milestones for the quarterly-steps curve (optional).
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
    /// The target as it was saved.
    pub target: Target,
    /// The overlapping targets it replaced, empty when none.
    pub replaced: Vec<ReplacedTarget>,
}

/// An overlapping target a new one replaced: ended the day before the new one starts, or
/// removed when it started on or after that day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReplacedTarget {
    /// The replaced target's UUID.
    pub id: String,
    /// Its period before the replacement.
    pub period: Period,
    /// Its value, unchanged by the replacement.
    pub value: f64,
    /// Its new last day; None when it was removed.
    pub ended_on: Option<NaiveDate>,
}

/// What a person gives to record a completion (完成情况).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewEntry {
    /// Indicator id, code or name.
    pub indicator: String,
    /// Unit id, code or name.
    pub unit: String,
    /// The day the work was done.
    pub occurred_on: NaiveDate,
    /// How much was done, in the indicator's measure.
    pub value: f64,
    /// A free-text note (optional).
    #[serde(default)]
    pub note: String,
}

/// Changes to an existing entry; a None leaves the field as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct EntryChange {
    /// The unit (id, code or name) the entry moves to.
    pub unit: Option<String>,
    /// The new day the work was done.
    pub occurred_on: Option<NaiveDate>,
    /// The new value.
    pub value: Option<f64>,
    /// The new note.
    pub note: Option<String>,
}

/// What is recorded for one indicator and one unit (the unit's own entries, not its
/// sub-units') over a filter's dates: the quarter grid's 已录 figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EntrySum {
    /// The indicator's UUID.
    pub indicator_id: String,
    /// The unit's UUID.
    pub unit_id: String,
    /// The sum of the entries' values.
    pub value: f64,
    /// How many entries make it.
    pub entries: u32,
}

/// Filter for listing entries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct EntryFilter {
    /// Only entries of this indicator (id, code or name).
    pub indicator: Option<String>,
    /// Only entries of this unit (id, code or name), with its sub-units unless told otherwise.
    pub unit: Option<String>,
    /// Include the unit's descendants (default true when a unit is given).
    #[serde(default)]
    pub include_subunits: Option<bool>,
    /// Only entries on or after this day.
    pub from: Option<NaiveDate>,
    /// Only entries on or before this day.
    pub to: Option<NaiveDate>,
    /// The most entries to return (default 10,000).
    pub limit: Option<u32>,
    /// How many matching entries to skip before the first returned (default 0).
    pub offset: Option<u32>,
}
