//! `chipwatch screen`: restricted-party screening from the command line.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use chipwatch_model::InputError;
use chipwatch_screen::lists::{Loaded, read_any};
use chipwatch_screen::matcher::{NameKind, THRESHOLD};
use chipwatch_screen::normalize::ScorerVersion;
use chipwatch_screen::ownership::{
    Coverage, Rule, Stake, Status, coverage, coverage_of, gleif_kind, listed_by, read_gleif_names,
    read_gleif_rr, read_ownership,
};
use chipwatch_screen::screener::{Hit, Query, Screener};
use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ScreenArgs {
    #[command(subcommand)]
    pub command: Option<ScreenCmd>,
    /// A name to screen (any script; legal forms and abbreviations are understood).
    #[arg(long, value_name = "NAME", conflicts_with = "input")]
    pub name: Option<String>,
    /// The party's country (ISO code or name): a qualifier; a mismatch lowers the score.
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// The party's address: a qualifier (agreement is noted; no shared word lowers the score).
    #[arg(long, value_name = "ADDRESS")]
    pub address: Option<String>,
    /// The party's date of birth (any form with a four-digit year): agreement with a listed
    /// person's raises the score, a year more than one apart lowers it (×0.8).
    #[arg(long, value_name = "DATE")]
    pub dob: Option<String>,
    /// The party's nationality (ISO code or name): a listed person of other nationalities
    /// scores lower (×0.85); agreement is named.
    #[arg(long, value_name = "CC")]
    pub nationality: Option<String>,
    /// An identity or registration number of the party: an entry that lists it scores 0.10
    /// higher, with the document named.
    #[arg(long, value_name = "NUMBER")]
    pub id_number: Option<String>,
    /// What the party is, when known (changes how extra name parts weigh).
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// A CSV of parties to screen: `name` column required; `id`, `country`, `kind` optional.
    #[arg(long, value_name = "CSV", requires = "output")]
    pub input: Option<PathBuf>,
    /// Where batch screening writes one row per hit.
    #[arg(long, value_name = "CSV")]
    pub output: Option<PathBuf>,
    /// List files to screen against (CSL CSV/JSON, OFAC legacy folder, DPL, UN XML,
    /// OpenSanctions JSON lines); repeatable. Default: the copies `chipwatch lists fetch` stored.
    #[arg(long, value_name = "PATH", global = true)]
    pub lists: Vec<PathBuf>,
    /// Where `chipwatch lists fetch` stores lists.
    #[arg(long, value_name = "DIR", env = "CHIPWATCH_LISTS", global = true)]
    pub store: Option<PathBuf>,
    /// Decided false positives: CSV with `source,entry_id,query_name`; those pairs never hit.
    #[arg(long, value_name = "CSV")]
    pub exclude: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Exit with code 3 when anything hits.
    #[arg(long)]
    pub fail_on_hit: bool,
    /// Who owns whom: CSV `owner,owned,share_pct,as_of,source` or FollowTheMoney JSON lines
    /// (`Ownership` entities); repeatable. A party 50% or more owned by listed parties is a hit
    /// of its own kind (BIS Affiliates rule, OFAC 50 Percent Rule), explained as a path.
    #[arg(long, value_name = "FILE")]
    pub ownership: Vec<PathBuf>,
    /// The date the ownership rules are applied on (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", alias = "date")]
    pub as_of: Option<chrono::NaiveDate>,
    /// The score at or above which a name is a hit (default 0.80, the documented threshold).
    /// `chipwatch screen threshold` finds the one that fits an alert budget.
    #[arg(long, value_name = "SCORE", default_value_t = THRESHOLD, value_parser = parse_threshold)]
    pub threshold: f32,
    /// The scorer version: v2 (default) or v1, the scorer of earlier releases, to compare or
    /// reproduce earlier results.
    #[arg(long, value_name = "VERSION", global = true, value_parser = parse_scorer)]
    pub scorer: Option<ScorerVersion>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Person,
    Organization,
}

