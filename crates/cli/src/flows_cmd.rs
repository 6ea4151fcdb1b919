//! `chipwatch flows`: the trade detectors alone, on given trade files, with their parameters.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chipwatch_flows::did::{Codes, DidParams};
use chipwatch_flows::mirror::MirrorParams;
use chipwatch_flows::route::RouteParams;
use chipwatch_flows::substitution::SubstitutionParams;
use chipwatch_flows::trade::SurgeParams;
use chipwatch_flows::{TradeParams, trade};
use chipwatch_model::InputError;
use chipwatch_model::finding::{Section, Severity, rank};
use chipwatch_report::{ReportDoc, terminal_table};
use clap::{Args, ValueEnum};

use crate::{EXIT_FINDINGS, InputArgs, Progress, SeverityArg, load, terminal_width};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Detector {
    /// Surges to a destination against its peers and its own history, change point dated.
    Surge,
    /// Roundabout difference-in-differences around each rule date.
    Did,
    /// Exports falling to the targets while rising to the intermediaries after each rule.
    Substitution,
    /// Exporter- vs importer-reported flows: ghost exports.
    Mirror,
    /// Re-export shares of hubs and origin → hub → destination routes.
    Route,
}

#[derive(Args)]
pub struct FlowsArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Run only these detectors (comma-separated; default: all five).
    #[arg(long, value_enum, value_delimiter = ',')]
    only: Vec<Detector>,
    /// Destinations the controls aim at (comma-separated ISO codes, names or group ids such
    /// as EAEU).
    #[arg(long, value_delimiter = ',', default_value = "CN,HK,MO")]
    targets: Vec<String>,
    /// Surge: minimum growth over the year before, percent.
    #[arg(long, default_value_t = 50.0)]
    min_growth: f64,
    /// Surge: minimum robust z against peers or the destination's own history.
    #[arg(long, default_value_t = 1.5)]
    min_z: f64,
    /// Surge: a destination is a peer (sets the median growth others are judged against)
    /// when it took at least this share of the origin's exports of the product the year
    /// before, 0-1. Smaller destinations are tested on their monthly data.
    #[arg(long, default_value_t = 0.001)]
    min_base_share: f64,
    /// Surge: an absolute floor on a peer's value the year before (USD; default none).
    #[arg(long, default_value_t = 0.0)]
    min_base: f64,
    /// Surge: months with exports a destination below the peer share needs in the year
    /// before to be tested on its monthly data.
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(2..=12))]
    min_months: u32,
    /// Surge: test every year, not only the latest.
    #[arg(long)]
    all_years: bool,
    /// Roundabout: the controlled goods, a basket id (ai_compute, processors, chpl_ics) or
    /// HS6 codes separated by commas (default: every controlled basket).
    #[arg(long, value_name = "BASKET|HS6,...")]
    did_treated: Option<String>,
    /// Roundabout: the comparable goods outside the controls, a basket id or HS6 codes
    /// (default: every control basket).
    #[arg(long, value_name = "BASKET|HS6,...")]
    did_control: Option<String>,
    /// Roundabout: rule dates YYYY-MM (repeatable; default: every US rule in the record).
    #[arg(long, value_name = "YYYY-MM")]
    rule_date: Vec<String>,
    /// Roundabout: months on each side of a rule.
    #[arg(long, default_value_t = 36, value_parser = clap::value_parser!(i32).range(1..=240))]
    window_months: i32,
    /// Intermediary countries, or group ids such as CCA (default: those enforcement actions
    /// name). Countries named here and in --targets count as named for surge severity.
    #[arg(long, value_delimiter = ',')]
    intermediaries: Vec<String>,
    /// Mirror and route: importers report CIF; divide by this to compare with FOB exports.
    #[arg(long, default_value_t = 1.10)]
    cif_fob: f64,
    /// Mirror: minimum share of exports missing from the importer's statistics, 0-1.
    #[arg(long, default_value_t = 0.30)]
    min_unaccounted: f64,
    /// Route: minimum share of a hub's imports sent on to the targets, 0-1.
    #[arg(long, default_value_t = 0.25)]
    min_share: f64,
    /// Also write findings.json and index.html (with the trade charts) to DIR.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Print the findings as JSON.
    #[arg(long)]
    json: bool,
    /// Exit with code 3 when a finding is at or above this severity.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<SeverityArg>,
    /// No progress messages.
    #[arg(long, short)]
    quiet: bool,
}

