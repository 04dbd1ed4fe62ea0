//! The 万企兴万村 family of indicators, written as the release writes it: 累计动员4221家企业与
//! 3702个行政村结对共建，达成合作项目4492个.

use super::text::fig;
use crate::export::prose::Clause;
use crate::export::summary::IndicatorLine;
use crate::register::derive::{DerivedSource, Measure};

/// The 万企兴万村 lines of an action: enterprises paired, villages paired, and projects.
pub(super) struct Pairing<'a> {
    pub enterprises: &'a IndicatorLine,
    pub villages: &'a IndicatorLine,
    pub projects: Option<&'a IndicatorLine>,
}

pub(super) fn pairing_lines(lines: &[IndicatorLine]) -> Option<Pairing<'_>> {
    let field_is = |l: &IndicatorLine, f: &str| {
        l.row
            .derivation
            .as_ref()
            .is_some_and(|d| d.source == DerivedSource::Pairing && d.field.as_deref() == Some(f))
    };
    let named = |l: &IndicatorLine, word: &str| {
        l.row.indicator.contains("结对") && l.row.indicator.contains(word)
    };
    let enterprises = lines
        .iter()
        .find(|l| field_is(l, "enterprise_id") || (named(l, "企业") && l.row.measure == "家"))?;
    let villages = lines
        .iter()
        .find(|l| field_is(l, "village_id") || named(l, "村"))?;
    let projects =
        lines.iter().find(|l| {
            l.row.derivation.as_ref().is_some_and(|d| {
                d.source == DerivedSource::CoopProject && d.measure == Measure::Count
            }) || (l.row.indicator.contains("村企") && l.row.indicator.contains("合作项目"))
        });
    Some(Pairing {
        enterprises,
        villages,
        projects,
    })
}

impl Pairing<'_> {
    pub fn ids(&self) -> Vec<&str> {
        let mut v = vec![
            self.enterprises.row.indicator_id.as_str(),
            self.villages.row.indicator_id.as_str(),
        ];
        v.extend(self.projects.map(|p| p.row.indicator_id.as_str()));
        v
    }

    /// 累计动员4221家企业与3702个行政村结对共建，达成合作项目4492个
    pub fn clauses(&self, value: impl Fn(&IndicatorLine) -> f64, prefix: &str) -> Vec<Clause> {
        let (e, v) = (self.enterprises, self.villages);
        let mut out = vec![Clause {
            verb: None,
            rest: format!(
                "{prefix}动员{}企业与{}行政村结对共建",
                fig(&e.row, value(e)),
                fig(&v.row, value(v))
            ),
        }];
        if let Some(p) = self.projects {
            out.push(Clause {
                verb: Some("达成".into()),
                rest: format!("合作项目{}", fig(&p.row, value(p))),
            });
        }
        out
    }
}
