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

mod assess_cmd;
mod cluster_cmd;
mod flows_cmd;
mod lists_cmd;
mod locate_net;
mod order_cmd;
mod rules_cmd;
mod screen_cmd;
mod serve_cmd;

/// Exit code for invalid input (a file, line, column and rule are printed).
const EXIT_BAD_INPUT: u8 = 2;
/// Exit code when `--fail-on` finds findings at or above the given severity.
pub(crate) const EXIT_FINDINGS: u8 = 3;

/// Invalid input found by the CLI itself (a weights or labels file): exit code 2.
#[derive(Debug)]
pub(crate) struct InvalidInput(pub String);

impl std::fmt::Display for InvalidInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InvalidInput {}

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
    /// Run the trade detectors on trade files: surges, substitution, roundabout trade, mirror
    /// gaps, routes.
    #[command(after_help = "Examples:
  chipwatch flows --trade taiwan_exports_by_country_2013_2025.csv --last-year-months 7
  chipwatch flows --trade comtrade.csv --trade baci_hs17_2023.csv --only did,mirror
  chipwatch flows --trade panel.parquet --did-treated ai_compute --did-control 847130,851713 \\
                  --rule-date 2022-10 --intermediaries SG,MY,TH --json
  chipwatch flows --trade exports.csv --out flows-report/ --fail-on high
  chipwatch flows --trade comext_eu_exports.csv --targets RU,BY --intermediaries AM,KG,KZ,GE,UZ \\
                  --rule-date 2022-03               # EU27 summed from its member states
  chipwatch flows --trade eu.csv --targets EAEU --intermediaries CCA --only substitution

Trade files: the canonical schema (CSV or Parquet), UN Comtrade (API or bulk CSV), CEPII BACI
(t,i,j,k,v,q), Eurostat Comext (bulk files, or the data browser's CSV or spreadsheet export; euros
at the bundled ECB monthly rate) or a Taiwan Customs export table, recognised from the header
(docs/flows.md). Any of them saved as XLSX/XLS/ODS is read too, errors naming sheet and cell.
Country groups (EU27, EU, EAEU, ASEAN, GCC, CCA) are origins when two members report, and work
in --targets and --intermediaries.
Detectors: surge (peers and own history, robust z, monthly noise, change point), substitution
(falling to the targets while rising to the intermediaries after a rule), did (Chupilkin-Javorcik-Plekhanov
roundabout), mirror (Fisman-Wei gap, ghost exports), route (re-export share, origin → hub → destination).
Exit codes: 0 done; 2 invalid input; 3 with --fail-on.")]
    Flows(flows_cmd::FlowsArgs),
    /// Run the processes of an Apache DataFusion Ballista cluster (builds with `--features distributed`).
    #[command(
        subcommand,
        after_help = "Example, a scheduler and two executors on one machine:
  chipwatch cluster scheduler --bind 127.0.0.1:50050 &
  chipwatch cluster executor --scheduler 127.0.0.1:50050 --bind 127.0.0.1:50051 --grpc-port 50052 &
  chipwatch cluster executor --scheduler 127.0.0.1:50050 --bind 127.0.0.1:50053 --grpc-port 50054 &
  chipwatch flows --engine ballista://127.0.0.1:50050 --trade trade-parquet-folder/

Executors on other machines must read the trade files and --scratch at the same paths."
    )]
    Cluster(cluster_cmd::ClusterCmd),
    /// Classify a chip or system under 3A090/4A090 as of a date, by catalogue name or from raw specs.
    #[command(after_help = "Examples:
  chipwatch classify H100                          # today's rules
  chipwatch classify H800 --as-of 2023-06-01       # before the 2023 rule: not 3A090
  chipwatch classify HGX-H100-8GPU --json          # a system: 4A090 from its chips
  chipwatch classify --tops 600 --bits 8 --die-area 609 --consumer
  chipwatch classify --tpp 2368 --die-area 814 --interconnect 900 --memory-bw 4000

TPP = dense TOPS × bit length, the maximum over precisions (never with sparsity).
JSON output: see docs/rules.md.")]
    Classify(ClassifyArgs),
    /// Does a shipment need a licence, under the rules in force on its date?
    #[command(after_help = "Examples:
  chipwatch licence H100 --to SG --date 2024-06-01                  # no licence (A:6)
  chipwatch licence H100 --to SG --parent-hq CN                      # headquarters rule: licence
  chipwatch licence H100 --to SG --date 2025-06-01 --as-written      # AI Diffusion as written: Tier 2
  chipwatch licence H200 --to CN --date 2026-02-01 --from US         # case-by-case envelope
  chipwatch licence H20 --to CN --date 2025-05-01 --json             # the 2025 letter (advisory)

