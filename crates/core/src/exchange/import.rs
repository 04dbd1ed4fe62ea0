//! `exchange import`: a package checked (shape, signature, trust, recipient, sequence,
//! schema) and applied in one write, or only previewed (`dry_run`, rolled back). Any
//! refusal writes nothing. At the city, rows outside the sender's subtree are listed, not
//! applied; on an empty ledger, the city's bootstrap package makes the unit's installation.

use std::path::Path;

use serde::Serialize;

use super::apply::{self, Conflict};
use super::changeset::{self, TableCounts};
use super::identity::{self, Installation, Role};
use super::keys::{self, FileKey, Signer};
use super::package::{self, Package};
use super::shadow;
use super::tables::{self, Direction};
use super::{ownership, round_returns, ExchangeError};
use crate::auth::Scope;
use crate::error::Result;
use crate::model::Actor;
use crate::{Ledger, LedgerError};

/// What an import did, or would do (`dry_run`).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(rename = "ExchangeImportReport")]
pub struct ImportReport {
    /// Who sent the package (the unit's name, or the city's label).
    pub from: String,
    /// The package's sequence number.
    #[ts(type = "number")]
    pub seq: i64,
    /// Whether it was a bootstrap package (初始包).
    pub bootstrap: bool,
    /// Whether this was a trial (试导入) whose write was rolled back.
    pub dry_run: bool,
    /// Inserts, updates and deletes per table, as the manifest counts them.
    pub counts: std::collections::BTreeMap<String, TableCounts>,
    /// How many row changes the package carries.
    #[ts(type = "number")]
    pub changes: u64,
    /// Both sides changed these rows; both versions are kept.
    pub conflicts: Vec<Conflict>,
    /// Listed, not applied: rows outside the sender's subtree, or refused by a constraint.
    pub refused: Vec<Conflict>,
    /// The fingerprint of the sender's key, grouped.
    pub sender_fingerprint: String,
    /// At the city: the rounds in which the sending unit's return became 已报 (2024年第二季度).
    pub marked_submitted: Vec<String>,
}

impl Ledger {
    /// Checks and applies a package file in one write, or only tries it when `dry_run`.
    pub fn exchange_import(
        &mut self,
        actor: &Actor,
        file: &Path,
        dry_run: bool,
    ) -> Result<ImportReport> {
        let ledger_path = self.exchange_file()?;
        let pkg = package::read(file)?;
        let m = &pkg.manifest;
        let from = m.from.label();
        let sender_key = keys::hex_decode(&m.sender_key).unwrap_or_default();
        if !keys::verify(&sender_key, &pkg.signed, &pkg.signature)
            || package::sm3_hex(&pkg.changeset) != m.changeset_sm3
        {
            return Err(ExchangeError::BadSignature { from }.into());
        }
        let fingerprint = keys::fingerprint(&sender_key);
        let own = identity::installation(self.conn())?;
        let peer_unit = self.check_parties(&pkg, own.as_ref(), &fingerprint)?;
        if m.schema_version != crate::store::schema_version() {
            return Err(ExchangeError::SchemaVersion {
                theirs: m.schema_version,
                ours: crate::store::schema_version(),
            }
            .into());
        }
        let channel = m.channel().unwrap_or_default().to_string();
        let (last, at) = identity::last_seq(self.conn(), &channel, "received")?;
        if m.seq <= last {
            return Err(ExchangeError::Replay {
                from,
                seq: m.seq,
                at: at.unwrap_or_default(),
            }
            .into());
        }
        if m.seq > last + 1 {
            return Err(ExchangeError::SequenceGap {
                from,
                expected: last + 1,
                got: m.seq,
            }
            .into());
        }
        // What this ledger applies: a unit's rows inside its subtree at the city, the
        // city's tables at a unit.
        let incoming = if m.from.role == "city" {
            Direction::Down
        } else {
            Direction::Up
        };
        let names: Vec<&'static str> = tables::tables_for(incoming).map(|t| t.name).collect();
        let all: Vec<&'static str> = tables::TABLES.iter().map(|t| t.name).collect();
        let columns = apply::column_names(self.conn(), &all)?;
        let changes = changeset::changes(&pkg.changeset)?;
        let (keep, mut refused) = match incoming {
            Direction::Up => {
                let sender = Scope::of(self.conn(), Some(&channel))?;
                ownership::check(self.conn(), &changes, &sender, &columns)?
            }
            Direction::Down => {
                let keep: Vec<bool> = changes
                    .iter()
                    .map(|c| names.contains(&c.table.as_str()))
                    .collect();
                (keep, Vec::new())
            }
        };
        let applied = if keep.iter().all(|k| *k) {
            pkg.changeset.clone()
        } else {
            changeset::keep_only(&pkg.changeset, &keep)?
        };
        let own_role = own.as_ref().map(|i| i.role).unwrap_or(Role::Unit);
        let up_tables: Vec<&'static str> =
            tables::tables_for(Direction::Up).map(|t| t.name).collect();
        let file_name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let own_key = if own.is_none() {
            Some(keys::hex(
                &FileKey::load(&keys::key_path(&ledger_path), true)?.public_key(),
            ))
        } else {
            None
        };
        let mut outcome: Option<(Vec<Conflict>, Vec<Conflict>)> = None;
        let mut marked = Vec::new();
        let written = self.write(actor, |w| {
            w.set_reason(&format!("数据交换：导入{from}的第{}号包", m.seq));
            w.exchange_applying = true;
            if own_key.is_some() {
                super::bootstrap::prepare(w, &m.sender_key, &fingerprint)?;
            } else if let Some(peer) = &peer_unit {
                if peer.public_key.is_none() {
                    identity::record_peer_key(w, &peer.id, &m.sender_key)?;
                }
            }
            // At the city the sender owns every row it may send; at a unit the city's
            // tables are the city's and the unit's own rows stay the unit's.
            let theirs_stands = move |t: &str| own_role == Role::City || !up_tables.contains(&t);
            let found = apply::apply(w.conn(), &applied, names.clone(), theirs_stands)?;
            if let Some(public) = &own_key {
                super::bootstrap::finish(w, &channel, public)?;
            }
            if incoming == Direction::Up {
                marked = round_returns::mark_submitted(w, &channel, &changes, &keep, &columns)?;
            }
            let (mut conflicts, constraint): (Vec<_>, Vec<_>) =
                found.into_iter().partition(|c| c.kind == "conflict");
            refused.extend(constraint);
            for c in conflicts.iter_mut().chain(refused.iter_mut()) {
                c.id = crate::ledger::new_id();
            }
            let id = super::status::record_package(
                w,
                "received",
                &channel,
                m,
                &file_name,
                &pkg.sha256,
                (conflicts.len(), refused.len()),
                "applied",
            )?;
            let (now, by) = (w.now().to_string(), w.actor().name.clone());
            apply::record(w.conn(), &id, &conflicts, &now, &by)?;
            apply::record(w.conn(), &id, &refused, &now, &by)?;
            outcome = Some((conflicts, refused.clone()));
            if dry_run {
                return Err(LedgerError::Exchange(ExchangeError::DryRun));
            }
            Ok(())
        });
        match written {
            Ok(()) => {}
            Err(LedgerError::Exchange(ExchangeError::DryRun)) if dry_run => {}
            Err(e) => return Err(e),
        }
        let (conflicts, refused) = outcome.unwrap_or_default();
        if !dry_run {
            super::attachments::store(&ledger_path, &pkg.attachments)?;
            // The receiver's own shadow of this channel learns what the sender holds now.
            let outgoing = if incoming == Direction::Down {
                Direction::Up
            } else {
                Direction::Down
            };
            let mine = own_rows_of(&applied, outgoing, &columns)?;
            shadow::apply_to_shadow(
                &ledger_path,
                &shadow::shadow_path(&ledger_path, &channel),
                outgoing,
                &mine,
            )?;
        }
        Ok(ImportReport {
            from: m.from.label(),
            seq: m.seq,
            bootstrap: m.bootstrap,
            dry_run,
            counts: m.counts.clone(),
            changes: m.changes(),
            conflicts,
            refused,
            sender_fingerprint: keys::grouped(&fingerprint),
            marked_submitted: marked,
        })
    }

