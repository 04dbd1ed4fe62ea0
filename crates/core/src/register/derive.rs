//! Derived indicators: an indicator's completed value computed from a register (count of
//! rows, count of distinct values, sum of a field), filtered by status and by date.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::activity::type_by_key;
use crate::error::{LedgerError, Result};
use crate::ledger::{lookup_indicator, Ledger, Writer};

/// The register a derived indicator's value is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DerivedSource {
    /// The pairings (结对).
    Pairing,
    /// The cooperation projects (合作项目).
    CoopProject,
    /// An activity register, named by `Derivation::register`.
    Register,
}

/// How a derived indicator's value is computed from the source's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// The number of rows.
    Count,
    /// The number of distinct values of `Derivation::field`.
    Distinct,
    /// The sum of `Derivation::field`.
    Sum,
}

/// How an indicator is derived. Fields: for pairings `enterprise_id` or `village_id`
/// (distinct); for projects `investment` or `beneficiaries` (sum), `pairing_id` (distinct);
/// for activity registers a field key of the type (or `title`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Derivation {
    /// The register the rows come from.
    pub source: DerivedSource,
    /// Register type code, when the source is an activity register.
    pub register: Option<String>,
    /// Whether rows are counted, distinct values counted, or a field summed.
    pub measure: Measure,
    /// The field counted distinct or summed; None when rows are counted.
    pub field: Option<String>,
    /// Only rows in this status, when given.
    pub status: Option<String>,
    /// Only activity rows whose data field of this key equals `match_value`.
    pub match_field: Option<String>,
    /// The value `match_field` must equal.
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

/// Where the rows come from, which date column windows them, the SQL of a field, and the
/// values its SQL binds. Nothing a person or a register type defines is pasted into the
/// SQL: the register's type id is `:type_id` and a field's JSON path `:field_path`.
struct Parts {
    source: &'static str,
    date_col: &'static str,
    status_col: &'static str,
    field: Option<&'static str>,
    type_id: Option<String>,
    field_path: Option<String>,
}

fn parts(d: &Derivation, conn: &Connection) -> Result<Parts> {
    let field_sql =
        |allowed: &[&'static str], qualified: &[&'static str]| -> Result<Option<&'static str>> {
            match d.field.as_deref() {
                None => Ok(None),
                Some(f) => match allowed.iter().position(|a| *a == f) {
                    Some(i) => Ok(Some(qualified[i])),
                    None => Err(LedgerError::Invalid {
                        field: "indicator",
                        problem: format!("不能按字段「{f}」统计"),
                    }),
                },
            }
        };
    Ok(match d.source {
        DerivedSource::Pairing => Parts {
            source: "pairing p",
            date_col: "p.signed_on",
            status_col: "p.status",
            field: field_sql(PAIRING_FIELDS, &["p.enterprise_id", "p.village_id"])?,
            type_id: None,
            field_path: None,
        },
        DerivedSource::CoopProject => Parts {
            source: "coop_project x JOIN pairing p ON p.id = x.pairing_id",
            date_col: "x.agreed_on",
            status_col: "x.status",
            field: field_sql(
                PROJECT_FIELDS,
                &["x.investment_yuan", "x.beneficiaries", "x.pairing_id"],
            )?,
            type_id: None,
            field_path: None,
        },
        DerivedSource::Register => {
            let key = d.register.as_deref().unwrap_or_default();
            let t = type_by_key(conn, key)?;
            let (field, field_path) = match d.field.as_deref() {
                None => (None, None),
                Some("title") => (Some("r.title"), None),
                Some(f) if t.fields.iter().any(|x| x.key == f) => (
                    Some("json_extract(r.data, :field_path)"),
                    Some(format!("$.{f}")),
                ),
                Some(f) => {
                    return Err(LedgerError::Invalid {
                        field: "indicator",
                        problem: format!("「{}」没有字段「{f}」", t.name),
                    })
                }
            };
            Parts {
                source: "register_row r JOIN unit p ON p.id = r.unit_id AND r.type_id = :type_id",
                date_col: "r.occurred_on",
                status_col: "r.status",
                field,
                type_id: Some(t.id),
                field_path,
            }
        }
    })
}

/// A derivation's SQL: the aggregate of its measure, the rows it reads (FROM … WHERE: dated
/// rows of its status and its field match), the unit and day columns, with the values every
/// form of it binds (a statement binds those it names).
pub(crate) struct Query {
    pub(crate) agg: String,
    /// The measured field's SQL, for a count of distinct values.
    pub(crate) field: Option<&'static str>,
    pub(crate) rows: String,
    pub(crate) unit_col: &'static str,
    /// The day a row counts on.
    pub(crate) date_col: &'static str,
    type_id: Option<String>,
    field_path: Option<String>,
    match_path: Option<String>,
}

impl Query {
    pub(crate) fn new(conn: &Connection, d: &Derivation) -> Result<Self> {
        let p = parts(d, conn)?;
        let agg = match (d.measure, p.field) {
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
            "AND (:match_path IS NULL OR json_extract(r.data, :match_path) = :match_value)"
        } else {
            ""
        };
        let (source, date_col, status_col) = (p.source, p.date_col, p.status_col);
        Ok(Self {
            agg,
            field: p.field,
            rows: format!(
                "FROM {source} WHERE {date_col} IS NOT NULL
                   AND (:status IS NULL OR {status_col} = :status) {match_clause}"
            ),
            unit_col,
            date_col,
            type_id: p.type_id,
            field_path: p.field_path,
            match_path: d.match_field.as_deref().map(|f| format!("$.{f}")),
        })
    }

    /// Prepares `sql` (a form of this query) and binds the values it names.
    pub(crate) fn bind<'c>(
        &self,
        conn: &'c Connection,
        sql: &str,
        d: &Derivation,
    ) -> Result<rusqlite::CachedStatement<'c>> {
        let mut stmt = conn.prepare_cached(sql)?;
        let values: [(&str, &dyn rusqlite::ToSql); 5] = [
            (":status", &d.status),
            (":match_path", &self.match_path),
            (":match_value", &d.match_value),
            (":type_id", &self.type_id),
            (":field_path", &self.field_path),
        ];
        for (name, value) in values {
            if let Some(i) = stmt.parameter_index(name)? {
                stmt.raw_bind_parameter(i, value)?;
            }
        }
        Ok(stmt)
    }
}

/// The earliest date of a row the derivation counts (where a trend without a target starts).
pub fn first_date(conn: &Connection, d: &Derivation) -> Result<Option<NaiveDate>> {
    let p = parts(d, conn)?;
    let sql = format!("SELECT MIN({}) FROM {}", p.date_col, p.source);
    let mut stmt = conn.prepare_cached(&sql)?;
    if let Some(i) = stmt.parameter_index(":type_id")? {
        stmt.raw_bind_parameter(i, &p.type_id)?;
    }
    let mut rows = stmt.raw_query();
    let row = rows.next()?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
    Ok(row.get(0)?)
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
    /// How an indicator (id, code or name) is derived from a register; None when it is typed.
    pub fn derivation(&self, indicator: &str) -> Result<Option<Derivation>> {
        let ind = lookup_indicator(self.conn(), indicator)?;
        read(self.conn(), &ind.id)
    }

    /// Every derived indicator's id and derivation, by indicator id; typed indicators are absent.
    pub fn derivations(&self) -> Result<Vec<(String, Derivation)>> {
        let mut all: Vec<_> = read_all(self.conn())?.into_iter().collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(all)
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
