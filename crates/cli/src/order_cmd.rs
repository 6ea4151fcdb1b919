//! `chipwatch order`: the order desk from the command line.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chipwatch_assess::desk::{Desk, DeskError, Verdict, check_order, parse_order};
use chipwatch_store::Store;
use clap::{Args, Subcommand};

#[derive(Subcommand)]
pub enum OrderCmd {
    /// Decide one order: proceed, hold for review, licence required or do not ship, with every
    /// reason and its citation. The order and its decision are stored; a hold opens an alert.
    #[command(
        after_help = "The order is a JSON object with the ledger's columns (docs/assess.md, The ledger;
docs/order-desk.md): order_id, order_date, item, quantity, ship_to_country are required;
bill_to_*, ship_to_*, end_user_*, payer_*, forwarder, route, declared_end_use, customer_since,
contact_email, contact_phone, declared_site_mw, licence, ... are read when given.

Examples:
  chipwatch order check order.json                         # decide, store in ./chipwatch.db
  echo '{\"order_id\":\"SO-1\",\"order_date\":\"2026-03-02\",\"item\":\"H100-SXM\",\"quantity\":64,\"ship_to_country\":\"SG\"}' \\
    | chipwatch order check - --json
  chipwatch order check order.json --db postgres://cw@db/cw --lists consolidated.csv
  chipwatch order check order.json --no-store               # decide without history, keep nothing

Exit codes: 0 proceed; 3 hold, licence required or do not ship; 2 invalid order; 1 error."
    )]
    Check(CheckArgs),
}

#[derive(Args)]
pub struct CheckArgs {
    /// The order: a JSON file, or `-` for standard input.
    pub order: String,
    /// The case store the customer's history is read from and the order written to: a SQLite
    /// file (created if absent) or a PostgreSQL address.
    #[arg(long, default_value = "chipwatch.db", value_name = "FILE|URL")]
    pub db: String,
    /// Decide from the order alone: read no history and store nothing.
    #[arg(long, conflicts_with = "db")]
    pub no_store: bool,
    /// Lists to screen every party against; repeatable. Default: the stored copies, else the
    /// bundled 33-entry Entity List sample (for trying chipwatch out, not for compliance).
    #[arg(long, value_name = "PATH")]
    pub lists: Vec<PathBuf>,
    /// Where `chipwatch lists fetch` stores lists.
    #[arg(long, value_name = "DIR", env = "CHIPWATCH_LISTS")]
    pub store: Option<PathBuf>,
    /// Who owns whom (as for `assess --ownership`); repeatable.
    #[arg(long, value_name = "FILE")]
    pub ownership: Vec<PathBuf>,
    /// Flag weights learned from reviewers' decisions (`chipwatch assess learn`).
    #[arg(long, value_name = "FILE")]
    pub weights: Option<PathBuf>,
    /// Who is deciding (recorded in the audit log).
    #[arg(long, default_value = "cli", value_name = "NAME")]
    pub actor: String,
    /// Print the decision as JSON (the same as POST /v1/orders answers).
    #[arg(long)]
    pub json: bool,
}

pub fn run(cmd: OrderCmd) -> Result<ExitCode> {
    let OrderCmd::Check(args) = cmd;
    let text = if args.order == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("reading the order from standard input")?;
        s
    } else {
        std::fs::read_to_string(&args.order)
            .with_context(|| format!("cannot read {}", args.order))?
    };
    let name = if args.order == "-" {
        "stdin"
    } else {
        &args.order
    };
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        crate::InvalidInput(format!(
            "{name}:{}: not JSON (column {}): {e}",
            e.line(),
            e.column()
        ))
    })?;
    let (screener, _) = crate::screen_cmd::screener_or_sample(&args.lists, args.store.as_deref())?;
    let stakes = crate::screen_cmd::read_stakes(&args.ownership)?;
    let weights = crate::assess_cmd::load_weights(args.weights.as_deref())?;
    let desk = Desk {
        screener: Some(&screener),
        ownership: (!stakes.is_empty()).then_some(stakes.as_slice()),
        weights: weights.as_ref(),
        screen_cache: None,
    };
    let store = if args.no_store {
        None
    } else {
        Some(
            Store::open_url(&args.db)
                .with_context(|| format!("opening the case store {}", args.db))?,
        )
    };
    let fail = |e| match e {
        DeskError::Invalid(m) => anyhow::anyhow!(crate::InvalidInput(m)),
        e => anyhow::anyhow!(e),
    };
    let (order, record) = parse_order(name, &value).map_err(fail)?;
    let d = check_order(store.as_ref(), &desk, &order, record, &args.actor).map_err(fail)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&d)?);
    } else {
        print!("{}", d.text());
    }
    Ok(if d.verdict == Verdict::Proceed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}
