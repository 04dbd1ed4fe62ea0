//! The city's first package for a unit makes the unit's ledger: on an empty ledger only,
//! the default catalogue a new file starts with gives way to the city's (same codes, the
//! city's ids), and the city's key, carried by the package, is trusted from then on.

use super::identity;
use super::ExchangeError;
use crate::error::Result;
use crate::Writer;

/// Before the bootstrap's changes: refuses a ledger with data, clears the defaults, and
/// trusts the city's key.
pub fn prepare(w: &mut Writer<'_>, city_key: &str, city_fingerprint: &str) -> Result<()> {
    let data: i64 = w.conn().query_row(
        "SELECT (SELECT COUNT(*) FROM unit) + (SELECT COUNT(*) FROM indicator)
              + (SELECT COUNT(*) FROM progress_entry) + (SELECT COUNT(*) FROM pairing)
              + (SELECT COUNT(*) FROM register_row) + (SELECT COUNT(*) FROM account)",
        [],
        |r| r.get(0),
    )?;
    if data > 0 {
        return Err(ExchangeError::BootstrapOverData.into());
    }
    w.conn().execute("DELETE FROM action", [])?;
    identity::trust_peer(w, None, city_fingerprint, Some(city_key))
}

/// After them: this ledger is the unit's installation, with its own key.
pub fn finish(w: &mut Writer<'_>, unit_id: &str, own_public_key: &str) -> Result<()> {
    identity::create_installation(w, identity::Role::Unit, Some(unit_id), own_public_key)
}
