//! Chinese as a work summary writes it: figures without thousands separators (4221家) and in
//! 万 when large, dates as 2024年6月30日, quarters as 2024年第二季度, 一、二、 numbering.

use chrono::{Datelike, NaiveDate};

use crate::model::Period;
use crate::pacing::Quarter;
use crate::progress::round_to;

/// The campaign the summaries report on (the release's wording).
pub const CAMPAIGN: &str = "统一战线服务现代化强市建设“五大行动”";

/// 临沂市统一战线服务现代化强市建设“五大行动”2024年第二季度工作进展情况; for one action:
/// 临沂市统一战线“共同富裕”行动2024年第二季度工作进展情况.
pub fn title(scope: &str, action: Option<&str>, q: Quarter) -> String {
    match action {
        None => format!("{scope}{CAMPAIGN}{}工作进展情况", quarter_zh(q)),
        Some(a) => format!("{scope}统一战线“{a}”行动{}工作进展情况", quarter_zh(q)),
    }
}

/// 一 … 九十九 (section numbers).
pub fn cn_number(n: usize) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            D[n / 10],
            if n.is_multiple_of(10) { "" } else { D[n % 10] }
        ),
        _ => n.to_string(),
    }
}

/// 2024年第二季度
pub fn quarter_zh(q: Quarter) -> String {
    format!("{}年第{}季度", q.year(), cn_number(usize::from(q.q())))
}

