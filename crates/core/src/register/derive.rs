//! Derived indicators: an indicator's completed value computed from a register (count of
//! rows, count of distinct values, sum of a field), filtered by status and by date.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::activity::type_by_key;
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_indicator, Ledger, Writer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DerivedSource {
    Pairing,
    CoopProject,
    Register,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Count,
    Distinct,
    Sum,
}

/// How an indicator is derived. Fields: for pairings `enterprise_id` or `village_id`
/// (distinct); for projects `investment` or `beneficiaries` (sum), `pairing_id` (distinct);
/// for activity registers a field key of the type (or `title`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Derivation {
    pub source: DerivedSource,
    /// Register type code, when the source is an activity register.
    pub register: Option<String>,
    pub measure: Measure,
    pub field: Option<String>,
    pub status: Option<String>,
    pub match_field: Option<String>,
    pub match_value: Option<String>,
}

impl Derivation {
    /// What a clerk is told to use instead of typing the figure.
    pub fn register_label(&self, conn: &Connection) -> String {
        match self.source {
            DerivedSource::Pairing => "结对共建台账".into(),
            DerivedSource::CoopProject => "村企合作项目台账".into(),
            DerivedSource::Register => self
                .register
                .as_deref()
                .and_then(|r| type_by_key(conn, r).ok())
                .map_or_else(|| "活动台账".into(), |t| format!("{}台账", t.name)),
        }
    }
}

const PAIRING_FIELDS: &[&str] = &["enterprise_id", "village_id"];
/// A project's `investment` (万元) is stored in whole 元 in this column: its sum is an
/// exact integer, divided once into 万元.
const INVESTMENT_COLUMN: &str = "investment_yuan";
const PROJECT_FIELDS: &[&str] = &["investment", "beneficiaries", "pairing_id"];

/// Where the rows come from, which date column windows them, and the SQL of a field.
fn parts(
    d: &Derivation,
    conn: &Connection,
) -> Result<(String, &'static str, &'static str, Option<String>)> {
    let field_sql = |allowed: &[&str], prefix: &str| -> Result<Option<String>> {
        match d.field.as_deref() {
            None => Ok(None),
            Some("investment") if allowed.contains(&"investment") => {
                Ok(Some(format!("{prefix}.{INVESTMENT_COLUMN}")))
            }
            Some(f) if allowed.contains(&f) => Ok(Some(format!("{prefix}.{f}"))),
            Some(f) => Err(LedgerError::Invalid {
                field: "indicator",
                problem: format!("不能按字段「{f}」统计"),
            }),
        }
    };
    Ok(match d.source {
        DerivedSource::Pairing => (
            "pairing p".into(),
            "p.signed_on",
            "p.status",
            field_sql(PAIRING_FIELDS, "p")?,
        ),
        DerivedSource::CoopProject => (
            "coop_project x JOIN pairing p ON p.id = x.pairing_id".into(),
            "x.agreed_on",
            "x.status",
            field_sql(PROJECT_FIELDS, "x")?,
        ),
        DerivedSource::Register => {
            let key = d.register.as_deref().unwrap_or_default();
            let t = type_by_key(conn, key)?;
            let field = match d.field.as_deref() {
                None => None,
                Some("title") => Some("r.title".to_string()),
                Some(f) if t.fields.iter().any(|x| x.key == f) => {
                    Some(format!("json_extract(r.data, '$.{f}')"))
                }
                Some(f) => {
                    return Err(LedgerError::Invalid {
                        field: "indicator",
                        problem: format!("「{}」没有字段「{f}」", t.name),
                    })
                }
            };
            // The type id is a UUID (checked above), safe to inline.
            (
                format!(
                    "register_row r JOIN unit p ON p.id = r.unit_id AND r.type_id = '{}'",
                    t.id
                ),
                "r.occurred_on",
                "r.status",
                field,
            )
        }
    })
}

