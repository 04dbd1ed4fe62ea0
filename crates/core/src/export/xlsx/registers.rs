//! The registers behind the derived figures, dated within the reported period: 结对共建台账,
//! 合作项目台账 and 活动台账 (every activity register in one sheet).

use rust_xlsxwriter::{Workbook, XlsxError};

use super::{page_setup, title_block, Grid, Styles};
use crate::export::summary::Summary;
use crate::register::activity::RegisterType;
use crate::register::pairing::PairingStatus;
use crate::register::project::ProjectStatus;

pub fn sheets(wb: &mut Workbook, s: &Summary, st: &Styles) -> Result<(), XlsxError> {
    let r = &s.registers;
    if let Some(p) = &r.pairings {
        let mut g = Grid::new(wb.add_worksheet());
        g.ws.set_name("结对共建台账")?;
        let headers = [
            "序号",
            "企业",
            "统一社会信用代码",
            "行政村",
            "乡镇（街道）",
            "所属区县",
            "结对时间",
            "责任单位",
            "状态",
            "合作项目数",
            "投资金额（万元）",
        ];
        start(
            &mut g,
            s,
            "结对共建台账（本期结对）",
            &p.indicators,
            p.rows.len(),
            p.total,
            &headers,
            st,
        )?;
        for (i, x) in p.rows.iter().enumerate() {
            let row = HEAD + 1 + i as u32;
            g.number(row, 0, i as f64 + 1.0, &st.int)?;
            g.text(row, 1, &x.enterprise, &st.text)?;
            g.text(row, 2, x.credit_code.as_deref().unwrap_or(""), &st.text)?;
            g.text(row, 3, &x.village, &st.text)?;
            g.text(row, 4, &x.township, &st.text)?;
            g.text(row, 5, &x.county, &st.text)?;
            g.date(row, 6, x.signed_on, &st.date)?;
            g.text(row, 7, &x.unit, &st.text)?;
            let status = match x.status {
                PairingStatus::Active => "结对中",
                PairingStatus::Ended => "已结束",
            };
            g.text(row, 8, status, &st.text)?;
            g.number(row, 9, f64::from(x.projects), &st.int)?;
            g.number(row, 10, x.investment, &st.dec)?;
        }
        end(&mut g)?;
    }
    if let Some(p) = &r.projects {
        let mut g = Grid::new(wb.add_worksheet());
        g.ws.set_name("合作项目台账")?;
        let headers = [
            "序号",
            "项目名称",
            "类型",
            "企业",
            "行政村",
            "所属区县",
            "签约时间",
            "投资金额（万元）",
            "状态",
            "受益人数",
        ];
        start(
            &mut g,
            s,
            "村企合作项目台账（本期签约）",
            &p.indicators,
            p.rows.len(),
            p.total,
            &headers,
            st,
        )?;
        for (i, x) in p.rows.iter().enumerate() {
            let row = HEAD + 1 + i as u32;
            g.number(row, 0, i as f64 + 1.0, &st.int)?;
            g.text(row, 1, &x.name, &st.text)?;
            g.text(row, 2, x.kind.label_zh(), &st.text)?;
            g.text(row, 3, &x.enterprise, &st.text)?;
            g.text(row, 4, &x.village, &st.text)?;
            g.text(row, 5, &x.county, &st.text)?;
            g.date(row, 6, x.agreed_on, &st.date)?;
            g.maybe(row, 7, x.investment, &st.dec)?;
            let status = match x.status {
                ProjectStatus::Agreed => "已签约",
                ProjectStatus::InProgress => "实施中",
                ProjectStatus::Completed => "已完成",
            };
            g.text(row, 8, status, &st.text)?;
            g.maybe(row, 9, x.beneficiaries.map(f64::from), &st.int)?;
        }
        end(&mut g)?;
    }
    if !r.activities.is_empty() {
        let mut g = Grid::new(wb.add_worksheet());
        g.ws.set_name("活动台账")?;
        let headers = ["序号", "台账", "日期", "责任单位", "事项", "状态", "明细"];
        let indicators: Vec<String> = r
            .activities
            .iter()
            .flat_map(|a| a.indicators.clone())
            .collect();
        let shown = r.activities.iter().map(|a| a.rows.len()).sum();
        let total = r.activities.iter().map(|a| a.total).sum();
        start(
            &mut g,
            s,
            "活动台账（本期登记）",
            &indicators,
            shown,
            total,
            &headers,
            st,
        )?;
        let mut row = HEAD;
        for a in &r.activities {
            for x in &a.rows {
                row += 1;
                g.number(row, 0, f64::from(row - HEAD), &st.int)?;
                g.text(row, 1, &a.register.name, &st.text)?;
                g.date(row, 2, x.occurred_on, &st.date)?;
                g.text(row, 3, &x.unit, &st.text)?;
                g.wrapped(row, 4, &x.title, &st.wrap)?;
                let status = x
                    .status
                    .as_deref()
                    .map(|k| status_label(&a.register, k))
                    .unwrap_or_default();
                g.text(row, 5, &status, &st.text)?;
                g.wrapped(row, 6, &details(&a.register, &x.data), &st.wrap)?;
            }
        }
        end(&mut g)?;
    }
    Ok(())
}

const HEAD: u32 = 4;

#[allow(clippy::too_many_arguments)]
fn start(
    g: &mut Grid<'_>,
    s: &Summary,
    title: &str,
    indicators: &[String],
    shown: usize,
    total: u64,
    headers: &[&str],
    st: &Styles,
) -> Result<(), XlsxError> {
    title_block(g, title, s, headers.len() as u16, st)?;
    let mut line = format!("计入指标：{}。本期共{}条", indicators.join("、"), total);
    if (shown as u64) < total {
        line.push_str(&format!("，此处列出前{shown}条"));
    }
    line.push('。');
    g.ws.merge_range(3, 0, 3, headers.len() as u16 - 1, &line, &st.note)?;
    g.header(HEAD, headers, st)
}

fn end(g: &mut Grid<'_>) -> Result<(), XlsxError> {
    g.finish(6.0, 40.0)?;
    g.ws.set_freeze_panes(HEAD + 1, 2)?;
    page_setup(g.ws, HEAD)
}

fn status_label(t: &RegisterType, key: &str) -> String {
    t.statuses
        .iter()
        .find(|s| s.key == key)
        .map_or_else(|| key.to_string(), |s| s.label.clone())
}

/// 走访对象：企业；走访人数：3
fn details(
    t: &RegisterType,
    data: &std::collections::BTreeMap<String, serde_json::Value>,
) -> String {
    t.fields
        .iter()
        .filter_map(|f| {
            let v = data.get(&f.key)?;
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (!text.is_empty()).then(|| format!("{}：{}", f.label, text))
        })
        .collect::<Vec<_>>()
        .join("；")
}