fn bad(flag: &str, message: String) -> anyhow::Error {
    InputError::Invalid {
        file: flag.into(),
        message,
    }
    .into()
}

fn codes(flag: &str, spec: &str) -> Result<Codes> {
    let spec = spec.trim();
    let baskets = chipwatch_model::basket::bundled();
    if let Some(b) = baskets.iter().find(|b| b.id == spec) {
        return Ok(Codes {
            name: b.id.clone(),
            hs6: b.codes.iter().map(|c| c.hs6.clone()).collect(),
        });
    }
    let hs6: Vec<String> = spec
        .split(',')
        .map(|s| s.trim().replace('.', ""))
        .filter(|s| !s.is_empty())
        .collect();
    if hs6.is_empty()
        || hs6
            .iter()
            .any(|c| c.len() != 6 || !c.bytes().all(|b| b.is_ascii_digit()))
    {
        let ids: Vec<&str> = baskets.iter().map(|b| b.id.as_str()).collect();
        return Err(bad(
            flag,
            format!(
                "`{spec}` is neither a basket ({}) nor a list of six-digit HS codes",
                ids.join(", ")
            ),
        ));
    }
    Ok(Codes {
        name: hs6.join("+"),
        hs6,
    })
}

/// Countries by code or name; a group id (EU27, EAEU, ASEAN, GCC, CCA ...) stands for its
/// members.
fn countries(flag: &str, v: &[String]) -> Result<Vec<String>> {
    let reg = chipwatch_model::country::CountryRegistry::bundled();
    let groups = chipwatch_model::groups::bundled();
    let mut out: Vec<String> = Vec::new();
    for s in v.iter().filter(|s| !s.trim().is_empty()) {
        let codes = match reg.resolve(s) {
            Some(c) => vec![c.alpha2.clone()],
            None => match chipwatch_model::groups::find(&groups, s) {
                Some(g) => g.codes(),
                None => {
                    let ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
                    return Err(bad(
                        flag,
                        format!(
                            "{} (groups: {})",
                            chipwatch_model::country::unknown_country_detail(reg, s),
                            ids.join(", ")
                        ),
                    ));
                }
            },
        };
        for c in codes {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    Ok(out)
}

fn params(a: &FlowsArgs) -> Result<TradeParams> {
    for (flag, v, lo, hi) in [
        ("--cif-fob", a.cif_fob, 1.0, 2.0),
        ("--min-unaccounted", a.min_unaccounted, 0.0, 1.0),
        ("--min-share", a.min_share, 0.0, 1.0),
        ("--min-base-share", a.min_base_share, 0.0, 1.0),
    ] {
        if !(v.is_finite() && (lo..=hi).contains(&v)) {
            return Err(bad(flag, format!("{v} is not between {lo} and {hi}")));
        }
    }
    for d in &a.rule_date {
        if chipwatch_flows::did::month_index(d).is_none() {
            return Err(bad("--rule-date", format!("`{d}` is not a date YYYY-MM")));
        }
    }
    let targets = countries("--targets", &a.targets)?;
    let intermediaries = if a.intermediaries.is_empty() {
        None
    } else {
        Some(countries("--intermediaries", &a.intermediaries)?)
    };
    if !(a.min_base.is_finite() && a.min_base >= 0.0) {
        return Err(bad(
            "--min-base",
            format!("{} is not a value in USD", a.min_base),
        ));
    }
    let mut named: Vec<(String, String)> = Vec::new();
    for (flag, list) in [
        ("--targets", Some(&targets)),
        ("--intermediaries", intermediaries.as_ref()),
    ] {
        for c in list.into_iter().flatten() {
            if !named.iter().any(|(n, _)| n == c) {
                named.push((c.clone(), format!("named with {flag}")));
            }
        }
    }
    Ok(TradeParams {
        surge: SurgeParams {
            min_growth_pct: a.min_growth,
            min_z: a.min_z,
            min_base_share: a.min_base_share,
            min_base_usd: a.min_base,
            min_months: a.min_months,
            named,
            all_years: a.all_years,
        },
        did: DidParams {
            treated: a
                .did_treated
                .as_deref()
                .map(|s| codes("--did-treated", s))
                .transpose()?,
            control: a
                .did_control
                .as_deref()
                .map(|s| codes("--did-control", s))
                .transpose()?,
            rule_dates: (!a.rule_date.is_empty()).then(|| a.rule_date.clone()),
            window_months: a.window_months,
            intermediaries: intermediaries.clone(),
            targets: targets.clone(),
        },
        substitution: SubstitutionParams {
            targets: targets.clone(),
            intermediaries: intermediaries.clone(),
            rule_dates: (!a.rule_date.is_empty()).then(|| a.rule_date.clone()),
            months_after: a.window_months.min(12),
            ..SubstitutionParams::default()
        },
        mirror: MirrorParams {
            cif_fob: a.cif_fob,
            min_unaccounted: a.min_unaccounted,
            ..MirrorParams::default()
        },
        route: RouteParams {
            hubs: intermediaries,
            targets,
            cif_fob: a.cif_fob,
            min_share: a.min_share,
            ..RouteParams::default()
        },
    })
}

pub async fn run(args: FlowsArgs) -> Result<ExitCode> {
    let p = params(&args)?;
    let progress = Progress::new(args.quiet || args.json);
    let loaded = load(&args.input, &progress).await?;
    if !loaded.engine.has_trade() {
        return Err(bad(
            "--trade",
            "no trade rows were loaded: give trade files with --trade".into(),
        ));
    }
    let only = |d: Detector| args.only.is_empty() || args.only.contains(&d);
    let ctx = loaded.engine.context();
    let mut findings = Vec::new();
    if only(Detector::Surge) {
        progress.step("surges");
        findings.extend(trade::trade_surge(ctx, &p.surge).await?);
    }
    if only(Detector::Did) {
        progress.step("roundabout difference-in-differences");
        findings.extend(chipwatch_flows::did::roundabout(ctx, &p.did).await?);
    }
    if only(Detector::Substitution) {
        progress.step("substitution across destinations");
        findings.extend(chipwatch_flows::substitution::substitution(ctx, &p.substitution).await?);
    }
    if only(Detector::Mirror) {
        progress.step("mirror gaps");
        findings.extend(chipwatch_flows::mirror::mirror_gap(ctx, &p.mirror).await?);
    }
    if only(Detector::Route) {
        progress.step("re-export routes");
        findings.extend(chipwatch_flows::route::route_share(ctx, &p.route).await?);
    }
    rank(&mut findings);
    let charts = trade::charts(ctx, &findings).await?;
    progress.done();
    let section = Section {
        id: "trade".into(),
        title: "Trade flows: surges, roundabout trade, mirror gaps and routes".into(),
        intro: "The trade detectors on the given files, with the parameters each finding lists."
            .into(),
        findings: findings.clone(),
        charts,
        maps: Vec::new(),
        graphs: Vec::new(),
    };
    let doc = ReportDoc::new(&loaded.dataset.origin, vec![section]);
    if let Some(dir) = &args.out {
        doc.write(dir)
            .with_context(|| format!("writing the report to {}", dir.display()))?;
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&doc.to_json())?);
    } else {
        println!("{}", terminal_table(&findings, terminal_width()));
        println!(
            "{} trade finding(s){}.",
            findings.len(),
            args.out
                .as_ref()
                .map(|d| format!("; wrote {}/findings.json and index.html", d.display()))
                .unwrap_or_default()
        );
    }
    if let Some(q) = &args.input.quarantine {
        eprintln!(
            "note: {} invalid row(s) were set aside in {}.",
            loaded.quarantined,
            q.display()
        );
    }
    if let Some(t) = args.fail_on {
        let t: Severity = t.into();
        if findings.iter().any(|f| f.severity >= t) {
            return Ok(ExitCode::from(EXIT_FINDINGS));
        }
    }
    Ok(ExitCode::SUCCESS)
}
