//! The detectors on generated panels ([`chipwatch_flows::synth::panel`]): many origins of
//! different sizes, many small destinations, noise, seasonality and a re-routing effect of
//! known size from a known month. The effect must be recovered, and a panel without one must
//! not raise medium findings.

use chipwatch_flows::did::DidParams;
use chipwatch_flows::substitution::SubstitutionParams;
use chipwatch_flows::synth::{PanelSpec, panel};
use chipwatch_flows::trade::SurgeParams;
use chipwatch_flows::{EngineConfig, FlowsEngine, TradeParams};
use chipwatch_model::Finding;
use chipwatch_model::dataset::{Dataset, OnInvalid};
use chipwatch_model::finding::Severity;

fn params(spec: &PanelSpec) -> TradeParams {
    let named = spec
        .targets
        .iter()
        .chain(spec.intermediaries.iter())
        .map(|c| (c.clone(), "named with --intermediaries".to_string()))
        .collect();
    TradeParams {
        surge: SurgeParams {
            named,
            ..SurgeParams::default()
        },
        did: DidParams {
            rule_dates: Some(vec![spec.rule.clone()]),
            intermediaries: Some(spec.intermediaries.clone()),
            targets: spec.targets.clone(),
            ..DidParams::default()
        },
        substitution: SubstitutionParams {
            rule_dates: Some(vec![spec.rule.clone()]),
            intermediaries: Some(spec.intermediaries.clone()),
            targets: spec.targets.clone(),
            ..SubstitutionParams::default()
        },
        ..TradeParams::default()
    }
}

/// A panel small enough for a debug test: 8 origins (EU members, so the EU27 sum runs too),
/// the targets and intermediaries, 10 other destinations, 4 controlled and 2 control goods.
fn small(seed: u64, beta: f64) -> PanelSpec {
    let mut s = PanelSpec::roundabout(seed, beta);
    s.origins.truncate(8);
    s.others.truncate(10);
    s.controlled = vec![
        "847150".into(),
        "847330".into(),
        "854231".into(),
        "854232".into(),
    ];
    s.control = vec!["847130".into(), "851713".into()];
    s
}

fn engine(spec: &PanelSpec) -> (tokio::runtime::Runtime, FlowsEngine) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let engine = rt.block_on(async {
        let mut ds = Dataset::bundled().unwrap();
        ds.trade = panel(spec);
        let mut engine = FlowsEngine::new(&EngineConfig::default()).unwrap();
        engine.load(&ds, &[], OnInvalid::Fail).await.unwrap();
        engine
    });
    (rt, engine)
}

fn fig(f: &Finding, name: &str) -> f64 {
    f.get_figure(name)
        .unwrap_or_else(|| panic!("{} has no figure {name}", f.id))
        .value
}

