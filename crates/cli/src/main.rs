//! The `chipwatch` binary: parses arguments, runs the engines, prints and writes results.
//! Every flag and its help text lives here, in one place.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};
use chipwatch_flows::{EngineConfig, FlowsEngine, FlowsError, SqlOutput};
use chipwatch_model::InputError;
use chipwatch_model::dataset::{Dataset, OnInvalid};
use chipwatch_model::finding::Severity;
use chipwatch_model::input::write_quarantine;
use chipwatch_report::{ReportDoc, terminal_table};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

/// Exit code for invalid input (a file, line, column and rule are printed).
const EXIT_BAD_INPUT: u8 = 2;
/// Exit code when `--fail-on` finds findings at or above the given severity.
const EXIT_FINDINGS: u8 = 3;

#[derive(Parser)]
#[command(
    name = "chipwatch",
    version,
    about = "Find and explain the diversion of export-controlled AI chips",
    long_about = "chipwatch finds and explains the diversion of export-controlled AI chips: it compares \
revenue billed to a country with what was shipped there, checks whether a country's data centres \
could absorb the chips billed to it, finds surges in trade statistics, and tests published claims \
against the record. Every finding lists its figures, evidence and sources.",
    after_help = "Exit codes: 0 success; 1 error; 2 invalid input or usage (file, line, column and rule are printed); \
3 findings at or above --fail-on.\n\nStart with:  chipwatch report"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run every detector and write findings.json and index.html (the main job).
    #[command(after_help = "Examples:
  chipwatch report                                 # bundled public figures, writes ./chipwatch-report/
  chipwatch report --out /tmp/r --json             # print findings as JSON as well
  chipwatch report --trade exports.parquet         # add trade statistics (canonical schema)
  chipwatch report --data my-figures/ --quarantine bad-rows.csv
  chipwatch report --fail-on high                  # exit 3 if any high finding (for pipelines)
  chipwatch report --claim \"Singapore:+740\"        # which periods reproduce a growth claim?

Input schemas are documented in docs/inputs.md.")]
    Report(ReportArgs),
    /// Query the loaded tables with SQL (revenue, disclosures, capacity, assumptions, claims,
    /// intermediaries, trade).
    #[command(after_help = "Examples:
  chipwatch sql \"SELECT period, region, revenue_usd_m FROM revenue WHERE region_code = 'SG'\"
  chipwatch sql --json \"SELECT partner, year, SUM(value_usd) FROM trade GROUP BY 1, 2\"
  chipwatch sql \"SHOW TABLES\"")]
    Sql(SqlArgs),
}

#[derive(Args, Clone)]
struct InputArgs {
    /// Folder with revenue.csv, shipping_disclosures.csv, dc_capacity.csv, absorption.csv,
    /// claims.csv, trade_tw_processors.csv and enforcement_events.csv (any subset) instead of
    /// the bundled public figures.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Trade statistics in the canonical schema, CSV or Parquet (by extension); repeatable.
    #[arg(long, value_name = "FILE")]
    trade: Vec<PathBuf>,
    /// Write rows that break a rule to FILE (CSV: file, line, column, rule, error, row) and go
    /// on with the rest, instead of stopping at the first bad file.
    #[arg(long, value_name = "FILE")]
    quarantine: Option<PathBuf>,
    /// A growth claim to test against the revenue record, as REGION:PERCENT
    /// (e.g. "Singapore:+740" or "SG:404"); repeatable.
    #[arg(long, value_name = "REGION:PCT")]
    claim: Vec<String>,
    /// Memory the query engine may use before spilling to disk, e.g. 512M, 4G.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    memory_limit: Option<usize>,
}

#[derive(Args)]
struct ReportArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Folder for findings.json and index.html.
    #[arg(long, value_name = "DIR", default_value = "chipwatch-report")]
    out: PathBuf,
    /// Print every finding as JSON on standard output instead of the summary table.
    #[arg(long)]
    json: bool,
    /// Exit with code 3 when a finding is at or above this severity.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<SeverityArg>,
    /// No progress messages on standard error.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args)]
struct SqlArgs {
    #[command(flatten)]
    input: InputArgs,
    /// The SQL query.
    query: String,
    /// Print rows as a JSON array.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum SeverityArg {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Low => Severity::Low,
            SeverityArg::Medium => Severity::Medium,
            SeverityArg::High => Severity::High,
            SeverityArg::Critical => Severity::Critical,
        }
    }
}

fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim().to_ascii_uppercase();
    let (num, mult) = match t.chars().last() {
        Some('K') => (&t[..t.len() - 1], 1usize << 10),
        Some('M') => (&t[..t.len() - 1], 1 << 20),
        Some('G') => (&t[..t.len() - 1], 1 << 30),
        _ => (t.as_str(), 1),
    };
    let n: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size like 512M or 4G"))?;
    if n <= 0.0 {
        return Err(format!("`{s}`: the size must be above zero"));
    }
    Ok((n * mult as f64) as usize)
}

/// Progress on standard error, shown only to a person at a terminal.
struct Progress(Option<ProgressBar>);

