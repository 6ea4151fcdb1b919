//! `chipwatch assess` and `chipwatch simulate`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chipwatch_assess::assess::{Options, assess};
use chipwatch_assess::ledger::read_ledger;
use chipwatch_assess::score::Weights;
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
    /// Flag weights learned from reviewers' decisions (`chipwatch assess learn` writes them);
    /// default: the prior weights of data/assess/red_flags.csv.
    #[arg(long, value_name = "FILE")]
    pub weights: Option<PathBuf>,
    /// Who owns whom (CSV `owner,owned,share_pct,as_of,source` or FollowTheMoney JSON lines);
    /// repeatable. A party 50% or more owned by listed parties on the order date raises H2, a
    /// listed owner of unknown share H2b (docs/screen.md, Ownership). Needs lists.
    #[arg(long, value_name = "FILE")]
    pub ownership: Vec<PathBuf>,
}

#[derive(Subcommand)]
pub enum AssessCmd {
    /// Measure on ledgers from four independent generators: recall and precision of diverted
    /// orders when the riskiest 5% are reviewed, per generator and scheme, the worst case, and
    /// the share of legitimate orders with any flag.
    #[command(
        after_help = "The generators were written from different public sources (the chipwatch simulator the
flags were developed on; the BIS guidance of 2025-05-13; the 2025 DOJ and Singapore case
narratives; a legitimate-heavy market of benign oddities): docs/assess.md, Evaluation.

Examples:
  chipwatch assess eval                       # 4 generators x seeds 1001-1003, 20,000 orders each
  chipwatch assess eval --cross               # and weights learned on each generator, tested on all
  chipwatch assess eval --weights w.csv       # with learned weights
  chipwatch assess eval --rounds 4            # and reviewing in 4 batches, learning between them
  chipwatch assess eval --seeds 7,8 --orders 50000 --json
  chipwatch assess eval --ledger past.csv --truth past.truth.csv --lists csl.csv   # your own labels

Exit code 3 when the worst generator's recall is below 0.85 or more than 20% of a generator's
legitimate orders carry a flag."
    )]
    Eval {
        /// Seeds, comma-separated (development used 1-9).
        #[arg(long, value_delimiter = ',')]
        seeds: Vec<u64>,
        /// Orders per generated ledger.
        #[arg(long, default_value_t = 20_000)]
        orders: usize,
        /// Weights to evaluate (default: the prior).
        #[arg(long, value_name = "FILE")]
        weights: Option<PathBuf>,
        /// Also learn weights on each generator (seed 1) and measure them on every generator.
        #[arg(long)]
        cross: bool,
        /// Also review the riskiest 5% in N batches, fitting the weights to the decisions so far
        /// after each batch and ranking the rest again (the loop of review and `assess learn`):
        /// recall in the same reviewing time as one pass.
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100))]
        rounds: u32,
        /// Exit 3 when the worst generator's recall is below this (default: the target, 0.85).
        /// CI sets a regression floor here while the target is not yet met.
        #[arg(long, value_name = "RECALL")]
        min_recall: Option<f64>,
        /// Exit 3 when more than this share of a generator's legitimate orders carry a flag
        /// (default: the target, 0.20).
        #[arg(long, value_name = "SHARE")]
        max_legit_flagged: Option<f64>,
        /// Evaluate on this labelled ledger of yours instead of the generators (any ledger
        /// `assess` reads, with --truth).
        #[arg(long, value_name = "FILE", requires = "truth", conflicts_with_all = ["seeds", "cross"])]
        ledger: Option<PathBuf>,
        /// ... and its ground truth: CSV with `order_id`, `diverted` (true/false) and optionally
        /// `scheme` (recall is then also reported per scheme).
        #[arg(long, value_name = "FILE", requires = "ledger")]
        truth: Option<PathBuf>,
        /// With --ledger: restricted-party lists to screen its parties against (as for assess;
        /// default: the lists `chipwatch lists fetch` stored, if any).
        #[arg(long = "lists", value_name = "FILE", requires = "ledger")]
        eval_lists: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Learn the flags' weights from reviewers' decisions: the dispositions of `assess` alerts
    /// in a case store, or a labelled ledger.
    #[command(
        after_help = "The fit is L2-regularised logistic regression whose prior is the current weights
