//! Linyi's responsible units (see shared/seed/README.md). Codes of the city, its districts and
//! counties are the national administrative division codes; the functional zones' codes are
//! the ones the city's statistics use; bodies and parties get short pinyin codes.

use crate::model::UnitKind;

/// One of Linyi's responsible units as the sample creates it.
pub struct SampleUnit {
    /// The unit's code (a division code for the city and counties).
    pub code: &'static str,
    /// The unit's Chinese name.
    pub name: &'static str,
    /// The unit's English name.
    pub name_en: &'static str,
    /// What kind of unit it is.
    pub kind: UnitKind,
}

/// The city of Linyi (临沂市), the root of the sample's unit tree.
pub const CITY: SampleUnit = SampleUnit {
    code: "371300",
    name: "临沂市",
    name_en: "Linyi City",
    kind: UnitKind::City,
};

const fn u(
    code: &'static str,
    name: &'static str,
    name_en: &'static str,
    kind: UnitKind,
) -> SampleUnit {
    SampleUnit {
        code,
        name,
        name_en,
        kind,
    }
}

/// Every unit under the city, in display order.
pub const UNITS: &[SampleUnit] = &[
    u("371302", "兰山区", "Lanshan District", UnitKind::County),
    u("371311", "罗庄区", "Luozhuang District", UnitKind::County),
    u("371312", "河东区", "Hedong District", UnitKind::County),
    u("371321", "沂南县", "Yinan County", UnitKind::County),
    u("371322", "郯城县", "Tancheng County", UnitKind::County),
    u("371323", "沂水县", "Yishui County", UnitKind::County),
    u("371324", "兰陵县", "Lanling County", UnitKind::County),
    u("371325", "费县", "Fei County", UnitKind::County),
    u("371326", "平邑县", "Pingyi County", UnitKind::County),
    u("371327", "莒南县", "Junan County", UnitKind::County),
    u("371328", "蒙阴县", "Mengyin County", UnitKind::County),
    u("371329", "临沭县", "Linshu County", UnitKind::County),
    u(
        "371371",
        "临沂高新技术产业开发区",
        "Linyi High-tech Zone",
        UnitKind::Zone,
    ),
    u(
        "371372",
        "临沂经济技术开发区",
        "Linyi Economic Development Zone",
        UnitKind::Zone,
    ),
    u(
        "371373",
        "临沂临港经济开发区",
        "Linyi Lingang Economic Zone",
        UnitKind::Zone,
    ),
    u(
        "tzb",
        "市委统战部",
        "United Front Work Department",
        UnitKind::Department,
    ),
    u(
        "gsl",
        "市工商联",
        "Federation of Industry and Commerce",
        UnitKind::Department,
    ),
    u(
        "ql",
        "市侨联",
        "Returned Overseas Chinese Federation",
        UnitKind::Department,
    ),
    u(
        "omtxh",
        "市欧美同学会",
        "Western Returned Scholars Association",
        UnitKind::Department,
    ),
    u(
        "zjs",
        "市职教社",
        "Vocational Education Society",
        UnitKind::Department,
    ),
    u(
        "mg",
        "民革临沂市委会",
        "RCCK Linyi Committee",
        UnitKind::Party,
    ),
    u(
        "mm",
        "民盟临沂市委会",
        "CDL Linyi Committee",
        UnitKind::Party,
    ),
    u(
        "mj",
        "民建临沂市委会",
        "CNDCA Linyi Committee",
        UnitKind::Party,
    ),
    u(
        "mjin",
        "民进临沂市委会",
        "CAPD Linyi Committee",
        UnitKind::Party,
    ),
    u(
        "ngd",
        "农工党临沂市委会",
        "CPWDP Linyi Committee",
        UnitKind::Party,
    ),
    u(
        "zgd",
        "致公党临沂市委会",
        "CZGP Linyi Committee",
        UnitKind::Party,
    ),
    u(
        "jss",
        "九三学社临沂市委会",
        "Jiusan Society Linyi Committee",
        UnitKind::Party,
    ),
];

/// Which kinds of unit report an action's figures in the sample.
pub fn reporters(action: &str) -> Vec<&'static SampleUnit> {
    let pick = |kinds: &[UnitKind], codes: &[&str]| -> Vec<&'static SampleUnit> {
        UNITS
            .iter()
            .filter(|u| kinds.contains(&u.kind) || codes.contains(&u.code))
            .collect()
    };
    match action {
        "advice" => pick(&[UnitKind::Party, UnitKind::County], &["tzb"]),
        "innovation" => pick(
            &[UnitKind::County, UnitKind::Zone],
            &["omtxh", "zjs", "tzb"],
        ),
        "enterprise" => pick(&[UnitKind::County, UnitKind::Zone], &["gsl"]),
        "investment" => pick(&[UnitKind::County, UnitKind::Zone], &["ql", "gsl", "tzb"]),
        _ => pick(&[UnitKind::County, UnitKind::Zone], &[]),
    }
}
