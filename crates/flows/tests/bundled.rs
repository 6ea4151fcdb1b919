//! The detectors on the bundled public figures: what the record says about Singapore.

use chipwatch_flows::{EngineConfig, FlowsEngine, all_findings};
use chipwatch_model::Finding;
use chipwatch_model::dataset::{Dataset, OnInvalid};
use chipwatch_model::finding::Severity;

fn findings() -> Vec<Finding> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let ds = Dataset::bundled().unwrap();
        let mut engine = FlowsEngine::new(&EngineConfig::default()).unwrap();
        engine.load(&ds, &[], OnInvalid::Fail).await.unwrap();
        all_findings(&engine.run().await.unwrap())
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

#[test]
fn singapore_was_billed_18_percent_in_fy2025_but_shipped_under_2_percent() {
    let all = findings();
    let f = find(&all, "billing_gap/NVIDIA/SG/FY2025");
    assert_eq!(f.severity, Severity::High);
    assert_eq!(fig(f, "billed_usd_m"), 23684.0);
    assert!((fig(f, "shipped_max_usd_m") - 2609.94).abs() < 0.01);
    assert!((fig(f, "gap_min_usd_m") - 21074.06).abs() < 0.01);
    assert!(f.sources.iter().any(|s| s.contains("Reuters")));
    // The minister's statement for Aug-Oct 2024: 22% billed, under 1% delivered.
    let q = find(&all, "billing_gap/NVIDIA/SG/Q3FY2025");
    assert!((fig(q, "shipped_max_usd_m") - 350.82).abs() < 0.01);
}

#[test]
fn the_740_percent_claim_needs_a_quarter_set_against_a_year() {
    let all = findings();
    let f = find(&all, "claim_check/kobeissi-740");
    assert_eq!(f.severity, Severity::Medium);
    assert!(f.title.contains("different length"), "{}", f.title);
    assert!(
        f.title.contains("Q3FY2024") && f.title.contains("FY2025"),
        "{}",
        f.title
    );
    assert!(f.get_figure("nearest_like_for_like_growth_pct").is_some());
}

#[test]
fn the_404_percent_claim_is_reproduced_like_for_like() {
    let all = findings();
    let f = find(&all, "claim_check/benzinga-404");
    assert_eq!(f.severity, Severity::Info);
    assert!(
        f.title.contains("Q3FY2023") && f.title.contains("Q3FY2024"),
        "{}",
        f.title
    );
}

#[test]
fn singapore_billings_imply_more_power_than_all_its_data_centres() {
    let all = findings();
    let f = find(&all, "absorption/NVIDIA/SG/FY2025");
    assert_eq!(f.severity, Severity::High);
    // 23,684m / $30,000 x 1.275 kW = 1,006.6 MW; / $25,000 = 1,207.9 MW
    assert!((fig(f, "implied_mw_low") - 1006.57).abs() < 0.1);
    assert!((fig(f, "implied_mw_high") - 1207.88).abs() < 0.1);
    assert_eq!(fig(f, "operational_mw"), 1002.0);
    assert_eq!(fig(f, "added_mw"), 31.0);
}

#[test]
fn billing_and_headquarters_series_are_reconciled_not_spliced() {
    let all = findings();
    let change = find(&all, "basis_change/NVIDIA");
    assert!(change.title.contains("Singapore"), "{}", change.title);
    let rec = find(&all, "basis_reconciliation/NVIDIA/FY2025");
    assert_eq!(
        fig(rec, "china_hq_billed_elsewhere_usd_m"),
        25048.0 - 17108.0
    );
    // No surge compares across bases.
    assert!(
        all.iter()
            .filter(|f| f.kind == "revenue_surge")
            .all(|f| f.id.contains("billing_location") || f.id.contains("hq_location"))
    );
}

#[test]
fn revenue_to_singapore_surged_faster_than_the_company() {
    let all = findings();
    let f = find(&all, "revenue_surge/NVIDIA/billing_location/SG/FY2025");
    assert_eq!(f.severity, Severity::High);
    let q = find(&all, "revenue_surge/NVIDIA/billing_location/SG/Q1FY2026");
    assert!((fig(q, "growth_pct/vs/Q3FY2023") - (8812.0 / 562.0 - 1.0) * 100.0).abs() < 1e-6);
}

#[test]
fn taiwan_processor_exports_to_singapore_and_vietnam_surged_in_2025() {
    let all = findings();
    let sg = find(&all, "trade_surge/TW/SG/854231/2025");
    // 721.455m over Jan-Jul annualised = 1,236.8m vs 591.414m in 2024
    assert!(
        (fig(sg, "growth_pct") - 109.1).abs() < 0.2,
        "{}",
        fig(sg, "growth_pct")
    );
    assert!(sg.caveats.iter().any(|c| c.contains("annualised")));
    let vn = find(&all, "trade_surge/TW/VN/854231/2025");
    assert!(
        (fig(vn, "growth_pct") - 91.6).abs() < 0.5,
        "{}",
        fig(vn, "growth_pct")
    );
}
