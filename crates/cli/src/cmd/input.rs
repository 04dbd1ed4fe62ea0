//! What a person types on the command line, turned into values: as-of dates and numbers.
//! The rules themselves (ranges, decimals, dates in the future) are the core's.

use chrono::NaiveDate;
use taizhang_core::{validate, Ledger, LedgerError, Quarter};

use crate::args::AsOfArgs;
use crate::failure::CliResult;

/// The as-of date: the given day, the quarter's last day, or today.
pub fn as_of(args: &AsOfArgs, ledger: &Ledger) -> CliResult<NaiveDate> {
    if let Some(d) = &args.as_of {
        return Ok(validate::parse_date(d)?);
    }
    if let Some(q) = &args.quarter {
        let quarter =
            Quarter::parse(q).ok_or_else(|| LedgerError::BadQuarter(q.trim().to_string()))?;
        return Ok(quarter.end());
    }
    Ok(ledger.today())
}

/// A number as clerks type it: full-width digits and thousands separators allowed
/// (４２２１, 4,221). Whether it fits the indicator is checked by the core.
pub fn number(field: &'static str, text: &str) -> CliResult<f64> {
    let folded: String = text
        .trim()
        .chars()
        .map(validate::fold_fullwidth)
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .collect();
    folded.parse::<f64>().map_err(|_| {
        LedgerError::NotANumber {
            field,
            value: text.trim().to_string(),
        }
        .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let cases: [(&str, Option<f64>); 7] = [
            ("4221", Some(4221.0)),
            ("4,221", Some(4221.0)),
            ("４２２１", Some(4221.0)),
            (" 12.5 ", Some(12.5)),
            ("-3", Some(-3.0)),
            ("十二", None),
            ("", None),
        ];
        for (text, want) in cases {
            let got = number("value", text).ok();
            assert_eq!(got, want, "{text:?}: got {got:?}, want {want:?}");
        }
    }
}