#[test]
fn the_roundabout_coefficient_is_recovered_within_its_interval_across_seeds() {
    // β_I = 0.6 planted on controlled goods to intermediaries from 2022-03; the estimate's
    // 95% interval must hold it in at least 90% of seeds, and it must be significant.
    // CHIPWATCH_PANEL_SEEDS raises the count for the figures in docs/flows.md.
    let seeds: u64 = std::env::var("CHIPWATCH_PANEL_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(12);
    let (mut covered, mut significant) = (0, 0);
    for seed in 0..seeds {
        let spec = small(seed, 0.6);
        let (rt, e) = engine(&spec);
        let f = rt
            .block_on(chipwatch_flows::did::roundabout(
                e.context(),
                &params(&spec).did,
            ))
            .unwrap();
        let d = f
            .iter()
            .find(|f| f.id.starts_with("roundabout_did/2022-03"))
            .unwrap_or_else(|| {
                panic!(
                    "seed {seed}: {:#?}",
                    f.iter().map(|f| &f.title).collect::<Vec<_>>()
                )
            });
        let (b, se) = (fig(d, "beta_intermediaries"), fig(d, "se_intermediaries"));
        if (b - 0.6).abs() <= 1.96 * se {
            covered += 1;
        }
        if b / se >= 1.96 {
            significant += 1;
        }
    }
    eprintln!(
        "roundabout: β inside its 95% CI in {covered}/{seeds} seeds, significant in {significant}"
    );
    assert!(
        covered * 10 >= seeds * 9,
        "β inside its 95% CI in {covered}/{seeds} seeds"
    );
    assert_eq!(significant, seeds);
}

#[test]
fn no_effect_gives_no_significant_roundabout_and_no_substitution() {
    let seeds: u64 = std::env::var("CHIPWATCH_PANEL_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(6, |n: u64| n / 2);
    let mut false_did = 0;
    let mut false_substitution = 0;
    for seed in 100..100 + seeds {
        let spec = small(seed, 0.0);
        let (rt, e) = engine(&spec);
        let p = params(&spec);
        let did = rt
            .block_on(chipwatch_flows::did::roundabout(e.context(), &p.did))
            .unwrap();
        false_did += did
            .iter()
            .filter(|f| f.severity >= Severity::Medium)
            .count();
        let sub = rt
            .block_on(chipwatch_flows::substitution::substitution(
                e.context(),
                &p.substitution,
            ))
            .unwrap();
        false_substitution += sub
            .iter()
            .filter(|f| f.severity >= Severity::Medium)
            .count();
    }
    eprintln!(
        "null panels: {false_did} medium+ roundabout, {false_substitution} medium+ substitution findings on {seeds} panels"
    );
    // At 5% a null test is significant one time in twenty (one-sided, β > 0: one in forty).
    assert!(
        false_did as u64 <= 1 + seeds / 10,
        "{false_did} significant roundabout tests on {seeds} null panels"
    );
    assert!(
        false_substitution as u64 <= 2 + seeds / 5,
        "{false_substitution} medium substitution findings on {seeds} null panels"
    );
}

#[test]
fn substitution_is_found_on_the_group_and_names_the_intermediaries() {
    let spec = small(7, 0.8);
    let (rt, e) = engine(&spec);
    let p = params(&spec);
    let f = rt
        .block_on(chipwatch_flows::substitution::substitution(
            e.context(),
            &p.substitution,
        ))
        .unwrap();
    let g = f
        .iter()
        .find(|f| f.id == "substitution/EU27/ai_compute/2022-03")
        .unwrap_or_else(|| panic!("{:#?}", f.iter().map(|f| &f.id).collect::<Vec<_>>()));
    assert_eq!(g.severity, Severity::High, "{}", g.title);
    assert!(fig(g, "targets_change_pct") < -60.0, "{}", g.title);
    assert!(fig(g, "intermediaries_change_pct") > 60.0, "{}", g.title);
    assert!(fig(g, "substitution_ratio") > 0.0);
    assert!(
        g.explanation.contains("Members that drove the rise"),
        "{}",
        g.explanation
    );
    assert!(
        g.caveats.iter().all(|c| !c.contains("cannot be estimated")),
        "{:?}",
        g.caveats
    );
    // A per-intermediary finding names the country.
    assert!(f.iter().any(|f| f.subject_code.as_deref() == Some("AM")
        && f.id.starts_with("substitution/EU27/AM/")
        && f.severity >= Severity::Medium));
    // Surges: the EU27 sum is an origin, members' shares are named.
    let s = rt
        .block_on(chipwatch_flows::trade::trade_surge(e.context(), &p.surge))
        .unwrap();
    let eu = s
        .iter()
        .find(|f| f.id.starts_with("trade_surge/EU27/") && f.severity >= Severity::Medium)
        .unwrap_or_else(|| panic!("{:#?}", s.iter().map(|f| &f.title).collect::<Vec<_>>()));
    assert!(
        eu.explanation.contains("Members' shares"),
        "{}",
        eu.explanation
    );
    assert!(
        eu.explanation.contains("named by the analyst"),
        "{}",
        eu.explanation
    );
}
