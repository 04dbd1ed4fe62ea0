//! Passwords: hashed with argon2id (PHC string with its own salt and parameters), never
//! stored or logged in the clear.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;

use crate::error::{LedgerError, Result};

/// At least 8 characters, with letters and digits: the usual rule of government systems.
pub fn check_strength(field: &'static str, password: &str) -> Result<()> {
    let long = password.chars().count() >= 8;
    let letters = password.chars().any(|c| c.is_alphabetic());
    let digits = password.chars().any(|c| c.is_ascii_digit());
    if long && letters && digits && password.chars().count() <= 128 {
        return Ok(());
    }
    Err(LedgerError::WeakPassword { field })
}

pub(crate) fn hash(password: &str) -> Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| LedgerError::Invalid {
            field: "password",
            problem: format!("无法保存密码：{e}"),
        })
}

pub(crate) fn verify(password: &str, stored: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), stored)
        .is_ok()
}
