//! 行动: list, add, rename, archive.

use super::{lookup, rows, Ledger, Writer};
use crate::error::{LedgerError, Result};
use crate::model::{Action, NewAction};
use crate::text::{optional, TextKind};
use crate::validate::check_text;

impl Ledger {
    /// Actions in display order; archived ones only when asked.
    pub fn actions(&self, include_archived: bool) -> Result<Vec<Action>> {
        list(self.conn(), include_archived)
    }

    /// One action, by its id, code or exact name.
    pub fn action(&self, key: &str) -> Result<Action> {
        lookup::action(self.conn(), key)
    }
}

pub(crate) fn list(conn: &rusqlite::Connection, include_archived: bool) -> Result<Vec<Action>> {
    let sql = format!(
        "SELECT {} FROM action WHERE archived = 0 OR ?1 ORDER BY sort_order, code",
        rows::ACTION_COLS
    );
    let mut stmt = conn.prepare(&sql)?;
    let out = stmt
        .query_map([include_archived], rows::action)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

impl Writer<'_> {
    /// Creates an action, after checking its code and texts.
    pub fn add_action(&mut self, new: NewAction) -> Result<Action> {
        let code = check_code(&new.code)?;
        let name = check_text("name", &new.name, 40)?;
        let name_en = optional("name_en", &new.name_en, TextKind::Name)?;
        let description = optional("description", &new.description, TextKind::Long)?;
        if lookup::action(self.conn(), &code).is_ok() {
            return Err(LedgerError::Duplicate {
                what: "行动编码",
                key: code,
            });
        }
        let order: i64 = self.conn().query_row(
            "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM action",
            [],
            |r| r.get(0),
        )?;
        let id = self.id_for(|| format!("action/{code}"));
        self.tx.execute(
            "INSERT INTO action (id, code, name, name_en, description, sort_order, archived,
                                 created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8, ?7, ?8)",
            rusqlite::params![
                id,
                code,
                name,
                name_en,
                description,
                order,
                self.now,
                self.actor.name
            ],
        )?;
        lookup::action(self.conn(), &id)
    }

    /// Renames an action (and its English name, when given).
    pub fn rename_action(
        &mut self,
        key: &str,
        name: &str,
        name_en: Option<&str>,
    ) -> Result<Action> {
        let action = lookup::action(self.conn(), key)?;
        let name = check_text("name", name, 40)?;
        let name_en = name_en
            .map(|n| optional("name_en", n, TextKind::Name))
            .transpose()?;
        self.tx.execute(
            "UPDATE action SET name = ?2, name_en = COALESCE(?3, name_en), updated_at = ?4, updated_by = ?5
             WHERE id = ?1",
            rusqlite::params![action.id, name, name_en, self.now, self.actor.name],
        )?;
        lookup::action(self.conn(), &action.id)
    }

    /// Archived actions disappear from lists and dashboards; their data stays.
    pub fn set_action_archived(&mut self, key: &str, archived: bool) -> Result<Action> {
        let action = lookup::action(self.conn(), key)?;
        self.tx.execute(
            "UPDATE action SET archived = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
            rusqlite::params![action.id, archived, self.now, self.actor.name],
        )?;
        lookup::action(self.conn(), &action.id)
    }
}

/// Codes are what scripts type: ASCII letters, digits, '-', '_' and '.', at most 32.
pub(crate) fn check_code(code: &str) -> Result<String> {
    let c = code.trim();
    let ok = !c.is_empty()
        && c.len() <= 32
        && c.chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | '.'));
    if ok {
        Ok(c.to_string())
    } else {
        Err(LedgerError::Invalid {
            field: "code",
            problem: "只能由字母、数字、-、_、. 组成，且不超过 32 个字符".into(),
        })
    }
}
