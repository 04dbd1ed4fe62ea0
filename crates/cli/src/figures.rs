//! Numbers as the CLI shows them, formatted in this one place: values with their
//! indicator's decimal places, shares as percentages, and raw forms for CSV.

/// A value with the indicator's decimal places, e.g. 4221 or 12.50.
pub fn value(v: f64, decimals: u8) -> String {
    let s = format!("{:.*}", usize::from(decimals), v);
    // -0 after rounding a tiny negative gap reads oddly.
    if s.trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        s.trim_start_matches('-').to_string()
    } else {
        s
    }
}

/// An optional value; a dash when there is none.
pub fn maybe_value(v: Option<f64>, decimals: u8) -> String {
    v.map_or_else(|| "-".into(), |v| value(v, decimals))
}

/// A signed difference: +12 or -3.
pub fn signed(v: Option<f64>, decimals: u8) -> String {
    match v {
        None => "-".into(),
        Some(v) => {
            let s = value(v, decimals);
            if s.starts_with('-') || s.chars().all(|c| c == '0' || c == '.') {
                s
            } else {
                format!("+{s}")
            }
        }
    }
}

/// A share as a percentage with one decimal, e.g. 84.4%.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "-".into(), |s| format!("{:.1}%", s * 100.0))
}

/// A number for CSV: shortest exact form, empty when absent.
/// An amount in 万元: two decimals as always, up to four when it has them (0.0001 万元 is
/// one 元, the unit it is kept in): 12.50, 12.3456.
pub fn money(v: f64) -> String {
    let four = value(v, 4);
    let trimmed = four.trim_end_matches('0');
    let (_, frac) = trimmed.split_once('.').unwrap_or((trimmed, ""));
    if frac.len() <= 2 {
        value(v, 2)
    } else {
        trimmed.to_string()
    }
}

/// [`money`], or a dash when there is none.
pub fn maybe_money(v: Option<f64>) -> String {
    v.map_or_else(|| "-".into(), money)
}

pub fn raw(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let cases: [(String, &str); 15] = [
            (value(4221.0, 0), "4221"),
            (value(12.5, 2), "12.50"),
            (value(-0.001, 2), "0.00"),
            (maybe_value(None, 0), "-"),
            (signed(Some(12.0), 0), "+12"),
            (signed(Some(-3.4), 0), "-3"),
            (signed(Some(0.0), 1), "0.0"),
            (percent(Some(0.8441)), "84.4%"),
            (percent(None), "-"),
            (raw(Some(0.25)), "0.25"),
            (money(12.5), "12.50"),
            (money(12.3456), "12.3456"),
            (money(0.0001), "0.0001"),
            (money(0.1 + 0.2), "0.30"),
            (maybe_money(None), "-"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want, "got {got:?}, want {want:?}");
        }
    }
}
