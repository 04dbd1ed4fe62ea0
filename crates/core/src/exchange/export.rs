//! `exchange export`: the city's package for a unit (the first one is the bootstrap that
//! makes the unit's ledger), or a unit's package for the city. The changes since the last
//! package are SQLite's diff against the shadow of what was sent (shadow.rs).

use std::path::Path;

use serde::Serialize;

use super::changeset::{self, TableCounts};
use super::identity::{self, Role};
use super::keys::{self, FileKey, Signer};
use super::manifest::{Manifest, Party, FORMAT};
use super::shadow::{self, Selection};
use super::tables::Direction;
use super::{ExchangeError, ExportTarget};
use crate::auth::Scope;
use crate::error::Result;
use crate::model::Actor;
use crate::Ledger;

/// What an export wrote.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "ExchangeExportReport")]
pub struct ExportReport {
    /// The package file written.
    pub path: String,
    /// Who the package is for (the unit's name, or the city's label).
    pub to: String,
    /// The package's sequence number.
    #[ts(type = "number")]
    pub seq: i64,
    /// Whether it is a bootstrap package (初始包).
    pub bootstrap: bool,
    /// How many row changes it carries.
    #[ts(type = "number")]
    pub changes: u64,
    /// Inserts, updates and deletes per table.
    pub counts: std::collections::BTreeMap<String, TableCounts>,
    /// The SHA-256 of the package file, lowercase hex.
    pub sha256: String,
}

impl Ledger {
    /// Writes the next package for `target` to `out`.
    pub fn exchange_export(
        &mut self,
        actor: &Actor,
        target: &ExportTarget,
        out: &Path,
    ) -> Result<ExportReport> {
        let ledger_path = self.exchange_file()?;
        let own = match (target, identity::installation(self.conn())?) {
            (_, Some(i)) => i,
            (ExportTarget::ForUnit(_), None) => self.become_city(actor)?,
            (ExportTarget::ToCity, None) => return Err(ExchangeError::NotBootstrapped.into()),
        };
        let key = FileKey::load(&keys::key_path(&ledger_path), false)?;
        let city = identity::city_name(self.conn())?;
        let (direction, channel, from, to) = match (target, own.role) {
            (ExportTarget::ForUnit(u), Role::City) => {
                let unit = crate::ledger::lookup_unit(self.conn(), u)?;
                let to = Party::unit(&unit.id, &unit.name);
                (Direction::Down, unit.id, Party::city(&city), to)
            }
            (ExportTarget::ToCity, Role::Unit) => {
                let id = own.unit_id.clone().unwrap_or_default();
                let from = Party::unit(&id, &identity::unit_name(self.conn(), &id));
                (Direction::Up, id, from, Party::city(&city))
            }
            (ExportTarget::ForUnit(_), Role::Unit) => {
                return Err(ExchangeError::WrongRole(
                    "本台账是单位台账，只能向市级台账导出（exchange export --to-city）".into(),
                )
                .into())
            }
            (ExportTarget::ToCity, Role::City) => {
                return Err(ExchangeError::WrongRole(
                    "本台账是市级台账，请用 --for 单位 为某个单位导出".into(),
                )
                .into())
            }
        };
        let scope = Scope::of(self.conn(), Some(&channel))?;
        let scope_units = scope.ids().unwrap_or_default();
        let path_units = identity::ancestors(self.conn(), &channel)?;
        let selection = Selection {
            direction,
            scope_units: &scope_units,
            path_units: &path_units,
        };
        let shadow_file = shadow::shadow_path(&ledger_path, &channel);
        let bytes = shadow::diff_against_shadow(&ledger_path, &shadow_file, &selection)?;
        let changes = changeset::changes(&bytes)?;
        let counts = changeset::counts(&changes);
        let attachments = super::attachments::collect(self.conn(), &ledger_path, &changes)?;
        let seq = identity::last_seq(self.conn(), &channel, "sent")?.0 + 1;
        let manifest = Manifest {
            format: FORMAT.into(),
            bootstrap: direction == Direction::Down && seq == 1,
            from,
            to,
            seq,
            schema_version: crate::store::schema_version(),
            made_at: crate::ledger::now_stamp(),
            counts,
            sender_key: keys::hex(&key.public_key()),
            changeset_sm3: super::package::sm3_hex(&bytes),
        };
        let sha256 = super::package::write(out, &manifest, &bytes, &attachments, &key)?;
        let file_name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let to_label = manifest.to.label();
        let recorded = self.write(actor, |w| {
            w.set_reason(&format!("数据交换：导出给{to_label}的第{seq}号包"));
            super::status::record_package(
                w,
                "sent",
                &channel,
                &manifest,
                &file_name,
                &sha256,
                (0, 0),
                "written",
            )
        });
        if let Err(e) = recorded {
            let _ = std::fs::remove_file(out);
            return Err(e);
        }
        shadow::apply_to_shadow(&ledger_path, &shadow_file, direction, &bytes)?;
        // A copy kept, so a package lost on the way can be sent again (the receiver
        // refuses the next one until it has this one).
        let kept = keys::exchange_dir(&ledger_path)
            .join("已发送")
            .join(format!("{}-{seq}.tzp", manifest.to.label()));
        let _ = std::fs::create_dir_all(kept.parent().unwrap_or(Path::new(".")))
            .and_then(|()| std::fs::copy(out, &kept));
        Ok(ExportReport {
            path: out.display().to_string(),
            to: to_label,
            seq,
            bootstrap: manifest.bootstrap,
            changes: manifest.changes(),
            counts: manifest.counts.clone(),
            sha256,
        })
    }

    /// The ledger's file, which exchange needs (its key and shadows live beside it).
    pub(crate) fn exchange_file(&self) -> Result<std::path::PathBuf> {
        self.path()
            .map(Path::to_path_buf)
            .ok_or_else(|| ExchangeError::WrongRole("内存中的台账不能交换数据".into()).into())
    }

    /// Makes this ledger the city's installation with a new key.
    pub(crate) fn become_city(&mut self, actor: &Actor) -> Result<identity::Installation> {
        let key = FileKey::load(&keys::key_path(&self.exchange_file()?), true)?;
        let public = keys::hex(&key.public_key());
        self.write(actor, |w| {
            w.set_reason("数据交换：设为市级台账");
            identity::create_installation(w, Role::City, None, &public)
        })?;
        identity::installation(self.conn())?.ok_or(ExchangeError::NotBootstrapped.into())
    }
}
