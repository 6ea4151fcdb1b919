//! Each trade detector on small tables built by hand, where the right answer is known: a
//! planted surge, a planted roundabout with a known coefficient, a planted mirror gap, a
//! planted re-export route. And, when the shared data is present, the surge detector on the
//! real Taiwan Customs table.

use chipwatch_flows::did::{Codes, DidParams};
use chipwatch_flows::route::RouteParams;
use chipwatch_flows::{EngineConfig, FlowsEngine, TradeParams};
use chipwatch_model::Finding;
use chipwatch_model::dataset::{Dataset, OnInvalid};
use chipwatch_model::finding::Severity;
use chipwatch_model::period::TradePeriod;
use chipwatch_model::trade::{Flow, TradeRecord};

fn rec(period: &str, reporter: &str, partner: &str, flow: Flow, hs: &str, v: f64) -> TradeRecord {
    TradeRecord {
        period: TradePeriod::parse(period).unwrap(),
        reporter: reporter.into(),
        partner: partner.into(),
        flow,
        hs_code: hs.into(),
        value_usd: v,
        quantity: None,
        unit: None,
        preliminary: false,
        source: Some("constructed".into()),
    }
}

fn run(trade: Vec<TradeRecord>, p: &TradeParams) -> Vec<Finding> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut ds = Dataset::bundled().unwrap();
        ds.trade = trade;
        let mut engine = FlowsEngine::new(&EngineConfig::default()).unwrap();
        engine.load(&ds, &[], OnInvalid::Fail).await.unwrap();
        engine.trade_findings(p).await.unwrap()
    })
}

fn find<'a>(all: &'a [Finding], id: &str) -> &'a Finding {
    all.iter().find(|f| f.id == id).unwrap_or_else(|| {
        panic!(
            "no finding {id}; have: {:#?}",
            all.iter().map(|f| &f.id).collect::<Vec<_>>()
        )
    })
}

fn fig(f: &Finding, name: &str) -> f64 {
    f.get_figure(name)
        .unwrap_or_else(|| panic!("{} has no figure {name}", f.id))
        .value
}

const PEERS: &[&str] = &[
    "DE", "FR", "IT", "ES", "NL", "BE", "PL", "SE", "JP", "KR", "IN", "BR", "CA", "AU", "GB", "IE",
];

#[test]
fn a_planted_surge_is_found_against_peers_and_history_and_dated() {
    // 16 peers and Singapore grow 3-7% a year; from 2023 Singapore jumps to 3× its level and
    // stays; in 2025 (Jan-Jun only) it doubles once annualised, the peers grow 2-17%.
    let mut t = Vec::new();
    for (i, d) in PEERS.iter().chain(["SG"].iter()).enumerate() {
        let mut v = 100e6 + i as f64 * 10e6;
        for y in 2016..=2024 {
            v *= 1.03 + 0.02 * ((y as usize * 7 + i) % 3) as f64;
            let shown = if *d == "SG" && y >= 2023 { 3.0 * v } else { v };
            t.push(rec(
                &y.to_string(),
                "TW",
                d,
                Flow::Export,
                "85423100002",
                shown,
            ));
        }
        let half = if *d == "SG" {
            3.0 * v
        } else {
            v / 2.0 * (1.02 + 0.01 * i as f64)
        };
        t.push(rec(
            "2025-01..2025-06",
            "TW",
            d,
            Flow::Export,
            "85423100002",
            half,
        ));
    }
    let p = TradeParams::default();
    let all = run(t, &p);
    let sg = find(&all, "trade_surge/TW/SG/854231/2025");
    assert!(
        (fig(sg, "growth_pct") - 100.0).abs() < 1e-6,
        "{}",
        fig(sg, "growth_pct")
    );
    assert!(fig(sg, "robust_z") > 3.0);
    // Its own history: growths of 5% a year and one of 200%; 100% stands far above the median.
    assert!(
        fig(sg, "history_robust_z") > 3.0,
        "{}",
        fig(sg, "history_robust_z")
    );
    // The level shift is dated to 2023, when the series tripled.
    assert_eq!(fig(sg, "change_point_year"), 2023.0);
    assert!(sg.caveats.iter().any(|c| c.contains("annualised ×12/6")));
    // Singapore is a named route in the enforcement record: high.
    assert_eq!(sg.severity, Severity::High);
    // No peer surges.
    assert!(
        all.iter()
            .filter(|f| f.kind == "trade_surge")
            .all(|f| f.subject_code.as_deref() == Some("SG")),
        "{:?}",
        all.iter().map(|f| &f.id).collect::<Vec<_>>()
    );
}

