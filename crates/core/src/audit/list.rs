//! Reading the trail: the 操作记录 page and `audit list` (filters, newest first), and a
//! row's 历史 (its versions, oldest first). A scoped reader sees the records of its units.

use chrono::{NaiveDate, TimeZone};
use rusqlite::types::Value as SqlValue;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use super::seal::parse;
use super::tables::table_label;
use crate::error::Result;
use crate::Ledger;

/// One field of a record: its value before and after (None where the row had none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    /// The column's name in the table (`value`, `occurred_on` …).
    pub field: String,
    /// The field's Chinese label as the forms show it (数值, 日期 …).
    pub label: String,
    /// The value before the change; None for an insert or a field the row did not have.
    #[ts(type = "unknown")]
    pub old: Option<Value>,
    /// The value after the change; None for a deletion.
    #[ts(type = "unknown")]
    pub new: Option<Value>,
}

/// One record of the trail, as a person reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditRecord {
    /// The record's place in the chain, from 1; later records have larger numbers.
    pub seq: i64,
    /// When the write was made (RFC 3339, UTC).
    pub at: String,
    /// The login of the account that wrote (or the machine's user in single-user mode).
    pub account: String,
    /// The account's display name (王某某) at the time of the write.
    pub display_name: String,
    /// The account's role at the time of the write (admin, reviewer, clerk, viewer).
    pub role: String,
    /// The computer the write was made on.
    pub machine: String,
    /// What happened to the row: insert, update, delete or baseline.
    pub op: String,
    /// The table the row belongs to.
    pub table: String,
    /// The table's Chinese name (完成情况, 目标 …).
    pub table_label: String,
    /// The changed row's id.
    pub row_id: String,
    /// The responsible unit the row belongs to, when it belongs to one.
    pub unit_id: Option<String>,
    /// That unit's name.
    pub unit_name: Option<String>,
    /// The fields that changed, with their values before and after.
    pub changes: Vec<FieldChange>,
    /// The reason the person gave for the change (empty when none was asked).
    pub reason: String,
}

/// Filters of the trail; every one optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AuditFilter {
    /// Only records of this table.
    pub table: Option<String>,
    /// Only records of this row id.
    pub row: Option<String>,
    /// Login or display name.
    pub account: Option<String>,
    /// A unit and its subtree.
    pub unit: Option<String>,
    /// Only records written on or after this day.
    pub from: Option<NaiveDate>,
    /// Only records written on or before this day.
    pub to: Option<NaiveDate>,
    /// How many of the newest matching records to skip (paging).
    pub offset: Option<u32>,
    /// How many records to return at most.
    pub limit: Option<u32>,
}

/// A page of records, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditPage {
    /// The page's records, newest first.
    pub rows: Vec<AuditRecord>,
    /// How many records match the filter in all.
    pub total: i64,
}

const STAMPS: &[&str] = &["created_at", "created_by", "updated_at", "updated_by"];

