//! Data exchange between installations (数据交换, issue 11): the city's ledger and units'
//! own ledgers trade signed packages offline (USB stick, OA attachment).
//!
//! - `keys.rs`: the SM2 key pair behind the [`Signer`] trait, fingerprints.
//! - `identity.rs`: what this installation is, its peers, sequence numbers.
//! - `tables.rs`: what travels in which direction, and who owns it.
//! - `shadow.rs`: the state last exchanged per peer; SQLite's session diff against it.
//! - `changeset.rs`: reading a changeset; a copy without some changes.
//! - `manifest.rs`, `package.rs`: the package file (zip: manifest, changeset, signature).
//! - `export.rs`, `import.rs` (checks, then one write), `apply.rs` (conflicts),
//!   `ownership.rs` (the city applies a unit's rows only), `bootstrap.rs`, `status.rs`,
//!   `attachments.rs` (the evidence files of the evidence rows a package carries),
//!   `resolve.rs` (a person takes the other version of a conflict), `round_returns.rs`
//!   (a unit's package arriving marks its return 已报 in the open rounds it covers).
//! - `desk.rs`: for the window, a package exported into a folder under its name, and a
//!   package's sender and fingerprint read before trusting it.

mod apply;
mod attachments;
mod bootstrap;
mod changeset;
mod desk;
mod error;
mod export;
mod identity;
mod import;
mod keys;
mod manifest;
mod ownership;
mod package;
mod resolve;
mod round_returns;
mod shadow;
mod status;
mod tables;

pub use apply::Conflict;
pub use changeset::TableCounts;
pub use desk::{package_sender, PackageSender};
pub use error::ExchangeError;
pub use export::ExportReport;
pub use identity::Role;
pub use import::ImportReport;
pub use keys::{fingerprint, grouped, key_path, verify, FileKey, Signer, DIST_ID};
pub use manifest::{Manifest, Party, FORMAT};
pub use package::{sm3_hex, write as write_package};
pub use status::{ExchangeStatus, PackageRow, PeerStatus};

use serde::Serialize;

use crate::error::Result;
use crate::model::Actor;
use crate::Ledger;

/// Whom a package is for.
#[derive(Debug, Clone)]
pub enum ExportTarget {
    /// At the city: this unit's installation (id, code or name).
    ForUnit(String),
    /// At a unit: the city.
    ToCity,
}

/// This installation's key, as `exchange key` prints it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct KeyInfo {
    /// This installation's side.
    pub role: Role,
    /// The name of this installation's unit; None at the city.
    pub unit: Option<String>,
    /// Where the private key file is.
    pub key_file: String,
    /// 3F2A 9C01 …
    pub fingerprint: String,
}

impl Ledger {
    /// This installation's key; a ledger that never exchanged becomes the city's.
    pub fn exchange_key(&mut self, actor: &Actor) -> Result<KeyInfo> {
        let path = self.exchange_file()?;
        let own = match identity::installation(self.conn())? {
            Some(i) => i,
            None => self.become_city(actor)?,
        };
        Ok(KeyInfo {
            role: own.role,
            unit: own
                .unit_id
                .as_deref()
                .map(|u| identity::unit_name(self.conn(), u)),
            key_file: keys::key_path(&path).display().to_string(),
            fingerprint: keys::grouped(&own.fingerprint),
        })
    }

    /// At the city: trusts `unit`'s key with this fingerprint (compared by phone).
    pub fn exchange_trust(
        &mut self,
        actor: &Actor,
        unit: &str,
        fingerprint: &str,
    ) -> Result<PeerStatus> {
        let fp = keys::normalise_fingerprint(fingerprint)?;
        if identity::installation(self.conn())?.map(|i| i.role) == Some(Role::Unit) {
            return Err(
                ExchangeError::WrongRole("单位台账只信任随初始包而来的市级密钥".into()).into(),
            );
        }
        if identity::installation(self.conn())?.is_none() {
            self.become_city(actor)?;
        }
        let unit = crate::ledger::lookup_unit(self.conn(), unit)?;
        if let Some(known) = identity::peer(self.conn(), Some(&unit.id))?.and_then(|p| p.public_key)
        {
            let known_fp = keys::fingerprint(&keys::hex_decode(&known).unwrap_or_default());
            if known_fp != fp {
                return Err(ExchangeError::FingerprintMismatch {
                    unit: unit.name,
                    given: keys::grouped(&fp),
                    known: keys::grouped(&known_fp),
                }
                .into());
            }
        }
        self.write(actor, |w| {
            w.set_reason(&format!("数据交换：信任{}的密钥", unit.name));
            identity::trust_peer(w, Some(&unit.id), &fp, None)
        })?;
        let status = self.exchange_status()?;
        Ok(status
            .peers
            .into_iter()
            .find(|p| p.unit_id.as_deref() == Some(unit.id.as_str()))
            .expect("the peer just trusted"))
    }
}

/// The manifest of a package file, read without trusting it (to decide how to open).
pub fn peek(file: &std::path::Path) -> Result<Manifest> {
    Ok(package::read(file)?.manifest)
}