/// Cells of a panel with a known log change per cell, as yearly rows 2020-2021 (before the
/// rule of October 2022) and 2023-2024 (after); 2022 straddles the rule and is left out.
fn roundabout_panel(beta_i: f64, beta_g: f64) -> Vec<TradeRecord> {
    let prods = [
        ("854231", 0.2),
        ("847150", -0.1),
        ("847130", 0.05),
        ("851713", 0.3),
    ];
    let origins = [("US", 0.0), ("TW", 0.15), ("KR", -0.2)];
    let dests = ["SG", "MY", "CN", "HK", "DE", "FR", "JP"];
    let mut t = Vec::new();
    for (o, oe) in origins {
        for (p, pe) in prods {
            for d in dests {
                let treated = p == "854231" || p == "847150";
                let i = d == "SG" || d == "MY";
                let g = d == "CN" || d == "HK";
                let dl: f64 = pe
                    + oe
                    + if treated && i { beta_i } else { 0.0 }
                    + if treated && g { beta_g } else { 0.0 }
                    + if i { 0.1 } else { 0.0 };
                let pre = 12.0 * 1e6;
                for y in [2020, 2021] {
                    t.push(rec(&y.to_string(), o, d, Flow::Export, p, pre));
                }
                t.push(rec("2022", o, d, Flow::Export, p, 5.0 * pre));
                for y in [2023, 2024] {
                    t.push(rec(&y.to_string(), o, d, Flow::Export, p, pre * dl.exp()));
                }
            }
        }
    }
    t
}

fn did_params() -> TradeParams {
    TradeParams {
        did: DidParams {
            treated: Some(Codes {
                name: "controlled".into(),
                hs6: vec!["854231".into(), "847150".into()],
            }),
            control: Some(Codes {
                name: "control".into(),
                hs6: vec!["847130".into(), "851713".into()],
            }),
            rule_dates: Some(vec!["2022-10".into()]),
            intermediaries: Some(vec!["SG".into(), "MY".into()]),
            ..DidParams::default()
        },
        ..TradeParams::default()
    }
}

#[test]
fn a_planted_roundabout_has_its_known_coefficient() {
    let all = run(roundabout_panel(0.4, -0.7), &did_params());
    let f = find(&all, "roundabout_did/2022-10/controlled/control");
    assert!(
        (fig(f, "beta_intermediaries") - 0.4).abs() < 1e-9,
        "{}",
        f.explanation
    );
    assert!((fig(f, "beta_targets") + 0.7).abs() < 1e-9);
    assert_eq!(fig(f, "cells"), 84.0);
    // No noise at all: the estimate is exact, so the test statistic is as large as it gets.
    assert_eq!(f.severity, Severity::High);
    // Substitution: per origin and controlled product, 2 intermediaries gained
    // 12m × (e^(pe+oe+0.5) − 1) a year each; 2 targets lost 12m × (1 − e^(pe+oe−0.7)).
    let (mut gain, mut loss) = (0.0, 0.0);
    for oe in [0.0, 0.15, -0.2] {
        for pe in [0.2f64, -0.1] {
            gain += 2.0 * 12e6 * ((pe + oe + 0.5).exp() - 1.0);
            loss += 2.0 * 12e6 * (1.0 - (pe + oe - 0.7).exp());
        }
    }
    assert!((fig(f, "substitution_ratio") - gain / loss).abs() < 1e-9);

    // No roundabout planted: the coefficient is zero and the finding is informational.
    let none = run(roundabout_panel(0.0, -0.7), &did_params());
    let f = find(&none, "roundabout_did/2022-10/controlled/control");
    assert!(fig(f, "beta_intermediaries").abs() < 1e-9);
    assert_eq!(f.severity, Severity::Info);
}