impl Ledger {
    /// The trail, newest first, within the reader's scope.
    pub fn audit_records(&self, f: &AuditFilter) -> Result<AuditPage> {
        let scope = self.read_scope()?;
        let unit = match &f.unit {
            Some(k) => Some(self.clamp_unit(Some(k))?.unwrap_or_default()),
            None => scope.root.clone(),
        };
        let mut conds: Vec<String> = Vec::new();
        let mut params: Vec<SqlValue> = Vec::new();
        // Each `?` of a condition becomes its own numbered parameter holding `v`.
        let mut add = |cond: &str, v: SqlValue| {
            let mut out = String::new();
            for (i, part) in cond.split('?').enumerate() {
                if i > 0 {
                    params.push(v.clone());
                    out.push_str(&format!("?{}", params.len()));
                }
                out.push_str(part);
            }
            conds.push(out);
        };
        if let Some(t) = &f.table {
            add("a.tbl = ?", SqlValue::Text(t.clone()));
        }
        if let Some(r) = &f.row {
            add("a.row_id = ?", SqlValue::Text(r.clone()));
        }
        if let Some(who) = &f.account {
            add(
                "(a.account = ? COLLATE NOCASE OR a.display_name = ?)",
                SqlValue::Text(who.clone()),
            );
        }
        if let Some(u) = unit {
            add(
                "a.unit_id IN (WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub)",
                SqlValue::Text(u),
            );
        }
        if let Some(d) = f.from {
            add("a.at >= ?", SqlValue::Text(utc_start(d)));
        }
        if let Some(d) = f.to {
            add(
                "a.at < ?",
                SqlValue::Text(utc_start(d + chrono::Duration::days(1))),
            );
        }
        let filter = if conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conds.join(" AND "))
        };
        let conn = self.conn();
        let total: i64 = conn.query_row(
            &format!("SELECT count(*) FROM audit a {filter}"),
            rusqlite::params_from_iter(params.iter()),
            |r| r.get(0),
        )?;
        let limit = f.limit.unwrap_or(50).min(1000);
        let offset = f.offset.unwrap_or(0);
        let sql = format!(
            "SELECT a.seq, a.at, a.account, a.display_name, a.role, a.machine, a.op, a.tbl, a.row_id,
                    a.unit_id, u.name, a.old, a.new, a.reason
             FROM audit a LEFT JOIN unit u ON u.id = a.unit_id {filter}
             ORDER BY a.seq DESC LIMIT {limit} OFFSET {offset}"
        );
        let rows = read(conn, &sql, params)?;
        Ok(AuditPage { rows, total })
    }

    /// A row's versions, oldest first (its whole trail).
    pub fn row_history(&self, table: &str, row_id: &str) -> Result<Vec<AuditRecord>> {
        let page = self.audit_records(&AuditFilter {
            table: Some(table.to_string()),
            row: Some(row_id.to_string()),
            limit: Some(1000),
            ..Default::default()
        })?;
        let mut rows = page.rows;
        rows.reverse();
        Ok(rows)
    }

    /// Recomputes the chain and checks every audited row against it.
    pub fn verify_audit(&self) -> Result<super::AuditVerdict> {
        super::verify::verify(self.conn())
    }
}

fn read(conn: &rusqlite::Connection, sql: &str, params: Vec<SqlValue>) -> Result<Vec<AuditRecord>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(params.iter()), |r| {
            let table: String = r.get(7)?;
            let old: Option<String> = r.get(11)?;
            let new: Option<String> = r.get(12)?;
            Ok(AuditRecord {
                seq: r.get(0)?,
                at: r.get(1)?,
                account: r.get(2)?,
                display_name: r.get(3)?,
                role: r.get(4)?,
                machine: r.get(5)?,
                op: r.get(6)?,
                table_label: table_label(&table).to_string(),
                changes: changes(&table, old.as_deref(), new.as_deref()),
                table,
                row_id: r.get(8)?,
                unit_id: r.get(9)?,
                unit_name: r.get(10)?,
                reason: r.get(13)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The fields of a record, old → new, without the stamps the record itself carries.
pub fn changes(table: &str, old: Option<&str>, new: Option<&str>) -> Vec<FieldChange> {
    let (old, new): (Map<String, Value>, Map<String, Value>) = (parse(old), parse(new));
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| !STAMPS.contains(&k.as_str()))
        .map(|k| {
            let secret = table == "account" && k == "password_hash";
            let hide = |v: Option<&Value>| {
                v.cloned().map(|v| {
                    if secret {
                        Value::String("******".into())
                    } else {
                        v
                    }
                })
            };
            FieldChange {
                field: k.clone(),
                label: column_label(k).to_string(),
                old: hide(old.get(k)),
                new: hide(new.get(k)),
            }
        })
        .collect()
}

/// A column's Chinese label: the form's label of the field it holds.
pub fn column_label(column: &str) -> &str {
    let field = column.strip_suffix("_id").unwrap_or(column);
    match column {
        "password_hash" => "密码",
        "password_changed_at" => "密码修改时间",
        "display_name" => "姓名",
        "login" => "登录名",
        "role" => "角色",
        "disabled" => "已停用",
        "is_sample" => "示例数据",
        "archived" => "已归档",
        "unit_id" => "责任单位",
        "county_id" => "所属区县",
        "village_id" => "行政村",
        "enterprise_id" => "企业",
        "type_id" => "台账类型",
        "data" => "字段",
        "kind" => "类型",
        "name_en" => "英文名称",
        "sort_order" => "排序",
        "value" => "数值",
        _ => crate::error::field_label(field),
    }
}

/// The UTC stamp at which a local date begins, to compare with `at`.
fn utc_start(d: NaiveDate) -> String {
    let local = chrono::Local
        .from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_else(|| d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
    local.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
