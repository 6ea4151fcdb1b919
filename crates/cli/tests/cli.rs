//! The `chipwatch` binary as a user runs it.

use std::path::Path;
use std::process::{Command, Output};

fn chipwatch(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chipwatch"))
        .args(args)
        .env("COLUMNS", "160")
        .output()
        .expect("the chipwatch binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn report_on_the_bundled_data_writes_findings_and_html() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    let o = chipwatch(&["report", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let stdout = text(&o.stdout);
    assert!(
        stdout.contains("billing_gap") && stdout.contains("Singapore"),
        "{stdout}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("findings.json")).unwrap()).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let kinds: Vec<&str> = findings
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    for k in [
        "billing_gap",
        "revenue_surge",
        "claim_check",
        "absorption",
        "trade_surge",
        "basis_change",
    ] {
        assert!(kinds.contains(&k), "missing {k}");
    }
    let first = &findings[0];
    for field in [
        "id", "kind", "subject", "severity", "figures", "evidence", "sources",
    ] {
        assert!(!first[field].is_null(), "finding lacks {field}");
    }
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("<svg") && html.contains("billing_gap/NVIDIA/SG/FY2025"));
    assert!(!html.contains("<script"), "the report runs no scripts");
}

#[test]
fn json_output_is_parseable_and_fail_on_sets_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r");
    let o = chipwatch(&[
        "report",
        "--json",
        "--fail-on",
        "high",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["findings"].as_array().unwrap().len() > 5);
}

fn data_dir(dir: &Path, trade: &str) {
    std::fs::write(dir.join("trade_tw_processors.csv"), trade).unwrap();
}

#[test]
fn bad_input_exits_2_naming_file_line_column_and_rule() {
    let dir = tempfile::tempdir().unwrap();
    data_dir(
        dir.path(),
        "period,reporter,partner,flow,hs_code,value_usd\n2024,TW,SG,export,854231,12\n2025,TW,Atlantis,export,854231,1\n",
    );
    let out = dir.path().join("r");
    let o = chipwatch(&[
        "report",
        "--data",
        dir.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("trade_tw_processors.csv:3: column `partner`"),
        "{err}"
    );
    assert!(err.contains("trade.partner"), "{err}");
}

#[test]
fn quarantine_sets_bad_rows_aside_and_counts_them() {
    let dir = tempfile::tempdir().unwrap();
    data_dir(
        dir.path(),
        "period,reporter,partner,flow,hs_code,value_usd\n2024,TW,SG,export,854231,12\n2025,TW,SG,export,854231,-1\n",
    );
    let q = dir.path().join("q.csv");
    let out = dir.path().join("r");
    let o = chipwatch(&[
        "report",
        "--data",
        dir.path().to_str().unwrap(),
        "--quarantine",
        q.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("1 invalid row(s) were set aside"),
        "{}",
        text(&o.stderr)
    );
    let qtext = std::fs::read_to_string(&q).unwrap();
    assert!(
        qtext.contains("trade.value_usd") && qtext.contains("-1"),
        "{qtext}"
    );
    // Missing dataset files are reported, not silently ignored.
    assert!(text(&o.stderr).contains("revenue.csv is not in the data folder"));
}

#[test]
fn an_empty_trade_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    let o = chipwatch(&[
        "report",
        "--trade",
        empty.to_str().unwrap(),
        "--out",
        dir.path().join("r").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("empty.csv: the file is empty"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn sql_queries_the_loaded_tables() {
    let o = chipwatch(&[
        "sql",
        "--json",
        "SELECT revenue_usd_m FROM revenue WHERE region_code = 'SG' AND period = 'FY2025'",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["revenue_usd_m"], 23684.0);
}

#[test]
fn help_teaches_the_main_job() {
    let o = chipwatch(&["report", "--help"]);
    let h = text(&o.stdout);
    assert!(h.contains("Examples:") && h.contains("--quarantine") && h.contains("docs/inputs.md"));
}

#[test]
fn a_claim_from_the_command_line_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let o = chipwatch(&[
        "report",
        "--json",
        "--claim",
        "Singapore:+777",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "claim_check/cli-1")
        .unwrap()
        .clone();
    assert!(f["title"].as_str().unwrap().contains("Q3FY2024"), "{f}");
    let bad = chipwatch(&[
        "report",
        "--claim",
        "Atlantis:5",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("Atlantis"));
}

#[test]
fn classify_explains_the_paragraph_and_suggests_names() {
    let o = chipwatch(&["classify", "H800", "--as-of", "2023-06-01"]);
    assert!(o.status.success());
    let out = text(&o.stdout);
    assert!(
        out.contains("not 3A090") && out.contains("I/O 400 < 600"),
        "{out}"
    );
    let o = chipwatch(&["classify", "L4", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["eccn"], "3A090.a.2");
    let o = chipwatch(&["classify", "H10O"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("did you mean H100-SXM"),
        "{}",
        text(&o.stderr)
    );
    let o = chipwatch(&[
        "classify", "--tpp", "15832", "--tops", "1000", "--bits", "8",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("contradicts"));
}

#[test]
fn licence_applies_the_headquarters_rule() {
    let o = chipwatch(&[
        "licence",
        "H100",
        "--to",
        "Singapore",
        "--parent-hq",
        "China",
        "--date",
        "2024-06-01",
        "--json",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["determination"]["licence_required"], true);
    assert_eq!(v["determination"]["review_policy"], "presumption of denial");
    let o = chipwatch(&["licence", "H100", "--to", "Atlantis"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn chips_lists_the_catalogue() {
    let o = chipwatch(&["chips", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let h20 = v
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "H20")
        .unwrap();
    assert_eq!(h20["tpp"], 2368.0);
    assert_eq!(h20["eccn"], "not 3A090");
}

#[test]
fn the_report_reconciles_the_bundled_fleet() {
    let dir = tempfile::tempdir().unwrap();
    let o = chipwatch(&["report", "--json", "--out", dir.path().to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"fleet/deepseek-2025/H100-SXM"), "{ids:?}");
}

#[test]
fn locate_verify_judges_each_chip_from_files() {
    let dir = tempfile::tempdir().unwrap();
    let lm = dir.path().join("landmarks.csv");
    std::fs::write(
        &lm,
        "id,name,operator,lat,lon,country\nhz,Hangzhou,op-a,30.25,120.1667,CN\nkl,Kuala Lumpur,op-b,3.1333,101.6833,MY\njk,Jakarta,op-c,-6.1333,106.75,ID\n",
    )
    .unwrap();
    let ms = dir.path().join("rtts.csv");
    std::fs::write(
        &ms,
        "chip_id,landmark_id,rtt_ms\nchip-sh,hz,3.9\nchip-sh,hz,5.0\nchip-sh,kl,80\nchip-sg,kl,7.5\nchip-sg,kl,6.9\nchip-sg,jk,12.6\nchip-far,kl,140\n",
    )
    .unwrap();
    let o = chipwatch(&[
        "locate",
        "verify",
        "--landmarks",
        lm.to_str().unwrap(),
        "--measurements",
        ms.to_str().unwrap(),
        "--claim",
        "SG",
        "--json",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let verdict = |chip: &str| {
        v["chips"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["chip_id"] == chip)
            .unwrap()["assessment"]["verdict"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(verdict("chip-sh"), "cannot_be");
    assert_eq!(verdict("chip-sg"), "consistent");
    assert_eq!(verdict("chip-far"), "inconclusive");
    // A measurement naming an unknown landmark is refused with file and line.
    std::fs::write(&ms, "chip_id,landmark_id,rtt_ms\nchip-x,nowhere,3\n").unwrap();
    let o = chipwatch(&[
        "locate",
        "verify",
        "--landmarks",
        lm.to_str().unwrap(),
        "--measurements",
        ms.to_str().unwrap(),
        "--claim",
        "SG",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("line 2") && text(&o.stderr).contains("nowhere"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn the_report_judges_the_demo_chips_claiming_singapore() {
    let dir = tempfile::tempdir().unwrap();
    let o = chipwatch(&["report", "--json", "--out", dir.path().to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let find = |id: &str| {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(find("location/DEMO-SH-1")["severity"], "high");
    assert_eq!(find("location/DEMO-SG-1")["severity"], "info");
    assert_eq!(find("location/DEMO-HK-1")["severity"], "medium");
    let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert!(html.contains("location-map"));
}

#[test]
fn locate_calibrate_names_the_mislocated_landmark() {
    let dir = tempfile::tempdir().unwrap();
    let lm = dir.path().join("landmarks.csv");
    std::fs::write(
        &lm,
        "id,name,operator,lat,lon,country\nny,New York,a,40.7,-74.0,US\ndc,Washington,b,38.9,-77.0,US\nmia,Miami,c,25.8,-80.2,US\nbad,La Ceiba,d,15.77,-86.79,HN\n",
    )
    .unwrap();
    let pairs = dir.path().join("pairs.csv");
    std::fs::write(
        &pairs,
        "landmark_a,landmark_b,rtt_ms\nny,dc,5\nny,mia,30\ndc,mia,25\nbad,ny,3.7\nbad,dc,3.9\nbad,mia,4.0\n",
    )
    .unwrap();
    let o = chipwatch(&[
        "locate",
        "calibrate",
        "--landmarks",
        lm.to_str().unwrap(),
        "--pairs",
        pairs.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3));
    let out = text(&o.stdout);
    assert!(
        out.contains("1 excluded") && out.contains("bad: 3 pair(s)"),
        "{out}"
    );
}

#[test]
fn lists_info_counts_entries_per_source_and_reports_rows_not_taken() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("csl.csv");
    std::fs::write(
        &p,
        "source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n\
Entity List (EL) - Bureau of Industry and Security,,,,GAMMA COMPUTING PTE LTD,,,,,,,,,,,,,,,,,GAMMA COMPUTING,,,,,,\n\
Entity List (EL) - Bureau of Industry and Security,,,,,,,,,,,,,,,,,,,,,,,,,,,\n",
    )
    .unwrap();
    let o = chipwatch(&["lists", "info", "--lists", p.to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["format"], "csl-csv-28");
    assert_eq!(v[0]["per_source"]["EL"], 1);
    assert_eq!(v[0]["names"], 2);
    assert!(
        v[0]["warnings"][0]
            .as_str()
            .unwrap()
            .contains(":3: row without a name")
    );
    let bad = dir.path().join("notes.txt");
    std::fs::write(&bad, "hello\n").unwrap();
    let o = chipwatch(&["lists", "info", "--lists", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn flows_reads_comtrade_and_finds_a_mirror_gap() {
    let dir = tempfile::tempdir().unwrap();
    let ct = dir.path().join("comtrade.csv");
    // The US reports $100m of processors to Malaysia; Malaysia reports $44m CIF from the US
    // and $220m from Taiwan (which reports $200m): 60% of the US exports never arrived.
    std::fs::write(
        &ct,
        "freqCode,period,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,partnerDesc,cmdCode,primaryValue\n\
         A,2024,842,USA,X,458,MYS,Malaysia,854231,100000000\n\
         A,2024,458,MYS,M,842,USA,USA,854231,44000000\n\
         A,2024,458,MYS,M,490,S19,\"Other Asia, nes\",854231,220000000\n",
    )
    .unwrap();
    let o = chipwatch(&[
        "flows",
        "--trade",
        ct.to_str().unwrap(),
        "--only",
        "mirror",
        "--json",
        "--fail-on",
        "high",
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["id"], "mirror_gap/US/MY/854231/2024");
    assert!(
        f["title"]
            .as_str()
            .unwrap()
            .starts_with("60% of United States")
    );

    let bad = chipwatch(&[
        "flows",
        "--trade",
        ct.to_str().unwrap(),
        "--did-treated",
        "gpus",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("neither a basket (ai_compute"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn a_negative_latitude_is_a_claim_and_as_of_names_the_rules_date_everywhere() {
    let o = chipwatch(&[
        "locate",
        "verify",
        "--landmarks",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/locate/demo_landmarks.csv"
        ),
        "--measurements",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/locate/demo_measurements.csv"
        ),
        "--claim",
        "-6.2088,106.8456,50",
    ]);
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("-6.2088, 106.8456"), "{out}");
    let a = chipwatch(&[
        "licence",
        "H100",
        "--to",
        "SG",
        "--parent-hq",
        "CN",
        "--as-of",
        "2024-01-01",
    ]);
    let b = chipwatch(&[
        "licence",
        "H100",
        "--to",
        "SG",
        "--parent-hq",
        "CN",
        "--date",
        "2024-01-01",
    ]);
    assert!(a.status.success() && a.stdout == b.stdout);
    assert!(String::from_utf8_lossy(&a.stdout).contains("on 2024-01-01"));
}