(docs/assess.md, Learning from decisions): with few decisions the weights move little, with
none they stay the prior. Escalated, reported and blocked alerts count as diversion; cleared
and licence applied for as legitimate.

Examples:
  chipwatch assess learn --db chipwatch.db --out weights.csv
  chipwatch assess learn --ledger past.csv --labels past.truth.csv --out weights.csv
  chipwatch assess ledger.csv --weights weights.csv"
    )]
    Learn {
        /// A case store (SQLite file or postgres:// URL) whose dispositions to learn from.
        #[arg(long, value_name = "FILE|URL", conflicts_with = "ledger")]
        db: Option<String>,
        /// A ledger whose orders were reviewed ...
        #[arg(long, value_name = "FILE", requires = "labels")]
        ledger: Option<PathBuf>,
        /// ... and its labels: CSV with `order_id` and `diverted` (true/false).
        #[arg(long, value_name = "FILE")]
        labels: Option<PathBuf>,
        /// Restricted-party lists to screen the ledger's parties against (as for assess).
        #[arg(long, value_name = "PATH")]
        lists: Vec<PathBuf>,
        /// Start from these weights instead of the prior.
        #[arg(long, value_name = "FILE")]
        weights: Option<PathBuf>,
        /// Where to write the learned weights.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
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
    /// Which generator writes the ledger: chipwatch_sim (the default), bis_guidance,
    /// case_narratives or benign_market (docs/assess.md, Evaluation).
    #[arg(long, default_value = "chipwatch_sim", value_name = "NAME")]
    pub generator: String,
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
            weights: None,
            ownership: None,
            screen_cache: None,
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
            weights: None,
            ownership: None,
            screen_cache: None,
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
    let gens = chipwatch_assess::eval::generators();
    let Some(g) = gens.iter().find(|g| g.name == args.generator) else {
        return Err(anyhow::anyhow!(crate::InvalidInput(format!(
            "--generator: `{}` is not a generator (use {})",
            args.generator,
            gens.iter().map(|g| g.name).collect::<Vec<_>>().join(", ")
        ))));
    };
    let (ledger, truth_csv) = (g.generate)(args.seed, args.orders);
    std::fs::write(&args.out, &ledger)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    let truth = args
        .truth
        .unwrap_or_else(|| args.out.with_extension("truth.csv"));
    std::fs::write(&truth, &truth_csv)
        .with_context(|| format!("cannot write {}", truth.display()))?;
    let rows = truth_csv.lines().count().saturating_sub(1);
    let diverted = truth_csv
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(1).is_some_and(|d| d.trim() == "true"))
        .count();
    eprintln!(
        "wrote {rows} order lines of generator {} ({diverted} diverted, labelled in {}) to {}",
        g.name,
        truth.display(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn screener(args: &AssessArgs) -> Result<Option<Screener>> {
    Ok(crate::screen_cmd::optional_screener(&args.lists, args.store.as_deref())?.map(|(s, _)| s))
}

pub fn run(args: AssessArgs) -> Result<ExitCode> {
    match &args.command {
        Some(AssessCmd::Eval {
            seeds,
            orders,
            weights,
            cross,
            rounds,
            min_recall,
            max_legit_flagged,
            ledger,
            truth,
            eval_lists,
            json,
        }) => {
            let own = ledger.as_deref().zip(truth.as_deref());
            return eval(
                seeds,
                *orders,
                weights.as_deref(),
                (*cross, *rounds as usize),
                own.map(|(l, t)| (l, t, eval_lists.as_slice())),
                (*min_recall, *max_legit_flagged),
                *json,
            );
        }
        Some(AssessCmd::Learn {
            db,
            ledger,
            labels,
            lists,
            weights,
            out,
            json,
        }) => {
            return learn(
                db.as_deref(),
                ledger.as_deref().zip(labels.as_deref()),
                lists,
                weights.as_deref(),
                out,
                *json,
            );
        }
        None => {}
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
    let weights = load_weights(args.weights.as_deref())?;
    let stakes = crate::screen_cmd::read_stakes(&args.ownership)?;
    if !stakes.is_empty() && s.is_none() {
        anyhow::bail!(
            "--ownership needs lists to know which owners are listed: pass --lists FILE or run `chipwatch lists fetch`"
        );
    }
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
            weights: weights.as_ref(),
            ownership: (!stakes.is_empty()).then_some(stakes.as_slice()),
            screen_cache: None,
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
    let unlicensed = a
        .orders
        .iter()
        .filter(|o| {
            o.noted
                .iter()
                .any(|n| n.why == chipwatch_assess::assess::NO_LICENCES_RECORDED)
        })
        .count();
    if unlicensed > 0 {
        doc.notes.push(format!(
            "{unlicensed} order(s) need a licence under the rules in force on their dates, and no order of this ledger records one (column `licence`): \
             the requirement is noted on each, with its rule paragraphs, and not raised as red flag H1 (docs/assess.md, Red flags). \
             Record licences to have them checked."
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
            "{} orders assessed in {secs:.2}s ({} parties screened): {} network finding(s), {} order(s) in alerts.csv. Wrote {}, {} and {}.",
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

/// Read a weights file, or none.
pub fn load_weights(path: Option<&std::path::Path>) -> Result<Option<Weights>> {
    path.map(|p| Weights::read(p).map_err(|e| anyhow::anyhow!(crate::InvalidInput(e))))
        .transpose()
}

fn learn(
    db: Option<&str>,
    labelled: Option<(&std::path::Path, &std::path::Path)>,
    lists: &[PathBuf],
    weights: Option<&std::path::Path>,
    out: &std::path::Path,
    json: bool,
) -> Result<ExitCode> {
    use chipwatch_assess::learn::{Example, fit};
    let prior = load_weights(weights)?.unwrap_or_else(Weights::prior);
    let examples: Vec<Example> = if let Some(db) = db {
        let store = if db.starts_with("postgres://") || db.starts_with("postgresql://") {
            chipwatch_store::Store::open_url(db)
        } else {
            chipwatch_store::Store::open(std::path::Path::new(db))
        }
        .with_context(|| format!("opening the case store {db}"))?;
        let alerts = store.alerts(None)?;
        let dispositions = store.dispositions(None)?;
        chipwatch_assess::learn::examples_from_alerts(
            alerts.iter().map(|a| (a.id, a.kind.as_str(), &a.details)),
            dispositions
                .iter()
                .map(|d| (d.alert_id, d.decision.as_str())),
        )
    } else if let Some((ledger, labels)) = labelled {
        let orders = read_ledger(ledger)?.strict()?;
        let truth = read_labels(labels)?;
        let s = crate::screen_cmd::optional_screener(lists, None)?.map(|(s, _)| s);
        let a = assess(
            &orders,
            &Options {
                screener: s.as_ref(),
                mode: Mode::AsEnforced,
                weights: Some(&prior),
                ownership: None,
                screen_cache: None,
            },
        );
        let mut missing = 0usize;
        let xs: Vec<Example> = a
            .orders
            .iter()
            .filter_map(|o| match truth.get(&o.order_id) {
                Some(&d) => Some(Example::from_explanation(&o.explanation, d)),
                None => {
                    missing += 1;
                    None
                }
            })
            .collect();
        if missing > 0 {
            eprintln!(
                "note: {missing} order(s) of {} have no label in {} and were left out of the fit",
                ledger.display(),
                labels.display()
            );
        }
        xs
    } else {
        anyhow::bail!("give --db STORE, or --ledger FILE with --labels FILE (see --help)");
    };
    let f = fit(&examples, &prior);
    std::fs::write(out, f.weights.to_csv(&f.notes()))
        .with_context(|| format!("cannot write {}", out.display()))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&f)?);
    } else {
        println!(
            "Learned from {} reviewed order(s), {} escalated ({} Newton iterations); prior: {}",
            f.examples, f.diverted, f.iterations, prior.origin
        );
        let mut t = comfy_table::Table::new();
        t.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY);
        t.set_header(vec![
            "flag",
            "prior log-LR",
            "learned log-LR",
            "reviewed",
            "escalated",
        ]);
        for (id, v) in &f.weights.log_lr {
            let (n, d) = f.support.get(id).copied().unwrap_or((0, 0));
            t.add_row(vec![
                id.clone(),
                format!("{:.2}", prior.prior_of(id)),
                format!("{v:.2}"),
                n.to_string(),
                d.to_string(),
            ]);
        }
        println!("{t}");
        println!(
            "Wrote {}; use it with chipwatch assess LEDGER --weights {0} or chipwatch serve --weights {0}.",
            out.display()
        );
    }
    if examples.is_empty() {
        eprintln!("note: no reviewed orders found: the weights written are the prior");
    }
    Ok(ExitCode::SUCCESS)
}

/// `order_id,diverted` labels.
fn read_labels(path: &std::path::Path) -> Result<std::collections::HashMap<String, bool>> {
    let mut rdr =
        csv::Reader::from_path(path).with_context(|| format!("cannot read {}", path.display()))?;
    let h = rdr.headers()?.clone();
    let col = |n: &str| {
        h.iter().position(|c| c.trim() == n).ok_or_else(|| {
            anyhow::anyhow!(crate::InvalidInput(format!(
                "{}: line 1: no column `{n}` (labels need order_id and diverted)",
                path.display()
            )))
        })
    };
    let (ci, cd) = (col("order_id")?, col("diverted")?);
    let mut out = std::collections::HashMap::new();
    for (n, r) in rdr.records().enumerate() {
        let r = r?;
        let v = r.get(cd).unwrap_or("").trim().to_ascii_lowercase();
        let d = match v.as_str() {
            "true" | "1" | "yes" => true,
            "false" | "0" | "no" => false,
            _ => {
                return Err(anyhow::anyhow!(crate::InvalidInput(format!(
                    "{}: line {}: column `diverted`: `{v}` is not true or false",
                    path.display(),
                    n + 2
                ))));
            }
        };
        out.insert(r.get(ci).unwrap_or("").trim().to_string(), d);
    }
    Ok(out)
}

fn eval(
    seeds: &[u64],
    orders: usize,
    weights: Option<&std::path::Path>,
    (cross, rounds): (bool, usize),
    own: Option<(&Path, &Path, &[PathBuf])>,
    gates: (Option<f64>, Option<f64>),
    json: bool,
) -> Result<ExitCode> {
    use chipwatch_assess::eval::*;
    let seeds: Vec<u64> = if seeds.is_empty() {
        EVAL_SEEDS.to_vec()
    } else {
        seeds.to_vec()
    };
    let w = load_weights(weights)?;
    let bar = indicatif::ProgressBar::new_spinner();
    if json {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let e = if let Some((ledger, truth, lists)) = own {
        bar.set_message(format!("assessing {}", ledger.display()));
        bar.tick();
        let read = if ledger.extension().is_some_and(|e| e == "jsonl") {
            chipwatch_assess::ledger::read_ledger_jsonl(ledger)
        } else {
            chipwatch_assess::ledger::read_ledger(ledger)
        }
        .map_err(|e| anyhow::anyhow!(crate::InvalidInput(e.to_string())))?;
        if let Some(r) = read.rejected.first() {
            return Err(anyhow::anyhow!(crate::InvalidInput(format!(
                "{}: {} invalid row(s), the first: {} (an evaluation scores every order; fix or remove them)",
                ledger.display(),
                read.rejected.len(),
                r.error
            ))));
        }
        let text = std::fs::read_to_string(truth)
            .with_context(|| format!("cannot read {}", truth.display()))?;
        let t = read_truth(&truth.display().to_string(), &text)
            .map_err(|e| anyhow::anyhow!(crate::InvalidInput(e)))?;
        let s = crate::screen_cmd::optional_screener(lists, None)?.map(|(s, _)| s);
        let g = evaluate_ledger(
            &ledger.display().to_string(),
            read.records,
            t,
            s.as_ref(),
            w.as_ref(),
            rounds,
        )
        .map_err(|e| anyhow::anyhow!(crate::InvalidInput(e)))?;
        Evaluation::of(vec![g], w.as_ref(), Vec::new())
    } else {
        evaluate(&seeds, orders, w.as_ref(), cross, rounds, |what| {
            bar.set_message(format!("assessing {what}"));
            bar.tick();
        })
    };
    bar.finish_and_clear();
    let met = e.meets_targets();
    let (min_recall, max_flagged) = (
        gates.0.unwrap_or(TARGET_RECALL),
        gates.1.unwrap_or(TARGET_LEGIT_FLAGGED),
    );
    let ok = e.worst.1 >= min_recall && e.worst_legit_flagged.1 <= max_flagged;
    if json {
        println!("{}", serde_json::to_string_pretty(&e)?);
    } else {
        println!(
            "Diverted orders found when the riskiest {:.0}% of orders are reviewed; weights: {}",
            REVIEW_SHARE * 100.0,
            e.weights
        );
        let mut t = comfy_table::Table::new();
        t.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY);
        t.set_header(vec![
            "generator",
            "seeds",
            "orders",
            "diverted",
            "recall",
            "worst seed",
            "precision",
            "legit flagged",
            "diverted flagged",
        ]);
        for g in &e.generators {
            t.add_row(vec![
                g.generator.clone(),
                g.seeds.len().to_string(),
                g.seeds.iter().map(|s| s.orders).sum::<usize>().to_string(),
                g.seeds
                    .iter()
                    .map(|s| s.diverted)
                    .sum::<usize>()
                    .to_string(),
                format!("{:.3}", g.recall),
                format!("{:.3}", g.worst_recall),
                format!("{:.3}", g.precision),
                format!("{:.1}%", g.legit_flagged * 100.0),
                format!("{:.1}%", g.diverted_flagged * 100.0),
            ]);
        }
        println!("{t}");
        if rounds > 1 {
            println!(
                "Reviewed in {rounds} rounds, the weights fitted to the decisions after each (found by the end of each round):"
            );
            for g in &e.generators {
                let per_seed: Vec<String> = g
                    .seeds
                    .iter()
                    .filter_map(|s| s.rounds.as_ref().map(|r| (s, r)))
                    .map(|(s, r)| {
                        let steps: Vec<String> = r
                            .reviewed
                            .iter()
                            .zip(&r.found)
                            .map(|(n, f)| format!("{f}/{n}"))
                            .collect();
                        format!("seed {}: {} of {}", s.seed, steps.join(" → "), s.diverted)
                    })
                    .collect();
                println!(
                    "  {:<16} recall {:.3} (one pass {:.3}); {}",
                    g.generator,
                    g.rounds_recall.unwrap_or(0.0),
                    g.recall,
                    per_seed.join("; ")
                );
            }
        }
        for g in &e.generators {
            println!("{} (sources: {})", g.generator, g.sources);
            for (scheme, x) in &g.by_scheme {
                println!(
                    "  {scheme:<28} {:>5} / {:<5} recall {:.3}",
                    x.found,
                    x.diverted,
                    x.found as f64 / x.diverted.max(1) as f64
                );
            }
        }
        if !e.cross.is_empty() {
            println!(
                "Weights learned on one generator's labels (seed {TRAIN_SEED}), recall on each:"
            );
            let mut t = comfy_table::Table::new();
            t.load_preset(comfy_table::presets::UTF8_BORDERS_ONLY);
            let mut head = vec!["trained on".to_string()];
            head.extend(e.generators.iter().map(|g| g.generator.clone()));
            head.push("worst held-out".into());
            t.set_header(head);
            for r in &e.cross {
                let mut row = vec![r.trained_on.clone()];
                row.extend(
                    e.generators.iter().map(|g| {
                        format!("{:.3}", r.recall.get(&g.generator).copied().unwrap_or(0.0))
                    }),
                );
                row.push(format!("{:.3}", r.worst_held_out));
                t.add_row(row);
            }
            println!("{t}");
        }
        println!(
            "Worst generator: {} recall {:.3} (target ≥ {TARGET_RECALL}); most legitimate orders flagged: {} {:.1}% (target ≤ {:.0}%). {}",
            e.worst.0,
            e.worst.1,
            e.worst_legit_flagged.0,
            e.worst_legit_flagged.1 * 100.0,
            TARGET_LEGIT_FLAGGED * 100.0,
            if met {
                "Targets met."
            } else {
                "TARGET MISSED."
            }
        );
        if gates.0.is_some() || gates.1.is_some() {
            println!(
                "Regression floor (recall ≥ {min_recall}, legitimate flagged ≤ {:.0}%): {}",
                max_flagged * 100.0,
                if ok { "held." } else { "BROKEN." }
            );
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(crate::EXIT_FINDINGS)
    })
}
