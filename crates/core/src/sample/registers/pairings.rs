//! The sample's villages, enterprises, pairings and cooperation projects.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::names::{
    pick, random_day, DIRECTIONS, PLACES, SURNAMES, TOWN_HEADS, TOWN_TAILS, TRADES, WORDS,
};
use crate::error::Result;
use crate::ledger::Writer;
use crate::register::credit_code;
use crate::register::enterprise::{EnterpriseKind, NewEnterprise};
use crate::register::pairing::{EnterpriseRef, NewPairing, PairingStatus, VillageRef};
use crate::register::project::{NewProject, ProjectKind, ProjectStatus};
use crate::register::village::NewVillage;
use crate::sample::campaign;
use crate::sample::spread::{apportion, Rng};
use crate::sample::units::{self, SampleUnit};

pub(super) fn write(w: &mut Writer<'_>) -> Result<u32> {
    const ENTERPRISES: usize = 4221;
    const VILLAGES: usize = 3702;
    const PROJECTS: u64 = 4492;
    let mut rng = Rng::new(0xF00D_4221);
    let counties: Vec<&SampleUnit> = units::reporters("prosperity");
    let weights: Vec<f64> = counties
        .iter()
        .map(|u| {
            if u.kind == crate::model::UnitKind::Zone {
                0.3
            } else {
                0.6 + rng.unit()
            }
        })
        .collect();
    let per_county = apportion(VILLAGES as u64, &weights);
    // Villages, each in a county and a township.
    let mut villages: Vec<(usize, String, String)> = Vec::with_capacity(VILLAGES);
    let mut taken: HashSet<(usize, String, String)> = HashSet::new();
    for (ci, n) in per_county.iter().enumerate() {
        let towns: Vec<String> = (0..8)
            .map(|k| {
                format!(
                    "{}{}镇",
                    TOWN_HEADS[(ci * 3 + k * 5) % TOWN_HEADS.len()],
                    TOWN_TAILS[(ci + k) % TOWN_TAILS.len()]
                )
            })
            .collect();
        for _ in 0..*n {
            let town = towns[rng.below(towns.len() as u64) as usize].clone();
            let mut name = format!(
                "{}{}{}村",
                pick(&mut rng, DIRECTIONS),
                pick(&mut rng, SURNAMES),
                pick(&mut rng, PLACES)
            );
            let mut k = 2;
            while taken.contains(&(ci, town.clone(), name.clone())) {
                name = format!(
                    "{}{}{}{}村",
                    pick(&mut rng, DIRECTIONS),
                    pick(&mut rng, SURNAMES),
                    pick(&mut rng, PLACES),
                    ["一", "二", "三", "四", "五"][k % 5]
                );
                k += 1;
            }
            taken.insert((ci, town.clone(), name.clone()));
            villages.push((ci, town, name));
        }
    }
    // Pairings: enterprise i with village i mod V covers every village and every
    // enterprise once; extra pairings add second villages (some since ended).
    let mut village_ids: Vec<Option<String>> = vec![None; VILLAGES];
    let mut enterprise_ids: Vec<Option<String>> = vec![None; ENTERPRISES];
    let mut pairing_ids: Vec<(String, NaiveDate)> = Vec::new();
    let mut rows = 0;
    let mut seen_names: HashSet<String> = HashSet::new();
    let extra = 420;
    for i in 0..ENTERPRISES + extra {
        let (e, v, status) = if i < ENTERPRISES {
            (i, i % VILLAGES, PairingStatus::Active)
        } else {
            let e = rng.below(ENTERPRISES as u64) as usize;
            let v = rng.below(VILLAGES as u64) as usize;
            if v == e % VILLAGES {
                continue;
            }
            (
                e,
                v,
                if rng.below(4) == 0 {
                    PairingStatus::Ended
                } else {
                    PairingStatus::Active
                },
            )
        };
        let (ci, town, vname) = &villages[v];
        let county = counties[*ci];
        let enterprise = match &enterprise_ids[e] {
            Some(id) => EnterpriseRef::Existing { id: id.clone() },
            None => {
                let mut name = format!(
                    "临沂{}{}有限公司（示例）",
                    pick(&mut rng, WORDS),
                    pick(&mut rng, TRADES)
                );
                while !seen_names.insert(name.clone()) {
                    name = format!(
                        "{}{}{}有限公司（示例）",
                        county.name.trim_end_matches(['区', '县']),
                        pick(&mut rng, WORDS),
                        format_args!("{}{}", pick(&mut rng, TRADES), e % 97)
                    );
                }
                let code = (rng.below(100) < 85).then(|| sample_credit_code(&mut rng, county.code));
                EnterpriseRef::New(NewEnterprise {
                    name,
                    credit_code: code,
                    kind: if rng.below(10) == 0 {
                        EnterpriseKind::Individual
                    } else {
                        EnterpriseKind::Private
                    },
                    county: Some(county.code.into()),
                    contact: String::new(),
                })
            }
        };
        let village = match &village_ids[v] {
            Some(id) => VillageRef::Existing { id: id.clone() },
            None => VillageRef::New(NewVillage {
                name: vname.clone(),
                township: town.clone(),
                county: county.code.into(),
            }),
        };
        let signed_on = random_day(&mut rng, campaign().start);
        let p = match w.add_pairing_marked(
            NewPairing {
                enterprise,
                village,
                signed_on,
                unit: None,
                status,
                note: String::new(),
            },
            true,
        ) {
            Ok(p) => p,
            Err(
                crate::LedgerError::Duplicate { .. } | crate::LedgerError::DuplicateField { .. },
            ) if i >= ENTERPRISES => continue,
            Err(e) => return Err(e),
        };
        enterprise_ids[e] = Some(p.enterprise_id.clone());
        village_ids[v] = Some(p.village_id.clone());
        pairing_ids.push((p.id, signed_on));
        rows += 1;
    }
    for k in 0..PROJECTS {
        let (pid, signed) = pairing_ids[((k * 7919) % pairing_ids.len() as u64) as usize].clone();
        let kind = ProjectKind::ALL[rng.below(5) as usize];
        let status = [
            ProjectStatus::Agreed,
            ProjectStatus::InProgress,
            ProjectStatus::Completed,
        ][rng.below(3) as usize];
        w.add_project_marked(
            NewProject {
                pairing: pid,
                name: format!("{}帮扶项目{}", kind.label_zh(), k + 1),
                kind,
                agreed_on: random_day(&mut rng, signed),
                investment: Some(((5.0 + rng.unit() * 495.0) * 10.0).round() / 10.0),
                status,
                beneficiaries: Some(10 + rng.below(290) as u32),
            },
            true,
        )?;
        rows += 1;
    }
    Ok(rows)
}

fn sample_credit_code(rng: &mut Rng, county_code: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let admin = if county_code.len() == 6 && county_code.bytes().all(|b| b.is_ascii_digit()) {
        county_code
    } else {
        "371300"
    };
    let tail: String = (0..7)
        .map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize] as char)
        .collect();
    credit_code::with_check(&format!("91{admin}MA{tail}")).expect("alphabet characters")
}
