//! `chipwatch assess` and `chipwatch simulate`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chipwatch_assess::assess::{Options, assess};
use chipwatch_assess::ledger::read_ledger;
use chipwatch_model::input::write_quarantine;
use chipwatch_report::{ReportDoc, terminal_table};
use chipwatch_rules::licence::Mode;
use chipwatch_screen::screener::Screener;
use clap::{Args, Subcommand};

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct AssessArgs {
    #[command(subcommand)]
    pub command: Option<AssessCmd>,
    /// The ledger: CSV, one row per order line (columns in docs/assess.md).
    pub ledger: Option<PathBuf>,
    /// Restricted-party lists to screen every party against; repeatable. Default: the copies
    /// `chipwatch lists fetch` stored, if any.
    #[arg(long, value_name = "PATH")]
    pub lists: Vec<PathBuf>,
    /// Where `chipwatch lists fetch` stores lists.
    #[arg(long, value_name = "DIR", env = "CHIPWATCH_LISTS")]
    pub store: Option<PathBuf>,
    /// Output folder for findings.json, alerts.csv and index.html.
    #[arg(long, default_value = "chipwatch-assess", value_name = "DIR")]
    pub out: PathBuf,
    /// Set invalid rows aside in this CSV and assess the rest.
    #[arg(long, value_name = "FILE")]
    pub quarantine: Option<PathBuf>,
    /// Apply rules as written (the AI Diffusion rule) rather than as enforced.
    #[arg(long)]
    pub as_written: bool,
    /// Print the findings as JSON.
    #[arg(long)]
    pub json: bool,
    /// Exit with code 3 when any order scores at least this.
    #[arg(long, value_name = "SCORE")]
    pub fail_on_score: Option<f64>,
}

