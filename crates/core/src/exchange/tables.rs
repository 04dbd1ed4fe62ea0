//! Which tables travel in which direction, filtered to what the other side may hold, and
//! who owns their rows. City → unit: the catalogue, units (the unit's subtree and the path
//! up to the city), rounds, and the unit's own targets, entries, registers, returns,
//! review results and corrections. Unit → city: the rows of its subtree it writes itself.
//! Never exchanged: accounts, the trail, `meta`, the exchange's own bookkeeping, and the
//! roll-up `entry_rollup` (derived from the entries: the receiver's triggers make its own).

/// The direction of a package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The city's package for a unit installation.
    Down,
    /// A unit installation's package for the city.
    Up,
}

/// One exchanged table: its filter over the source ledger (attached as `src`, the unit's
/// subtree in `temp.scope_units`, the path up to the city in `temp.path_units`, the units
/// the other rows name — another county's enterprise — and theirs in `temp.ref_units`), and
/// whether a unit sends it upward (then its rows are the unit's: the city applies them
/// only inside the sender's subtree, and at a unit its own version stands in a conflict).
pub struct Exchanged {
    pub name: &'static str,
    pub filter: &'static str,
    pub up: bool,
    /// SQL giving a row's unit in the receiving ledger (`?1` = the row's key), for
    /// unit-owned tables.
    pub unit_of: Option<&'static str>,
}

/// `unit_of` of a table whose rows carry their own `unit_id`.
const DIRECT: &str = "";

/// Parents first, so inserts of a package meet their references in order.
pub const TABLES: &[Exchanged] = &[
    cat("setting"),
    cat("action"),
    Exchanged {
        name: "unit",
        filter: "t.id IN (SELECT id FROM temp.scope_units UNION SELECT id FROM temp.path_units UNION SELECT id FROM temp.ref_units)",
        up: false,
        unit_of: None,
    },
    cat("indicator"),
    cat("register_type"),
    cat("indicator_derivation"),
    cat("round"),
    down("target", "t.unit_id IN (SELECT id FROM temp.scope_units)"),
    down(
        "target_milestone",
        "t.target_id IN (SELECT id FROM src.target WHERE unit_id IN (SELECT id FROM temp.scope_units))",
    ),
    Exchanged {
        name: "enterprise",
        filter: "t.county_id IN (SELECT id FROM temp.scope_units) OR t.id IN (SELECT enterprise_id FROM src.pairing WHERE unit_id IN (SELECT id FROM temp.scope_units))",
        up: true,
        unit_of: Some("SELECT county_id FROM main.enterprise WHERE id = ?1"),
    },
    Exchanged {
        name: "village",
        filter: "t.county_id IN (SELECT id FROM temp.scope_units) OR t.id IN (SELECT village_id FROM src.pairing WHERE unit_id IN (SELECT id FROM temp.scope_units))",
        up: true,
        unit_of: Some("SELECT county_id FROM main.village WHERE id = ?1"),
    },
    own("progress_entry"),
    own("pairing"),
    Exchanged {
        name: "coop_project",
        filter: "t.pairing_id IN (SELECT id FROM src.pairing WHERE unit_id IN (SELECT id FROM temp.scope_units))",
        up: true,
        unit_of: Some("SELECT p.unit_id FROM main.coop_project c JOIN main.pairing p ON p.id = c.pairing_id WHERE c.id = ?1"),
    },
    own("register_row"),
    own("lag_note"),
    own("round_unit"),
    Exchanged {
        name: "round_event",
        filter: "t.unit_id IN (SELECT id FROM temp.scope_units) OR (t.unit_id IS NULL AND $down)",
        up: true,
        unit_of: Some("SELECT unit_id FROM main.round_event WHERE id = ?1"),
    },
    down(
        "correction",
        "t.entry_id IN (SELECT id FROM src.progress_entry WHERE unit_id IN (SELECT id FROM temp.scope_units))",
    ),
    own("unit_return"),
    Exchanged {
        name: "unit_return_entry",
        filter: "t.return_id IN (SELECT id FROM src.unit_return WHERE unit_id IN (SELECT id FROM temp.scope_units))",
        up: true,
        unit_of: Some("SELECT r.unit_id FROM main.unit_return_entry e JOIN main.unit_return r ON r.id = e.return_id WHERE e.entry_id = ?1"),
    },
    own("evidence"),
];

/// A catalogue table: all its rows go down, none come up.
const fn cat(name: &'static str) -> Exchanged {
    Exchanged {
        name,
        filter: "1",
        up: false,
        unit_of: None,
    }
}

/// The city's rows about a unit: they go down only.
const fn down(name: &'static str, filter: &'static str) -> Exchanged {
    Exchanged {
        name,
        filter,
        up: false,
        unit_of: None,
    }
}

/// Rows with their own `unit_id`, written by the unit: both ways.
const fn own(name: &'static str) -> Exchanged {
    Exchanged {
        name,
        filter: "t.unit_id IN (SELECT id FROM temp.scope_units)",
        up: true,
        unit_of: Some(DIRECT),
    }
}

impl Exchanged {
    /// The WHERE clause for a package in `direction`.
    pub fn filter_for(&self, direction: Direction) -> String {
        let down = if direction == Direction::Down {
            "1"
        } else {
            "0"
        };
        self.filter.replace("$down", down)
    }

    /// The SQL giving a row's unit in the receiving ledger (`?1` = its key).
    pub fn unit_sql(&self) -> Option<String> {
        match self.unit_of {
            Some(DIRECT) => Some(format!(
                "SELECT unit_id FROM main.\"{}\" WHERE id = ?1",
                self.name
            )),
            Some(sql) => Some(sql.to_string()),
            None => None,
        }
    }
}

/// The tables of a package in `direction`, parents first.
pub fn tables_for(direction: Direction) -> impl Iterator<Item = &'static Exchanged> {
    TABLES
        .iter()
        .filter(move |t| direction == Direction::Down || t.up)
}

pub fn find(name: &str) -> Option<&'static Exchanged> {
    TABLES.iter().find(|t| t.name == name)
}
