//! `audit verify` and `audit list`: the trail (留痕).

use taizhang_core::audit::AuditFilter;
use taizhang_core::validate;

use crate::args::{AuditListArgs, Cli};
use crate::db;
use crate::failure::{CliResult, Failure};
use crate::output::emit;
use crate::table::{left, right, Table};

/// One line and exit 0 when the trail holds; the first discrepancy and exit 1 otherwise.
pub fn verify(cli: &Cli) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let verdict = ledger.verify_audit()?;
    if verdict.ok {
        Ok(format!("{}\n链头 {}\n", verdict.message, verdict.head))
    } else {
        Err(Failure::new("audit_broken", verdict.message))
    }
}

fn value(v: &Option<serde_json::Value>) -> String {
    match v {
        None | Some(serde_json::Value::Null) => "（空）".into(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

pub fn list(cli: &Cli, args: &AuditListArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let filter = AuditFilter {
        table: args.table.clone(),
        row: args.row.clone(),
        account: args.account.clone(),
        unit: args.unit.clone(),
        from: args.from.as_deref().map(validate::parse_date).transpose()?,
        to: args.to.as_deref().map(validate::parse_date).transpose()?,
        offset: None,
        limit: Some(if args.limit == 0 {
            u32::MAX
        } else {
            args.limit
        }),
    };
    let page = ledger.audit_records(&filter)?;
    emit(args.output.format, &page.rows, || {
        let mut t = Table::new(vec![
            right("序号", "seq"),
            left("时间", "at"),
            left("账号", "account"),
            left("角色", "role"),
            left("操作", "op"),
            left("表", "table"),
            left("行", "row_id"),
            left("变更", "changes"),
            left("原因", "reason"),
        ]);
        for r in &page.rows {
            let op = match r.op.as_str() {
                "insert" => "新增",
                "update" => "修改",
                "delete" => "删除",
                _ => "基线",
            };
            let changes: Vec<String> = r
                .changes
                .iter()
                .map(|c| match r.op.as_str() {
                    "update" => format!("{}：{} → {}", c.label, value(&c.old), value(&c.new)),
                    "delete" => format!("{}：{}", c.label, value(&c.old)),
                    _ => format!("{}：{}", c.label, value(&c.new)),
                })
                .collect();
            let who = if r.display_name.is_empty() {
                r.account.clone()
            } else {
                format!("{}（{}）", r.display_name, r.account)
            };
            t.push(vec![
                r.seq.to_string(),
                r.at.clone(),
                who,
                r.role.clone(),
                op.to_string(),
                r.table_label.clone(),
                r.row_id.clone(),
                changes.join("；"),
                r.reason.clone(),
            ]);
        }
        t
    })
}
