//! `chipwatch serve` and `chipwatch audit verify`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};
use chipwatch_server::AppState;
use chipwatch_store::{Role, Store};
use clap::{Args, Subcommand};

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// The case store: a SQLite file (created with its schema if absent) or a PostgreSQL
    /// address (`postgres://user:password@host/db`, optionally `?schema=NAME`).
    #[arg(long, default_value = "chipwatch.db", value_name = "FILE|URL")]
    pub db: String,
    /// Lists to screen against; repeatable. Default: the stored copies, else the bundled
    /// 33-entry Entity List sample (for trying chipwatch out, not for compliance).
    #[arg(long, value_name = "PATH")]
    pub lists: Vec<PathBuf>,
    /// Where `chipwatch lists fetch` stores lists.
    #[arg(long, value_name = "DIR", env = "CHIPWATCH_LISTS")]
    pub store: Option<PathBuf>,
    /// Requests per second each token may make.
    #[arg(long, default_value_t = 20_000)]
    pub rate_limit: u32,
    /// Do not fill a new store with the demonstration case.
    #[arg(long)]
    pub no_demo: bool,
    /// Flag weights for assessments (`chipwatch assess learn` writes them); admins can also
    /// learn them from the store's dispositions with POST /v1/weights/learn.
    #[arg(long, value_name = "FILE")]
    pub weights: Option<PathBuf>,
    /// Who owns whom (CSV `owner,owned,share_pct,as_of,source` or FollowTheMoney JSON lines);
    /// repeatable. Screening then also answers with the parties listed owners cover (BIS
    /// Affiliates rule, OFAC 50 Percent Rule), on `/v1/screen`, `/v2/search` and `/match`.
    #[arg(long, value_name = "FILE")]
    pub ownership: Vec<PathBuf>,
    /// Fetch the lists into the list store this often (`6h`, `30m`, `1d`), as `lists fetch`
    /// does with its guard; each new copy is screened against from then on, and every party
    /// the store remembers is re-screened against its delta (the Monitoring page).
    #[arg(long, value_name = "INTERVAL", value_parser = parse_interval)]
    pub refresh: Option<std::time::Duration>,
    /// Largest share of a source's entries a refreshed copy may lose (as `lists fetch`).
    #[arg(long, default_value_t = 0.10, value_name = "SHARE")]
    pub max_loss: f64,
    /// Consolidated Screening List URL for --refresh.
    #[arg(long, env = "CHIPWATCH_CSL_URL", default_value = crate::lists_cmd::CSL_URL)]
    pub csl_url: String,
    /// Base URL of OFAC's legacy SDN files for --refresh.
    #[arg(long, env = "CHIPWATCH_SDN_URL", default_value = crate::lists_cmd::SDN_BASE_URL)]
    pub sdn_base_url: String,
}

/// `90s`, `30m`, `6h`, `1d`.
pub fn parse_interval(s: &str) -> Result<std::time::Duration, String> {
    let s = s.trim();
    let (n, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: u64 = n
        .parse()
        .map_err(|_| format!("{s:?}: a number and a unit (90s, 30m, 6h, 1d)"))?;
    let secs = match unit {
        "s" => n,
        "m" => n * 60,
        "h" | "" => n * 3600,
        "d" => n * 86_400,
        _ => return Err(format!("{s:?}: the unit is s, m, h or d")),
    };
    if secs < 10 {
        return Err(format!("{s:?}: at least 10 seconds between fetches"));
    }
    Ok(std::time::Duration::from_secs(secs))
}

/// Every `every`, fetch the lists, switch the screener to the stored copies and re-screen the
/// remembered parties against each delta.
fn refresh_loop(
    state: Arc<AppState>,
    opts: crate::lists_cmd::FetchOptions,
    every: std::time::Duration,
) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(every);
            let st = state.clone();
            let rescreen =
                move |d: &chipwatch_screen::delta::Delta, list: &str, old: &str, new: &str| {
                    Ok(chipwatch_server::monitor::rescreen(
                        &st.store,
                        d,
                        list,
                        old,
                        new,
                        "chipwatch serve --refresh",
                    )?)
                };
            match crate::lists_cmd::fetch_report(&opts, Some(&rescreen)) {
                Ok((report, _)) => {
                    for r in &report {
                        eprintln!(
                            "refresh: {} {}{}",
                            r["list"].as_str().unwrap_or(""),
                            r["status"].as_str().unwrap_or(""),
                            r["delta"]["summary"]
                                .as_str()
                                .map(|s| format!(": {s}"))
                                .unwrap_or_default()
                        );
                    }
                    match crate::screen_cmd::optional_screener(&[], opts.store.as_deref()) {
                        Ok(Some((screener, lists))) => state.set_screener(screener, lists),
                        Ok(None) => {}
                        Err(e) => eprintln!("refresh: reloading the lists: {e:#}"),
                    }
                }
                Err(e) => eprintln!("refresh: {e:#}"),
            }
        }
    });
}

