//! Three ledger files in one temporary folder each, and the steps the test takes on them.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use taizhang_core::evidence::{AttachedTo, EvidenceTarget};
use taizhang_core::exchange::{ExportTarget, ImportReport};
use taizhang_core::register::pairing::{EnterpriseRef, NewPairing, PairingStatus, VillageRef};
use taizhang_core::register::{enterprise::NewEnterprise, village::NewVillage};
use taizhang_core::round::{NewRound, RoundPeriod};
use taizhang_core::{
    Actor, EntryChange, Ledger, LedgerError, NewEntry, NewIndicator, NewTarget, NewUnit, Pacing,
    Period, ProgressQuery, UnitKind,
};
use tempfile::TempDir;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn actor() -> Actor {
    Actor::named("test")
}

/// One installation: a ledger file in a folder of its own (its key and shadows beside it).
pub struct Site {
    pub name: String,
    pub _dir: TempDir,
    pub path: PathBuf,
    pub ledger: Ledger,
}

pub struct World {
    pub dir: TempDir,
    pub city: Site,
}

fn site(name: &str) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taizhang.db");
    let mut ledger = Ledger::open(&path).unwrap();
    ledger.set_today(Some(d("2024-07-15")));
    Site {
        name: name.into(),
        _dir: dir,
        path,
        ledger,
    }
}

impl World {
    /// 临沂市 with 兰山区 and 沂南县, two indicators, a 2024 target for each county.
    pub fn new() -> Self {
        let mut city = site("临沂市");
        city.ledger
            .write(&actor(), |w| {
                let unit = |code: &str, name: &str, kind, parent: Option<&str>| NewUnit {
                    code: code.into(),
                    name: name.into(),
                    name_en: String::new(),
                    kind,
                    parent: parent.map(Into::into),
                };
                w.add_unit(unit("CITY", "临沂市", UnitKind::City, None))?;
                w.add_unit(unit("LS", "兰山区", UnitKind::County, Some("CITY")))?;
                w.add_unit(unit("YN", "沂南县", UnitKind::County, Some("CITY")))?;
                for (code, name) in [("LIN", "结对企业"), ("QTR", "对接活动")] {
                    w.add_indicator(NewIndicator {
                        action: "prosperity".into(),
                        code: code.into(),
                        name: name.into(),
                        name_en: String::new(),
                        measure: "家".into(),
                        headline: false,
                        decimals: 0,
                        pacing: Pacing::Linear,
                    })?;
                }
                for u in ["LS", "YN"] {
                    w.set_target(NewTarget {
                        indicator: "LIN".into(),
                        unit: u.into(),
                        period: Period {
                            start: d("2024-01-01"),
                            end: d("2024-12-31"),
                        },
                        value: 100.0,
                        milestones: Vec::new(),
                        replace_overlapping: false,
                    })?;
                }
                Ok(())
            })
            .unwrap();
        World {
            dir: tempfile::tempdir().unwrap(),
            city,
        }
    }

    pub fn city_entry(&mut self, unit: &str, on: &str, value: f64) -> String {
        let new = NewEntry {
            indicator: "LIN".into(),
            unit: unit.into(),
            occurred_on: d(on),
            value,
            note: String::new(),
        };
        self.city
            .ledger
            .write(&actor(), |w| w.record_entry(new))
            .unwrap()
            .id
    }

    pub fn export_city(&mut self, unit: &str, file: &str) -> PathBuf {
        let out = self.dir.path().join(file);
        self.city
            .ledger
            .exchange_export(&actor(), &ExportTarget::ForUnit(unit.into()), &out)
            .unwrap();
        out
    }

    /// A new county ledger made from the city's bootstrap package.
    pub fn county(&self, name: &str, bootstrap: &Path) -> Site {
        let mut s = site(name);
        let report = s
            .ledger
            .exchange_import(&actor(), bootstrap, false)
            .unwrap();
        assert!(report.bootstrap, "{name}: a bootstrap package");
        s
    }
}

impl Site {
    pub fn import(&mut self, file: &Path) -> Result<ImportReport, LedgerError> {
        self.ledger.exchange_import(&actor(), file, false)
    }

    pub fn export_up(&mut self, dir: &TempDir, file: &str) -> PathBuf {
        let out = dir.path().join(file);
        self.ledger
            .exchange_export(&actor(), &ExportTarget::ToCity, &out)
            .unwrap();
        out
    }