#[derive(Subcommand)]
pub enum ScreenCmd {
    /// Measure screening on labelled public data and compare with the open anchors.
    #[command(after_help = "Example:
  chipwatch screen eval --data ../shared/data/screening

Reads nomenklatura/name_bench_cases.csv (826 labelled pairs), yente/positives_un_{treated,untreated}.csv,
yente/negatives_{us,global}_1k.csv, watchman/misc/UN_consolidated.xml, watchman/ofac_sdn_2021/ and
watchman/misc/cross_script_pairs.csv. Exit code 3 when a target is missed.")]
    Eval {
        /// The `screening/` folder of the evaluation data.
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Also print every pair the threshold gets wrong.
        #[arg(long)]
        errors: bool,
        /// Seed of the generated company names (5,000 of them) screened for false alerts.
        #[arg(long, value_name = "N", default_value_t = 2026)]
        company_seed: u64,
    },
    /// Find the threshold that fits an alert budget: screens names known to be on no list and
    /// reports the lowest threshold at which at most BUDGET of them alert, with the alert share
    /// at other thresholds and, with --data, the recall and match probability on labelled pairs.
    #[command(after_help = "Example:
  chipwatch screen threshold --lists ../shared/data/screening/watchman/ofac_sdn_2021 \\
      --negatives customers_cleared.csv --budget 0.2% --data ../shared/data/screening

The negatives file needs a `name` (or `full_name`) column; `dob`/`date_of_birth` and `country`
are used as qualifiers when present. Exit code 2 on bad input.")]
    Threshold {
        /// Names on no list (a customer file already cleared, or a synthetic set).
        #[arg(long, value_name = "CSV")]
        negatives: PathBuf,
        /// The share of those names the team can review, as a share or a percentage
        /// (`0.002` or `0.2%`).
        #[arg(long, value_name = "SHARE", value_parser = parse_budget)]
        budget: f64,
        /// The `screening/` folder of the evaluation data, for recall and probability at the
        /// threshold found.
        #[arg(long, value_name = "DIR")]
        data: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every party that listed owners cover: 50% or more owned, directly or through covered
    /// companies, by parties on the Entity List or MEU List (BIS Affiliates rule, in force on
    /// the date) or the SDN list (OFAC 50 Percent Rule); unknown shares as bounds.
    #[command(after_help = "Examples:
  chipwatch screen owners --ownership owners.csv --lists csl.csv --lists sdn/
  chipwatch screen owners --ownership opensanctions-ownership.json --as-of 2026-01-15 --json

The ownership CSV: owner,owned,share_pct,as_of,source (share_pct empty when unknown; an optional
`until` column ends a stake). Owners are screened against the lists; a match at the screening
threshold makes an owner listed, with the entry and the match shown. Possibly covered: the
unknown shares could reach 50% (BIS red flag 29: determine them). Exit code 3 with --fail-on-hit
when any party is covered or possibly covered.")]
    Owners {
        /// Ownership files (CSV or FollowTheMoney JSON lines); repeatable.
        #[arg(long, value_name = "FILE", required = true)]
        ownership: Vec<PathBuf>,
        /// List files (default: the copies `chipwatch lists fetch` stored).
        #[arg(long, value_name = "PATH")]
        lists: Vec<PathBuf>,
        /// Where `chipwatch lists fetch` stores lists.
        #[arg(long, value_name = "DIR", env = "CHIPWATCH_LISTS")]
        store: Option<PathBuf>,
        /// The date the rules are applied on (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", alias = "date")]
        as_of: Option<chrono::NaiveDate>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Exit with code 3 when any party is covered or possibly covered.
        #[arg(long)]
        fail_on_hit: bool,
    },
}

/// Read every ownership file given: ownership CSVs, FollowTheMoney JSON lines, and GLEIF
/// golden-copy files (relationship files, named by any LEI-CDF entity file given with them).
pub fn read_stakes(paths: &[PathBuf]) -> Result<Vec<Stake>> {
    let mut texts = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("reading ownership file {}", p.display()))?;
        texts.push((p.display().to_string(), text));
    }
    let mut names = std::collections::HashMap::new();
    for (file, text) in &texts {
        if gleif_kind(text) == Some("lei") {
            names.extend(read_gleif_names(file, text)?);
        }
    }
    let mut out = Vec::new();
    for (file, text) in &texts {
        match gleif_kind(text) {
            Some("lei") => {}
            Some(_) => {
                let (stakes, other) = read_gleif_rr(file, text, &names)?;
                // A parent the entity files do not name keeps its LEI (20 letters and digits).
                let is_lei =
                    |v: &str| v.len() == 20 && v.bytes().all(|b| b.is_ascii_alphanumeric());
                let unnamed = stakes
                    .iter()
                    .filter(|s| is_lei(&s.owner) && !names.contains_key(&s.owner))
                    .count();
                eprintln!(
                    "{file}: {} consolidation relationship(s) as stakes of unknown share; {other} of other kinds or inactive left aside{}",
                    stakes.len(),
                    if unnamed > 0 {
                        format!(
                            "; {unnamed} parent(s) named by LEI only (give the LEI-CDF file with --ownership)"
                        )
                    } else {
                        String::new()
                    }
                );
                out.extend(stakes);
            }
            None => out.extend(read_ownership(file, text)?),
        }
    }
    Ok(out)
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

