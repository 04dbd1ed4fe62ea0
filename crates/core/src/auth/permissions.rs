//! The permission table: every area of writes × role → none, within the scope, or anywhere.
//! One table, read by the write guard (audit/guard.rs), the reads and the window (which
//! hides or disables what a role cannot use, with the reason).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Role;

/// What a write touches, as the permission table divides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Actions, indicators, units, register types, derivations.
    Catalogue,
    /// Accounts (a person's own password is always theirs to change).
    Accounts,
    /// Settings (the pacing threshold …).
    Settings,
    /// Loading and removing the sample data.
    Sample,
    /// Targets and their milestones.
    Targets,
    /// Progress entries (完成情况), typed or imported.
    Entries,
    /// Register rows: pairings, projects, activity rows, enterprises, villages.
    Registers,
    /// 滞后原因 / 整改措施.
    LagNotes,
    /// Backups: listing, copying out and restoring the whole ledger (it holds every unit's
    /// rows and the accounts), so administrators only. Automatic backups need no grant.
    Backups,
    /// 审核: approving a unit's return, sending it back (退回) and correcting a reported
    /// figure (the round's rows and the entry it corrects are written under this grant).
    Review,
}

impl Area {
    /// Every area, in the order of the permission table.
    pub const ALL: [Area; 10] = [
        Area::Catalogue,
        Area::Accounts,
        Area::Settings,
        Area::Sample,
        Area::Targets,
        Area::Entries,
        Area::Registers,
        Area::LagNotes,
        Area::Backups,
        Area::Review,
    ];
    /// How a refusal names it: 「…无权修改沂南县的数据（完成情况）」.
    pub fn label(self) -> &'static str {
        match self {
            Area::Catalogue => "指标目录",
            Area::Accounts => "账号",
            Area::Settings => "设置",
            Area::Sample => "示例数据",
            Area::Targets => "目标",
            Area::Entries => "完成情况",
            Area::Registers => "台账",
            Area::LagNotes => "滞后说明",
            Area::Backups => "备份与恢复",
            Area::Review => "审核报表",
        }
    }
    /// Whether rows of this area belong to a unit (so a scope can contain them).
    pub fn is_scoped(self) -> bool {
        matches!(
            self,
            Area::Targets | Area::Entries | Area::Registers | Area::LagNotes | Area::Review
        )
    }
}

/// How far a role may write in an area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Grant {
    /// No writes in the area.
    None,
    /// Rows of the account's unit and its subtree.
    Scope,
    /// Anywhere.
    All,
}

use Area as A;
use Grant::{All, None as No, Scope as In};
use Role as R;

/// THE permission table. Rows: area; columns: admin, reviewer, clerk, viewer.
/// Reads: every signed-in role reads the figures of every unit (progress, ranking: a unit
/// must see where it stands); rows behind them (entries, registers, lag notes, the trail)
/// only within its scope.
pub const PERMISSIONS: &[(Area, [Grant; 4])] = &[
    //               admin reviewer clerk viewer
    (A::Catalogue, [All, No, No, No]),
    (A::Accounts, [All, No, No, No]),
    (A::Settings, [All, No, No, No]),
    (A::Sample, [All, No, No, No]),
    (A::Targets, [All, No, No, No]),
    (A::Entries, [All, No, In, No]),
    (A::Registers, [All, No, In, No]),
    (A::LagNotes, [All, In, In, No]),
    (A::Backups, [All, No, No, No]),
    (A::Review, [All, In, No, No]),
];

/// The grant of `role` in `area`, read off [`PERMISSIONS`].
pub fn grant(role: Role, area: Area) -> Grant {
    let col = match role {
        R::Admin => 0,
        R::Reviewer => 1,
        R::Clerk => 2,
        R::Viewer => 3,
    };
    PERMISSIONS
        .iter()
        .find(|(a, _)| *a == area)
        .map_or(Grant::None, |(_, g)| g[col])
}

/// One area's grant, as the window receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AreaGrant {
    /// The area.
    pub area: Area,
    /// How far the signed-in role may write in it.
    pub grant: Grant,
}

/// What the signed-in person may do, for the window to hide or disable what it cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Permissions {
    /// The signed-in person's role.
    pub role: Role,
    /// The root unit of their scope; None is the whole tree.
    pub unit_id: Option<String>,
    /// That unit's name.
    pub unit_name: Option<String>,
    /// The ids of the account's unit and its whole subtree; None is the whole tree.
    pub scope_units: Option<Vec<String>>,
    /// The role's grant in every area.
    pub grants: Vec<AreaGrant>,
}

impl Permissions {
    /// Nobody signed in (a ledger with accounts): nothing may be written or read.
    pub fn nobody() -> Self {
        Self {
            role: Role::Viewer,
            unit_id: None,
            unit_name: None,
            scope_units: Some(Vec::new()),
            grants: Area::ALL
                .into_iter()
                .map(|area| AreaGrant {
                    area,
                    grant: Grant::None,
                })
                .collect(),
        }
    }

    pub(crate) fn of(
        role: Role,
        unit: Option<(String, String)>,
        scope: Option<Vec<String>>,
    ) -> Self {
        let (unit_id, unit_name) = unit.map_or((None, None), |(id, name)| (Some(id), Some(name)));
        Self {
            role,
            unit_id,
            unit_name,
            scope_units: scope,
            grants: Area::ALL
                .into_iter()
                .map(|area| AreaGrant {
                    area,
                    grant: grant(role, area),
                })
                .collect(),
        }
    }
}