    pub fn entry(&mut self, indicator: &str, on: &str, value: f64) -> String {
        let new = NewEntry {
            indicator: indicator.into(),
            unit: self.name.clone(),
            occurred_on: d(on),
            value,
            note: String::new(),
        };
        self.ledger
            .write(&actor(), |w| w.record_entry(new))
            .unwrap()
            .id
    }

    pub fn try_entry(
        &mut self,
        indicator: &str,
        on: &str,
        value: f64,
    ) -> Result<String, LedgerError> {
        let new = NewEntry {
            indicator: indicator.into(),
            unit: self.name.clone(),
            occurred_on: d(on),
            value,
            note: String::new(),
        };
        self.ledger
            .write(&actor(), |w| w.record_entry(new))
            .map(|e| e.id)
    }

    pub fn edit_entry(&mut self, id: &str, value: f64) {
        let change = EntryChange {
            value: Some(value),
            ..EntryChange::default()
        };
        self.ledger
            .write(&actor(), |w| w.update_entry(id, change))
            .unwrap();
    }

    pub fn correct(&mut self, id: &str, value: f64) {
        self.ledger
            .write(&actor(), |w| w.correct_entry(id, value, "核实后更正"))
            .unwrap();
    }

    pub fn pairing(&mut self, enterprise: &str, village: &str, signed: &str) {
        let county = self.name.clone();
        self.ledger
            .write(&actor(), |w| {
                w.add_pairing(NewPairing {
                    enterprise: EnterpriseRef::New(NewEnterprise {
                        name: enterprise.into(),
                        county: Some(county.clone()),
                        ..Default::default()
                    }),
                    village: VillageRef::New(NewVillage {
                        name: village.into(),
                        township: "某镇".into(),
                        county: county.clone(),
                    }),
                    signed_on: d(signed),
                    unit: None,
                    status: PairingStatus::Active,
                    note: String::new(),
                })
            })
            .unwrap();
    }

    /// Opens the round of `quarter` for every county and locks it at once (forced).
    pub fn lock(&mut self, quarter: &str) {
        let period = RoundPeriod::parse(quarter).unwrap();
        self.ledger
            .write(&actor(), |w| {
                w.open_round(NewRound {
                    period,
                    due_on: d("2024-04-10"),
                    units: Vec::new(),
                })?;
                w.lock_round(period, true, "市里已汇总")
            })
            .unwrap();
    }

    /// A small PNG attached to an entry as its evidence.
    pub fn attach_png(&mut self, entry: &str) {
        let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
        bytes.extend_from_slice(self.name.as_bytes());
        let file = self.path.with_file_name("scan.png");
        std::fs::write(&file, bytes).unwrap();
        let target = EvidenceTarget {
            kind: AttachedTo::Entry,
            id: entry.into(),
        };
        self.ledger
            .attach_evidence(&actor(), &target, &file, "扫描件")
            .unwrap();
    }

    pub fn evidence_of(&self, entry: &str) -> Vec<taizhang_core::evidence::Evidence> {
        let target = EvidenceTarget {
            kind: AttachedTo::Entry,
            id: entry.into(),
        };
        self.ledger.evidence_list(&target).unwrap()
    }

    pub fn add_county(&mut self, code: &str, name: &str) {
        let unit = NewUnit {
            code: code.into(),
            name: name.into(),
            name_en: String::new(),
            kind: UnitKind::County,
            parent: Some("CITY".into()),
        };
        self.ledger.write(&actor(), |w| w.add_unit(unit)).unwrap();
    }

    /// Completed by the end of 2024, the unit's subtree included.
    pub fn completed(&self, indicator: &str, unit: &str) -> f64 {
        let q = ProgressQuery {
            as_of: d("2024-07-15"),
            unit: Some(unit.into()),
            include_subunits: true,
            action: None,
            indicator: Some(indicator.into()),
        };
        self.ledger.progress(&q).unwrap()[0].completed
    }

    pub fn count(&self, table: &str) -> i64 {
        self.query(&format!("SELECT COUNT(*) FROM {table}"))
    }

    pub fn trail(&self) -> i64 {
        self.count("audit")
    }

    pub fn query<T: rusqlite::types::FromSql>(&self, sql: &str) -> T {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    pub fn unit_id(&self, name: &str) -> String {
        self.query(&format!("SELECT id FROM unit WHERE name = '{name}'"))
    }

    pub fn indicator_id(&self, code: &str) -> String {
        self.query(&format!("SELECT id FROM indicator WHERE code = '{code}'"))
    }
}
