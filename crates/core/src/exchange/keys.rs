//! Signing keys (SM2 over SM3, GM/T 0003 with the standard's default distinguishing id).
//! The ledger signs through [`Signer`], so a certified hardware key (UKey) can replace the
//! file key later; the file key's secret lives beside the ledger, readable by its owner only.

use std::path::{Path, PathBuf};

use sm2::dsa::signature::{Signer as _, Verifier as _};
use sm2::dsa::{Signature, SigningKey, VerifyingKey};
use sm2::elliptic_curve::Generate;
use sm3::{Digest, Sm3};

use super::ExchangeError;
use crate::error::Result;

/// GM/T 0009's default user id ("1234567812345678"), which other SM2 tools assume too.
pub const DIST_ID: &str = "1234567812345678";

/// Whatever signs this installation's packages: the key file now, a UKey later.
pub trait Signer {
    /// The public key, SEC1 uncompressed (65 bytes).
    fn public_key(&self) -> Vec<u8>;
    /// An SM2 signature (r ‖ s, 64 bytes) of `message`, hashed with SM3 and the id Z.
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>>;
}

/// The key kept in a file beside the ledger (32 secret bytes, hex).
pub struct FileKey {
    key: SigningKey,
}

impl Signer for FileKey {
    fn public_key(&self) -> Vec<u8> {
        self.key.verifying_key().to_sec1_bytes().to_vec()
    }
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>> {
        let sig: Signature = self.key.try_sign(message).map_err(|e| key_error("", e))?;
        Ok(sig.to_bytes().to_vec())
    }
}

impl FileKey {
    /// Reads the key at `path`, or makes a new one there when `create` and none exists.
    pub fn load(path: &Path, create: bool) -> Result<Self> {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let bytes = hex_decode(text.trim()).ok_or_else(|| ExchangeError::KeyFile {
                    path: path.display().to_string(),
                    why: "内容不是密钥".into(),
                })?;
                let key = SigningKey::from_slice(DIST_ID, &bytes)
                    .map_err(|e| key_error(&path.display().to_string(), e))?;
                Ok(Self { key })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => Self::create(path),
            Err(e) => Err(ExchangeError::KeyFile {
                path: path.display().to_string(),
                why: e.to_string(),
            }
            .into()),
        }
    }

    fn create(path: &Path) -> Result<Self> {
        let secret = sm2::SecretKey::try_generate().map_err(|e| key_error("", e))?;
        let key = SigningKey::new(DIST_ID, &secret).map_err(|e| key_error("", e))?;
        let text = hex(&key.to_bytes());
        write_private(path, text.as_bytes()).map_err(|e| ExchangeError::KeyFile {
            path: path.display().to_string(),
            why: e.to_string(),
        })?;
        Ok(Self { key })
    }
}

/// Writes a new file readable and writable by its owner only (0600 on unix), synced; it
/// never replaces an existing key.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn key_error(path: &str, e: impl std::fmt::Display) -> crate::LedgerError {
    ExchangeError::KeyFile {
        path: path.to_string(),
        why: e.to_string(),
    }
    .into()
}

/// Whether `signature` is `public_key`'s SM2 signature of `message`.
pub fn verify(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let Ok(key) = VerifyingKey::from_sec1_bytes(DIST_ID, public_key) else {
        return false;
    };
    let Ok(sig) = Signature::try_from(signature) else {
        return false;
    };
    key.verify(message, &sig).is_ok()
}

/// SM3 of the public key, 64 uppercase hex digits.
pub fn fingerprint(public_key: &[u8]) -> String {
    hex(&Sm3::digest(public_key)).to_uppercase()
}

/// `3F2A 9C01 …`: groups of four, to read out on the phone.
pub fn grouped(fingerprint: &str) -> String {
    let chars: Vec<char> = fingerprint.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fingerprint as a person typed it (spaces, lower case) in its stored form.
pub fn normalise_fingerprint(typed: &str) -> Result<String> {
    let fp: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != ':')
        .collect::<String>()
        .to_uppercase();
    if fp.len() != 64 || !fp.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(ExchangeError::BadFingerprint(typed.trim().to_string()).into());
    }
    Ok(fp)
}

/// Where this ledger keeps its exchange files: `交换/<ledger file stem>/` beside it.
pub fn exchange_dir(ledger: &Path) -> PathBuf {
    let stem = ledger
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "taizhang".into());
    ledger
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("交换")
        .join(stem)
}

/// The installation's private key file.
pub fn key_path(ledger: &Path) -> PathBuf {
    exchange_dir(ledger).join("本机私钥.sm2")
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

pub fn hex_decode(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}