impl Progress {
    fn new(quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let pb = ProgressBar::new_spinner();
        pb.set_style(
            ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                .expect("static template is valid"),
        );
        pb.enable_steady_tick(Duration::from_millis(120));
        Progress(Some(pb))
    }
    fn step(&self, msg: &str) {
        if let Some(pb) = &self.0 {
            pb.set_message(msg.to_string());
        }
    }
    fn done(&self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}

/// The loaded inputs and the engine with them registered.
struct Loaded {
    dataset: Dataset,
    engine: FlowsEngine,
    quarantined: usize,
}

fn is_parquet(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

async fn load(args: &InputArgs, progress: &Progress) -> Result<Loaded> {
    let on_invalid = if args.quarantine.is_some() {
        OnInvalid::Quarantine
    } else {
        OnInvalid::Fail
    };
    progress.step("reading inputs");
    let mut dataset = match &args.data {
        Some(dir) => Dataset::from_dir(dir, on_invalid)?,
        None => Dataset::bundled()?,
    };
    for (i, text) in args.claim.iter().enumerate() {
        dataset.claims.push(parse_claim(i, text)?);
    }
    let mut parquet = Vec::new();
    for path in &args.trade {
        if is_parquet(path) {
            parquet.push(path.clone());
        } else {
            dataset.add_trade_csv(path, on_invalid)?;
        }
    }
    progress.step("registering tables");
    let mut engine = FlowsEngine::new(&EngineConfig {
        memory_limit: args.memory_limit,
        ..EngineConfig::default()
    })?;
    let trade = engine.load(&dataset, &parquet, on_invalid).await?;
    let mut quarantined = 0;
    if let Some(q) = &args.quarantine {
        let mut all: Vec<&[chipwatch_model::input::RejectedRow]> =
            dataset.rejected.iter().map(|(_, r)| r.as_slice()).collect();
        all.push(&trade.rejected);
        quarantined = write_quarantine(q, all)
            .with_context(|| format!("writing the quarantine file {}", q.display()))?;
    }
    Ok(Loaded {
        dataset,
        engine,
        quarantined,
    })
}

/// Parse `--claim REGION:PCT`; a bad claim is invalid input (exit code 2).
fn parse_claim(i: usize, text: &str) -> Result<chipwatch_model::dataset::GrowthClaim, InputError> {
    let bad = |message: String| InputError::Invalid {
        file: "--claim".into(),
        message,
    };
    let (region, pct) = text.rsplit_once(':').ok_or_else(|| {
        bad(format!(
            "`{text}`: expected REGION:PERCENT, e.g. Singapore:+740"
        ))
    })?;
    let countries = chipwatch_model::country::CountryRegistry::bundled();
    let country = countries.resolve(region).ok_or_else(|| {
        bad(format!(
            "`{text}`: {}",
            chipwatch_model::country::unknown_country_detail(countries, region)
        ))
    })?;
    let growth: f64 = pct
        .trim()
        .trim_end_matches('%')
        .trim_start_matches('+')
        .parse()
        .ok()
        .filter(|g: &f64| g.is_finite() && *g > -100.0)
        .ok_or_else(|| {
            bad(format!(
                "`{text}`: `{pct}` is not a growth in percent above -100"
            ))
        })?;
    Ok(chipwatch_model::dataset::GrowthClaim {
        id: format!("cli-{}", i + 1),
        company: "NVIDIA".into(),
        region: country.alpha2.clone(),
        claim: format!("revenue billed to {} up {growth}%", country.name),
        growth_pct: growth,
        status: chipwatch_model::Status::Unverified,
        source: "given on the command line (--claim)".into(),
    })
}

async fn report(args: ReportArgs) -> Result<ExitCode> {
    let progress = Progress::new(args.quiet);
    let loaded = load(&args.input, &progress).await?;
    progress.step("running detectors");
    let sections = loaded.engine.run().await?;
    let mut doc = ReportDoc::new(&loaded.dataset.origin, sections);
    doc.generated = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    for m in &loaded.dataset.missing {
        doc.notes.push(format!(
            "{m} is not in the data folder: detectors that need it had no input."
        ));
    }
    if let Some(q) = &args.input.quarantine {
        doc.notes.push(format!(
            "{} invalid row(s) were set aside in {}.",
            loaded.quarantined,
            q.display()
        ));
    }
    progress.step("writing the report");
    let written = doc
        .write(&args.out)
        .with_context(|| format!("writing the report to {}", args.out.display()))?;
    progress.done();
    let findings = doc.findings_ranked();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&doc.to_json())?);
    } else {
        let width = terminal_width();
        println!("{}", terminal_table(&findings, width));
        println!(
            "{} findings from {} data. Wrote {} and {}.",
            findings.len(),
            doc.data_origin,
            written.json.display(),
            written.html.display()
        );
    }
    for note in &doc.notes {
        eprintln!("note: {note}");
    }
    if let Some(threshold) = args.fail_on {
        let threshold: Severity = threshold.into();
        if findings.iter().any(|f| f.severity >= threshold) {
            return Ok(ExitCode::from(EXIT_FINDINGS));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn terminal_width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(120)
}

async fn sql(args: SqlArgs) -> Result<ExitCode> {
    let progress = Progress::new(true);
    let loaded = load(&args.input, &progress).await?;
    let out = loaded
        .engine
        .sql(
            &args.query,
            if args.json {
                SqlOutput::Json
            } else {
                SqlOutput::Table
            },
        )
        .await?;
    println!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Report(args) => report(args).await,
            Command::Sql(args) => sql(args).await,
        }
    });
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            let bad_input = err.chain().any(|e| {
                e.downcast_ref::<InputError>().is_some()
                    || matches!(
                        e.downcast_ref::<FlowsError>(),
                        Some(FlowsError::Input { .. })
                    )
            });
            if bad_input {
                ExitCode::from(EXIT_BAD_INPUT)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}
