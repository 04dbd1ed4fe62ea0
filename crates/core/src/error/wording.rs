//! How error messages word what they name: a field's Chinese label, numbers as typed or
//! grouped, an indicator's smallest step, an import's first problem.

/// "第一处：…" for an import's rejection message.
pub(super) fn first_problem(problems: &[crate::import::ImportProblem]) -> String {
    problems.first().map_or_else(String::new, |p| {
        let sheet = if p.sheet.is_empty() {
            String::new()
        } else {
            format!("工作表「{}」", p.sheet)
        };
        format!("第一处：{sheet}{}", p.message)
    })
}

/// A value as typed: 1e15 rather than 1000000000000000, 0.5 as 0.5.
pub(super) fn plain_number(v: f64) -> String {
    if v != 0.0 && (v.abs() >= 1e12 || v.abs() < 1e-4) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// 1,000,000,000 (decimals kept as they are).
pub(crate) fn grouped(v: f64) -> String {
    let text = format!("{v}");
    let (whole, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let digits: Vec<char> = whole.chars().collect();
    let mut out = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && c.is_ascii_digit() {
            out.push(',');
        }
        out.push(*c);
    }
    match frac {
        Some(f) => format!("{out}.{f}"),
        None => out,
    }
}

/// The indicator's smallest step: 1 for whole numbers, 0.01 for two decimals.
pub(super) fn smallest_step(decimals: u8) -> String {
    if decimals == 0 {
        "1".into()
    } else {
        format!("0.{}1", "0".repeat(usize::from(decimals) - 1))
    }
}

/// The Chinese label of an input field, as a clerk sees it on the form.
pub fn field_label(field: &str) -> &str {
    match field {
        "value" => "数值",
        "target" => "目标值",
        "occurred_on" => "日期",
        "period_start" => "开始日期",
        "period_end" => "结束日期",
        "indicator" => "指标",
        "unit" => "责任单位",
        "action" => "行动",
        "name" => "名称",
        "code" => "编码",
        "measure" => "计量单位",
        "decimals" => "小数位数",
        "parent" => "上级单位",
        "note" => "备注",
        "due_on" => "节点日期",
        "slightly_behind_threshold" => "稍慢阈值",
        "credit_code" => "统一社会信用代码",
        "enterprise" => "企业",
        "village" => "行政村",
        "township" => "乡镇（街道）",
        "county" => "所属区县",
        "signed_on" => "结对时间",
        "agreed_on" => "签约时间",
        "investment" => "投资金额",
        "beneficiaries" => "受益人数",
        "pairing" => "结对关系",
        "title" => "事项",
        "status" => "状态",
        "as_of" => "截至日期",
        "quarter" => "季度",
        "reason" => "滞后原因",
        "measures" => "整改措施",
        "login" => "登录名",
        "display_name" => "姓名",
        "password" => "密码",
        "old" => "原密码",
        "new" => "新密码",
        "role" => "角色",
        "name_en" => "英文名称",
        "description" => "说明",
        "contact" => "联系人",
        "max_value" => "合理上限",
        "match_value" => "匹配值",
        "label" => "字段名称",
        "due" => "报送截止日期",
        "return_reason" => "退回原因",
        "lock_reason" => "锁定原因",
        "unlock_reason" => "解锁原因",
        "correction_reason" => "更正原因",
        "fields" => "台账字段",
        "statuses" => "台账状态",
        other => other,
    }
}
