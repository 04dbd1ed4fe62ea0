//! 企业 rows: name, credit code, kind, county, contact. An enterprise with the same credit
//! code, or the same name where either has no code, is a duplicate.

use rusqlite::Connection;

use super::catalog::Catalog;
use super::plan::{Item, Parsed, RowKind};
use super::registers::{self, NEW};
use super::rows::RowReader;
use crate::error::Result;
use crate::register::credit_code;
use crate::register::enterprise::{EnterpriseKind, NewEnterprise};
use crate::validate::check_text;

pub(crate) struct Enterprises {
    catalog: Catalog,
    known: registers::Enterprises,
    created: u32,
}

impl Enterprises {
    pub(crate) fn new(conn: &Connection) -> Result<Self> {
        Ok(Self {
            catalog: Catalog::read(conn)?,
            known: registers::Enterprises::read(conn)?,
            created: 0,
        })
    }
}

/// The name and normalised credit code of an enterprise column pair, with problems noted.
pub(crate) fn name_and_code(r: &mut RowReader<'_>) -> (Option<String>, Option<String>) {
    let name = r.required("enterprise").and_then(|n| {
        let checked = check_text("enterprise", &n, 100).map_err(|e| r.rule("enterprise", &e));
        checked.ok()
    });
    let code = r.text("credit_code").and_then(|c| {
        let checked = credit_code::normalise(&c).map_err(|e| r.rule("credit_code", &e));
        checked.ok()
    });
    if let Some(c) = &code {
        r.show("credit_code", c.clone());
    }
    (name, code)
}

/// The enterprise kind in `field` (民营 when blank), an unknown one noted.
pub(crate) fn kind(r: &mut RowReader<'_>, field: &str) -> EnterpriseKind {
    let Some(t) = r.text(field) else {
        return EnterpriseKind::default();
    };
    EnterpriseKind::parse(&t).unwrap_or_else(|| {
        let all: Vec<&str> = EnterpriseKind::ALL.iter().map(|k| k.label_zh()).collect();
        r.problem(
            field,
            format!("「{t}」不是可选的企业类型（{}）", all.join("、")),
        );
        EnterpriseKind::default()
    })
}

impl RowKind for Enterprises {
    fn read(&mut self, r: &mut RowReader<'_>) -> Result<Option<Parsed>> {
        let (name, code) = name_and_code(r);
        let kind = kind(r, "kind");
        let county = r.text("county").and_then(|k| {
            let found = self.catalog.county(&k).map_err(|e| r.rule("county", &e));
            found.ok().map(|u| u.id.clone())
        });
        let contact = r.free_text("contact", crate::text::TextKind::Name);
        let Some(name) = name else { return Ok(None) };
        if !r.ok() {
            return Ok(None);
        }
        let (key, existing) = match self.known.find(&name, code.as_deref()) {
            Some(id) if id.starts_with(NEW) => (id.to_string(), None),
            Some(id) => (
                id.to_string(),
                Some("台账中已有该企业（信用代码或名称相同），不再导入".to_string()),
            ),
            None => {
                self.created += 1;
                (self.known.plan_new(&name, code.as_deref()), None)
            }
        };
        Ok(Some(Parsed {
            key,
            item: Item::Enterprise(Box::new(NewEnterprise {
                name,
                credit_code: code,
                kind,
                county,
                contact,
            })),
            existing,
            creates: Vec::new(),
        }))
    }

    fn new_records(&self) -> (u32, u32) {
        (self.created, 0)
    }
}
