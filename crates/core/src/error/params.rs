//! The named parameters of every error, so a window can word it in its own language: the
//! Chinese message is the core's (`Display`); an English one is the UI's, from `code()` and
//! these parameters (ui/src/i18n/errorWording.en.ts). Values are text as the message shows
//! them (numbers grouped or as typed, dates ISO); `field` is the field's key, not its label.
//! Free text a rule composed (a `problem`, a `reason`) stays the core's Chinese.

use std::collections::BTreeMap;

use super::wording::{plain_number, smallest_step};
use super::FileError;
use super::{grouped, LedgerError};
use crate::evidence::EvidenceError;
use crate::exchange::ExchangeError;

/// Parameter name → value as text.
pub type Params = BTreeMap<&'static str, String>;

fn of<const N: usize>(pairs: [(&'static str, String); N]) -> Params {
    pairs.into_iter().collect()
}

impl LedgerError {
    /// The parameters the message is made of, by name (see the module's note).
    pub fn params(&self) -> Params {
        use LedgerError as E;
        let s = |v: &str| v.to_string();
        match self {
            E::Negative { field, value } => {
                of([("field", s(field)), ("value", plain_number(*value))])
            }
            E::TooManyDecimals {
                field,
                decimals,
                value,
            } => of([
                ("field", s(field)),
                ("decimals", decimals.to_string()),
                ("value", plain_number(*value)),
            ]),
            E::NotANumber { field, value } => of([("field", s(field)), ("value", value.clone())]),
            E::DateOutOfRange {
                field,
                date,
                reason,
            } => of([
                ("field", s(field)),
                ("date", date.to_string()),
                ("reason", reason.clone()),
            ]),
            E::BadDate(v) | E::BadQuarter(v) => of([("value", v.clone())]),
            E::PeriodReversed { start, end } => {
                of([("start", start.to_string()), ("end", end.to_string())])
            }
            E::Invalid { field, problem } => {
                of([("field", s(field)), ("problem", problem.clone())])
            }
            E::BadField {
                key,
                label,
                problem,
            } => of([
                ("field", key.clone()),
                ("label", label.clone()),
                ("problem", problem.clone()),
            ]),
            E::UnknownIndicator(k) | E::UnknownUnit(k) | E::UnknownAction(k) => {
                of([("key", k.clone())])
            }
            E::NotFound { what, id } => of([("what", s(what)), ("key", id.clone())]),
            E::Ambiguous { what, key } | E::Duplicate { what, key } => {
                of([("what", s(what)), ("key", key.clone())])
            }
            E::DuplicateField { what, key, field } => {
                of([("what", s(what)), ("key", key.clone()), ("field", s(field))])
            }
            E::BadCreditCode { code, problem } => {
                of([("key", code.clone()), ("problem", problem.clone())])
            }
            E::DerivedIndicator {
                indicator,
                register,
            } => of([
                ("indicator", indicator.clone()),
                ("register", register.clone()),
            ]),
            E::SampleOverData | E::LoginRequired => Params::new(),
            E::DatabaseNewer { found, supported } => of([
                ("found", found.to_string()),
                ("supported", supported.to_string()),
            ]),
            E::Migration(d) | E::BackupFailed(d) | E::TemplateFailed(d) => {
                of([("detail", d.clone())])
            }
            E::Database(e) => of([("detail", e.to_string())]),
            E::Io(e) => of([("detail", e.to_string())]),
            E::NotALedger { path, why, advice } => of([
                ("path", path.clone()),
                ("why", why.clone()),
                ("advice", advice.clone()),
            ]),
            E::LedgerDamaged { detail, advice } => {
                of([("detail", detail.clone()), ("advice", advice.clone())])
            }
            E::SchemaMismatch { problem, advice } => {
                of([("problem", problem.clone()), ("advice", advice.clone())])
            }
            E::ReadOnly { why } => of([("why", why.clone())]),
            E::RestoreRefused { path, why, .. } => {
                of([("path", path.clone()), ("why", why.clone())])
            }
            E::UnsupportedFormat(ext) => of([("ext", ext.clone())]),
            E::WriteFile { path, reason } | E::OpenFailed { path, reason } => {
                of([("path", path.clone()), ("reason", reason.clone())])
            }
            E::FileExists { path } => of([("path", path.clone())]),
            E::ExportFailed { what, reason } => of([("what", s(what)), ("reason", reason.clone())]),
            E::Forbidden { message } => of([("detail", message.clone())]),
            E::BadLogin { attempts_left } => match attempts_left {
                Some(n) => of([("attempts_left", n.to_string())]),
                None => Params::new(),
            },
            E::AccountLocked { until } => of([("until", until.clone())]),
            E::AccountDisabled { login } => of([("login", login.clone())]),
            E::WeakPassword { field } => of([("field", s(field))]),
            E::ControlCharacter {
                field,
                label,
                position,
            } => of([
                ("field", field.clone()),
                ("label", label.clone()),
                ("position", position.to_string()),
            ]),
            E::TooLong {
                field,
                label,
                max,
                length,
            } => of([
                ("field", field.clone()),
                ("label", label.clone()),
                ("max", max.to_string()),
                ("length", length.to_string()),
            ]),
            E::ImplausibleValue {
                field,
                value,
                ceiling,
            } => of([
                ("field", s(field)),
                ("value", plain_number(*value)),
                ("ceiling", grouped(*ceiling)),
            ]),
            E::TooSmall {
                field,
                value,
                decimals,
            } => of([
                ("field", s(field)),
                ("value", plain_number(*value)),
                ("step", smallest_step(*decimals)),
            ]),
            E::TargetOverlap { start, end, value } => of([
                ("start", start.to_string()),
                ("end", end.to_string()),
                ("value", plain_number(*value)),
            ]),
            E::ProjectBeforePairing {
                agreed_on,
                signed_on,
            } => of([
                ("agreed_on", agreed_on.to_string()),
                ("signed_on", signed_on.to_string()),
            ]),
            E::NotACounty { field, unit, kind } => of([
                ("field", s(field)),
                ("unit", unit.clone()),
                ("kind", s(kind)),
            ]),
            E::PeriodLocked {
                label,
                locked_on,
                locked_by,
                span,
            } => of([
                ("label", label.clone()),
                ("locked_on", locked_on.clone()),
                ("locked_by", locked_by.clone()),
                ("span", s(span)),
            ]),
            E::RoundState {
                unit,
                label,
                state,
                step,
            } => of([
                ("unit", unit.clone()),
                ("label", label.clone()),
                ("state", s(state)),
                ("step", s(step)),
            ]),
            E::RoundNotApproved { label, units } => of([
                ("label", label.clone()),
                ("count", units.len().to_string()),
                ("units", units.join("、")),
            ]),
            E::ImportRejected { file, problems } => {
                let mut p = of([
                    ("file", file.clone()),
                    ("count", problems.len().to_string()),
                ]);
                if let Some(first) = problems.first() {
                    p.insert("sheet", first.sheet.clone());
                    p.insert("first", first.message.clone());
                }
                p
            }
            E::Exchange(e) => e.params(),
            E::Evidence(e) => e.params(),
            E::File(e) => e.params(),
            E::ForUnit {
                unit_id,
                unit_name,
                source,
            } => {
                let mut p = source.params();
                p.insert("row_unit", unit_name.clone());
                p.insert("row_unit_id", unit_id.clone());
                p
            }
        }
    }
}

impl FileError {
    /// The parameters the message is made of, by name.
    pub fn params(&self) -> Params {
        use FileError as F;
        match self {
            F::Unreadable { file, reason } | F::Malformed { file, reason } => {
                of([("file", file.clone()), ("reason", reason.clone())])
            }
            F::Unsupported { file } => of([("file", file.clone())]),
            F::NotAFile { file, what } => of([("file", file.clone()), ("what", what.to_string())]),
            F::TooLarge { file, detail } => {
                of([("file", file.clone()), ("detail", detail.clone())])
            }
            F::TooManyRows { file, limit } => {
                of([("file", file.clone()), ("limit", grouped(*limit as f64))])
            }
        }
    }
}

impl EvidenceError {
    /// The parameters the message is made of, by name.
    pub fn params(&self) -> Params {
        use EvidenceError as V;
        let s = |v: &str| v.to_string();
        match self {
            V::NotAFile { file, what } => of([("file", file.clone()), ("what", s(what))]),
            V::TooLarge { file, size } => of([("file", file.clone()), ("size", size.clone())]),
            V::Type { file, ext } => of([("file", file.clone()), ("ext", ext.clone())]),
            V::Content { file, kind, ext } => of([
                ("file", file.clone()),
                ("kind", s(kind)),
                ("ext", ext.clone()),
            ]),
            V::Altered { file, expected } => {
                of([("file", file.clone()), ("expected", expected.clone())])
            }
            V::Missing { file, path } => of([("file", file.clone()), ("path", path.clone())]),
        }
    }
}

impl ExchangeError {
    /// The parameters the message is made of, by name.
    pub fn params(&self) -> Params {
        use ExchangeError as X;
        match self {
            X::Damaged { file, why } => of([("file", file.clone()), ("why", why.clone())]),
            X::BadSignature { from } => of([("from", from.clone())]),
            X::UntrustedKey { from, fingerprint } => {
                of([("from", from.clone()), ("fingerprint", fingerprint.clone())])
            }
            X::KeyChanged { from, got, trusted } => of([
                ("from", from.clone()),
                ("got", got.clone()),
                ("trusted", trusted.clone()),
            ]),
            X::NotForUs { meant_for, we_are } => {
                of([("meant_for", meant_for.clone()), ("we_are", we_are.clone())])
            }
            X::Replay { from, seq, at } => of([
                ("from", from.clone()),
                ("seq", seq.to_string()),
                ("at", at.clone()),
            ]),
            X::SequenceGap {
                from,
                expected,
                got,
            } => of([
                ("from", from.clone()),
                ("expected", expected.to_string()),
                ("got", got.to_string()),
            ]),
            X::SchemaVersion { theirs, ours } => {
                of([("theirs", theirs.to_string()), ("ours", ours.to_string())])
            }
            X::BootstrapOverData | X::NotBootstrapped | X::DryRun => Params::new(),
            X::WrongRole(d) | X::MissingReference(d) => of([("detail", d.clone())]),
            X::FingerprintMismatch { unit, given, known } => of([
                ("unit", unit.clone()),
                ("given", given.clone()),
                ("known", known.clone()),
            ]),
            X::BadFingerprint(v) => of([("value", v.clone())]),
            X::KeyFile { path, why } => of([("path", path.clone()), ("why", why.clone())]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_and_its_parameters_say_the_same() {
        let e = LedgerError::ImplausibleValue {
            field: "value",
            value: 1e15,
            ceiling: 1_000_000_000.0,
        };
        let p = e.params();
        assert_eq!(p["field"], "value");
        assert_eq!(p["value"], "1e15");
        assert_eq!(p["ceiling"], "1,000,000,000");
        let message = e.to_string();
        assert!(
            message.contains(&p["value"]) && message.contains(&p["ceiling"]),
            "{message}"
        );

        let e = LedgerError::BadLogin {
            attempts_left: Some(2),
        };
        assert_eq!(e.params()["attempts_left"], "2");
        assert!(LedgerError::BadLogin {
            attempts_left: None
        }
        .params()
        .is_empty());
    }
}
