//! `enterprises list` and `villages list`: the two sides of the pairings, as registered.

use taizhang_core::register::enterprise::EnterpriseFilter;
use taizhang_core::register::village::VillageFilter;

use super::listing;
use crate::args::{CatalogListArgs, Cli};
use crate::db;
use crate::failure::CliResult;
use crate::table::{left, Table};

pub fn enterprises(cli: &Cli, args: &CatalogListArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let page = ledger.enterprises(&EnterpriseFilter {
        search: args.search.clone(),
        county: args.county.clone(),
        limit: listing::limit(&args.list),
        offset: None,
    })?;
    let raw = listing::raw(&args.list);
    listing::print(&args.list, &page, || {
        let mut t = Table::new(vec![
            left("企业", "name"),
            left("统一社会信用代码", "credit_code"),
            left("类型", "kind"),
            left("区县", "county"),
            left("联系方式", "contact"),
            left("ID", "id"),
        ]);
        for e in &page.rows {
            t.push(vec![
                e.name.clone(),
                e.credit_code.clone().unwrap_or_default(),
                if raw {
                    e.kind.as_str()
                } else {
                    e.kind.label_zh()
                }
                .into(),
                e.county.clone().unwrap_or_default(),
                e.contact.clone(),
                e.id.clone(),
            ]);
        }
        t
    })
}

pub fn villages(cli: &Cli, args: &CatalogListArgs) -> CliResult<String> {
    let ledger = db::open_read(cli)?;
    let page = ledger.villages(&VillageFilter {
        search: args.search.clone(),
        county: args.county.clone(),
        limit: listing::limit(&args.list),
        offset: None,
    })?;
    listing::print(&args.list, &page, || {
        let mut t = Table::new(vec![
            left("区县", "county"),
            left("乡镇（街道）", "township"),
            left("行政村（社区）", "name"),
            left("ID", "id"),
        ]);
        for v in &page.rows {
            t.push(vec![
                v.county.clone(),
                v.township.clone(),
                v.name.clone(),
                v.id.clone(),
            ]);
        }
        t
    })
}