#[derive(Subcommand)]
pub enum AssessCmd {
    /// Measure on simulated ledgers: recall of diverted orders when the riskiest 5% are
    /// reviewed, and precision, per scheme.
    #[command(after_help = "Example:
  chipwatch assess eval                       # seeds 1001-1003, 20,000 orders each
  chipwatch assess eval --seeds 7,8 --orders 50000 --json

Exit code 3 when recall is below 0.9 for any seed.")]
    Eval {
        /// Seeds, comma-separated (development used 1-9).
        #[arg(long, value_delimiter = ',')]
        seeds: Vec<u64>,
        /// Orders per simulated ledger.
        #[arg(long, default_value_t = 20_000)]
        orders: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct SimulateArgs {
    /// Seed of the generator (the same seed gives the same ledger).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Order lines to generate.
    #[arg(long, default_value_t = 10_000)]
    pub orders: usize,
    /// Where to write the ledger CSV.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Where to write the ground truth (order_id, diverted, scheme); default: next to the
    /// ledger as `<name>.truth.csv`.
    #[arg(long, value_name = "FILE")]
    pub truth: Option<PathBuf>,
}

/// The report's demonstration: a simulated ledger (seed 7, 3,000 orders), screened against the
/// bundled Entity List sample, labelled as simulated.
pub fn demo_section() -> chipwatch_model::finding::Section {
    let sim = chipwatch_assess::simulate::simulate(7, 3000);
    let ledger =
        chipwatch_assess::ledger::read_ledger_text("simulated ledger (seed 7)", &sim.ledger)
            .expect("the simulator writes valid ledgers");
    let s = chipwatch_assess::eval::sample_screener();
    let a = assess(
        &ledger.records,
        &Options {
            screener: Some(&s),
            mode: Mode::AsEnforced,
        },
    );
    chipwatch_assess::report::section(
        &a,
        &ledger.records,
        "a simulated ledger (chipwatch simulate --seed 7 --orders 3000)",
        true,
        5,
    )
}

/// A ledger in the report's data folder (`ledger.csv`), screened against stored lists if any.
pub fn data_section(path: &std::path::Path) -> Result<chipwatch_model::finding::Section> {
    let orders = read_ledger(path)?.strict()?;
    let s = crate::screen_cmd::optional_screener(&[], None)?.map(|(s, _)| s);
    let a = assess(
        &orders,
        &Options {
            screener: s.as_ref(),
            mode: Mode::AsEnforced,
        },
    );
    Ok(chipwatch_assess::report::section(
        &a,
        &orders,
        &path.display().to_string(),
        false,
        20,
    ))
}

pub fn simulate(args: SimulateArgs) -> Result<ExitCode> {
    let s = chipwatch_assess::simulate::simulate(args.seed, args.orders);
    std::fs::write(&args.out, &s.ledger)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    let truth = args
        .truth
        .unwrap_or_else(|| args.out.with_extension("truth.csv"));
    std::fs::write(&truth, &s.truth)
        .with_context(|| format!("cannot write {}", truth.display()))?;
    eprintln!(
        "wrote {} order lines ({} diverted, labelled in {}) to {}",
        s.orders,
        s.diverted,
        truth.display(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn screener(args: &AssessArgs) -> Result<Option<Screener>> {
    Ok(crate::screen_cmd::optional_screener(&args.lists, args.store.as_deref())?.map(|(s, _)| s))
}

pub fn run(args: AssessArgs) -> Result<ExitCode> {
    if let Some(AssessCmd::Eval {
        seeds,
        orders,
        json,
    }) = &args.command
    {
        return eval(seeds, *orders, *json);
    }
    let Some(path) = &args.ledger else {
        anyhow::bail!("give a ledger: chipwatch assess LEDGER.csv (see --help)");
    };
    let loaded = read_ledger(path)?;
    let quarantined = loaded.rejected.len();
    let orders = if let Some(q) = &args.quarantine {
        write_quarantine(q, [loaded.rejected.as_slice()])?;
        loaded.records
    } else {
        loaded.strict()?
    };
    let s = screener(&args)?;
    let started = std::time::Instant::now();
    let a = assess(
        &orders,
        &Options {
            screener: s.as_ref(),
            mode: if args.as_written {
                Mode::AsWritten
            } else {
                Mode::AsEnforced
            },
        },
    );
    let secs = started.elapsed().as_secs_f64();
    let origin = path.display().to_string();
    let section = chipwatch_assess::report::section(&a, &orders, &origin, false, 50);
    let mut doc = ReportDoc::new(&origin, vec![section]);
    doc.title = "chipwatch assessment".into();
    doc.generated = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    if s.is_none() {
        doc.notes.push(
            "parties were not screened: no lists given (--lists) and none stored (chipwatch lists fetch)".into(),
        );
    }
    if let Some(q) = &args.quarantine {
        doc.notes.push(format!(
            "{quarantined} invalid row(s) were set aside in {}.",
            q.display()
        ));
    }
    let written = doc
        .write(&args.out)
        .with_context(|| format!("writing to {}", args.out.display()))?;
    let alerts = args.out.join("alerts.csv");
    let n_alerts = chipwatch_assess::report::write_alerts(&alerts, &a, &orders)
        .with_context(|| format!("writing {}", alerts.display()))?;
    let findings = doc.findings_ranked();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&doc.to_json())?);
    } else {
        println!("{}", terminal_table(&findings, crate::terminal_width()));
        println!(
            "{} orders assessed in {secs:.2}s ({} parties screened): {} network finding(s), {} order(s) with flags. Wrote {}, {} and {}.",
            orders.len(),
            a.parties_screened,
            findings.len(),
            n_alerts,
            written.json.display(),
            alerts.display(),
            written.html.display()
        );
    }
    for note in &doc.notes {
        eprintln!("note: {note}");
    }
    let worst = a.orders.iter().map(|o| o.score).fold(0.0, f64::max);
    Ok(match args.fail_on_score {
        Some(t) if worst >= t => ExitCode::from(crate::EXIT_FINDINGS),
        _ => ExitCode::SUCCESS,
    })
}

fn eval(seeds: &[u64], orders: usize, json: bool) -> Result<ExitCode> {
    use chipwatch_assess::eval::*;
    let seeds: Vec<u64> = if seeds.is_empty() {
        EVAL_SEEDS.to_vec()
    } else {
        seeds.to_vec()
    };
    let s = sample_screener();
    let results: Vec<SeedResult> = seeds
        .iter()
        .map(|&seed| evaluate_seed(seed, orders, &s))
        .collect();
    let ok = results.iter().all(|r| r.recall >= TARGET_RECALL);
    if json {
        println!("{}", serde_json::to_string_pretty(&results)?);
    } else {
        println!(
            "Diverted orders found when the riskiest {:.0}% of orders are reviewed (simulated ledgers; target recall ≥ {TARGET_RECALL})",
            REVIEW_SHARE * 100.0
        );
        for r in &results {
            println!(
                "seed {}: {} orders, {} diverted, {} reviewed: recall {:.3}, precision {:.3}",
                r.seed, r.orders, r.diverted, r.reviewed, r.recall, r.precision
            );
            for (scheme, x) in &r.by_scheme {
                println!(
                    "  {scheme:<22} {:>5} / {:<5} recall {:.3}",
                    x.found,
                    x.diverted,
                    x.found as f64 / x.diverted.max(1) as f64
                );
            }
        }
        println!("{}", if ok { "Target met." } else { "TARGET MISSED." });
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(crate::EXIT_FINDINGS)
    })
}