fn owners(
    ownership: &[PathBuf],
    lists: &[PathBuf],
    store: Option<&Path>,
    as_of: Option<chrono::NaiveDate>,
    json: bool,
    fail_on_hit: bool,
) -> Result<ExitCode> {
    let stakes = read_stakes(ownership)?;
    let loaded = load_lists(lists, store)?;
    let s = Screener::new(loaded.into_iter().flat_map(|l| l.entries).collect());
    let date = as_of.unwrap_or_else(today);
    let listed = listed_by(&s);
    let mut found = Vec::new();
    let mut not_in_force = Vec::new();
    for rule in Rule::all() {
        if !rule.in_force(date) {
            not_in_force.push(rule);
            continue;
        }
        found.extend(
            coverage(&stakes, rule, date, &listed)
                .into_values()
                .filter(|c| c.status != Status::Listed),
        );
    }
    found.sort_by(|a, b| a.status.cmp(&b.status).then(b.lower.total_cmp(&a.lower)));
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "date": date,
                "stakes": stakes.len(),
                "rules_not_in_force": not_in_force.iter().map(|r| r.id).collect::<Vec<_>>(),
                "covered": found.iter().map(Coverage::to_json).collect::<Vec<_>>(),
            }))?
        );
    } else {
        for r in &not_in_force {
            println!("{} is not in force on {date} ({}).", r.name, r.citation);
        }
        if found.is_empty() {
            println!(
                "No party of {} stake(s) is covered by listed owners on {date}.",
                stakes.len()
            );
        }
        for c in &found {
            let tag = match c.status {
                Status::Covered => "COVERED",
                _ => "POSSIBLY COVERED",
            };
            println!("{tag} [{}] {}", c.rule.id, c.explain());
        }
    }
    Ok(if fail_on_hit && !found.is_empty() {
        ExitCode::from(crate::EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

fn kind(k: Option<KindArg>) -> NameKind {
    match k {
        Some(KindArg::Person) => NameKind::Person,
        Some(KindArg::Organization) => NameKind::Organization,
        None => NameKind::Unknown,
    }
}

fn list_error(p: &Path, e: impl std::fmt::Display) -> InputError {
    let file = p.display().to_string();
    let message = e.to_string();
    let message = message
        .strip_prefix(&format!("{file}: "))
        .unwrap_or(&message)
        .to_string();
    InputError::Invalid { file, message }
}

/// Load the given lists, or the stored ones.
pub fn load_lists(paths: &[PathBuf], store: Option<&Path>) -> Result<Vec<Loaded>> {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        let store = crate::lists_cmd::store_dir(store);
        let stored = crate::lists_cmd::stored_lists(&store)?;
        if stored.is_empty() {
            return Err(InputError::Invalid {
                file: store.display().to_string(),
                message: "no stored lists: pass --lists FILE (CSL CSV or JSON, OFAC legacy \
                          folder, DPL, UN XML, OpenSanctions JSON lines) or run \
                          `chipwatch lists fetch`"
                    .into(),
            }
            .into());
        }
        stored
    } else {
        paths.to_vec()
    };
    let mut out = Vec::new();
    for p in &paths {
        let l = read_any(p).map_err(|e| list_error(p, e))?;
        for w in &l.warnings {
            eprintln!("warning: {w}");
        }
        out.push(l);
    }
    Ok(out)
}

/// A screener over the given lists or, without any, the stored ones, with the files it read;
/// `None` when no list is given and none is stored.
pub fn optional_screener(
    paths: &[PathBuf],
    store: Option<&Path>,
) -> Result<Option<(Screener, Vec<String>)>> {
    let stored = crate::lists_cmd::stored_lists(&crate::lists_cmd::store_dir(store))?;
    if paths.is_empty() && stored.is_empty() {
        return Ok(None);
    }
    let loaded = load_lists(paths, store)?;
    let names = loaded.iter().map(|l| l.file.clone()).collect();
    let entries = loaded.into_iter().flat_map(|l| l.entries).collect();
    Ok(Some((Screener::new(entries), names)))
}

/// The given or stored lists, else the bundled 33-entry Entity List sample with a note (for
/// trying chipwatch out, not for compliance).
pub fn screener_or_sample(
    paths: &[PathBuf],
    store: Option<&Path>,
) -> Result<(Screener, Vec<String>)> {
    Ok(match optional_screener(paths, store)? {
        Some(found) => found,
        None => {
            eprintln!(
                "note: screening against the bundled 33-entry Entity List sample; pass --lists or run `chipwatch lists fetch` for real lists"
            );
            (
                chipwatch_assess::eval::sample_screener(),
                vec!["data/screen/sample_csl.csv (bundled sample)".to_string()],
            )
        }
    })
}

fn build(args: &ScreenArgs) -> Result<Screener> {
    let loaded = load_lists(&args.lists, args.store.as_deref())?;
    let entries = loaded.into_iter().flat_map(|l| l.entries).collect();
    let mut s = Screener::new(entries);
    if let Some(path) = &args.exclude {
        let mut rdr = csv::Reader::from_path(path).map_err(|e| list_error(path, e))?;
        let headers = rdr.headers().map_err(|e| list_error(path, e))?.clone();
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| InputError::Invalid {
                    file: path.display().to_string(),
                    message: format!(
                        "line 1: column {name:?} missing (need source,entry_id,query_name)"
                    ),
                })
        };
        let (cs, ci, cq) = (col("source")?, col("entry_id")?, col("query_name")?);
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| list_error(path, format!("line {}: {e}", i + 2)))?;
            s.exclude(&rec[cs], &rec[ci], &rec[cq]);
        }
    }
    Ok(s)
}

