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

fn run(spec: &PanelSpec) -> Vec<Finding> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let t = std::time::Instant::now();
        let mut ds = Dataset::bundled().unwrap();
        ds.trade = panel(spec);
        eprintln!("{} rows generated {:?}", ds.trade.len(), t.elapsed());
        let mut engine = FlowsEngine::new(&EngineConfig::default()).unwrap();
        engine.load(&ds, &[], OnInvalid::Fail).await.unwrap();
        eprintln!("loaded {:?}", t.elapsed());
        let p = params(spec);
        let ctx = engine.context();
        let groups =
            chipwatch_flows::panel::active_groups(ctx, &chipwatch_model::groups::bundled())
                .await
                .unwrap();
        let y = chipwatch_flows::trade::yearly(&groups);
        for q in [
            format!(
                "WITH {} SELECT COUNT(*) FROM cells",
                chipwatch_flows::panel::cells_cte(&groups, "'export'")
            ),
            format!("WITH {y} SELECT COUNT(*) FROM base"),
            format!("WITH {y} SELECT COUNT(*) FROM monthly"),
            format!("WITH {y} SELECT COUNT(*) FROM yearly"),
        ] {
            let t1 = std::time::Instant::now();
            let r = engine
                .sql(&q, chipwatch_flows::SqlOutput::Json)
                .await
                .unwrap();
            eprintln!("PROBE {:?} {r}", t1.elapsed());
        }
        let mut v = chipwatch_flows::trade::trade_surge(ctx, &p.surge)
            .await
            .unwrap();
        eprintln!("surge {:?}", t.elapsed());
        v.extend(chipwatch_flows::did::roundabout(ctx, &p.did).await.unwrap());
        eprintln!("did {:?}", t.elapsed());
        v.extend(
            chipwatch_flows::substitution::substitution(ctx, &p.substitution)
                .await
                .unwrap(),
        );
        eprintln!("substitution {:?}", t.elapsed());
        v
    })
}

#[test]
fn probe() {
    let spec = PanelSpec::roundabout(1, 0.7);
    let t = std::time::Instant::now();
    let f = run(&spec);
    eprintln!("{} findings in {:?}", f.len(), t.elapsed());
    let mut by: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for x in &f {
        *by.entry((x.kind.clone(), format!("{:?}", x.severity)))
            .or_default() += 1;
    }
    eprintln!("{by:#?}");
    for x in f
        .iter()
        .filter(|x| x.severity >= Severity::Medium || x.kind == "roundabout_did")
        .take(40)
    {
        eprintln!("{:?} {} | {}", x.severity, x.id, x.title);
    }
}
