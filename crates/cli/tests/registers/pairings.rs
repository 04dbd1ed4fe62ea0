//! Listing and adding pairings, the figures they move, and refusals.

use crate::common::*;

#[test]
fn sample_registers_list_with_the_release_totals() {
    let ws = sample();
    let out = ws
        .run(&[
            "pairings", "list", "--status", "active", "--limit", "0", "--format", "json",
        ])
        .ok("pairings list");
    let page = json(&out.stdout);
    let rows = page["rows"].as_array().expect("rows");
    assert_eq!(
        page["total"].as_u64(),
        Some(rows.len() as u64),
        "--limit 0 lists every active pairing"
    );
    let distinct = |key: &str| {
        let mut ids: Vec<&str> = rows.iter().map(|r| r[key].as_str().unwrap()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    assert_eq!(
        distinct("enterprise_id"),
        4221,
        "distinct enterprises paired"
    );
    assert_eq!(distinct("village_id"), 3702, "distinct villages paired");
    assert!(
        rows.iter().all(|r| r["status"] == "active"),
        "--status active lists only active pairings"
    );
    // (listing, its total)
    let cases: [(&[&str], u64); 6] = [
        (&["enterprises", "list"], 4221),
        (&["villages", "list"], 3702),
        (&["projects", "list"], 4492),
        (
            &["register", "list", "--type", "report", "--status", "已采用"],
            630,
        ),
        (
            &[
                "register", "list", "--type", "report", "--status", "adopted",
            ],
            630,
        ),
        (
            &[
                "register",
                "list",
                "--type",
                "visit",
                "--match",
                "走访对象=企业",
            ],
            1234,
        ),
    ];
    for (args, want) in cases {
        let got = total(&ws, args);
        assert_eq!(got, want, "{args:?}: total {got}, want {want}");
    }
    let by_county: u64 = ["兰山区", "罗庄区", "河东区"]
        .iter()
        .map(|c| total(&ws, &["pairings", "list", "--unit", c]))
        .sum();
    let all = total(&ws, &["pairings", "list"]);
    assert!(
        by_county > 0 && by_county < all,
        "--unit narrows the list: {by_county} of {all}"
    );
    let june = json(
        &ws.run(&[
            "pairings",
            "list",
            "--from",
            "2024-06-01",
            "--to",
            "2024/6/30",
            "--limit",
            "0",
            "--format",
            "json",
        ])
        .ok("pairings in June")
        .stdout,
    );
    let dates: Vec<&str> = june["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["signed_on"].as_str().unwrap())
        .collect();
    assert!(
        !dates.is_empty()
            && dates
                .iter()
                .all(|d| ("2024-06-01"..="2024-06-30").contains(d)),
        "--from/--to keep June's pairings only, got {} rows from {:?} to {:?}",
        dates.len(),
        dates.last(),
        dates.first()
    );
}

#[test]
fn listings_print_tables_and_csv() {
    let ws = sample();
    // (command, a heading the table has, the CSV header)
    let cases: [(&[&str], &str, &str); 6] = [
        (
            &["pairings", "list"],
            "统一社会信用代码",
            "signed_on,enterprise,credit_code,village,county,unit,status,projects,investment,id",
        ),
        (
            &["projects", "list"],
            "投资（万元）",
            "agreed_on,name,kind,enterprise,village,county,investment,beneficiaries,status,id",
        ),
        (
            &["enterprises", "list"],
            "企业",
            "name,credit_code,kind,county,contact,id",
        ),
        (
            &["villages", "list"],
            "乡镇（街道）",
            "county,township,name,id",
        ),
        (
            &["register", "list", "--type", "training"],
            "培训人次",
            "occurred_on,unit,title,participants,hours,id",
        ),
        (
            &["register", "types"],
            "字段（* 为必填）",
            "code,name,action,fields,statuses",
        ),
    ];
    for (args, heading, header) in cases {
        let mut table_args = args.to_vec();
        table_args.extend(["--limit", "3"]);
        if args[0] == "register" && args[1] == "types" {
            table_args.truncate(2);
        }
        let table = ws.run(&table_args).ok("table").stdout;
        let first = table.lines().next().unwrap_or_default();
        assert!(
            first.contains(heading),
            "{args:?}: headings {first:?} should contain {heading:?}"
        );
        let mut csv_args = args.to_vec();
        csv_args.extend(["--format", "csv"]);
        let csv = ws.run(&csv_args).ok("csv").stdout;
        assert_eq!(csv.lines().next(), Some(header), "{args:?}: CSV header");
    }
    let table = ws
        .run(&["pairings", "list", "--limit", "3"])
        .ok("pairings")
        .stdout;
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines.len(),
        6,
        "headings, rule, 3 rows, count; got:\n{table}"
    );
    assert!(
        lines[5].starts_with("共 ") && lines[5].contains("显示前 3 条"),
        "the last line says how many match, got {:?}",
        lines[5]
    );
    let csv = ws
        .run(&[
            "pairings", "list", "--status", "ended", "--limit", "1", "--format", "csv",
        ])
        .ok("csv")
        .stdout;
    assert!(
        csv.lines().nth(1).is_some_and(|l| l.contains(",ended,")),
        "CSV gives the status code, got:\n{csv}"
    );
}

#[test]
fn a_new_enterprise_counts_once_however_many_villages_it_pairs() {
    let ws = sample();
    let code = credit_code::with_check("91371302MA3C12345").unwrap();
    let gf01 = completed(&ws, "GF01");
    let gf02 = completed(&ws, "GF02");
    assert_eq!(gf01, 4221.0, "the sample's enterprises in active pairings");
    let before = counts(&ws);
    // (what, enterprise, its options, village, GF01 change, GF02 change, [pairings,
    // enterprises, villages] change, what the output says about enterprise and village)
    type Case<'a> = (
        &'a str,
        &'a str,
        Vec<&'a str>,
        &'a str,
        f64,
        f64,
        [u64; 3],
        [&'a str; 2],
    );
    let cases: [Case; 4] = [
        (
            "a new enterprise with a new village",
            "临沂测试新材料有限公司",
            vec!["--credit-code", &code, "--enterprise-county", "兰山区"],
            "测试东村",
            1.0,
            1.0,
            [1, 1, 1],
            ["企业：新登记", "行政村：新登记"],
        ),
        (
            "the same enterprise by its normalised name, another new village",
            " 临沂测试新材料　有限公司 ",
            vec![],
            "测试西村",
            0.0,
            1.0,
            [1, 0, 1],
            ["企业：沿用已登记", "行政村：新登记"],
        ),
        (
            "the same enterprise by its credit code under another name",
            "测试新材料",
            vec!["--credit-code", &code],
            "测试南村",
            0.0,
            1.0,
            [1, 0, 1],
            ["企业：沿用已登记", "行政村：新登记"],
        ),
        (
            "another new enterprise with a village already registered",
            "临沂另一家测试公司",
            vec![],
            " 测试东村",
            1.0,
            0.0,
            [1, 1, 0],
            ["企业：新登记", "行政村：沿用已登记"],
        ),
    ];
    let mut want = before;
    let (mut want01, mut want02) = (gf01, gf02);
    for (what, enterprise, extra, village, d01, d02, delta, says) in cases {
        let out = add_pairing(&ws, enterprise, &extra, village).ok(what);
        for s in says {
            assert!(
                out.stdout.contains(s),
                "{what}: want {s:?} in:\n{}",
                out.stdout
            );
        }
        want01 += d01;
        want02 += d02;
        for (w, d) in want.iter_mut().zip(delta) {
            *w += d;
        }
        assert_eq!(completed(&ws, "GF01"), want01, "{what}: GF01");
        assert_eq!(completed(&ws, "GF02"), want02, "{what}: GF02");
        assert_eq!(
            counts(&ws),
            want,
            "{what}: [pairings, enterprises, villages, projects]"
        );
    }
    let listed = json(
        &ws.run(&[
            "pairings",
            "list",
            "--search",
            "测试新材料",
            "--format",
            "json",
        ])
        .ok("search")
        .stdout,
    );
    assert_eq!(
        listed["total"], 3,
        "three pairings of the new enterprise: {listed}"
    );
    assert!(
        listed["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["credit_code"] == code.as_str() && r["unit"] == "兰山区"),
        "every pairing carries the enterprise's code and defaults to the village's county"
    );
}

#[test]
fn ending_a_pairing_takes_its_enterprise_out_of_the_count() {
    let ws = sample();
    let out = add_pairing(&ws, "临沂短期结对测试公司", &[], "测试北村").ok("add");
    let id = new_id(&out);
    assert_eq!(completed(&ws, "GF01"), 4222.0, "one more enterprise");
    let ended = ws.run(&["pairings", "end", &id]).ok("end");
    assert!(
        ended.stdout.starts_with("已结束结对"),
        "end says: {}",
        ended.stdout
    );
    assert_eq!(
        completed(&ws, "GF01"),
        4221.0,
        "an ended pairing no longer counts"
    );
    let again = ws.run(&["pairings", "end", &id]).ok("end again");
    assert!(
        again.stdout.contains("未作改动"),
        "ending twice changes nothing, says: {}",
        again.stdout
    );
    let missing = ws.run(&["pairings", "end", "no-such-pairing"]);
    assert_refused(
        "end an unknown pairing",
        &missing,
        "not_found",
        "找不到结对关系",
    );
}

#[test]
fn refused_pairings_write_nothing() {
    let ws = sample();
    add_pairing(&ws, "临沂已有测试公司", &[], "测试中村").ok("the first pairing");
    let before = counts(&ws);
    let gf01 = completed(&ws, "GF01");
    let bad_code = "91371302MA3C123450";
    // (what, enterprise, options, village, code, the message says)
    type Refusal<'a> = (&'a str, &'a str, Vec<&'a str>, &'a str, &'a str, &'a str);
    let cases: [Refusal; 6] = [
        (
            "the same pair again",
            "临沂已有测试公司",
            vec![],
            "测试中村",
            "duplicate",
            "已存在",
        ),
        (
            "a wrong check character",
            "临沂坏代码公司",
            vec!["--credit-code", bad_code],
            "测试新村",
            "bad_credit_code",
            "校验位",
        ),
        (
            "a short credit code",
            "临沂坏代码公司",
            vec!["--credit-code", "9137130"],
            "测试新村",
            "bad_credit_code",
            "应为 18 位",
        ),
        (
            "a future date",
            "临沂未来公司",
            vec!["--date", "2030-01-01"],
            "测试新村",
            "date_out_of_range",
            "结对时间",
        ),
        (
            "an unknown responsible unit after a new enterprise and village",
            "临沂新公司",
            vec!["--unit", "火星市"],
            "测试新村",
            "unknown_unit",
            "火星市",
        ),
        (
            "an unknown county of a new enterprise",
            "临沂新公司",
            vec!["--enterprise-county", "火星县"],
            "测试新村",
            "unknown_unit",
            "火星县",
        ),
    ];
    for (what, enterprise, extra, village, code, says) in cases {
        let out = add_pairing(&ws, enterprise, &extra, village);
        assert_refused(what, &out, code, says);
        assert_eq!(counts(&ws), before, "{what}: nothing written");
    }
    let wrong_county = ws.run(&[
        "pairings",
        "add",
        "--enterprise",
        "临沂新公司",
        "--village",
        "测试新村",
        "--township",
        "马厂湖镇",
        "--county",
        "火星县",
        "--date",
        "2024-07-01",
    ]);
    assert_refused("an unknown county", &wrong_county, "unknown_unit", "火星县");
    assert_eq!(counts(&ws), before, "an unknown county: nothing written");
    assert_eq!(completed(&ws, "GF01"), gf01, "GF01 unchanged by refusals");
    let status = ws.run(&["pairings", "list", "--status", "结束"]);
    assert_refused(
        "a status that does not exist",
        &status,
        "invalid",
        "不是可选状态",
    );
}