fn parse_threshold(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(t) if (0.0..=1.0).contains(&t) => Ok(t),
        _ => Err(format!("{s:?} is not a score between 0 and 1")),
    }
}

fn parse_scorer(s: &str) -> Result<ScorerVersion, String> {
    ScorerVersion::parse(s).ok_or_else(|| format!("{s:?} is not a scorer version (v1 or v2)"))
}

fn parse_budget(s: &str) -> Result<f64, String> {
    let (num, scale) = match s.strip_suffix('%') {
        Some(n) => (n, 0.01),
        None => (s, 1.0),
    };
    match num.trim().parse::<f64>() {
        Ok(b) if b * scale > 0.0 && b * scale < 1.0 => Ok(b * scale),
        _ => Err(format!(
            "{s:?} is not a budget: a share between 0 and 1 (0.002) or a percentage (0.2%)"
        )),
    }
}

pub fn screen(args: ScreenArgs) -> Result<ExitCode> {
    if let Some(v) = args.scorer {
        chipwatch_screen::normalize::set_scorer(v);
    }
    match &args.command {
        Some(ScreenCmd::Eval {
            data,
            json,
            errors,
            company_seed,
        }) => return eval(data, *json, *errors, *company_seed),
        Some(ScreenCmd::Threshold {
            negatives,
            budget,
            data,
            json,
        }) => return threshold(&args, negatives, *budget, data.as_deref(), *json),
        Some(ScreenCmd::Owners {
            ownership,
            lists,
            store,
            as_of,
            json,
            fail_on_hit,
        }) => {
            return owners(
                ownership,
                lists,
                store.as_deref(),
                *as_of,
                *json,
                *fail_on_hit,
            );
        }
        None => {}
    }
    let hit_code = |any: bool| {
        if any && args.fail_on_hit {
            ExitCode::from(crate::EXIT_FINDINGS)
        } else {
            ExitCode::SUCCESS
        }
    };
    if let Some(input) = &args.input {
        let output = args.output.as_ref().context("--input needs --output")?;
        let s = build(&args)?;
        let ownership = if args.ownership.is_empty() {
            None
        } else {
            Some(OwnershipCheck {
                index: chipwatch_screen::ownership::OwnershipIndex::new(read_stakes(
                    &args.ownership,
                )?),
                date: args.as_of.unwrap_or_else(today),
            })
        };
        let n = batch(&s, input, output, ownership, args.threshold)?;
        return Ok(hit_code(n > 0));
    }
    let Some(name) = &args.name else {
        anyhow::bail!("give --name NAME, or --input parties.csv --output hits.csv (see --help)");
    };
    let s = build(&args)?;
    let q = Query {
        address: args.address.clone(),
        name: name.clone(),
        country: args.country.clone(),
        dob: args.dob.clone(),
        nationality: args.nationality.clone(),
        id_number: args.id_number.clone(),
        kind: kind(args.kind),
    };
    let hits = s.screen_with(&q, args.threshold);
    let date = args.as_of.unwrap_or_else(today);
    let owned = if args.ownership.is_empty() {
        Vec::new()
    } else {
        coverage_of(name, &read_stakes(&args.ownership)?, date, &listed_by(&s))
    };
    if args.json {
        let mut v = serde_json::json!({
            "query": {"name": name, "country": args.country},
            "threshold": args.threshold,
            "entries_screened": s.entries().len(),
            "hits": hits,
        });
        if !args.ownership.is_empty() {
            v["ownership"] = serde_json::json!({
                "date": date,
                "covered": owned.iter().map(Coverage::to_json).collect::<Vec<_>>(),
            });
        }
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        print_hits(name, &hits, s.entries().len(), args.threshold);
        if !args.ownership.is_empty() {
            if owned.is_empty() {
                println!(
                    "{name}: not 50% or more owned by listed parties on {date} (ownership data given)"
                );
            }
            for c in &owned {
                let tag = match c.status {
                    Status::Covered => "covered affiliate",
                    _ => "possibly covered affiliate",
                };
                println!("{name}: {tag} [{}]: {}", c.rule.id, c.explain());
            }
        }
    }
    Ok(hit_code(!hits.is_empty() || !owned.is_empty()))
}

