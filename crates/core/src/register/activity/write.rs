//! Adding register types, and adding, changing and deleting activity rows.

use super::checks::{check_keys, check_row, check_type_texts};
use super::read::{row_by_id, type_by_key};
use super::{NewRegisterRow, NewRegisterType, RegisterRow, RegisterType};
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_action, Writer};
use crate::text::{optional, TextKind};
use crate::validate::check_text;

impl Writer<'_> {
    /// Creates an activity register type under an action, after checking its texts and keys.
    pub fn add_register_type(&mut self, new: NewRegisterType) -> Result<RegisterType> {
        let code = crate::ledger::check_code(&new.code)?;
        let action = lookup_action(self.conn(), &new.action)?;
        let name = check_text("name", &new.name, 40)?;
        let name_en = optional("name_en", &new.name_en, TextKind::Name)?;
        check_type_texts(&new)?;
        check_keys(&new.fields, &new.statuses)?;
        if type_by_key(self.conn(), &code).is_ok() {
            return Err(LedgerError::Duplicate {
                what: "台账类型",
                key: code,
            });
        }
        let id = self.id_for(|| format!("register_type/{code}"));
        self.conn().execute(
            "INSERT INTO register_type (id, code, action_id, name, name_en, fields, statuses, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)",
            rusqlite::params![
                id,
                code,
                action.id,
                name,
                name_en,
                serde_json::to_string(&new.fields).unwrap_or_default(),
                serde_json::to_string(&new.statuses).unwrap_or_default(),
                self.now(),
                self.actor().name
            ],
        )?;
        type_by_key(self.conn(), &id)
    }

    /// Adds a row to an activity register, checked against its type and refused in a locked period.
    pub fn add_register_row(&mut self, new: NewRegisterRow) -> Result<RegisterRow> {
        self.add_register_row_marked(new, false, None)
    }

    pub(crate) fn add_register_row_marked(
        &mut self,
        new: NewRegisterRow,
        is_sample: bool,
        key: Option<String>,
    ) -> Result<RegisterRow> {
        let (t, unit, title, data) = check_row(self.conn(), &new, self.today())?;
        self.ensure_open(new.occurred_on)?;
        let id = match key {
            Some(k) => self.id_for(|| k),
            None => crate::ledger::new_id(),
        };
        self.conn().execute(
            "INSERT INTO register_row (id, type_id, occurred_on, unit_id, title, status, data, is_sample,
                                       created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
            rusqlite::params![
                id,
                t.id,
                new.occurred_on,
                unit.id,
                title,
                new.status,
                serde_json::to_string(&data).unwrap_or_default(),
                is_sample,
                self.now(),
                self.actor().name
            ],
        )?;
        row_by_id(self.conn(), &id)
    }

    /// Changes every field of an activity row under the rules of adding one; the row stays
    /// in its register (`register` must be its type).
    pub fn update_register_row(&mut self, id: &str, change: NewRegisterRow) -> Result<RegisterRow> {
        let old = row_by_id(self.conn(), id)?;
        let (t, unit, title, data) = check_row(self.conn(), &change, self.today())?;
        self.ensure_open(old.occurred_on)?;
        self.ensure_open(change.occurred_on)?;
        if t.code != old.type_code {
            return Err(LedgerError::Invalid {
                field: "register",
                problem: format!("不能把「{}」的记录改到「{}」", old.type_code, t.name),
            });
        }
        self.conn().execute(
            "UPDATE register_row SET occurred_on = ?2, unit_id = ?3, title = ?4, status = ?5, data = ?6,
                                     updated_at = ?7, updated_by = ?8
             WHERE id = ?1",
            rusqlite::params![
                old.id,
                change.occurred_on,
                unit.id,
                title,
                change.status,
                serde_json::to_string(&data).unwrap_or_default(),
                self.now(),
                self.actor().name
            ],
        )?;
        row_by_id(self.conn(), &old.id)
    }

    /// Deletes an activity register row, refused in a locked period.
    pub fn delete_register_row(&mut self, id: &str) -> Result<()> {
        if let Ok(old) = row_by_id(self.conn(), id) {
            self.ensure_open(old.occurred_on)?;
        }
        let n = self
            .conn()
            .execute("DELETE FROM register_row WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(LedgerError::NotFound {
                what: "台账记录",
                id: id.to_string(),
            });
        }
        Ok(())
    }
}