Exit code 0 either way; the answer is in the output (`licence_required` in JSON).
End-use controls (§744.21/§744.23) and restricted parties are not evaluated here: see screening.")]
    Licence(LicenceArgs),
    /// Verify where chips are from latency measurements and the speed of light.
    #[command(subcommand)]
    Locate(LocateCmd),
    /// Restricted-party lists: fetch the official lists (with a row-count guard) and show what
    /// a list holds.
    #[command(subcommand)]
    Lists(ListsCmd),
    /// Screen names against restricted-party lists, one name or a CSV of parties.
    #[command(after_help = "Examples:
  chipwatch screen --lists data/screen/sample_csl.csv --name \"Cyberinn Pte. Ltd.\"
  chipwatch screen --name \"HUAWEI TECH\" --country CN --json      # lists from `chipwatch lists fetch`
  chipwatch screen --lists csl.csv --lists sdn/ --input parties.csv --output hits.csv
  chipwatch screen --lists csl.csv --name \"Alpha Pte Ltd\" --exclude cleared.csv
  chipwatch screen eval --data ../shared/data/screening              # accuracy on labelled data

A hit is an entry whose best name or alias scores at least 0.80 (the one threshold). Each hit shows
the alias that matched, how each word matched (exact, edits, merged, initial, given-name variant,
consonant skeleton for Arabic/Hebrew/Thai, Korean sound), the words only one side has, and what
lowered the score (legal-form-only overlap, replaced words, different numbers, country mismatch).
Batch input: CSV with a `name` column; `id`, `country`, `address` and `kind` (person|organization) optional.
Batch output: query_id, query_name, list_source, entry_id, entry_name, matched_alias, score,
explanation (one row per hit). Exclusions: CSV source,entry_id,query_name of decided false positives.
Exit codes: 0 done (hits or not); 2 bad input; 3 with --fail-on-hit when anything hits, or when
`screen eval` misses a target.")]
    Screen(screen_cmd::ScreenArgs),
    /// Assess a transaction ledger: red flags, licences, screening, networks, risk.
    #[command(after_help = "Examples:
  chipwatch simulate --seed 7 --orders 5000 --out ledger.csv     # a labelled simulated ledger
  chipwatch assess ledger.csv --lists data/screen/sample_csl.csv --out out/
  chipwatch assess ledger.csv --quarantine bad-rows.csv --json
  chipwatch assess eval                                          # recall at the top 5% on simulated ledgers

Writes findings.json, alerts.csv (order_id, score, flags, network, line, explanation and the ledger's
extra columns; riskiest first) and index.html with the riskiest networks drawn. Columns, flags and
weights: docs/assess.md. Exit codes: 0 done; 2 invalid ledger; 3 with --fail-on-score.")]
    Assess(assess_cmd::AssessArgs),
    /// Generate a realistic ledger with labelled diversion schemes, and its ground truth.
    #[command(after_help = "Example:
  chipwatch simulate --seed 7 --orders 100000 --out ledger.csv   # also writes ledger.truth.csv
  chipwatch simulate --generator benign_market --orders 20000 --out market.csv

Generators (docs/assess.md, Evaluation): chipwatch_sim (schemes shell_forwarding,
third_country_payer, split_orders, near_miss_listed, forwarder_ship_to), bis_guidance,
case_narratives, benign_market, each written from its own public sources. The parties are
invented, but for deliberate look-alikes of listed parties.")]
    Simulate(assess_cmd::SimulateArgs),
    /// The order desk: decide one order (proceed, hold for review, licence required, do not
    /// ship) with every reason cited, against the customer's history in the store.
    #[command(subcommand)]
    Order(order_cmd::OrderCmd),
    /// Serve the HTTP API and the web interface for a compliance team.
    #[command(after_help = "Examples:
  chipwatch serve                                   # http://127.0.0.1:8080, store chipwatch.db, demo case
  chipwatch serve --addr 0.0.0.0:8080 --db /var/lib/chipwatch/cases.db --lists consolidated.csv --no-demo