fn print_hits(name: &str, hits: &[Hit], screened: usize, threshold: f32) {
    if hits.is_empty() {
        println!(
            "{name}: no hit at score ≥ {:.2} among {screened} listed entries",
            threshold
        );
        return;
    }
    println!("{name}: {} hit(s) at score ≥ {:.2}", hits.len(), threshold);
    for h in hits {
        println!(
            "  {:.3}  {} {}  {}",
            h.score, h.source, h.entry_id, h.entry_name
        );
        if h.matched_alias != h.entry_name {
            println!("         matched alias: {}", h.matched_alias);
        }
        if !h.countries.is_empty() {
            println!("         countries: {}", h.countries.join(", "));
        }
        println!("         why: {}", h.explanation);
        println!("         from: {}", h.origin);
    }
}

struct Party {
    id: String,
    name: String,
    country: Option<String>,
    address: Option<String>,
    dob: Option<String>,
    nationality: Option<String>,
    id_number: Option<String>,
    kind: NameKind,
}

impl Party {
    /// The party as a screening query, with its qualifiers.
    fn query(&self) -> Query {
        Query {
            address: self.address.clone(),
            name: self.name.clone(),
            country: self.country.clone(),
            dob: self.dob.clone(),
            nationality: self.nationality.clone(),
            id_number: self.id_number.clone(),
            kind: self.kind,
        }
    }
}

fn read_parties(path: &Path) -> Result<Vec<Party>> {
    let mut rdr = csv::Reader::from_path(path).map_err(|e| list_error(path, e))?;
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| list_error(path, e))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
        .collect();
    let col = |n: &str| headers.iter().position(|h| h == n);
    let name_col = col("name").or_else(|| col("full_name")).ok_or_else(|| InputError::Invalid {
        file: path.display().to_string(),
        message: "line 1: no `name` column (columns: name, and optionally id, country, kind, address, dob, nationality, id_number)"
            .into(),
    })?;
    let (id_col, country_col, kind_col, address_col) =
        (col("id"), col("country"), col("kind"), col("address"));
    let dob_col = col("dob").or_else(|| col("date_of_birth"));
    let (nationality_col, id_number_col) = (col("nationality"), col("id_number"));
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let rec = rec.map_err(|e| list_error(path, format!("line {line}: {e}")))?;
        let name = rec.get(name_col).unwrap_or("").trim().to_string();
        if name.is_empty() {
            return Err(InputError::Invalid {
                file: path.display().to_string(),
                message: format!(
                    "line {line}, column name: empty (rule screen.name: a name to screen)"
                ),
            }
            .into());
        }
        let get = |c: Option<usize>| {
            c.and_then(|c| rec.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let kind = match get(kind_col).map(|k| k.to_ascii_lowercase()).as_deref() {
            None => NameKind::Unknown,
            Some("person" | "individual") => NameKind::Person,
            Some("organization" | "organisation" | "entity" | "company") => NameKind::Organization,
            Some(other) => {
                return Err(InputError::Invalid {
                    file: path.display().to_string(),
                    message: format!(
                        "line {line}, column kind: {other:?} (rule screen.kind: person or organization)"
                    ),
                }
                .into());
            }
        };
        out.push(Party {
            id: get(id_col).unwrap_or_else(|| (line).to_string()),
            name,
            country: get(country_col),
            address: get(address_col),
            dob: get(dob_col),
            nationality: get(nationality_col),
            id_number: get(id_number_col),
            kind,
        });
    }
    Ok(out)
}

/// Screen every party of a CSV on all cores; write one row per hit. Returns the hit count.
/// Ownership for batch screening: the stakes and the date the rules are applied on.
struct OwnershipCheck {
    index: chipwatch_screen::ownership::OwnershipIndex,
    date: chrono::NaiveDate,
}