    /// Refuses a package not meant for this installation or signed by a key it does not
    /// trust; returns the sender's peer row (None for a bootstrap).
    fn check_parties(
        &self,
        pkg: &Package,
        own: Option<&Installation>,
        fingerprint: &str,
    ) -> Result<Option<identity::Peer>> {
        let m = &pkg.manifest;
        let from = m.from.label();
        let Some(own) = own else {
            if !m.bootstrap || m.to.role != "unit" || m.from.role != "city" {
                return Err(ExchangeError::NotBootstrapped.into());
            }
            return Ok(None);
        };
        let we_are = match &own.unit_id {
            Some(u) => identity::unit_name(self.conn(), u),
            None => format!("市级台账（{}）", identity::city_name(self.conn())?),
        };
        let meant_for_us = m.to.role == own.role.code() && m.to.unit_id == own.unit_id;
        let from_other_side = m.from.role != own.role.code();
        if !meant_for_us || !from_other_side {
            return Err(ExchangeError::NotForUs {
                meant_for: m.to.label(),
                we_are,
            }
            .into());
        }
        let peer = identity::peer(self.conn(), m.from.unit_id.as_deref())?;
        let Some(peer) = peer.filter(|p| p.trusted_at.is_some()) else {
            return Err(ExchangeError::UntrustedKey {
                from,
                fingerprint: keys::grouped(fingerprint),
            }
            .into());
        };
        let trusted = match &peer.public_key {
            Some(k) => k.eq_ignore_ascii_case(&m.sender_key),
            None => peer.fingerprint == fingerprint,
        };
        if !trusted {
            return Err(ExchangeError::KeyChanged {
                from,
                got: keys::grouped(fingerprint),
                trusted: keys::grouped(&peer.fingerprint),
            }
            .into());
        }
        Ok(Some(peer))
    }
}

/// What of a received changeset this installation itself sends back in `outgoing`: a unit
/// sends no city-level round event (one without a unit), so its shadow must not hold one
/// either — else its next package would delete it at the city.
fn own_rows_of(
    changeset: &[u8],
    outgoing: Direction,
    columns: &std::collections::HashMap<String, Vec<String>>,
) -> Result<Vec<u8>> {
    let unit_col = columns
        .get("round_event")
        .and_then(|names| names.iter().position(|n| n == "unit_id"));
    let (Direction::Up, Some(i)) = (outgoing, unit_col) else {
        return Ok(changeset.to_vec());
    };
    let changes = changeset::changes(changeset)?;
    let keep: Vec<bool> = changes
        .iter()
        .map(|c| {
            !(c.table == "round_event"
                && matches!(
                    c.new
                        .get(i)
                        .cloned()
                        .flatten()
                        .or_else(|| c.old.get(i).cloned().flatten()),
                    Some(serde_json::Value::Null)
                ))
        })
        .collect();
    if keep.iter().all(|k| *k) {
        return Ok(changeset.to_vec());
    }
    changeset::keep_only(changeset, &keep)
}
