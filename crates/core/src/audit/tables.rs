//! Which tables the trail covers, how a row is imaged (one JSON object of its columns, the
//! same text whether made by a trigger or read back), and the per-connection TEMP triggers
//! that capture every change the app makes into `temp.tz_change`.

use rusqlite::Connection;

use crate::auth::Area;
use crate::error::Result;

/// Tables that are not records of the task force's work: bookkeeping, the trail itself,
/// sign-in attempts, and `entry_rollup` (derived from the entries by triggers, 0012).
const NOT_AUDITED: &[&str] = &[
    "meta",
    "audit",
    "audit_shape",
    "account_login",
    "entry_rollup",
];

/// An audited table: its name, its key column and the JSON image of a row.
#[derive(Debug, Clone)]
pub struct AuditedTable {
    pub name: String,
    pub key: String,
    /// `(column, SQL expression over the row alias "{r}")` in column order.
    columns: Vec<(String, String)>,
    /// The CREATE TABLE text: a different one means the table was reshaped.
    pub shape: String,
}

impl AuditedTable {
    /// `json_object('id', r."id", …)` with `r` standing for NEW, OLD or the table itself.
    pub fn image(&self, row: &str) -> String {
        let parts: Vec<String> = self
            .columns
            .iter()
            .map(|(c, e)| format!("'{c}', {}", e.replace("{r}", row)))
            .collect();
        format!("json_object({})", parts.join(", "))
    }

    /// `SELECT key, image FROM main.t` — every current row as the trail images it.
    pub fn select_images(&self) -> String {
        format!(
            "SELECT CAST(t.\"{k}\" AS TEXT), {img} FROM main.\"{n}\" AS t",
            k = self.key,
            img = self.image("t"),
            n = self.name
        )
    }
}

/// The area of the permission table a table's rows belong to.
pub fn area_of(table: &str) -> Area {
    match table {
        "progress_entry" => Area::Entries,
        "target" | "target_milestone" => Area::Targets,
        "pairing" | "coop_project" | "register_row" | "enterprise" | "village" => Area::Registers,
        "lag_note" => Area::LagNotes,
        // A unit's return and its state in a round: written by its clerks (提交, import),
        // reviewed by reviewers (their review rights come with the round's own checks).
        "unit_return" | "unit_return_entry" | "correction" => Area::Entries,
        "round_unit" | "round_event" => Area::LagNotes,
        // 佐证材料 of an entry or a return; guard.rs gives a register row's its parent's
        // area (Registers) by the row's `attached_to`.
        "evidence" => Area::Entries,
        "setting" => Area::Settings,
        "account" => Area::Accounts,
        _ => Area::Catalogue,
    }
}

/// How the trail and the window name a table.
pub fn table_label(table: &str) -> &str {
    match table {
        "progress_entry" => "完成情况",
        "target" => "目标",
        "target_milestone" => "节点目标",
        "pairing" => "结对关系",
        "coop_project" => "合作项目",
        "register_row" => "活动台账",
        "enterprise" => "企业",
        "village" => "行政村",
        "lag_note" => "滞后说明",
        "action" => "行动",
        "indicator" => "指标",
        "unit" => "责任单位",
        "setting" => "设置",
        "register_type" => "台账类型",
        "indicator_derivation" => "指标统计口径",
        "account" => "账号",
        "round" => "填报轮次",
        "round_unit" => "单位报送状态",
        "round_event" => "报送记录",
        "correction" => "审核更正",
        "unit_return" => "单位报表",
        "unit_return_entry" => "报表数值",
        "evidence" => "佐证材料",
        other => other,
    }
}

/// Every audited table of this database, in name order.
pub fn audited_tables(conn: &Connection) -> Result<Vec<AuditedTable>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let tables: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for (name, shape) in tables {
        if NOT_AUDITED.contains(&name.as_str()) {
            continue;
        }
        let mut info = conn.prepare(&format!("PRAGMA main.table_info(\"{name}\")"))?;
        let cols: Vec<(String, i64)> = info
            .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(5)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let keys: Vec<&String> = cols
            .iter()
            .filter(|(_, pk)| *pk > 0)
            .map(|(c, _)| c)
            .collect();
        let key = match keys.as_slice() {
            [one] => (*one).clone(),
            _ => "rowid".to_string(),
        };
        let columns = cols
            .iter()
            .map(|(c, _)| {
                // The trail keeps a digest of a password hash, never the hash itself.
                let expr = if name == "account" && c == "password_hash" {
                    format!("tz_sm3({{r}}.\"{c}\")")
                } else {
                    format!("{{r}}.\"{c}\"")
                };
                (c.clone(), expr)
            })
            .collect();
        out.push(AuditedTable {
            name,
            key,
            columns,
            shape,
        });
    }
    Ok(out)
}

/// Registers `tz_sm3` and creates the TEMP capture table and triggers on this connection.
/// Every connection that writes must call this (store::open does); a connection that
/// does not — sqlite3 by hand — writes no trail, which `audit verify` then reports.
pub fn install(conn: &Connection) -> Result<()> {
    super::chain::register_sm3(conn)?;
    conn.execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS tz_change (
             tbl TEXT NOT NULL, op TEXT NOT NULL, row_id TEXT NOT NULL, old TEXT, new TEXT
         );",
    )?;
    let mut sql = String::new();
    for t in audited_tables(conn)? {
        sql.push_str(&create_triggers(&t));
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

/// The SQL that (re)creates the three capture triggers of one table on this connection.
pub fn create_triggers(t: &AuditedTable) -> String {
    let mut sql = String::new();
    let (n, k) = (&t.name, &t.key);
    for (suffix, when, row_id, old, new) in [
        (
            "i",
            "INSERT",
            format!("NEW.\"{k}\""),
            "NULL".to_string(),
            t.image("NEW"),
        ),
        (
            "u",
            "UPDATE",
            format!("NEW.\"{k}\""),
            t.image("OLD"),
            t.image("NEW"),
        ),
        (
            "d",
            "DELETE",
            format!("OLD.\"{k}\""),
            t.image("OLD"),
            "NULL".to_string(),
        ),
    ] {
        let op = match when {
            "INSERT" => "insert",
            "UPDATE" => "update",
            _ => "delete",
        };
        sql.push_str(&format!(
            "DROP TRIGGER IF EXISTS temp.\"tz_audit_{n}_{suffix}\";
             CREATE TEMP TRIGGER \"tz_audit_{n}_{suffix}\" AFTER {when} ON main.\"{n}\" BEGIN
               INSERT INTO tz_change(tbl, op, row_id, old, new)
               VALUES ('{n}', '{op}', CAST({row_id} AS TEXT), {old}, {new});
             END;\n"
        ));
    }
    sql
}
