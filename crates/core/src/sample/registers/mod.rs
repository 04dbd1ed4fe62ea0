//! The sample's registers: enterprises, villages, pairings and cooperation projects of
//! 万企兴万村, and activity registers, so that the derived figures equal the release:
//! 4221 distinct enterprises in active pairings with 3702 distinct villages, 4492 projects,
//! 1234 enterprises and 201 chambers visited, 1400 entrepreneur-trainings, 1100 reports of
//! which 630 adopted, 132 service stations, 24 roadshows.

mod activities;
mod names;
mod pairings;
mod types;

use crate::error::Result;
use crate::ledger::Writer;
use crate::register::derive::{Derivation, DerivedSource, Measure};

pub use types::register_types;

/// Indicator codes whose figures come from registers in the sample, and how.
pub fn derivations() -> Vec<(&'static str, Derivation)> {
    let d = |source,
             register: Option<&str>,
             measure,
             field: Option<&str>,
             status: Option<&str>,
             m: Option<(&str, &str)>| Derivation {
        source,
        register: register.map(Into::into),
        measure,
        field: field.map(Into::into),
        status: status.map(Into::into),
        match_field: m.map(|(f, _)| f.into()),
        match_value: m.map(|(_, v)| v.into()),
    };
    use DerivedSource::*;
    use Measure::*;
    vec![
        (
            "GF01",
            d(
                Pairing,
                None,
                Distinct,
                Some("enterprise_id"),
                Some("active"),
                None,
            ),
        ),
        (
            "GF02",
            d(
                Pairing,
                None,
                Distinct,
                Some("village_id"),
                Some("active"),
                None,
            ),
        ),
        ("GF03", d(CoopProject, None, Count, None, None, None)),
        (
            "MQ03",
            d(
                Register,
                Some("visit"),
                Count,
                None,
                None,
                Some(("target_kind", "企业")),
            ),
        ),
        (
            "MQ04",
            d(
                Register,
                Some("visit"),
                Count,
                None,
                None,
                Some(("target_kind", "商会")),
            ),
        ),
        (
            "MQ08",
            d(
                Register,
                Some("training"),
                Sum,
                Some("participants"),
                None,
                None,
            ),
        ),
        ("JY06", d(Register, Some("report"), Count, None, None, None)),
        (
            "JY07",
            d(Register, Some("report"), Count, None, Some("adopted"), None),
        ),
        (
            "CX01",
            d(Register, Some("station"), Count, None, None, None),
        ),
        (
            "MQ10",
            d(Register, Some("roadshow"), Count, None, None, None),
        ),
    ]
}

/// Writes the sample's registers and marks the derived indicators. Returns rows written.
pub fn write(w: &mut Writer<'_>) -> Result<u32> {
    let mut rows = 0;
    for t in register_types() {
        if crate::register::activity::type_by_key(w.conn(), &t.code).is_err() {
            w.add_register_type(t)?;
        }
    }
    rows += pairings::write(w)?;
    rows += activities::write(w)?;
    for (code, d) in derivations() {
        w.set_derivation(code, Some(d))?;
    }
    Ok(rows)
}