#[test]
fn a_roundabout_without_control_goods_says_what_is_missing() {
    let t: Vec<TradeRecord> = roundabout_panel(0.4, -0.7)
        .into_iter()
        .filter(|r| r.hs_code == "854231")
        .collect();
    let all = run(t, &did_params());
    let f = find(&all, "roundabout_did/not_estimable/controlled/control");
    assert_eq!(f.severity, Severity::Info);
    assert!(f.title.contains("not estimable"), "{}", f.title);
    assert!(
        f.title.contains("control goods to intermediaries"),
        "{}",
        f.title
    );
}

#[test]
fn a_planted_mirror_gap_is_found_and_honest_pairs_are_not() {
    let t = vec![
        // US says it sent $100m of processors to Malaysia; Malaysia records $44m CIF from
        // the US: $40m FOB, so $60m (60%) never arrived.
        rec("2024", "US", "MY", Flow::Export, "854231", 100e6),
        rec("2024", "MY", "US", Flow::Import, "854231", 44e6),
        // Taiwan's $200m to Malaysia arrives in full ($220m CIF = $200m FOB).
        rec("2024", "TW", "MY", Flow::Export, "854231", 200e6),
        rec("2024", "MY", "TW", Flow::Import, "854231", 220e6),
        // Korea's $80m to Germany: Germany reports no imports of the product at all, so
        // there is nothing to compare (not a ghost).
        rec("2024", "KR", "DE", Flow::Export, "854231", 80e6),
        // Japan's $50m to Malaysia never appears, in a year Malaysia reports the product.
        rec("2024", "JP", "MY", Flow::Export, "854231", 50e6),
    ];
    let all = run(t, &TradeParams::default());
    let us = find(&all, "mirror_gap/US/MY/854231/2024");
    assert!((fig(us, "unaccounted_pct") - 60.0).abs() < 1e-9);
    assert!((fig(us, "imported_fob_usd") - 40e6).abs() < 1e-3);
    assert!((fig(us, "log_gap") - (100f64 / 40.0).ln()).abs() < 1e-12);
    assert_eq!(us.severity, Severity::High, "Malaysia is a named route");
    let jp = find(&all, "mirror_gap/JP/MY/854231/2024");
    assert_eq!(fig(jp, "unaccounted_pct"), 100.0);
    let ids: Vec<&str> = all
        .iter()
        .filter(|f| f.kind == "mirror_gap")
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
}

#[test]
fn a_mirror_gap_of_a_group_sums_its_members_on_both_sides() {
    let t = vec![
        // Germany, the Netherlands and France say they sent $60m, $40m and $10m of
        // processors to Armenia; Armenia records $33m, $11m and $11m CIF from them ($30m,
        // $10m, $10m FOB). EU27 sent $110m, of which $60m (55%) never arrived.
        rec("2022", "DE", "AM", Flow::Export, "854231", 60e6),
        rec("2022", "NL", "AM", Flow::Export, "854231", 40e6),
        rec("2022", "FR", "AM", Flow::Export, "854231", 10e6),
        rec("2022", "AM", "DE", Flow::Import, "854231", 33e6),
        rec("2022", "AM", "NL", Flow::Import, "854231", 11e6),
        rec("2022", "AM", "FR", Flow::Import, "854231", 11e6),
        // Trade within the group is no export of the group: France's missing imports from
        // Germany are a gap of Germany's, not of EU27's.
        rec("2022", "DE", "FR", Flow::Export, "854231", 100e6),
        rec("2022", "FR", "DE", Flow::Import, "854231", 11e6),
    ];
    let all = run(t, &TradeParams::default());
    let eu = find(&all, "mirror_gap/EU27/AM/854231/2022");
    assert!((fig(eu, "exported_usd") - 110e6).abs() < 1e-3);
    assert!((fig(eu, "imported_fob_usd") - 50e6).abs() < 1e-3);
    assert!((fig(eu, "unaccounted_pct") - 60.0 / 110.0 * 100.0).abs() < 1e-9);
    assert!((fig(eu, "member_share_DE_pct") - 60.0 / 110.0 * 100.0).abs() < 1e-9);
    assert!((fig(eu, "member_share_FR_pct") - 10.0 / 110.0 * 100.0).abs() < 1e-9);
    assert!(eu.title.contains("EU27"), "{}", eu.title);
    assert!(eu.explanation.contains("3 members"), "{}", eu.explanation);
    find(&all, "mirror_gap/DE/AM/854231/2022");
    find(&all, "mirror_gap/DE/FR/854231/2022");
    assert!(
        all.iter().all(|f| f.id != "mirror_gap/EU27/FR/854231/2022"),
        "trade within the group is not the group's"
    );
}

