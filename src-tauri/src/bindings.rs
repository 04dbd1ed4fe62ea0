//! TypeScript declarations of the shell's own records (AppInfo, EntryPage, FileFilter,
//! ImportProgress, IpcError, Opening), generated into `ui/src/bindings/app/`. Types they use from
//! the core are imported from `ui/src/bindings/core/`, which the core's own test keeps
//! fresh.

use std::path::Path;

use ts_rs::{ExportError, TS};

use crate::commands::app::AppInfo;
use crate::commands::entries::EntryPage;
use crate::commands::files::FileFilter;
use crate::commands::import::ImportProgress;
use crate::error::IpcError;
use crate::opening::Opening;

/// (file name, TypeScript text) of every shell type.
pub fn app_types() -> Result<Vec<(String, String)>, ExportError> {
    let names = [
        AppInfo::ident(),
        EntryPage::ident(),
        FileFilter::ident(),
        ImportProgress::ident(),
        IpcError::ident(),
        Opening::ident(),
    ];
    Ok(vec![
        one::<AppInfo>(&names)?,
        one::<EntryPage>(&names)?,
        one::<FileFilter>(&names)?,
        one::<ImportProgress>(&names)?,
        one::<IpcError>(&names)?,
        one::<Opening>(&names)?,
    ])
}

/// Writes the shell's declarations into `dir`.
pub fn export_app_types(dir: &Path) -> Result<(), ExportError> {
    std::fs::create_dir_all(dir)?;
    for (name, text) in app_types()? {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}

/// The declaration of `T`. ts-rs writes imports as if every type sat in one folder; those
/// of core types are pointed at `../core/`.
fn one<T: TS + 'static>(app_names: &[String]) -> Result<(String, String), ExportError> {
    let text = T::export_to_string()?
        .lines()
        .map(|line| match line.rsplit_once("from \"./") {
            Some((head, rest)) if !app_names.iter().any(|n| rest == format!("{n}\";")) => {
                format!("{head}from \"../core/{rest}\n")
            }
            _ => format!("{line}\n"),
        })
        .collect();
    Ok((format!("{}.ts", T::ident()), text))
}