fn batch(
    s: &Screener,
    input: &Path,
    output: &Path,
    mut ownership: Option<OwnershipCheck>,
    threshold: f32,
) -> Result<usize> {
    let parties = read_parties(input)?;
    let pb = if std::io::stderr().is_terminal() {
        let pb = ProgressBar::new(parties.len() as u64);
        pb.set_style(
            ProgressStyle::with_template("screening {bar:40} {pos}/{len} [{elapsed} < {eta}]")
                .expect("static template is valid"),
        );
        Some(pb)
    } else {
        None
    };
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(parties.len().max(1));
    let chunk = parties.len().div_ceil(workers).max(1);
    let started = std::time::Instant::now();
    let results: Vec<Vec<Hit>> = std::thread::scope(|scope| {
        let handles: Vec<_> = parties
            .chunks(chunk)
            .map(|part| {
                let pb = pb.clone();
                scope.spawn(move || {
                    part.iter()
                        .map(|p| {
                            let h = s.screen_with(&p.query(), threshold);
                            if let Some(pb) = &pb {
                                pb.inc(1);
                            }
                            h
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("screening worker panicked"))
            .collect()
    });
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    let mut w = csv::Writer::from_path(output)
        .with_context(|| format!("cannot write {}", output.display()))?;
    w.write_record([
        "query_id",
        "query_name",
        "list_source",
        "entry_id",
        "entry_name",
        "matched_alias",
        "score",
        "explanation",
    ])?;
    let mut n = 0;
    let mut parties_hit = 0;
    let listed = listed_by(s);
    for (p, hits) in parties.iter().zip(&results) {
        let owned = ownership
            .as_mut()
            .map(|o| o.index.of(&p.name, o.date, &listed))
            .unwrap_or_default();
        parties_hit += usize::from(!hits.is_empty() || !owned.is_empty());
        // A covered affiliate is a hit of its own kind: the rule as its list, the party itself
        // as the entry, covered (1) or possibly covered (the lower bound of the share).
        for c in &owned {
            n += 1;
            let score = if c.status == Status::Covered {
                1.0
            } else {
                c.lower / 100.0
            };
            w.write_record([
                p.id.as_str(),
                p.name.as_str(),
                c.rule.id,
                c.party.as_str(),
                c.party.as_str(),
                "",
                &format!("{score:.3}"),
                &c.explain(),
            ])?;
        }
        for h in hits {
            n += 1;
            w.write_record([
                p.id.as_str(),
                p.name.as_str(),
                h.source.as_str(),
                h.entry_id.as_str(),
                h.entry_name.as_str(),
                h.matched_alias.as_str(),
                &format!("{:.3}", h.score),
                h.explanation.as_str(),
            ])?;
        }
    }
    w.flush()?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "screened {} parties against {} entries in {:.2}s ({:.0}/s): {} party(ies) hit, {} hit row(s) in {}",
        parties.len(),
        s.entries().len(),
        secs,
        parties.len() as f64 / secs.max(1e-9),
        parties_hit,
        n,
        output.display()
    );
    Ok(n)
}

/// `chipwatch screen threshold`: the threshold that fits an alert budget on known negatives.
fn threshold(
    args: &ScreenArgs,
    negatives: &Path,
    budget: f64,
    data: Option<&Path>,
    json: bool,
) -> Result<ExitCode> {
    use chipwatch_screen::eval::*;
    let parties = read_parties(negatives)?;
    let s = build(args)?;
    let floor = 0.5;
    let queries: Vec<Query> = parties.iter().map(Party::query).collect();
    // The best score of each name (after its qualifiers), on all cores.
    let best: Vec<f32> = s
        .screen_all_with(&queries, floor)
        .iter()
        .map(|hits| hits.iter().map(|h| h.score).fold(0.0f32, f32::max))
        .collect();
    let t = threshold_for_budget(&best, budget).max(floor);
    let share_at =
        |t: f32| best.iter().filter(|&&b| b >= t).count() as f64 / best.len().max(1) as f64;
    let bench = data.map(|d| d.join("nomenklatura/name_bench_cases.csv"));
    let (scores, curve) = match &bench {
        Some(b) => {
            let sc = name_bench(b).map_err(|e| list_error(b, e))?.scores;
            let c = isotonic(&sc);
            (sc, c)
        }
        None => (Vec::new(), Vec::new()),
    };
    let pairs_at = |t: f32| {
        let tp = scores.iter().filter(|(s, m)| *m && *s >= t).count();
        let pos = scores.iter().filter(|(_, m)| *m).count();
        let hits = scores.iter().filter(|(s, _)| *s >= t).count();
        (
            tp as f64 / pos.max(1) as f64,
            tp as f64 / hits.max(1) as f64,
        )
    };
    let rows: Vec<f32> = [0.80f32, 0.83, 0.85, 0.88, 0.90, 0.93, 0.95, t]
        .into_iter()
        .collect();
    if json {
        let table: Vec<serde_json::Value> = rows
            .iter()
            .map(|&r| {
                let (recall, precision) = pairs_at(r);
                serde_json::json!({"threshold": r, "alert_share": share_at(r),
                    "pairs_recall": bench.as_ref().map(|_| recall), "pairs_precision": bench.as_ref().map(|_| precision),
                    "match_probability": probability(&curve, r)})
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "negatives": parties.len(), "budget": budget, "threshold": t,
                "alert_share": share_at(t), "scorer": chipwatch_screen::normalize::scorer(),
                "table": table,
            }))?
        );
    } else {
        println!(
            "{} names on no list, screened with scorer {}: budget {:.2}% → threshold {t:.3} ({:.2}% alert)",
            parties.len(),
            chipwatch_screen::normalize::scorer().name(),
            budget * 100.0,
            share_at(t) * 100.0
        );
        println!();
        println!(
            "{:>9}  {:>8}  {:>12}  {:>15}  {:>11}",
            "threshold", "alerts", "pairs recall", "pairs precision", "probability"
        );
        for r in rows {
            let (recall, precision) = pairs_at(r);
            let opt = |x: f64| {
                if bench.is_some() {
                    format!("{x:.3}")
                } else {
                    "-".into()
                }
            };
            println!(
                "{:>9.3}  {:>7.2}%  {:>12}  {:>15}  {:>11}",
                r,
                share_at(r) * 100.0,
                opt(recall),
                opt(precision),
                probability(&curve, r).map_or("-".into(), |p| format!("{:.1}%", p * 100.0))
            );
        }
        println!();
        println!(
            "Use it with `chipwatch screen --threshold {t:.3} ...`. Pairs recall/precision and the match \
             probability (isotonic calibration) are measured on the labelled name pairs of --data."
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn eval(dir: &Path, json: bool, errors: bool, company_seed: u64) -> Result<ExitCode> {
    use chipwatch_screen::eval::*;
    let e = evaluate_with(dir, company_seed).map_err(|err| list_error(dir, err))?;
    let failures = e.failures();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "threshold": THRESHOLD,
                "name_pairs": {"counts": e.name_bench.overall, "precision": e.name_bench.overall.precision(),
                    "recall": e.name_bench.overall.recall(), "f1": e.name_bench.overall.f1(),
                    "by_schema": e.name_bench.by_schema, "anchors": {"opensanctions_logic_v2": ANCHOR_LOGIC_V2_F1, "rapidfuzz_wratio": ANCHOR_WRATIO_F1}},
                "un_treated_recall": {"found": e.un_recall.found, "total": e.un_recall.total, "share": e.un_recall.share(), "misses": e.un_recall.misses},
                "negatives": {"with_hit": e.negatives.with_hit, "total": e.negatives.total, "share": e.negatives.share(), "list_names": e.negatives_list_names, "examples": e.negatives.examples},
                "negatives_50k": e.negatives_50k.as_ref().map(|n| serde_json::json!({"with_hit": n.with_hit, "total": n.total, "share": n.share()})),
                "negatives_50k_dob": e.negatives_50k_dob.as_ref().map(|n| serde_json::json!({"with_hit": n.with_hit, "total": n.total, "share": n.share()})),
                "cross_script": e.cross_script,
                "scorer": e.scorer,
                "name_pairs_by_scorer": e.name_bench_versions.iter().map(|(v, c)| serde_json::json!({"scorer": v, "counts": c, "f1": c.f1(), "precision": c.precision(), "recall": c.recall()})).collect::<Vec<_>>(),
                "generated_companies": e.companies.iter().map(|(v, n)| serde_json::json!({"scorer": v, "with_hit": n.with_hit, "total": n.total, "share": n.share(), "per_1000": n.share() * 1000.0, "examples": n.examples})).collect::<Vec<_>>(),
                "calibration": e.calibration,
                "failures": failures,
            }))?
        );
    } else {
        let nb = &e.name_bench;
        println!(
            "Screening evaluation at the documented threshold {THRESHOLD:.2} ({})",
            dir.display()
        );
        println!();
        println!(
            "{:<44} {:>10} {:>10} {:>10} {:>8}",
            "measure", "chipwatch", "logic-v2", "WRatio", "target"
        );
        println!(
            "{:<44} {:>10.3} {:>10.2} {:>10.2} {:>8}",
            format!("F1 on {} labelled name pairs", nb.overall.total()),
            nb.overall.f1(),
            ANCHOR_LOGIC_V2_F1,
            ANCHOR_WRATIO_F1,
            format!("≥ {TARGET_F1}")
        );
        println!(
            "{:<44} {:>10} {:>10} {:>10} {:>8}",
            "  precision / recall",
            format!("{:.3}/{:.3}", nb.overall.precision(), nb.overall.recall()),
            "0.76/0.82",
            "",
            ""
        );
        for (v, c) in &e.name_bench_versions {
            println!(
                "{:<44} {:>10} {:>10} {:>10} {:>8}",
                format!("  scorer {} (for comparison)", v.name()),
                format!("{:.3} ({:.3}/{:.3})", c.f1(), c.precision(), c.recall()),
                "",
                "",
                ""
            );
        }
        println!(
            "{:<44} {:>10.3} {:>10} {:>10} {:>8}",
            format!("recall, {} treated UN names", e.un_recall.total),
            e.un_recall.share(),
            "",
            "",
            format!("≥ {TARGET_RECALL}")
        );
        println!(
            "{:<44} {:>9.2}% {:>10} {:>10} {:>8}",
            format!("false hits, {} negatives vs UN+SDN", e.negatives.total),
            e.negatives.share() * 100.0,
            "",
            "",
            format!("≤ {:.1}%", TARGET_FALSE_HIT_SHARE * 100.0)
        );
        let mut unmet = false;
        let mut mark = |met: bool| {
            unmet |= !met;
            if met { "≤ 0.2%" } else { "≤ 0.2%*" }
        };
        let ordinary = TARGET_ORDINARY_FALSE_HIT_SHARE;
        if let Some(n) = &e.negatives_50k {
            println!(
                "{:<44} {:>9.2}% {:>10} {:>10} {:>8}",
                format!("false hits, {} synthetic persons (yente-50k)", n.total),
                n.share() * 100.0,
                "",
                "",
                mark(n.share() <= ordinary)
            );
        }
        if let Some(n) = &e.negatives_50k_dob {
            println!(
                "{:<44} {:>9.2}% {:>10} {:>10} {:>8}",
                "  with dates of birth, nationalities",
                n.share() * 100.0,
                "",
                "",
                mark(n.share() <= ordinary)
            );
        }
        let mut companies: Vec<_> = e.companies.iter().collect();
        companies.sort_by_key(|(v, _)| *v != e.scorer);
        for (k, (v, n)) in companies.into_iter().enumerate() {
            let label = if k == 0 {
                format!("false hits, {} generated companies, {}", n.total, v.name())
            } else {
                format!("  scorer {}", v.name())
            };
            let m = if *v == e.scorer {
                mark(n.share() <= ordinary)
            } else {
                ""
            };
            println!(
                "{:<44} {:>9.2}% {:>10} {:>10} {:>8}",
                label,
                n.share() * 100.0,
                "",
                "",
                m
            );
        }
        println!(
            "{:<44} {:>10} {:>10} {:>10} {:>8}",
            "cross-script pairs found",
            format!("{}/{}", e.cross_script.found, e.cross_script.total),
            "",
            "",
            format!("≥ {TARGET_CROSS_SCRIPT}")
        );
        if unmet {
            println!("* a target missed (exit 3)");
        }
        println!(
            "Generated companies are screened against UN + SDN + the 2023 CSL; every figure above is scorer {}.",
            e.scorer.name()
        );
        println!();
        println!(
            "Calibration (isotonic, on the {} name pairs): score → share that are matches",
            nb.overall.total()
        );
        for st in &e.calibration {
            println!(
                "  {:.3}–{:.3}  {:>5.1}%  (n={})",
                st.lo,
                st.hi,
                st.probability * 100.0,
                st.n
            );
        }
        println!();
        println!("Name pairs by schema:");
        for (k, c) in &nb.by_schema {
            println!(
                "  {k:<14} n={:<4} P={:.3} R={:.3} F1={:.3}",
                c.total(),
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        println!("Name pairs by category (n ≥ 3):");
        for (k, c) in nb.by_category.iter().filter(|(_, c)| c.total() >= 3) {
            println!(
                "  {k:<28} n={:<4} P={:.3} R={:.3} F1={:.3}",
                c.total(),
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
        println!("Cross-script pairs:");
        for (q, x, s) in &e.cross_script.rows {
            match s {
                Some(s) => println!("  found  {s:.3}  {q} → {x}"),
                None => println!("  missed        {q} → {x}"),
            }
        }
        if !e.negatives.examples.is_empty() {
            println!("False hits:");
            for (n, a, why, s) in &e.negatives.examples {
                println!("  {s:.3}  {n} → {a}  ({why})");
            }
        }
        if errors {
            println!("Name pairs the threshold gets wrong:");
            for p in &nb.errors {
                println!(
                    "  {} {:.3} [{}] {} | {} | {}",
                    if p.expected { "missed" } else { "false " },
                    p.score,
                    p.schema,
                    p.query,
                    p.entry,
                    p.explanation
                );
            }
        }
        println!();
        if failures.is_empty() {
            println!("All targets met.");
        } else {
            for f in &failures {
                println!("TARGET MISSED: {f}");
            }
        }
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(crate::EXIT_FINDINGS)
    })
}
