//! Turning a command's records into what it prints: an aligned table, JSON or CSV.

use serde::Serialize;

use crate::args::Format;
use crate::failure::CliResult;
use crate::table::Table;

/// Pretty JSON of the records, as the core serialises them.
pub fn json<T: Serialize + ?Sized>(records: &T) -> CliResult<String> {
    let mut s = serde_json::to_string_pretty(records)?;
    s.push('\n');
    Ok(s)
}

/// JSON of the records, or the table rendered (table) or written as CSV (csv).
pub fn emit<T: Serialize + ?Sized>(
    format: Format,
    records: &T,
    table: impl FnOnce() -> Table,
) -> CliResult<String> {
    match format {
        Format::Json => json(records),
        Format::Table => Ok(table().render()),
        Format::Csv => Ok(table().to_csv()?),
    }
}