#[test]
fn a_planted_route_through_a_hub_is_measured() {
    let t = vec![
        // Singapore reports $100m of processor imports from Taiwan; the US reports $50m of
        // exports to Singapore (Singapore reports none from the US: the mirror is used).
        rec("2024", "SG", "TW", Flow::Import, "854231", 100e6),
        rec("2024", "US", "SG", Flow::Export, "854231", 50e6),
        // Singapore re-exports $90m to China and $30m to Germany.
        rec("2024", "SG", "CN", Flow::ReExport, "854231", 90e6),
        rec("2024", "SG", "DE", Flow::Export, "854231", 30e6),
    ];
    let p = TradeParams {
        route: RouteParams {
            hubs: Some(vec!["SG".into()]),
            ..RouteParams::default()
        },
        ..TradeParams::default()
    };
    let all = run(t, &p);
    let f = find(&all, "route_share/SG/2024");
    assert!((fig(f, "re_export_share_pct") - 60.0).abs() < 1e-9);
    assert_eq!(f.severity, Severity::High);
    // Taiwan's $100m × 90/120 of exports × 120/150 sent on = $60m; the US's $30m.
    assert!((fig(f, "route_TW_SG_CN") - 60e6).abs() < 1e-3);
    assert!((fig(f, "route_US_SG_CN") - 30e6).abs() < 1e-3);
    assert!(
        f.explanation.contains("with partners' figures"),
        "{}",
        f.explanation
    );
}

#[test]
fn taiwan_customs_processor_exports_to_singapore_and_vietnam_rose_in_2025() {
    let p = std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/trade/taiwan_customs_hs8542/taiwan_exports_by_country_2013_2025.csv"
    ));
    if !p.exists() {
        eprintln!("shared data absent: skipped");
        return;
    }
    let loaded = chipwatch_model::tradefile::read_trade_file(
        p,
        chipwatch_model::tradefile::TradeFileOptions {
            format: None,
            last_year_months: Some(7),
        },
    )
    .unwrap();
    assert!(loaded.rejected.is_empty());
    let all = run(loaded.records, &TradeParams::default());
    // Jan-Jul 2025: $721.5m to Singapore (≈ +109% annualised on $591.4m in 2024) and
    // $700.7m to Vietnam (≈ +92% on $627.6m), per the Taiwan Customs table.
    let sg = find(&all, "trade_surge/TW/SG/854231/2025");
    assert!(
        (fig(sg, "value_usd") / 1e6 - 721.5).abs() < 0.5,
        "{}",
        sg.title
    );
    assert!((fig(sg, "growth_pct") - 109.1).abs() < 0.5, "{}", sg.title);
    assert!(sg.caveats.iter().any(|c| c.contains("preliminary")));
    let vn = find(&all, "trade_surge/TW/VN/854231/2025");
    assert!((fig(vn, "growth_pct") - 91.6).abs() < 0.5, "{}", vn.title);
    assert!(sg.severity >= Severity::Medium && vn.severity >= Severity::Medium);
}
