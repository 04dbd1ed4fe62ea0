//! CSV cells a spreadsheet cannot take for a formula. Excel and WPS run a CSV cell that
//! begins with `=`, `+`, `-` or `@` as a formula (`=cmd|' /C calc'!A0`), and a leading tab
//! or carriage return can hide such a start. Text beginning so is written with an
//! apostrophe in front, the common convention: the spreadsheet then shows it as text.
//! Numbers stay numbers: a gap of -189.2 in a figure's column is written as it is.
//!
//! Every CSV the program writes (the quarterly report, the CLI's `--format csv`) passes
//! its text cells through [`cell`] and its figures through [`number`].

use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula (or hide one).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as it may be written: prefixed with `'` when it begins like a formula.
pub fn cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A figure's cell: a plain number (`-189.2`, `4221`, `+414.6`) as it is; anything else,
/// which a figure's column should never hold, as a text [`cell`].
pub fn number(text: &str) -> Cow<'_, str> {
    if is_plain_number(text) {
        Cow::Borrowed(text)
    } else {
        cell(text)
    }
}

/// An optional sign, digits, and optionally a point and more digits: nothing a
/// spreadsheet could run.
pub fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(int) && all_digits(frac)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_starts_like_a_formula_gets_an_apostrophe() {
        // (written, expected in the file)
        let cases = [
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("@SUM(1+1)", "'@SUM(1+1)"),
            ("+86 539 8888", "'+86 539 8888"),
            ("-5 家未上报", "'-5 家未上报"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("兰山区", "兰山区"),
            ("2024-06-30", "2024-06-30"),
            ("a=b", "a=b"),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(cell(text), want, "cell({text:?})");
        }
    }

    #[test]
    fn numbers_stay_numbers() {
        let cases = [
            ("-189.2", "-189.2"),
            ("4221", "4221"),
            ("+414.6", "+414.6"),
            ("0", "0"),
            ("", ""),
            ("-1+1", "'-1+1"),
            ("=1", "'=1"),
            ("-", "'-"),
            ("-.5", "'-.5"),
            ("1e5", "1e5"),
        ];
        for (text, want) in cases {
            assert_eq!(number(text), want, "number({text:?})");
        }
    }
}
