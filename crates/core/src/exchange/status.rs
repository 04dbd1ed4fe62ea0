//! The exchange's bookkeeping as people read it: this installation, its peers with their
//! keys and last sequence numbers, the packages sent and received, and the conflicts.

use serde::Serialize;

use super::identity::{self, Role};
use super::keys;
use super::manifest::Manifest;
use crate::error::Result;
use crate::{Ledger, Writer};

/// The data exchange as this ledger sees it: its side, its key, its peers, its packages and its conflicts.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ExchangeStatus {
    /// None until the ledger first exchanged (key made, bootstrap imported).
    pub role: Option<Role>,
    /// The name of this installation's unit; None at the city or before the first exchange.
    pub unit: Option<String>,
    /// Grouped: 3F2A 9C01 …
    pub fingerprint: Option<String>,
    /// The other ends this ledger has keys from.
    pub peers: Vec<PeerStatus>,
    /// The latest 200 packages sent and received, newest first.
    pub packages: Vec<PackageRow>,
    /// Conflicts and listed rows kept (both versions).
    #[ts(type = "number")]
    pub conflicts: i64,
}

/// One other end of the exchange and where it stands.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PeerStatus {
    /// 市级台账 or the unit's name.
    pub name: String,
    /// The peer's unit; None for the city.
    pub unit_id: Option<String>,
    /// The fingerprint of the peer's key, grouped (3F2A 9C01 …).
    pub fingerprint: String,
    /// Whether a person has trusted the key after checking its fingerprint.
    pub trusted: bool,
    /// When the key was trusted.
    pub trusted_at: Option<String>,
    /// Who trusted the key.
    pub trusted_by: Option<String>,
    /// The sequence number of the last package sent to the peer (0: none).
    #[ts(type = "number")]
    pub last_sent: i64,
    /// The sequence number of the last package received from the peer (0: none).
    #[ts(type = "number")]
    pub last_received: i64,
}

/// One package sent or received, as `exchange_package` records it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PackageRow {
    /// `sent` or `received`.
    pub direction: String,
    /// The name of the unit installation of the pair (its id when the unit is unknown here).
    pub unit: String,
    /// The package's sequence number in its channel and direction, from 1 (the bootstrap).
    #[ts(type = "number")]
    pub seq: i64,
    /// When the sender wrote the package.
    pub made_at: String,
    /// When this ledger recorded it.
    pub recorded_at: String,
    /// The package file's name.
    pub file_name: String,
    /// How many row changes the package carries.
    #[ts(type = "number")]
    pub changes: i64,
    /// How many rows both sides had changed.
    #[ts(type = "number")]
    pub conflicts: i64,
    /// How many rows were listed and not applied.
    #[ts(type = "number")]
    pub refused: i64,
    /// `written` (a sent package) or `applied` (a received one).
    pub state: String,
}

impl Ledger {
    /// Where this ledger's data exchange stands, read from its bookkeeping tables.
    pub fn exchange_status(&self) -> Result<ExchangeStatus> {
        let conn = self.conn();
        let own = identity::installation(conn)?;
        let mut peers = Vec::new();
        for p in identity::peers(conn)? {
            let channel = match (&p.unit_id, &own) {
                (Some(u), _) => u.clone(),
                (None, Some(i)) => i.unit_id.clone().unwrap_or_default(),
                (None, None) => String::new(),
            };
            peers.push(PeerStatus {
                name: match &p.unit_id {
                    Some(u) => identity::unit_name(conn, u),
                    None => format!("市级台账（{}）", identity::city_name(conn)?),
                },
                unit_id: p.unit_id.clone(),
                fingerprint: keys::grouped(&p.fingerprint),
                trusted: p.trusted_at.is_some(),
                trusted_at: p.trusted_at,
                trusted_by: p.trusted_by,
                last_sent: identity::last_seq(conn, &channel, "sent")?.0,
                last_received: identity::last_seq(conn, &channel, "received")?.0,
            });
        }
        let mut stmt = conn.prepare(
            "SELECT p.direction, COALESCE(u.name, p.channel), p.seq, p.made_at, p.created_at, p.file_name,
                    p.changes, p.conflicts, p.refused, p.state
             FROM exchange_package p LEFT JOIN unit u ON u.id = p.channel
             ORDER BY p.created_at DESC, p.seq DESC LIMIT 200",
        )?;
        let packages = stmt
            .query_map([], |r| {
                Ok(PackageRow {
                    direction: r.get(0)?,
                    unit: r.get(1)?,
                    seq: r.get(2)?,
                    made_at: r.get(3)?,
                    recorded_at: r.get(4)?,
                    file_name: r.get(5)?,
                    changes: r.get(6)?,
                    conflicts: r.get(7)?,
                    refused: r.get(8)?,
                    state: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let conflicts =
            conn.query_row("SELECT COUNT(*) FROM exchange_conflict", [], |r| r.get(0))?;
        Ok(ExchangeStatus {
            role: own.as_ref().map(|i| i.role),
            unit: own
                .as_ref()
                .and_then(|i| i.unit_id.as_deref())
                .map(|u| identity::unit_name(conn, u)),
            fingerprint: own.as_ref().map(|i| keys::grouped(&i.fingerprint)),
            peers,
            packages,
            conflicts,
        })
    }

    /// The conflicts and listed rows kept, newest first.
    pub fn exchange_conflicts(&self) -> Result<Vec<super::apply::Conflict>> {
        let mut stmt = self.conn().prepare(
            "SELECT kind, tbl, row_id, unit_id, ours, theirs, stands, detail, id FROM exchange_conflict
             ORDER BY created_at DESC, rowid DESC",
        )?;
        let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
        let rows = stmt
            .query_map([], |r| {
                Ok(super::apply::Conflict {
                    id: r.get(8)?,
                    kind: r.get(0)?,
                    table: r.get(1)?,
                    row_id: r.get(2)?,
                    unit_id: r.get(3)?,
                    ours: parse(r.get(4)?),
                    theirs: parse(r.get(5)?),
                    stands: r.get(6)?,
                    detail: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// Records a package written or applied; returns its id.
#[allow(clippy::too_many_arguments)]
pub(crate) fn record_package(
    w: &mut Writer<'_>,
    direction: &str,
    channel: &str,
    manifest: &Manifest,
    file_name: &str,
    sha256: &str,
    (conflicts, refused): (usize, usize),
    state: &str,
) -> Result<String> {
    let id = crate::ledger::new_id();
    let (now, by) = (w.now().to_string(), w.actor().name.clone());
    let counts = serde_json::to_string(&manifest.counts).unwrap_or_else(|_| "{}".into());
    w.conn().execute(
        "INSERT INTO exchange_package(id, direction, channel, seq, made_at, file_name, sha256, counts, changes,
           conflicts, refused, state, created_at, created_by, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?13, ?14)",
        rusqlite::params![
            id,
            direction,
            channel,
            manifest.seq,
            manifest.made_at,
            file_name,
            sha256,
            counts,
            manifest.changes() as i64,
            conflicts as i64,
            refused as i64,
            state,
            now,
            by
        ],
    )?;
    Ok(id)
}
