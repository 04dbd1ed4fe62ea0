//! A package file (.tzp): a zip of manifest.json and changeset.bin whose archive comment is
//! the SM2 signature (hex, 128 characters) of every byte of the file before it — the zip's
//! headers too, so any byte changed is caught, not only the parts' contents. The manifest
//! also holds the changeset's SM3. Read with limits, so a hostile file cannot exhaust memory.

use crate::error::FileError;
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
/// An SM2 signature (r ‖ s, 64 bytes) in hex.
const SIGNATURE_HEX: usize = 128;

/// A package as read and checked for shape, not yet for trust.
pub struct Package {
    pub manifest: Manifest,
    pub changeset: Vec<u8>,
    /// The bytes the signature covers: the whole file but the signature.
    pub signed: Vec<u8>,
    pub signature: Vec<u8>,
    /// Evidence files: `(<sha256>.<ext>, bytes)`, each checked against its name's hash.
    pub attachments: Vec<(String, Vec<u8>)>,
    /// SHA-256 of the file, hex.
    pub sha256: String,
}

/// Writes the package beside `out` and renames it into place; returns the file's SHA-256.
pub fn write(
    out: &Path,
    manifest: &Manifest,
    changeset: &[u8],
    attachments: &[(String, Vec<u8>)],
    signer: &dyn Signer,
) -> Result<String> {
    let manifest_bytes =
        serde_json::to_vec_pretty(manifest).map_err(|e| LedgerError::WriteFile {
            path: out.display().to_string(),
            reason: e.to_string(),
        })?;
    let write_failed = |e: &dyn std::fmt::Display| LedgerError::WriteFile {
        path: out.display().to_string(),
        reason: e.to_string(),
    };
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let parts = [
            ("manifest.json".to_string(), manifest_bytes.as_slice()),
            ("changeset.bin".to_string(), changeset),
        ];
        let files = attachments
            .iter()
            .map(|(name, bytes)| (format!("attachments/{name}"), bytes.as_slice()));
        for (name, bytes) in parts.into_iter().chain(files) {
            zip.start_file(name, options)
                .map_err(|e| write_failed(&e))?;
            zip.write_all(bytes).map_err(|e| write_failed(&e))?;
        }
        // A placeholder of the signature's length, so the comment's length is signed too.
        zip.set_raw_comment(vec![b'0'; SIGNATURE_HEX].into_boxed_slice())
            .map_err(|e| write_failed(&e))?;
        zip.finish().map_err(|e| write_failed(&e))?;
    }
    let mut bytes = buf.into_inner();
    let body = bytes.len() - SIGNATURE_HEX;
    let signature = hex(&signer.sign(&bytes[..body])?);
    if signature.len() != SIGNATURE_HEX {
        return Err(write_failed(&"签名长度不对"));
    }
    bytes[body..].copy_from_slice(signature.as_bytes());
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

/// The SM3 digest of the bytes, lowercase hex.
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
    let meta = std::fs::metadata(path).map_err(|e| FileError::Unreadable {
        file: path.display().to_string(),
        reason: e.to_string(),
    })?;
    if !meta.is_file() {
        return Err(damaged("不是文件".into()));
    }
    if meta.len() > MAX_FILE {
        return Err(damaged("文件过大".into()));
    }
    let bytes = std::fs::read(path).map_err(|e| damaged(e.to_string()))?;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes))
        .map_err(|e| damaged(format!("不是 zip 文件：{e}")))?;
    let comment = zip.comment().to_vec();
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| n.starts_with("attachments/"))
        .collect();
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
    let mut attachments = Vec::new();
    for name in names {
        let bytes = part(&name)?;
        let file = name.trim_start_matches("attachments/").to_string();
        let hash = file.split('.').next().unwrap_or_default();
        if file.contains('/') || file.contains('\\') || sha256_hex(&bytes) != hash {
            return Err(damaged(format!("附件 {file} 与其摘要不符")));
        }
        attachments.push((file, bytes));
    }
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
        .map_err(|e| damaged(format!("manifest.json 无法解析：{e}")))?;
    if manifest.format != FORMAT {
        return Err(damaged(format!("不认识的格式「{}」", manifest.format)));
    }
    let signature = std::str::from_utf8(&comment)
        .ok()
        .filter(|_| comment.len() == SIGNATURE_HEX && bytes.ends_with(&comment))
        .and_then(hex_decode)
        .ok_or_else(|| damaged("签名无法读取".into()))?;
    Ok(Package {
        sha256: sha256_hex(&bytes),
        manifest,
        changeset,
        signed: bytes[..bytes.len() - SIGNATURE_HEX].to_vec(),
        signature,
        attachments,
    })
}
