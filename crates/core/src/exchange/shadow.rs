//! The state last exchanged with a peer, kept per peer in a shadow SQLite file
//! (`交换/<ledger>/<unit id>.shadow.db`): the tables this installation sends that peer,
//! filtered as sent. A package's changeset is SQLite's own diff (`sqlite3session_diff`)
//! between the ledger's filtered state now and the shadow; once the package is written the
//! same changeset is applied to the shadow. A package received is applied to it too, so a
//! row the other side changed is not sent back to it.

use std::path::{Path, PathBuf};

use rusqlite::session::{ConflictAction, ConflictType, Session};
use rusqlite::Connection;

use super::tables::{tables_for, Direction};
use crate::error::Result;

/// The shadow file for the exchange with the unit installation `channel`.
pub fn shadow_path(ledger: &Path, channel: &str) -> PathBuf {
    super::keys::exchange_dir(ledger).join(format!("{channel}.shadow.db"))
}

/// What a package carries: the units whose rows it holds, and the path up to the city.
pub struct Selection<'a> {
    pub direction: Direction,
    pub scope_units: &'a [String],
    pub path_units: &'a [String],
}

/// The changeset that brings the shadow to the ledger's current state as `selection`
/// filters it (empty when nothing changed).
pub fn diff_against_shadow(ledger: &Path, shadow: &Path, selection: &Selection) -> Result<Vec<u8>> {
    if let Some(dir) = shadow.parent() {
        std::fs::create_dir_all(dir).map_err(crate::LedgerError::Io)?;
    }
    let scratch = Connection::open_in_memory()?;
    scratch.execute("ATTACH DATABASE ?1 AS src", [ledger.to_string_lossy()])?;
    scratch.execute("ATTACH DATABASE ?1 AS shadow", [shadow.to_string_lossy()])?;
    scratch.execute_batch(
        "CREATE TEMP TABLE scope_units(id TEXT PRIMARY KEY);
         CREATE TEMP TABLE path_units(id TEXT PRIMARY KEY);
         CREATE TEMP TABLE ref_units(id TEXT PRIMARY KEY);",
    )?;
    for (table, ids) in [
        ("scope_units", selection.scope_units),
        ("path_units", selection.path_units),
    ] {
        let mut stmt = scratch.prepare(&format!(
            "INSERT OR IGNORE INTO temp.{table}(id) VALUES (?1)"
        ))?;
        for id in ids {
            stmt.execute([id])?;
        }
    }
    let tables: Vec<_> = tables_for(selection.direction).collect();
    scratch.execute_batch("BEGIN")?;
    // Units last: a unit ledger also gets the units its rows name (an enterprise of
    // another county) and their parents, so every reference it receives resolves.
    let mut ordered: Vec<_> = tables.iter().filter(|t| t.name != "unit").collect();
    ordered.extend(tables.iter().filter(|t| t.name == "unit"));
    for t in ordered {
        if t.name == "unit" {
            scratch.execute_batch(REFERENCED_UNITS)?;
        }
        let columns = shape_tables(&scratch, "src", t.name, &["main", "shadow"])?;
        let list = columns.join(", ");
        scratch.execute(
            &format!(
                "INSERT INTO main.\"{n}\" ({list}) SELECT {list} FROM src.\"{n}\" AS t WHERE {f}",
                n = t.name,
                f = t.filter_for(selection.direction)
            ),
            [],
        )?;
    }
    scratch.execute_batch("COMMIT")?;
    let mut session = Session::new(&scratch)?;
    for t in &tables {
        session.diff::<&str, &str>("shadow", t.name)?;
    }
    let mut out = Vec::new();
    session.changeset_strm(&mut out)?;
    Ok(out)
}

/// The units named by the rows copied so far (enterprises' and villages' counties), with
/// every unit above them.
const REFERENCED_UNITS: &str = "INSERT OR IGNORE INTO temp.ref_units(id)
    WITH RECURSIVE r(id) AS (
        SELECT county_id FROM main.enterprise WHERE county_id IS NOT NULL
        UNION SELECT county_id FROM main.village
        UNION SELECT u.parent_id FROM src.unit u JOIN r ON u.id = r.id WHERE u.parent_id IS NOT NULL)
    SELECT id FROM r;";

/// Makes `table` in each of `targets` with the columns of `source`'s table (untyped, so
/// values are kept exactly as they are) and the same primary key; an older shadow gets the
/// columns a migration added. Returns the quoted column names.
fn shape_tables(
    conn: &Connection,
    source: &str,
    table: &str,
    targets: &[&str],
) -> Result<Vec<String>> {
    let cols = table_columns(conn, source, table)?;
    let names: Vec<String> = cols.iter().map(|(c, _)| format!("\"{c}\"")).collect();
    let keys: Vec<String> = cols
        .iter()
        .filter(|(_, pk)| *pk)
        .map(|(c, _)| format!("\"{c}\""))
        .collect();
    for db in targets {
        conn.execute_batch(&format!(
            "CREATE TABLE IF NOT EXISTS {db}.\"{table}\" ({}, PRIMARY KEY ({}))",
            names.join(", "),
            keys.join(", ")
        ))?;
        let have = table_columns(conn, db, table)?;
        for (c, _) in &cols {
            if !have.iter().any(|(h, _)| h == c) {
                conn.execute_batch(&format!("ALTER TABLE {db}.\"{table}\" ADD COLUMN \"{c}\""))?;
            }
        }
    }
    Ok(names)
}

/// `(column, is part of the primary key)` in column order.
fn table_columns(conn: &Connection, db: &str, table: &str) -> Result<Vec<(String, bool)>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {db}.table_info(\"{table}\")"))?;
    let cols = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(1)?, r.get::<_, i64>(5)? > 0))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(cols)
}

/// Applies `changeset` to the shadow of the tables sent in `direction`: the other side's
/// version of a row replaces the shadow's (it is what the other side holds now), a change
/// to a row the shadow lacks is left out. The tables are made first when missing.
pub fn apply_to_shadow(
    ledger: &Path,
    shadow: &Path,
    direction: Direction,
    changeset: &[u8],
) -> Result<()> {
    if changeset.is_empty() {
        return Ok(());
    }
    if let Some(dir) = shadow.parent() {
        std::fs::create_dir_all(dir).map_err(crate::LedgerError::Io)?;
    }
    let conn = Connection::open(shadow)?;
    conn.execute("ATTACH DATABASE ?1 AS src", [ledger.to_string_lossy()])?;
    let names: Vec<&'static str> = tables_for(direction).map(|t| t.name).collect();
    for name in &names {
        shape_tables(&conn, "src", name, &["main"])?;
    }
    conn.execute_batch("DETACH DATABASE src; BEGIN")?;
    let mut input: &[u8] = changeset;
    conn.apply_strm(
        &mut input,
        Some(move |table: &str| names.contains(&table)),
        |kind, _item| match kind {
            ConflictType::SQLITE_CHANGESET_DATA | ConflictType::SQLITE_CHANGESET_CONFLICT => {
                ConflictAction::SQLITE_CHANGESET_REPLACE
            }
            _ => ConflictAction::SQLITE_CHANGESET_OMIT,
        },
    )?;
    conn.execute_batch("COMMIT")?;
    Ok(())
}