A new store prints an admin token once; log in with it at / or send it as `Authorization: Bearer`.
Create more tokens with POST /v1/tokens {\"name\", \"role\": viewer|analyst|reviewer|admin}.
API: docs/serve.md and /openapi.json. Watchman clients: GET /v2/search; yente clients: POST /match/{dataset}.")]
    Serve(serve_cmd::ServeArgs),
    /// The case store's audit log.
    #[command(subcommand)]
    Audit(serve_cmd::AuditCmd),
    /// List the chip and system catalogue with TPP, density and classification.
    #[command(after_help = "Examples:
  chipwatch chips
  chipwatch chips --as-of 2023-06-01
  chipwatch chips --json")]
    Chips(ChipsArgs),
}

#[derive(Args)]
struct ClassifyArgs {
    /// Catalogue name or alias (H100, \"RTX 4090D\", DGX-B200). Omit to classify raw specs.
    item: Option<String>,
    /// Date whose rules apply (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    as_of: Option<chrono::NaiveDate>,
    /// Total processing performance.
    #[arg(long)]
    tpp: Option<f64>,
    /// Dense TOPS/TFLOPS at one precision (with --bits).
    #[arg(long)]
    tops: Option<f64>,
    /// Bit length of that precision (4, 8, 16, 32, 64).
    #[arg(long)]
    bits: Option<u32>,
    /// Applicable die area in mm² (for performance density).
    #[arg(long, value_name = "MM2")]
    die_area: Option<f64>,
    /// Performance density (TPP per mm²), if the die area is not known.
    #[arg(long)]
    pd: Option<f64>,
    /// Aggregate bidirectional I/O rate in GB/s (the 2022 test).
    #[arg(long, value_name = "GBPS")]
    interconnect: Option<f64>,
    /// DRAM bandwidth in GB/s (the 2026 envelope).
    #[arg(long, value_name = "GBPS")]
    memory_bw: Option<f64>,
    /// Not designed or marketed for datacenters (3A090 Note 2). Default: datacenter.
    #[arg(long)]
    consumer: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct LicenceArgs {
    /// Catalogue name or alias of the item.
    item: String,
    /// Destination country (code or name).
    #[arg(long, value_name = "COUNTRY")]
    to: String,
    /// Units shipped.
    #[arg(long, default_value_t = 1)]
    quantity: u64,
    /// End user's country, if not the destination.
    #[arg(long, value_name = "COUNTRY")]
    end_user_country: Option<String>,
    /// End user's headquarters country.
    #[arg(long, value_name = "COUNTRY")]
    end_user_hq: Option<String>,
    /// Ultimate parent's headquarters country.
    #[arg(long, value_name = "COUNTRY")]
    parent_hq: Option<String>,
    /// Exporting (or re-exporting) country.
    #[arg(long = "from", value_name = "COUNTRY", default_value = "US")]
    exporting_country: String,
    /// Date of export (YYYY-MM-DD), whose rules apply; default today. `--as-of` as in
    /// `classify` and `chips`.
    #[arg(long, visible_alias = "as-of", value_name = "DATE", value_parser = parse_date_arg)]
    date: Option<chrono::NaiveDate>,
    /// Apply the AI Diffusion rule as written (not enforced since 2025-05-13).
    #[arg(long)]
    as_written: bool,
    /// Declared end use, carried into the output.
    #[arg(long)]
    end_use: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum LocateCmd {
    /// Judge a location claim for every chip in a measurements file.
    #[command(after_help = "Examples:
  chipwatch locate verify --landmarks landmarks.csv --measurements rtts.csv --claim SG
  chipwatch locate verify --landmarks landmarks.csv --measurements rtts.csv --claim 1.29,103.85,5 --json

Verdicts: 'cannot be at the declared site' (a landmark answered faster than light allows from
there: added delay cannot cause it), 'consistent with the declared region' (bounded near the site
and away from the restricted countries), or 'inconclusive'. Never 'proven at the site'.
File formats: docs/locate.md.")]
    Verify(LocateVerifyArgs),
    /// Check a landmark registry against landmark-to-landmark RTTs: landmarks whose declared
    /// positions the measurements contradict are listed, with the pairs that prove it.
    #[command(after_help = "Example:
  chipwatch locate calibrate --landmarks landmarks.csv --pairs pairs.csv            # speed of light
  chipwatch locate calibrate --landmarks landmarks.csv --pairs pairs.csv --speed 0.667   # light in fibre

pairs.csv: landmark_a,landmark_b,rtt_ms. Exit code 3 when a landmark is excluded.")]
    Calibrate {
        #[arg(long, value_name = "FILE")]
        landmarks: PathBuf,
        #[arg(long, value_name = "FILE")]
        pairs: PathBuf,
        /// Fastest plausible signal between landmarks, as a fraction of c (1 = vacuum; 0.667 = fibre).
        #[arg(long, default_value_t = 1.0)]
        speed: f64,
    },
    /// Make an Ed25519 key for a landmark or a chip: writes the secret seed, prints the public key.
    Keygen {
        /// File for the secret seed (hex); refused if it exists.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Run a landmark: challenge provers with fresh nonces, time them, sign the transcripts.
    #[command(after_help = "Example:
  chipwatch locate keygen --out landmark.key
  chipwatch locate landmark --listen 0.0.0.0:7700 --id sg-1 --key landmark.key --chips chips.csv --log transcripts.jsonl

chips.csv: chip_id,public_key (hex). Prints `listening on ADDR` when ready.")]
    Landmark(LandmarkArgs),
    /// Answer a landmark's challenges as a chip's host, signing with the chip's key.
    #[command(after_help = "Example:
  chipwatch locate prove --landmark 203.0.113.7:7700 --chip-id GPU-0001 --key chip.key --rounds 20 --out t.jsonl")]
    Prove(ProveArgs),
}

#[derive(Args)]
struct LandmarkArgs {
    /// Address to listen on (UDP), e.g. 0.0.0.0:7700 or 127.0.0.1:0.
    #[arg(long, value_name = "ADDR")]
    listen: String,
    /// This landmark's id in the registry.
    #[arg(long)]
    id: String,
    /// The landmark's secret key seed file (from `locate keygen`).
    #[arg(long, value_name = "FILE")]
    key: PathBuf,
    /// Registered chips: CSV with chip_id,public_key.
    #[arg(long, value_name = "FILE")]
    chips: PathBuf,
    /// Append accepted transcripts (JSON lines) to FILE.
    #[arg(long, value_name = "FILE")]
    log: Option<PathBuf>,
    /// Answers later than this many ms are rejected.
    #[arg(long, default_value_t = 2000)]
    deadline_ms: u64,
    /// Stop after this many prover sessions (default: run until killed).
    #[arg(long)]
    sessions: Option<u64>,
    /// Testing: add this many ms to every measured round trip, emulating a longer path.
    #[arg(long, default_value_t = 0.0, hide = true)]
    emulate_delay_ms: f64,
}

#[derive(Args)]
struct ProveArgs {
    /// The landmark's address.
    #[arg(long, value_name = "ADDR")]
    landmark: String,
    /// The chip's id, as registered with the landmark.
    #[arg(long)]
    chip_id: String,
    /// The chip's secret key seed file.
    #[arg(long, value_name = "FILE")]
    key: PathBuf,
    /// Challenge rounds.
    #[arg(long, default_value_t = 10)]
    rounds: u32,
    /// Write the accepted, landmark-signed transcripts (JSON lines) to FILE (default: stdout).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Testing the threat model: delay every answer by this many ms (an adversary may add delay).
    #[arg(long, default_value_t = 0.0, hide = true)]
    add_delay_ms: f64,
    /// Testing the threat model: `replay` old nonces or `forge` signatures.
    #[arg(long, hide = true)]
    adversary: Option<String>,
}

#[derive(Args)]
struct LocateVerifyArgs {
    /// Landmark registry CSV: id, name, operator, lat, lon, country.
    #[arg(long, value_name = "FILE")]
    landmarks: PathBuf,
    /// Measurements CSV: chip_id, landmark_id, rtt_ms (minimum per chip and landmark is used).
    #[arg(long, value_name = "FILE", required_unless_present = "transcripts")]
    measurements: Option<PathBuf>,
    /// Landmark-signed transcripts (JSON lines) instead of a measurements CSV; signatures are
    /// checked against the registry's `public_key` column and --chips.
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with = "measurements",
        requires = "chips"
    )]
    transcripts: Option<PathBuf>,
    /// Registered chip keys, CSV chip_id,public_key (with --transcripts).
    #[arg(long, value_name = "FILE")]
    chips: Option<PathBuf>,
    /// The declared location: a country code (SG, MY, HK, ...) or LAT,LON[,RADIUS_KM]; a
    /// negative latitude is taken as a value (`--claim -6.2088,106.8456`).
    #[arg(long, value_name = "CLAIM", allow_hyphen_values = true)]
    claim: String,
    /// Trusted minimum processing time at the prover in ms (never a time the prover reports).
    #[arg(long, default_value_t = 0.0, value_name = "MS")]
    t_min: f64,
    /// Radius around the site within which "consistent" must bound the chip, km.
    #[arg(long, default_value_t = 1500.0, value_name = "KM")]
    zone: f64,
    /// Countries the chip must be shown not to be in, comma-separated.
    #[arg(long, default_value = "CN,HK,MO", value_name = "CODES")]
    restricted: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum ListsCmd {
    /// Load list files and show their entries per source list, and every row not taken.
    #[command(after_help = "Examples:
  chipwatch lists info --lists consolidated.csv                 # trade.gov Consolidated Screening List (CSV)
  chipwatch lists info --lists sdn/ --lists dpl.txt --json      # OFAC legacy SDN folder; BIS Denied Persons List
  chipwatch lists info                                          # the copies `lists fetch` stored

Formats: CSL CSV (29 columns with _id, or the 28-column pre-2020 schema) and JSON, OFAC legacy
sdn.csv with alt.csv and add.csv, BIS DPL tab-separated, UN consolidated XML, OpenSanctions
(FollowTheMoney) JSON lines. Exit code 2 if a file is not a list.")]
    Info {
        /// A list file or an OFAC legacy folder; repeatable. Default: the stored copies.
        #[arg(long, value_name = "PATH")]
        lists: Vec<PathBuf>,
        /// Where `lists fetch` stores lists.
        #[arg(long, value_name = "DIR", env = "CHIPWATCH_LISTS")]
        store: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// What changed between two copies of a list: entries added, removed and changed.
    #[command(after_help = "Examples:
  chipwatch lists diff csl_2019.csv csl_2023.csv
  chipwatch lists diff old/sdn/ new/sdn/ --json
  chipwatch lists diff old.csv new.csv --limit 0        # counts only

Entries pair by list and id (CSL _id or entity_number, SDN ent_num, UN reference number), else by
list and name. A changed entry lists each field's values gained (+) and lost (-): name, aliases,
addresses, countries, programs, dates of birth, start date, remarks. `lists fetch` keeps the
delta of each new copy against the last good one in the store's deltas/ folder.")]
    Diff {
        /// The older copy (a list file or an OFAC legacy folder).
        old: PathBuf,
        /// The newer copy.
        new: PathBuf,
        /// Entries to print per kind of change (0: counts only).
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print JSON (the whole delta).
        #[arg(long)]
        json: bool,
        /// Re-screen the parties this store remembers against what changed: a new or stronger
        /// hit opens an alert citing the delta (a SQLite file or postgres:// URL).
        #[arg(long, value_name = "FILE|URL")]
        rescreen: Option<String>,
    },
    /// Download the Consolidated Screening List and OFAC's SDN files, check them, store them.
    #[command(after_help = "Examples:
  chipwatch lists fetch                           # both lists into ~/.local/share/chipwatch/lists
  chipwatch lists fetch --only csl --store ./lists
  chipwatch lists fetch --max-loss 0.05 --json

Each download goes into a folder named by its time and is parsed. It becomes the current copy only
if no source list (EL, SDN, MEU, ...) lost more than --max-loss of its entries against the last good
copy; otherwise it is refused, deleted, and the last good copy is kept (publishers' files have come
out truncated or missing whole sources). Exit code 3 when a list is refused.")]
    Fetch {
        /// Where lists are stored.
        #[arg(long, value_name = "DIR", env = "CHIPWATCH_LISTS")]
        store: Option<PathBuf>,
        /// Largest share of a source's entries a new copy may lose.
        #[arg(long, default_value_t = 0.10, value_name = "SHARE")]
        max_loss: f64,
        /// Fetch only these lists (csl, sdn); repeatable.
        #[arg(long, value_name = "LIST")]
        only: Vec<String>,
        /// Consolidated Screening List URL.
        #[arg(long, env = "CHIPWATCH_CSL_URL", default_value = lists_cmd::CSL_URL)]
        csl_url: String,
        /// Base URL of OFAC's legacy sdn.csv, alt.csv and add.csv.
        #[arg(long, env = "CHIPWATCH_SDN_URL", default_value = lists_cmd::SDN_BASE_URL)]
        sdn_base_url: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// After storing a new copy, re-screen the parties this store remembers against its
        /// delta from the last good copy (a refused download re-screens nothing).
        #[arg(long, value_name = "FILE|URL")]
        rescreen: Option<String>,
    },
}

#[derive(Args)]
struct ChipsArgs {
    /// Date whose rules classify the items; default today.
    #[arg(long, value_name = "DATE", value_parser = parse_date_arg)]
    as_of: Option<chrono::NaiveDate>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

fn parse_trade_format(s: &str) -> Result<chipwatch_model::tradefile::TradeFormat, String> {
    chipwatch_model::tradefile::TradeFormat::parse(s)
        .ok_or_else(|| format!("`{s}`: one of canonical, comtrade, baci, taiwan, comext, eurostat"))
}

fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date YYYY-MM-DD"))
}

#[derive(Args, Clone)]
struct InputArgs {
    /// Folder with revenue.csv, shipping_disclosures.csv, dc_capacity.csv, absorption.csv,
    /// claims.csv, trade_tw_processors.csv and enforcement_events.csv (any subset) instead of
    /// the bundled public figures.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Trade statistics; repeatable. Parquet (a `.parquet` file or a folder of them) in the
    /// canonical schema; CSV in
    /// the canonical schema, UN Comtrade (API or bulk download), CEPII BACI (t,i,j,k,v,q),
    /// Eurostat Comext (bulk files, or the data browser's CSV with codes or labels; euros
    /// converted at the bundled ECB monthly rate) or a Taiwan Customs export table,
    /// recognised from the header. Spreadsheets (XLSX, XLS, ODS): any of these layouts as a
    /// sheet, or the Eurostat data browser's spreadsheet export.
    #[arg(long, value_name = "FILE")]
    trade: Vec<PathBuf>,
    /// The format of every --trade CSV, when its header is not enough: canonical, comtrade,
    /// baci, taiwan, comext (bulk) or eurostat (data browser).
    #[arg(long, value_name = "FORMAT", value_parser = parse_trade_format)]
    trade_format: Option<chipwatch_model::tradefile::TradeFormat>,
    /// For Taiwan Customs tables: how many months the last year covers (7 for the release
    /// ending July 2025). That year is annualised and labelled preliminary.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=12))]
    last_year_months: Option<u16>,
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
    /// Where the queries run: `embedded` (this process) or `ballista://HOST:PORT`, the
    /// scheduler of an Apache DataFusion Ballista cluster (a build with `--features distributed`;
    /// start one with `chipwatch cluster scheduler` and `chipwatch cluster executor`).
    #[arg(long, value_name = "ENGINE", default_value = "embedded", value_parser = chipwatch_flows::Engine::parse)]
    engine: chipwatch_flows::Engine,
    /// Folder for the engine's scratch tables; with --engine ballista://, a folder every
    /// executor can read at the same path.
    #[arg(long, value_name = "DIR")]
    scratch: Option<PathBuf>,
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
    /// With --data DIR holding landmarks.csv and measurements.csv: the location every chip
    /// claims (a country code such as SG, or LAT,LON[,RADIUS_KM]).
    #[arg(
        long,
        value_name = "CLAIM",
        default_value = "SG",
        allow_hyphen_values = true
    )]
    locate_claim: String,
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

/// A Parquet file (by extension), or a folder of them.
fn is_parquet(p: &Path) -> bool {
    p.is_dir()
        || p.extension()
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
    if args.data.is_none() && !args.trade.is_empty() {
        // The bundled trade table is a summary of Taiwan Customs data: trade files given on
        // the command line replace it rather than count the same exports twice.
        dataset.trade.clear();
    }
    let mut parquet = Vec::new();
    for path in &args.trade {
        if is_parquet(path) {
            parquet.push(path.clone());
        } else {
            dataset.add_trade_file(
                path,
                chipwatch_model::tradefile::TradeFileOptions {
                    format: args.trade_format,
                    last_year_months: args.last_year_months,
                },
                on_invalid,
            )?;
        }
    }
    progress.step("registering tables");
    let mut engine = FlowsEngine::connect(&EngineConfig {
        memory_limit: args.memory_limit,
        engine: args.engine.clone(),
        scratch: args.scratch.clone(),
        ..EngineConfig::default()
    })
    .await?;
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
    let mut sections = loaded.engine.run().await?;
    let fleets = match args
        .input
        .data
        .as_deref()
        .map(chipwatch_rules::fleet::fleets_in_dir)
        .transpose()?
    {
        Some(Some(f)) => Some(f),
        Some(None) => None,
        None => Some(chipwatch_rules::fleet::bundled_fleets()),
    };
    if let Some(fleets) = fleets.filter(|f| !f.is_empty()) {
        let today = chrono::Utc::now().date_naive();
        sections.push(chipwatch_rules::fleet::fleet_section(
            &fleets,
            chipwatch_rules::licence::Mode::AsEnforced,
            today,
        )?);
    }
    match args.input.data.as_deref() {
        None => sections.push(chipwatch_locate::report::demo_section()),
        Some(dir)
            if dir.join("landmarks.csv").exists() && dir.join("measurements.csv").exists() =>
        {
            use chipwatch_locate::files::{parse_claim, read_landmarks, read_measurements};
            let landmarks = read_landmarks(&dir.join("landmarks.csv")).map_err(located)?;
            let chips =
                read_measurements(&dir.join("measurements.csv"), &landmarks).map_err(located)?;
            let claim = parse_claim(&args.locate_claim).map_err(|m| InputError::Invalid {
                file: "--locate-claim".into(),
                message: m,
            })?;
            sections.push(chipwatch_locate::report::section(
                &landmarks,
                &chips,
                &claim,
                &chipwatch_locate::verify::VerifyParams::default(),
                &format!("{}", dir.join("measurements.csv").display()),
            ));
        }
        Some(_) => {}
    }
    progress.step("assessing transactions");
    match args.input.data.as_deref() {
        None => sections.push(assess_cmd::demo_section()),
        Some(dir) if dir.join("ledger.csv").exists() => {
            sections.push(assess_cmd::data_section(&dir.join("ledger.csv"))?);
        }
        Some(_) => {}
    }
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

/// A located error in a location-verification input file, as invalid input (exit code 2).
fn located(e: chipwatch_locate::files::FileError) -> InputError {
    InputError::Invalid {
        file: e.file,
        message: format!("line {}: {}", e.line, e.message),
    }
}

fn locate_verify(args: LocateVerifyArgs) -> Result<ExitCode> {
    use chipwatch_locate::files::{
        parse_claim, read_chip_keys, read_landmark_keys, read_landmarks, read_measurements,
        read_transcripts,
    };
    use chipwatch_locate::verify::{Verifier, VerifyParams};
    let bad = |file: &str, message: String| InputError::Invalid {
        file: file.into(),
        message,
    };
    let landmarks = read_landmarks(&args.landmarks).map_err(located)?;
    let chips = match (&args.measurements, &args.transcripts, &args.chips) {
        (Some(m), _, _) => read_measurements(m, &landmarks).map_err(located)?,
        (None, Some(t), Some(c)) => {
            let lk = read_landmark_keys(&args.landmarks).map_err(located)?;
            let ck = read_chip_keys(c).map_err(located)?;
            let (rtts, rejected) = read_transcripts(t, &landmarks, &lk, &ck).map_err(located)?;
            for r in &rejected {
                eprintln!("set aside: {}: {r}", t.display());
            }
            if rtts.is_empty() {
                return Err(bad(&t.display().to_string(), "no transcript verified".into()).into());
            }
            rtts
        }
        _ => {
            return Err(bad(
                "--measurements",
                "give --measurements, or --transcripts with --chips".into(),
            )
            .into());
        }
    };
    let claim = parse_claim(&args.claim).map_err(|m| bad("--claim", m))?;
    if !(args.t_min.is_finite() && args.t_min >= 0.0) {
        return Err(bad("--t-min", format!("{} is not a time ≥ 0 ms", args.t_min)).into());
    }
    let params = VerifyParams {
        t_min_ms: args.t_min,
        zone_km: args.zone,
        restricted: args
            .restricted
            .split(',')
            .map(|s| s.trim().to_ascii_uppercase())
            .filter(|s| !s.is_empty())
            .collect(),
    };
    let verifier = Verifier::new(&landmarks, &params);
    let results: Vec<(String, chipwatch_locate::verify::Assessment)> = chips
        .iter()
        .map(|(chip, rtts)| (chip.clone(), verifier.verify(rtts, &claim)))
        .collect();
    if args.json {
        let v: Vec<serde_json::Value> = results
            .iter()
            .map(|(chip, a)| serde_json::json!({"chip_id": chip, "assessment": a}))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(
                &serde_json::json!({"claim": claim, "params": params, "chips": v})
            )?
        );
    } else {
        for (chip, a) in &results {
            println!("{chip}: {}\n  {}", a.verdict.as_str(), a.explanation);
        }
        let count = |v: chipwatch_locate::verify::Verdict| {
            results.iter().filter(|(_, a)| a.verdict == v).count()
        };
        println!(
            "{} chip(s) claiming {}: {} cannot be there, {} consistent, {} inconclusive",
            results.len(),
            claim.label,
            count(chipwatch_locate::verify::Verdict::CannotBe),
            count(chipwatch_locate::verify::Verdict::Consistent),
            count(chipwatch_locate::verify::Verdict::Inconclusive)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn locate_calibrate(landmarks: &Path, pairs: &Path, speed: f64) -> Result<ExitCode> {
    use chipwatch_locate::files::{read_landmark_pairs, read_landmarks};
    if !(speed > 0.0 && speed <= 1.0) {
        return Err(InputError::Invalid {
            file: "--speed".into(),
            message: format!("{speed} is not a fraction of c in (0, 1]"),
        }
        .into());
    }
    let lms = read_landmarks(landmarks).map_err(located)?;
    let rtts = read_landmark_pairs(pairs, &lms).map_err(located)?;
    let out = chipwatch_locate::verify::self_calibrate(&lms, speed, |a, b| {
        rtts.get(&(a.min(b), a.max(b))).copied()
    });
    println!(
        "{} landmarks, {} measured pairs, bound {speed} c: {} excluded",
        lms.len(),
        rtts.len(),
        out.len()
    );
    for m in &out {
        println!(
            "  {}: {} pair(s) faster than the bound",
            m.landmark,
            m.violations.len()
        );
        for (other, rtt, floor) in m.violations.iter().take(5) {
            println!("    with {other}: {rtt:.2} ms < {floor:.2} ms");
        }
    }
    Ok(if out.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    })
}

pub(crate) fn terminal_width() -> u16 {
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
    // Query plans are trees: Ballista's scheduler and executors (and the client that encodes
    // plans for them) recurse through them, deeper than a default 2 MiB thread stack allows.
    let stack = if matches!(cli.command, Command::Cluster(_)) {
        64 << 20
    } else {
        16 << 20
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(stack)
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
            Command::Flows(args) => flows_cmd::run(args).await,
            Command::Cluster(cmd) => cluster_cmd::run(cmd).await,
            Command::Classify(args) => rules_cmd::classify(args),
            Command::Licence(args) => rules_cmd::licence(args),
            Command::Chips(args) => rules_cmd::chips(args),
            Command::Lists(ListsCmd::Info { lists, store, json }) => {
                lists_cmd::info(&lists, store.as_deref(), json)
            }
            Command::Lists(ListsCmd::Diff {
                old,
                new,
                limit,
                json,
                rescreen,
            }) => lists_cmd::diff(&old, &new, limit, json, rescreen.as_deref()),
            Command::Lists(ListsCmd::Fetch {
                store,
                max_loss,
                only,
                csl_url,
                sdn_base_url,
                json,
                rescreen,
            }) => lists_cmd::fetch(lists_cmd::FetchOptions {
                store,
                csl_url,
                sdn_base_url,
                max_loss,
                only,
                json,
                rescreen,
            }),
            Command::Screen(args) => screen_cmd::screen(args),
            Command::Assess(args) => assess_cmd::run(args),
            Command::Simulate(args) => assess_cmd::simulate(args),
            Command::Order(cmd) => order_cmd::run(cmd),
            Command::Serve(args) => serve_cmd::serve(args).await,
            Command::Audit(cmd) => serve_cmd::audit(cmd),
            Command::Locate(LocateCmd::Verify(args)) => locate_verify(args),
            Command::Locate(LocateCmd::Keygen { out }) => locate_net::keygen(&out),
            Command::Locate(LocateCmd::Calibrate {
                landmarks,
                pairs,
                speed,
            }) => locate_calibrate(&landmarks, &pairs, speed),
            Command::Locate(LocateCmd::Landmark(args)) => locate_net::landmark(args),
            Command::Locate(LocateCmd::Prove(args)) => locate_net::prove(args),
        }
    });
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            let bad_input = err.chain().any(|e| {
                e.downcast_ref::<InputError>().is_some()
                    || e.downcast_ref::<InvalidInput>().is_some()
                    || e.downcast_ref::<chipwatch_rules::RulesError>().is_some()
                    || e.downcast_ref::<chipwatch_screen::ownership::OwnershipError>()
                        .is_some()
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
