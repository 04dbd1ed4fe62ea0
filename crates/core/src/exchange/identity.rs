//! What this installation is (the city's ledger or one unit's), its peers and their keys,
//! and the sequence numbers of the packages sent and received.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::Writer;

/// Which side of the exchange a ledger installation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "InstallationRole")]
pub enum Role {
    /// The city's ledger (市级台账), which bootstraps the units'.
    City,
    /// A unit's own ledger, made from the city's bootstrap package.
    Unit,
}

impl Role {
    /// The side's code as stored (`city`, `unit`).
    pub fn code(self) -> &'static str {
        match self {
            Self::City => "city",
            Self::Unit => "unit",
        }
    }
}

/// This ledger's identity in exchanges.
#[derive(Debug, Clone)]
pub struct Installation {
    pub role: Role,
    pub unit_id: Option<String>,
    pub fingerprint: String,
}

pub fn installation(conn: &Connection) -> Result<Option<Installation>> {
    Ok(conn
        .query_row(
            "SELECT role, unit_id, fingerprint FROM exchange_installation WHERE id = 'self'",
            [],
            |r| {
                Ok(Installation {
                    role: if r.get::<_, String>(0)? == "city" {
                        Role::City
                    } else {
                        Role::Unit
                    },
                    unit_id: r.get(1)?,
                    fingerprint: r.get(2)?,
                })
            },
        )
        .optional()?)
}

pub fn create_installation(
    w: &mut Writer<'_>,
    role: Role,
    unit_id: Option<&str>,
    public_key: &str,
) -> Result<()> {
    let fingerprint =
        super::keys::fingerprint(&super::keys::hex_decode(public_key).unwrap_or_default());
    let (now, by) = (w.now().to_string(), w.actor().name.clone());
    w.conn().execute(
        "INSERT INTO exchange_installation(id, role, unit_id, public_key, fingerprint, created_at, created_by, updated_at, updated_by)
         VALUES ('self', ?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6)",
        (role.code(), unit_id, public_key, fingerprint, now, by),
    )?;
    Ok(())
}

/// The other side of a pair: the city (unit None) or a unit installation.
#[derive(Debug, Clone)]
pub struct Peer {
    pub id: String,
    pub unit_id: Option<String>,
    pub fingerprint: String,
    pub public_key: Option<String>,
    pub trusted_at: Option<String>,
    pub trusted_by: Option<String>,
}

pub fn peer(conn: &Connection, unit_id: Option<&str>) -> Result<Option<Peer>> {
    Ok(conn
        .query_row(
            "SELECT id, unit_id, fingerprint, public_key, trusted_at, trusted_by FROM exchange_peer
             WHERE unit_id IS ?1",
            [unit_id],
            peer_row,
        )
        .optional()?)
}

pub fn peers(conn: &Connection) -> Result<Vec<Peer>> {
    let mut stmt = conn.prepare(
        "SELECT id, unit_id, fingerprint, public_key, trusted_at, trusted_by FROM exchange_peer ORDER BY unit_id",
    )?;
    let rows = stmt
        .query_map([], peer_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn peer_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Peer> {
    Ok(Peer {
        id: r.get(0)?,
        unit_id: r.get(1)?,
        fingerprint: r.get(2)?,
        public_key: r.get(3)?,
        trusted_at: r.get(4)?,
        trusted_by: r.get(5)?,
    })
}

/// Records (or re-records) a trusted peer: its fingerprint, and its key when known.
pub fn trust_peer(
    w: &mut Writer<'_>,
    unit_id: Option<&str>,
    fingerprint: &str,
    public_key: Option<&str>,
) -> Result<()> {
    let (now, by) = (w.now().to_string(), w.actor().name.clone());
    let existing = peer(w.conn(), unit_id)?;
    match existing {
        Some(p) => {
            w.conn().execute(
                "UPDATE exchange_peer SET fingerprint = ?2, public_key = COALESCE(?3, public_key),
                   trusted_at = ?4, trusted_by = ?5, updated_at = ?4, updated_by = ?5 WHERE id = ?1",
                (&p.id, fingerprint, public_key, &now, &by),
            )?;
        }
        None => {
            w.conn().execute(
                "INSERT INTO exchange_peer(id, unit_id, fingerprint, public_key, trusted_at, trusted_by,
                   created_at, created_by, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6, ?5, ?6)",
                (crate::ledger::new_id(), unit_id, fingerprint, public_key, &now, &by),
            )?;
        }
    }
    Ok(())
}

/// The peer's key, the first time a package brought it.
pub fn record_peer_key(w: &mut Writer<'_>, peer_id: &str, public_key: &str) -> Result<()> {
    let (now, by) = (w.now().to_string(), w.actor().name.clone());
    w.conn().execute(
        "UPDATE exchange_peer SET public_key = ?2, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
        (peer_id, public_key, now, by),
    )?;
    Ok(())
}

/// The last sequence number of `direction` ('sent' / 'received') on `channel`, and when.
pub fn last_seq(
    conn: &Connection,
    channel: &str,
    direction: &str,
) -> Result<(i64, Option<String>)> {
    Ok(conn
        .query_row(
            "SELECT seq, created_at FROM exchange_package WHERE channel = ?1 AND direction = ?2
             ORDER BY seq DESC LIMIT 1",
            (channel, direction),
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((0, None)))
}

/// The city's name: its root unit of kind city, else 市级.
pub fn city_name(conn: &Connection) -> Result<String> {
    Ok(conn
        .query_row(
            "SELECT name FROM unit WHERE kind = 'city' AND parent_id IS NULL ORDER BY sort_order, code LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_else(|| "市级".into()))
}

pub fn unit_name(conn: &Connection, id: &str) -> String {
    crate::audit::unit_name(conn, Some(id))
}

/// The units from `unit`'s parent up to the root.
pub fn ancestors(conn: &Connection, unit: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "WITH RECURSIVE up(id, parent) AS (
           SELECT id, parent_id FROM unit WHERE id = ?1
           UNION SELECT u.id, u.parent_id FROM unit u JOIN up ON u.id = up.parent)
         SELECT id FROM up WHERE id <> ?1",
    )?;
    let ids = stmt
        .query_map([unit], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}
