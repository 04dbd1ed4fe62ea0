//! What a new ledger starts with: the five actions of the release (五大行动).

use crate::model::NewAction;

/// One of the five actions a new ledger is created with.
pub struct DefaultAction {
    /// The action's code (`advice` …).
    pub code: &'static str,
    /// The action's Chinese name.
    pub name: &'static str,
    /// The action's English name.
    pub name_en: &'static str,
    /// A longer description of the action.
    pub description: &'static str,
}

impl DefaultAction {
    /// The action as the input that creates it.
    pub fn to_new(&self) -> NewAction {
        NewAction {
            code: self.code.into(),
            name: self.name.into(),
            name_en: self.name_en.into(),
            description: self.description.into(),
        }
    }
}

/// The five actions of the release (五大行动), in order.
pub const ACTIONS: &[DefaultAction] = &[
    DefaultAction {
        code: "advice",
        name: "建言献策",
        name_en: "Offering advice",
        description: "征集意见建议，报送调研报告和社情民意信息，推动建议转化为工作举措",
    },
    DefaultAction {
        code: "innovation",
        name: "创新创造",
        name_en: "Innovation and creation",
        description: "建设服务站、实践基地、专家服务站，开展政策宣讲与创新创业活动",
    },
    DefaultAction {
        code: "enterprise",
        name: "壮大民企",
        name_en: "Growing private enterprise",
        description: "走访企业和商会，培训企业家，组织路演与政银企对接",
    },
    DefaultAction {
        code: "investment",
        name: "双招双引",
        name_en: "Attracting investment and talent",
        description: "对接500强企业，建设基层统战组织，对接合作项目",
    },
    DefaultAction {
        code: "prosperity",
        name: "共同富裕",
        name_en: "Common prosperity",
        description: "万企兴万村：企业与行政村结对共建，达成村企合作项目",
    },
];
