//! The reporting round (填报轮次) on real SQLite files: the units' states and their
//! history, lateness and 催报, the lock from every door, the table sent to each unit,
//! and a reviewer's correction.

#[path = "../fixture/mod.rs"]
mod fixture;

mod correction;
mod lock_doors;
mod month;
mod review;
mod send;
mod states;

use taizhang_core::round::{NewRound, RoundPeriod};

/// 2024Q3, due 2024-10-10, every default unit.
pub fn q3() -> RoundPeriod {
    RoundPeriod::parse("2024Q3").expect("quarter")
}

pub fn open_q3(f: &mut fixture::Fixture) {
    let new = NewRound {
        period: q3(),
        due_on: fixture::d("2024-10-10"),
        units: Vec::new(),
    };
    f.ledger
        .write(&fixture::actor(), |w| w.open_round(new))
        .expect("open the round");
}