/// 2024年6月30日
pub fn date_zh(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// 2024年4月1日至6月30日 (the year once when both ends share it).
pub fn period_zh(p: &Period) -> String {
    if p.start.year() == p.end.year() {
        format!("{}至{}月{}日", date_zh(p.start), p.end.month(), p.end.day())
    } else {
        format!("{}至{}", date_zh(p.start), date_zh(p.end))
    }
}

/// A number as prose writes it: 4221, 12.5, 1.23万 from 10000 on.
pub fn number(v: f64, decimals: u8) -> String {
    if v.abs() >= 10_000.0 {
        return format!("{}万", trim(round_to(v / 10_000.0, 2), 2));
    }
    trim(round_to(v, decimals), decimals)
}

/// 4221家, 1400人次; an amount in 万元 of 10000 or more becomes 亿元.
pub fn figure(v: f64, decimals: u8, measure: &str) -> String {
    if let Some(rest) = measure.strip_prefix('万') {
        if v.abs() >= 10_000.0 {
            return format!("{}亿{rest}", trim(round_to(v / 10_000.0, 2), 2));
        }
    }
    format!("{}{measure}", number(v, decimals))
}

/// 84.4%
pub fn percent(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}

/// Without trailing zeros: 12.50 → 12.5, 3.00 → 3.
fn trim(v: f64, decimals: u8) -> String {
    let s = format!("{:.*}", usize::from(decimals), v);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Verbs an indicator's name may start with: the clause is the name and the figure
/// (走访企业1234家).
const VERBS: &[&str] = &[
    "培训", "走访", "征集", "报送", "开展", "召开", "举办", "建立", "建设", "设立", "成立", "打造",
    "对接", "拜访", "接待", "邀请", "聘请", "选聘", "组建", "达成", "服务", "推动", "动员", "缔结",
    "摸排", "落实", "组织", "发出", "形成", "承办", "促成", "引进", "招引", "帮扶", "吸纳", "提供",
    "发放", "完成", "新增", "累计", "参与", "培育", "推荐", "解决", "化解", "办理", "收集", "撰写",
    "提交", "提出", "发布", "刊发", "签约", "签订", "实施", "帮助", "慰问", "捐赠", "资助", "吸引",
    "联系", "调研", "考察", "选派", "发展",
];

/// Names that read with the figure first: 630篇被…采用, 3篇获…签批, 320条建议转化为….
const NUMBER_FIRST: &[&str] = &["获", "被", "建议"];

/// Name endings and the verb the release puts before such a noun, first match wins.
const ENDINGS: &[(&str, &str)] = &[
    ("论坛", "举办"),
    ("大会", "举办"),
    ("推介会", "举办"),
    ("交流会", "举办"),
    ("发布会", "举办"),
    ("报告会", "举办"),
    ("洽谈会", "举办"),
    ("协商会", "召开"),
    ("座谈会", "召开"),
    ("恳谈会", "召开"),
    ("会议", "召开"),
    ("活动", "开展"),
    ("路演", "开展"),
    ("沙龙", "开展"),
    ("谈话", "开展"),
    ("宣讲", "开展"),
    ("讲座", "开展"),
    ("组织", "建设"),
    ("服务站", "建立"),
    ("工作站", "建立"),
    ("工作室", "建立"),
    ("基地", "建立"),
    ("平台", "建立"),
    ("中心", "建立"),
    ("孵化器", "建立"),
    ("阵地", "建立"),
    ("驿站", "建立"),
    ("之家", "建立"),
    ("站", "建立"),
    ("品牌", "打造"),
    ("队伍", "组建"),
    ("大使", "聘请"),
    ("监督员", "选聘"),
    ("体验官", "选聘"),
    ("联络员", "选聘"),
    ("线索", "摸排"),
    ("计划", "落实"),
    ("合作项目", "达成"),
];

/// One clause of a sentence: an optional leading verb and the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// The leading verb (建立, 培训 …), when the indicator's name has one.
    pub verb: Option<String>,
    /// The rest of the clause: the object and the figure with its measure.
    pub rest: String,
}

impl Clause {
    /// The clause as written: the verb, then the rest.
    pub fn text(&self) -> String {
        format!("{}{}", self.verb.as_deref().unwrap_or(""), self.rest)
    }
}

/// The clause an indicator and its figure make, in the release's manner: 建立新阶层服务站132处,
/// 培训企业家1400人次, 630篇被中央统战部、各级政协等采用, 召开党外人士协商会、座谈会25次.
pub fn clause(name: &str, fig: &str) -> Clause {
    let name = name.trim();
    if NUMBER_FIRST.iter().any(|p| name.starts_with(p)) {
        return Clause {
            verb: None,
            rest: format!("{fig}{name}"),
        };
    }
    // A verb followed by nothing but a noun ending is a compound noun: 培训基地, 服务站.
    let verb = VERBS
        .iter()
        .find(|v| name.starts_with(*v))
        .filter(|v| !ENDINGS.iter().any(|(end, _)| name[v.len()..] == **end));
    if let Some(v) = verb {
        return Clause {
            verb: Some(v.to_string()),
            rest: format!("{}{fig}", &name[v.len()..]),
        };
    }
    // Match endings on the name without a trailing note in brackets: 计划（连续三年）.
    let bare = match name.rfind('（') {
        Some(i) if name.ends_with('）') && i > 0 => &name[..i],
        _ => name,
    };
    match ENDINGS.iter().find(|(end, _)| bare.ends_with(end)) {
        Some((_, verb)) => Clause {
            verb: Some(verb.to_string()),
            rest: format!("{name}{fig}"),
        },
        None => Clause {
            verb: None,
            rest: format!("{name}{fig}"),
        },
    }
}

/// Joins clauses with "，", folding neighbours that share a verb into one:
/// 走访企业1234家、商会201家.
pub fn join(clauses: &[Clause]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut last: Option<&Clause> = None;
    for c in clauses {
        let fold = last.is_some_and(|l| {
            l.verb.is_some() && l.verb == c.verb && !l.rest.contains('、') && !c.rest.contains('、')
        });
        match parts.last_mut() {
            Some(p) if fold => {
                p.push('、');
                p.push_str(&c.rest);
            }
            _ => parts.push(c.text()),
        }
        last = Some(c);
    }
    parts.join("，")
}

/// Sentences of at most `per` clause groups each, every one ending in "。".
/// A clause that starts with its figure (630篇被…采用) continues the one before it and is
/// never the first of a sentence.
pub fn sentences(clauses: &[Clause], per: usize) -> Vec<String> {
    let mut groups: Vec<Vec<Clause>> = Vec::new();
    for c in clauses {
        let continues = c.verb.is_none() && c.rest.starts_with(|ch: char| ch.is_ascii_digit());
        match groups.last_mut() {
            Some(g) if continues || g.len() < per.max(1) => g.push(c.clone()),
            _ => groups.push(vec![c.clone()]),
        }
    }
    groups.iter().map(|g| format!("{}。", join(g))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_as_prose_writes_them() {
        let cases = [
            (4221.0, 0, "家", "4221家"),
            (1400.0, 0, "人次", "1400人次"),
            (12.5, 2, "万元", "12.5万元"),
            (25_000.0, 2, "万元", "2.5亿元"),
            (123_456.0, 0, "人", "12.35万人"),
            (3.0, 2, "个", "3个"),
        ];
        for (v, d, m, want) in cases {
            let got = figure(v, d, m);
            assert_eq!(got, want, "figure({v}, {d}, {m}): got {got}, want {want}");
        }
    }

    #[test]
    fn clauses_read_like_the_release() {
        let cases = [
            ("新阶层服务站", "132处", "建立新阶层服务站132处"),
            ("培训企业家", "1400人次", "培训企业家1400人次"),
            (
                "被中央统战部、各级政协等采用",
                "630篇",
                "630篇被中央统战部、各级政协等采用",
            ),
            (
                "建议转化为市委、市政府具体工作举措",
                "320条",
                "320条建议转化为市委、市政府具体工作举措",
            ),
            (
                "党外人士协商会、座谈会",
                "25次",
                "召开党外人士协商会、座谈会25次",
            ),
            ("海归创新创业论坛", "18场次", "举办海归创新创业论坛18场次"),
            (
                "政企沟通协商计划（连续三年）",
                "42项",
                "落实政企沟通协商计划（连续三年）42项",
            ),
            ("基层统战组织", "384个", "建设基层统战组织384个"),
            ("临沂招商大使", "35名", "聘请临沂招商大使35名"),
            ("孵化器首批入园项目", "10个", "孵化器首批入园项目10个"),
            ("培训基地", "3个", "建立培训基地3个"),
            ("走访商会", "201家", "走访商会201家"),
        ];
        for (name, fig, want) in cases {
            let got = clause(name, fig).text();
            assert_eq!(got, want, "clause({name}): got {got}, want {want}");
        }
    }

    #[test]
    fn neighbours_sharing_a_verb_fold() {
        let c = [
            clause("走访企业", "1234家"),
            clause("走访商会", "201家"),
            clause("培训企业家", "1400人次"),
        ];
        let got = join(&c);
        assert_eq!(
            got, "走访企业1234家、商会201家，培训企业家1400人次",
            "got {got}"
        );
    }

    #[test]
    fn a_clause_led_by_its_figure_stays_in_the_sentence_before() {
        let c = [
            clause("征集意见建议", "470条"),
            clause("报送调研报告、社情民意信息", "1100篇"),
            clause("被中央统战部、各级政协等采用", "630篇"),
            clause("获国家领导人签批", "3篇"),
            clause("新阶层服务站", "132处"),
        ];
        let got = sentences(&c, 2);
        let want = [
            "征集意见建议470条，报送调研报告、社情民意信息1100篇，630篇被中央统战部、各级政协等采用，3篇获国家领导人签批。",
            "建立新阶层服务站132处。",
        ];
        assert_eq!(got, want, "sentences");
    }

    #[test]
    fn numbering_and_dates() {
        let cases = [
            (1, "一"),
            (5, "五"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (31, "三十一"),
        ];
        for (n, want) in cases {
            assert_eq!(cn_number(n), want, "cn_number({n})");
        }
        let q = Quarter::new(2024, 2).unwrap();
        assert_eq!(quarter_zh(q), "2024年第二季度");
        assert_eq!(period_zh(&q.period()), "2024年4月1日至6月30日");
    }
}
