//! 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet, the last a
//! check character over the first 17.

use crate::error::{LedgerError, Result};
use crate::validate::fold_fullwidth;

const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// The check character for the first 17 characters, or None if one is not in the alphabet.
pub fn check_char(first17: &str) -> Option<char> {
    let mut sum = 0;
    for (c, w) in first17.bytes().zip(WEIGHTS) {
        sum += ALPHABET.iter().position(|a| *a == c)? as u32 * w;
    }
    let check = (31 - sum % 31) % 31;
    Some(ALPHABET[check as usize] as char)
}

/// Normalises (trim, fold full-width, upper-case) and verifies a credit code.
pub fn normalise(code: &str) -> Result<String> {
    let c: String = code
        .trim()
        .chars()
        .map(fold_fullwidth)
        .collect::<String>()
        .to_ascii_uppercase();
    let bad = |problem: &str| LedgerError::BadCreditCode {
        code: c.clone(),
        problem: problem.to_string(),
    };
    if c.chars().count() != 18 {
        return Err(bad(&format!("应为 18 位，实为 {} 位", c.chars().count())));
    }
    if let Some(ch) = c
        .chars()
        .find(|ch| !ALPHABET.contains(&(*ch as u8)) || !ch.is_ascii())
    {
        return Err(bad(&format!(
            "含有不允许的字符「{ch}」（不使用 I、O、Z、S、V）"
        )));
    }
    let want = check_char(&c[..17]).ok_or_else(|| bad("含有不允许的字符"))?;
    if c.as_bytes()[17] as char != want {
        return Err(bad(&format!("校验位应为 {want}")));
    }
    Ok(c)
}

/// Completes 17 characters with their check character (for generating sample codes).
pub fn with_check(first17: &str) -> Option<String> {
    check_char(first17).map(|c| format!("{first17}{c}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits() {
        // (input, accepted as)
        let cases = [
            ("91350100M000100Y43", Some("91350100M000100Y43")),
            (" 91350100m000100y43 ", Some("91350100M000100Y43")),
            (
                "９１３５０１００Ｍ０００１００Ｙ４３",
                Some("91350100M000100Y43"),
            ),
            ("91350100M000100Y44", None),
            ("91350100M000100Y4", None),
            ("91350100M000100I43", None),
        ];
        for (input, want) in cases {
            let got = normalise(input).ok();
            assert_eq!(got.as_deref(), want, "credit code {input:?}");
        }
    }

    #[test]
    fn generated_codes_verify() {
        let code = with_check("91371302MA3C12345").unwrap();
        assert_eq!(normalise(&code).ok(), Some(code.clone()), "{code}");
    }
}
