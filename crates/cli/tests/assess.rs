//! `chipwatch assess` and `chipwatch simulate` as a user runs them.

use std::process::{Command, Output};

fn chipwatch(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chipwatch"))
        .args(args)
        .env_remove("CHIPWATCH_LISTS")
        .env("COLUMNS", "160")
        .output()
        .expect("the chipwatch binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/screen/sample_csl.csv"
);

#[test]
fn simulate_then_assess_writes_findings_alerts_and_graphs() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.csv");
    let o = chipwatch(&[
        "simulate",
        "--seed",
        "3",
        "--orders",
        "1500",
        "--out",
        ledger.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let truth = std::fs::read_to_string(dir.path().join("ledger.truth.csv")).unwrap();
    assert!(truth.starts_with("order_id,diverted,scheme\n"));
    let out = dir.path().join("out");
    let o = chipwatch(&[
        "assess",
        ledger.to_str().unwrap(),
        "--lists",
        SAMPLE,
        "--out",
        out.to_str().unwrap(),
        "--fail-on-score",
        "0.9",
    ]);
    assert_eq!(
        o.status.code(),
        Some(3),
        "{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    let alerts = std::fs::read_to_string(out.join("alerts.csv")).unwrap();
    assert!(alerts.starts_with("order_id,rank,score,flags,network,line,explanation,why"));
    // Weights learned from the labels, used, and a bad weights file refused with its line.
    let weights = dir.path().join("weights.csv");
    let o = chipwatch(&[
        "assess",
        "learn",
        "--ledger",
        ledger.to_str().unwrap(),
        "--labels",
        dir.path().join("ledger.truth.csv").to_str().unwrap(),
        "--lists",
        SAMPLE,
        "--out",
        weights.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("learned log-LR"),
        "{}",
        text(&o.stdout)
    );
    let w = std::fs::read_to_string(&weights).unwrap();
    assert!(
        w.starts_with("id,log_lr,prior_log_lr,weight,note\n(intercept),"),
        "{w}"
    );
    let o = chipwatch(&[
        "assess",
        ledger.to_str().unwrap(),
        "--lists",
        SAMPLE,
        "--weights",
        weights.to_str().unwrap(),
        "--out",
        dir.path().join("out2").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "id,log_lr\nK8,lots\n").unwrap();
    let o = chipwatch(&[
        "assess",
        ledger.to_str().unwrap(),
        "--weights",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("line 2") && text(&o.stderr).contains("log_lr"),
        "{}",
        text(&o.stderr)
    );
    // The riskiest alert is a diverted order of the ground truth.
    let top = alerts
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    let row = truth
        .lines()
        .find(|l| l.starts_with(&format!("{top},")))
        .unwrap();
    assert!(row.contains(",true,"), "{row}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("findings.json")).unwrap()).unwrap();
    assert!(
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "diversion_network")
    );
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        html.contains("<circle") && html.contains("Network "),
        "graphs drawn"
    );
}

#[test]
fn a_malformed_ledger_is_refused_or_quarantined() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.csv");
    std::fs::write(
        &ledger,
        "order_id,order_date,item,quantity,ship_to_country,bill_to_name,payer_name,payer_country\n\
         A1,2024-02-30,H100,2,SG,Alpha Pte Ltd,,\n\
         A2,2024-03-01,H100,-1,SG,Alpha Pte Ltd,,\n\
         A3,2024-03-01,Z9000,1,SG,Alpha Pte Ltd,,\n\
         A4,2024-03-01,HGX-H100-8GPU,8,SG,Alpha Pte Ltd,Harbour Star Ltd,AE\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = chipwatch(&[
        "assess",
        ledger.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = text(&o.stderr);
    assert!(e.contains("3 invalid row(s)"), "{e}");
    assert!(e.contains("ledger.csv:2: column `order_date`"), "{e}");
    assert!(
        e.contains("ledger.csv:3: column `quantity`: not positive"),
        "{e}"
    );
    assert!(e.contains("ledger.csv:4: column `item`"), "{e}");
    let q = dir.path().join("bad.csv");
    let o = chipwatch(&[
        "assess",
        ledger.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quarantine",
        q.to_str().unwrap(),
        "--json",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(std::fs::read_to_string(&q).unwrap().lines().count(), 4);
    assert!(
        text(&o.stderr).contains("not screened"),
        "{}",
        text(&o.stderr)
    );
    let alerts = std::fs::read_to_string(out.join("alerts.csv")).unwrap();
    assert!(alerts.contains("A4,") && alerts.contains("K4b"), "{alerts}");
    // A missing required column.
    std::fs::write(&ledger, "order_id,order_date,item\nA1,2024-01-01,H100\n").unwrap();
    let o = chipwatch(&[
        "assess",
        ledger.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("missing required column"));
}

#[test]
fn the_report_demo_includes_a_simulated_ledger_labelled_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let o = chipwatch(&["report", "--out", dir.path().to_str().unwrap(), "--json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert!(html.contains("diversion risk in a simulated ledger"));
}

#[test]
fn assess_eval_scores_a_labelled_ledger_of_ones_own() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("past.csv");
    let o = chipwatch(&[
        "simulate",
        "--generator",
        "bis_guidance",
        "--seed",
        "4",
        "--orders",
        "2000",
        "--out",
        ledger.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let truth = dir.path().join("past.truth.csv");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "assess",
            "eval",
            "--ledger",
            ledger.to_str().unwrap(),
            "--truth",
            truth.to_str().unwrap(),
            "--lists",
            SAMPLE,
        ];
        args.extend_from_slice(extra);
        chipwatch(&args)
    };
    let o = run(&[
        "--json",
        "--min-recall",
        "0.3",
        "--max-legit-flagged",
        "0.9",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let g = &v["generators"][0];
    assert!(g["generator"].as_str().unwrap().ends_with("past.csv"));
    assert!(g["recall"].as_f64().unwrap() >= 0.3, "{g}");
    assert!(!g["by_scheme"].as_object().unwrap().is_empty());
    // An unreachable floor is exit 3; a truth that names no order of the ledger is exit 2.
    assert_eq!(run(&["--min-recall", "1.01"]).status.code(), Some(3));
    std::fs::write(&truth, "order_id,diverted\nNOPE-1,true\n").unwrap();
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("NOPE-1"), "{}", text(&o.stderr));
}