/// The derived value over the units (a JSON array of ids) within [from, to].
pub fn completed(
    conn: &Connection,
    d: &Derivation,
    units_json: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<f64> {
    let (source, date_col, status_col, field) = parts(d, conn)?;
    let agg = match (d.measure, &field) {
        (Measure::Count, _) => "COUNT(*)".to_string(),
        (Measure::Distinct, Some(f)) => format!("COUNT(DISTINCT {f})"),
        (Measure::Sum, Some(f)) if f.ends_with(INVESTMENT_COLUMN) => {
            format!("COALESCE(SUM({f}), 0) / 10000.0")
        }
        (Measure::Sum, Some(f)) => format!("COALESCE(SUM({f}), 0)"),
        (_, None) => {
            return Err(LedgerError::Invalid {
                field: "indicator",
                problem: "缺少统计字段".into(),
            })
        }
    };
    let unit_col = if d.source == DerivedSource::Register {
        "r.unit_id"
    } else {
        "p.unit_id"
    };
    // Matching a data field applies to activity registers only (set_derivation checks).
    let match_clause = if d.source == DerivedSource::Register {
        "AND (?5 IS NULL OR json_extract(r.data, ?5) = ?6)"
    } else {
        "AND (?5 IS NULL OR ?6 IS NULL OR 1)"
    };
    let sql = format!(
        "SELECT {agg} FROM {source}
         WHERE {date_col} BETWEEN ?1 AND ?2 AND {unit_col} IN (SELECT value FROM json_each(?3))
           AND (?4 IS NULL OR {status_col} = ?4) {match_clause}"
    );
    let path = d.match_field.as_deref().map(|f| format!("$.{f}"));
    let v: f64 = conn.prepare_cached(&sql)?.query_row(
        rusqlite::params![from, to, units_json, d.status, path, d.match_value],
        |r| r.get(0),
    )?;
    Ok(v)
}

/// The earliest date of a row the derivation counts (where a trend without a target starts).
pub fn first_date(conn: &Connection, d: &Derivation) -> Result<Option<NaiveDate>> {
    let (source, date_col, _, _) = parts(d, conn)?;
    let sql = format!("SELECT MIN({date_col}) FROM {source}");
    Ok(conn.query_row(&sql, [], |r| r.get(0))?)
}

pub(crate) fn read(conn: &Connection, indicator_id: &str) -> Result<Option<Derivation>> {
    let found = conn
        .query_row(
            "SELECT d.source, t.code, d.measure, d.field, d.status, d.match_field, d.match_value
             FROM indicator_derivation d LEFT JOIN register_type t ON t.id = d.register_type WHERE d.indicator_id = ?1",
            [indicator_id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )
        .optional()?;
    Ok(found.map(
        |(source, register, measure, field, status, match_field, match_value)| Derivation {
            source: match source.as_str() {
                "pairing" => DerivedSource::Pairing,
                "coop_project" => DerivedSource::CoopProject,
                _ => DerivedSource::Register,
            },
            register,
            measure: match measure.as_str() {
                "distinct" => Measure::Distinct,
                "sum" => Measure::Sum,
                _ => Measure::Count,
            },
            field,
            status,
            match_field,
            match_value,
        },
    ))
}

/// Every derived indicator's derivation, by indicator id.
pub(crate) fn read_all(conn: &Connection) -> Result<std::collections::HashMap<String, Derivation>> {
    let mut stmt = conn.prepare("SELECT indicator_id FROM indicator_derivation")?;
    let ids: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = std::collections::HashMap::new();
    for id in ids {
        if let Some(d) = read(conn, &id)? {
            out.insert(id, d);
        }
    }
    Ok(out)
}

impl Ledger {
    pub fn derivation(&self, indicator: &str) -> Result<Option<Derivation>> {
        let ind = lookup_indicator(self.conn(), indicator)?;
        read(self.conn(), &ind.id)
    }
}

impl Writer<'_> {
    /// Makes an indicator derived from a register (Some) or typed again (None). An
    /// indicator with typed entries cannot become derived: its entries would be ignored.
    pub fn set_derivation(&mut self, indicator: &str, d: Option<Derivation>) -> Result<()> {
        let ind = lookup_indicator(self.conn(), indicator)?;
        self.conn().execute(
            "DELETE FROM indicator_derivation WHERE indicator_id = ?1",
            [&ind.id],
        )?;
        let Some(d) = d else { return Ok(()) };
        let entries: i64 = self.conn().query_row(
            "SELECT COUNT(*) FROM progress_entry WHERE indicator_id = ?1",
            [&ind.id],
            |r| r.get(0),
        )?;
        if entries > 0 {
            return Err(LedgerError::Invalid {
                field: "indicator",
                problem: format!("已有 {entries} 条录入的完成值，不能改为由台账统计"),
            });
        }
        parts(&d, self.conn())?; // validates source, register and field
        if let Some(v) = &d.match_value {
            crate::text::optional("match_value", v, crate::text::TextKind::Name)?;
        }
        if d.source != DerivedSource::Register && d.match_field.is_some() {
            return Err(LedgerError::Invalid {
                field: "indicator",
                problem: "只有活动台账可以按字段值筛选".into(),
            });
        }
        let register_id = d
            .register
            .as_deref()
            .map(|r| type_by_key(self.conn(), r))
            .transpose()?
            .map(|t| t.id);
        let source = match d.source {
            DerivedSource::Pairing => "pairing",
            DerivedSource::CoopProject => "coop_project",
            DerivedSource::Register => "register",
        };
        let measure = match d.measure {
            Measure::Count => "count",
            Measure::Distinct => "distinct",
            Measure::Sum => "sum",
        };
        self.conn().execute(
            "INSERT INTO indicator_derivation (indicator_id, source, register_type, measure, field, status, match_field,
                                               match_value, created_at, created_by, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
            rusqlite::params![
                ind.id, source, register_id, measure, d.field, d.status, d.match_field, d.match_value, self.now(),
                self.actor().name
            ],
        )?;
        Ok(())
    }
}
