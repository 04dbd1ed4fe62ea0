//! What the window needs besides the CLI's verbs: a package exported into a chosen folder
//! under a name that says what it is, and a package's sender read before trusting it (the
//! fingerprint to compare by phone when its key is not yet trusted).

use std::path::Path;

use serde::Serialize;

use super::identity::{self, Role};
use super::{keys, package, ExchangeError, ExportReport, ExportTarget};
use crate::error::Result;
use crate::model::Actor;
use crate::Ledger;

/// A package as its manifest describes it, before any check but its shape.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PackageSender {
    /// 兰山区, or 市级台账（临沂市）.
    pub from: String,
    /// The sending unit (None: the city).
    pub unit_id: Option<String>,
    /// The package's sequence number.
    #[ts(type = "number")]
    pub seq: i64,
    /// Whether it is a bootstrap package (初始包).
    pub bootstrap: bool,
    /// The sender key's fingerprint, grouped (3F2A 9C01 …).
    pub fingerprint: String,
}

/// Reads who sent `file` and with which key (nothing is trusted or written).
pub fn package_sender(file: &Path) -> Result<PackageSender> {
    let m = package::read(file)?.manifest;
    let key = keys::hex_decode(&m.sender_key).unwrap_or_default();
    Ok(PackageSender {
        from: m.from.label(),
        unit_id: m.from.unit_id.clone(),
        seq: m.seq,
        bootstrap: m.bootstrap,
        fingerprint: keys::grouped(&keys::fingerprint(&key)),
    })
}

impl Ledger {
    /// The next package's file name: 兰山区-初始包.tzp, 临沂市至兰山区-第2号.tzp,
    /// 兰山区至临沂市-第3号.tzp.
    pub fn exchange_package_name(&self, target: &ExportTarget) -> Result<String> {
        let conn = self.conn();
        let city = identity::city_name(conn)?;
        let own = identity::installation(conn)?;
        let (channel, from, to) = match target {
            ExportTarget::ForUnit(u) => {
                let unit = crate::ledger::lookup_unit(conn, u)?;
                (unit.id, city, unit.name)
            }
            ExportTarget::ToCity => {
                let own = own.ok_or(ExchangeError::NotBootstrapped)?;
                if own.role == Role::City {
                    return Err(ExchangeError::WrongRole(
                        "本台账是市级台账，请选择要发给哪个单位".into(),
                    )
                    .into());
                }
                let id = own.unit_id.ok_or(ExchangeError::NotBootstrapped)?;
                let name = identity::unit_name(conn, &id);
                (id, name, city)
            }
        };
        let seq = identity::last_seq(conn, &channel, "sent")?.0 + 1;
        Ok(match target {
            ExportTarget::ForUnit(_) if seq == 1 => format!("{to}-初始包.tzp"),
            _ => format!("{from}至{to}-第{seq}号.tzp"),
        })
    }

    /// Writes the next package for `target` into `folder` under its name; refuses to
    /// replace a file already there (`file_exists`).
    pub fn exchange_export_to_folder(
        &mut self,
        actor: &Actor,
        target: &ExportTarget,
        folder: &Path,
    ) -> Result<ExportReport> {
        let out = folder.join(self.exchange_package_name(target)?);
        crate::export::refuse_existing(&out, false)?;
        self.exchange_export(actor, target, &out)
    }
}
