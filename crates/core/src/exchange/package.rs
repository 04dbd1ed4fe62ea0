//! A package file (.tzp): a zip of manifest.json, changeset.bin and signature (the SM2
//! signature of manifest.json's bytes, hex). The manifest holds the changeset's SM3, so one
//! signature covers everything. Read with limits, so a hostile file cannot exhaust memory.

use std::io::{Read, Write};
use std::path::Path;

use sm3::{Digest, Sm3};

use super::keys::{hex, hex_decode, Signer};
use super::manifest::{Manifest, FORMAT};
use super::ExchangeError;
use crate::error::Result;
use crate::LedgerError;

/// A package file is at most this large (a county's year is a few MB).
const MAX_FILE: u64 = 512 * 1024 * 1024;
/// No part inflates beyond this.
const MAX_PART: u64 = 1024 * 1024 * 1024;

/// A package as read and checked for shape, not yet for trust.
pub struct Package {
    pub manifest: Manifest,
    pub manifest_bytes: Vec<u8>,
    pub changeset: Vec<u8>,
    pub signature: Vec<u8>,
    /// SHA-256 of the file, hex.
    pub sha256: String,
}

/// Writes the package beside `out` and renames it into place; returns the file's SHA-256.
pub fn write(out: &Path, manifest: &Manifest, changeset: &[u8], signer: &dyn Signer) -> Result<String> {
    let manifest_bytes = serde_json::to_vec_pretty(manifest).map_err(|e| LedgerError::WriteFile {
        path: out.display().to_string(),
        reason: e.to_string(),
    })?;
    let signature = hex(&signer.sign(&manifest_bytes)?);
    let write_failed = |e: &dyn std::fmt::Display| LedgerError::WriteFile {
        path: out.display().to_string(),
        reason: e.to_string(),
    };
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in [
            ("manifest.json", manifest_bytes.as_slice()),
            ("changeset.bin", changeset),
            ("signature", signature.as_bytes()),
        ] {
            zip.start_file(name, options).map_err(|e| write_failed(&e))?;
            zip.write_all(bytes).map_err(|e| write_failed(&e))?;
        }
        zip.finish().map_err(|e| write_failed(&e))?;
    }
    let bytes = buf.into_inner();
    let tmp = out.with_extension("tzp.part");
    std::fs::write(&tmp, &bytes)
        .and_then(|()| std::fs::rename(&tmp, out))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            write_failed(&e)
        })?;
    Ok(sha256_hex(&bytes))
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    hex(&sha2::Sha256::digest(bytes))
}

pub fn sm3_hex(bytes: &[u8]) -> String {
    hex(&Sm3::digest(bytes))
}

/// Reads a package: every part present, sizes within limits, the changeset matching the
/// manifest's digest. The signature is checked by the caller, who knows whose key to trust.
pub fn read(path: &Path) -> Result<Package> {
    let damaged = |why: String| -> LedgerError {
        ExchangeError::Damaged {
            file: path.display().to_string(),
            why,
        }
        .into()
    };
    let meta = std::fs::metadata(path).map_err(|e| damaged(e.to_string()))?;
    if !meta.is_file() {
        return Err(damaged("不是文件".into()));
    }
    if meta.len() > MAX_FILE {
        return Err(damaged("文件过大".into()));
    }
    let bytes = std::fs::read(path).map_err(|e| damaged(e.to_string()))?;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes))
        .map_err(|e| damaged(format!("不是 zip 文件：{e}")))?;
    let mut part = |name: &str| -> Result<Vec<u8>> {
        let f = zip
            .by_name(name)
            .map_err(|_| damaged(format!("缺少 {name}")))?;
        let mut out = Vec::new();
        f.take(MAX_PART + 1)
            .read_to_end(&mut out)
            .map_err(|e| damaged(format!("{name} 无法读取：{e}")))?;
        if out.len() as u64 > MAX_PART {
            return Err(damaged(format!("{name} 过大")));
        }
        Ok(out)
    };
    let manifest_bytes = part("manifest.json")?;
    let changeset = part("changeset.bin")?;
    let signature_text = part("signature")?;
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
        .map_err(|e| damaged(format!("manifest.json 无法解析：{e}")))?;
    if manifest.format != FORMAT {
        return Err(damaged(format!("不认识的格式「{}」", manifest.format)));
    }
    let signature = std::str::from_utf8(&signature_text)
        .ok()
        .and_then(|s| hex_decode(s.trim()))
        .ok_or_else(|| damaged("签名无法读取".into()))?;
    Ok(Package {
        sha256: sha256_hex(&bytes),
        manifest,
        manifest_bytes,
        changeset,
        signature,
    })
}