#[derive(Subcommand)]
pub enum AuditCmd {
    /// Check the audit log's hash chain: any edited or deleted entry is reported.
    #[command(after_help = "Example:
  chipwatch audit verify --db chipwatch.db

Exit code 0 when the chain is intact, 3 when an entry was edited or deleted. Keep the printed
head hash elsewhere: comparing it later also detects a log cut at its end.")]
    Verify {
        /// The store: a SQLite file or a PostgreSQL address.
        #[arg(long, default_value = "chipwatch.db", value_name = "FILE|URL")]
        db: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn audit(cmd: AuditCmd) -> Result<ExitCode> {
    let AuditCmd::Verify { db, json } = cmd;
    let is_pg = db.starts_with("postgres://") || db.starts_with("postgresql://");
    if !is_pg && !std::path::Path::new(&db).exists() {
        anyhow::bail!("{db}: no such store");
    }
    let store = Store::open_url(&db).with_context(|| format!("opening {}", redact(&db)))?;
    let db = redact(&db);
    let r = store.verify_audit()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else if r.ok {
        println!(
            "{db}: audit chain intact, {} entries, head {}",
            r.entries, r.head
        );
    } else {
        println!("{db}: AUDIT CHAIN BROKEN ({} entries)", r.entries);
        for p in &r.problems {
            println!("  {p}");
        }
    }
    Ok(if r.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(crate::EXIT_FINDINGS)
    })
}

/// An address without its password, for messages.
fn redact(db: &str) -> String {
    match (db.find("://"), db.rfind('@')) {
        (Some(s), Some(at)) if at > s => match db[s + 3..at].split_once(':') {
            Some((user, _)) => format!("{}{user}:***{}", &db[..s + 3], &db[at..]),
            None => db.to_string(),
        },
        _ => db.to_string(),
    }
}

pub async fn serve(args: ServeArgs) -> Result<ExitCode> {
    let store = tokio::task::block_in_place(|| Store::open_url(&args.db))
        .with_context(|| format!("opening {}", redact(&args.db)))?;
    let fresh = store.has_no_tokens()?;
    let (screener, lists) =
        crate::screen_cmd::screener_or_sample(&args.lists, args.store.as_deref())?;
    if fresh {
        let token = store.create_token("admin", Role::Admin, "chipwatch serve")?;
        eprintln!(
            "new store {} ({}): admin token (shown once, keep it): {token}",
            redact(&args.db),
            store.backend()
        );
        if !args.no_demo {
            let n = chipwatch_server::seed_demo(&store, &screener)?;
            eprintln!("filled with a demonstration case from a simulated ledger: {n} alerts");
        }
    }
    let demo = if args.no_demo {
        Vec::new()
    } else {
        chipwatch_server::demo_findings(&screener)
    };
    let mut state = AppState::new(store, screener, lists, args.rate_limit);
    let stakes = crate::screen_cmd::read_stakes(&args.ownership)?;
    if !stakes.is_empty() {
        eprintln!(
            "ownership: {} stake(s) from {} file(s)",
            stakes.len(),
            args.ownership.len()
        );
        state = state.with_ownership(stakes);
    }
    if let Some(w) = crate::assess_cmd::load_weights(args.weights.as_deref())? {
        eprintln!("assessments use the weights of {}", w.origin);
        state = state.with_weights(w);
    }
    let state = Arc::new(state);
    *state.findings.lock().unwrap_or_else(|p| p.into_inner()) = demo;
    if let Some(every) = args.refresh {
        eprintln!(
            "lists refreshed every {}s into {}",
            every.as_secs(),
            crate::lists_cmd::store_dir(args.store.as_deref()).display()
        );
        refresh_loop(
            state.clone(),
            crate::lists_cmd::FetchOptions {
                store: args.store.clone(),
                csl_url: args.csl_url.clone(),
                sdn_base_url: args.sdn_base_url.clone(),
                max_loss: args.max_loss,
                only: Vec::new(),
                json: true,
                rescreen: None,
            },
            every,
        );
    }
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("listening on {}", args.addr))?;
    eprintln!(
        "chipwatch serving on http://{} (API under /v1, OpenAPI at /openapi.json, web interface at /)",
        args.addr
    );
    chipwatch_server::serve_on(listener, state)
        .await
        .with_context(|| format!("serving on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod refresh_tests {
    use super::parse_interval;

    #[test]
    fn intervals_read_with_their_units() {
        assert_eq!(parse_interval("6h").unwrap().as_secs(), 21_600);
        assert_eq!(parse_interval("30m").unwrap().as_secs(), 1_800);
        assert_eq!(parse_interval("1d").unwrap().as_secs(), 86_400);
        assert_eq!(parse_interval("90s").unwrap().as_secs(), 90);
        assert!(
            parse_interval("5s")
                .unwrap_err()
                .contains("at least 10 seconds")
        );
        assert!(parse_interval("6 hours").is_err());
        assert!(parse_interval("h").is_err());
    }
}
