//! `chipwatch classify`, `chipwatch licence` and `chipwatch chips`: the rules engine at the
//! command line.

use std::process::ExitCode;

use anyhow::Result;
use chipwatch_model::country::{CountryRegistry, unknown_country_detail};
use chipwatch_model::units::thousands;
use chipwatch_rules::RulesError;
use chipwatch_rules::catalogue::{AreaStatus, Catalogue, Market};
use chipwatch_rules::classify::{self as rules_classify, Classification, Specs};
use chipwatch_rules::licence::{Mode, Shipment, determine};
use comfy_table::{Table, presets::UTF8_FULL_CONDENSED};

use crate::{ChipsArgs, ClassifyArgs, LicenceArgs};

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

fn country(flag: &str, text: &str) -> Result<String, RulesError> {
    let reg = CountryRegistry::bundled();
    reg.resolve(text)
        .map(|c| c.alpha2.clone())
        .ok_or_else(|| RulesError::Contradictory {
            reason: format!("{flag} `{text}`: {}", unknown_country_detail(reg, text)),
        })
}

fn print_classification(c: &Classification) {
    println!(
        "{}: {} as of {}{}",
        c.item,
        c.eccn,
        c.as_of,
        if c.citation.is_empty() {
            String::new()
        } else {
            format!(" ({})", c.citation)
        }
    );
    println!(
        "  TPP {}{}{}",
        thousands(c.tpp),
        c.pd.map(|p| format!(", performance density {p:.2}"))
            .unwrap_or_default(),
        if c.datacenter {
            ", designed for datacenters"
        } else {
            ", not designed or marketed for datacenters"
        }
    );
    for r in &c.reasons {
        println!("  - {r}");
    }
}

pub fn classify(args: ClassifyArgs) -> Result<ExitCode> {
    let date = args.as_of.unwrap_or_else(today);
    let raw_given = args.tpp.is_some() || args.tops.is_some() || args.bits.is_some();
    let specs = match (&args.item, raw_given) {
        (Some(name), false) => Specs::of(&Catalogue::bundled().get(name)?),
        (Some(_), true) => {
            return Err(RulesError::Contradictory {
                reason: "give a catalogue item or raw specs (--tpp / --tops --bits), not both"
                    .into(),
            }
            .into());
        }
        (None, _) => Specs::from_raw(
            "given specs",
            args.tpp,
            args.tops,
            args.bits,
            args.die_area,
            args.pd,
            args.interconnect,
            args.memory_bw,
            !args.consumer,
        )?,
    };
    let c = rules_classify::classify(&specs, date);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&c)?);
    } else {
        print_classification(&c);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn licence(args: LicenceArgs) -> Result<ExitCode> {
    let item = Catalogue::bundled().get(&args.item)?;
    let shipment = Shipment {
        quantity: args.quantity,
        destination: country("--to", &args.to)?,
        end_user_country: args
            .end_user_country
            .as_deref()
            .map(|c| country("--end-user-country", c))
            .transpose()?,
        end_user_hq: args
            .end_user_hq
            .as_deref()
            .map(|c| country("--end-user-hq", c))
            .transpose()?,
        parent_hq: args
            .parent_hq
            .as_deref()
            .map(|c| country("--parent-hq", c))
            .transpose()?,
        exporting_country: country("--from", &args.exporting_country)?,
        date: args.date.unwrap_or_else(today),
        mode: if args.as_written {
            Mode::AsWritten
        } else {
            Mode::AsEnforced
        },
        end_use: args.end_use.clone(),
    };
    let det = determine(&Specs::of(&item), &shipment);
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "item": item.id(),
                "shipment": shipment,
                "determination": det,
            }))?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} × {} to {} on {} ({}): {}{}",
        shipment.quantity,
        item.name(),
        shipment.destination,
        shipment.date,
        match shipment.mode {
            Mode::AsEnforced => "as enforced",
            Mode::AsWritten => "as written",
        },
        if det.licence_required {
            "LICENCE REQUIRED"
        } else {
            "no licence required"
        },
        det.review_policy
            .as_deref()
            .map(|p| format!("; review: {p}"))
            .unwrap_or_default()
    );
    for r in &det.reasons {
        println!("  - {} [{}]", r.text, r.citation);
    }
    for a in &det.advisories {
        println!("  ! advisory: {} [{}]", a.text, a.citation);
    }
    for e in &det.exceptions {
        println!("  + exception that may apply: {e}");
    }
    println!(
        "  shipment TPP {}; rule versions in force: {}",
        thousands(det.shipment_tpp),
        det.versions.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}

pub fn chips(args: ChipsArgs) -> Result<ExitCode> {
    let date = args.as_of.unwrap_or_else(today);
    let cat = Catalogue::bundled();
    let rows: Vec<serde_json::Value> = cat
        .chips
        .iter()
        .map(|c| {
            let item = cat.get(&c.id).expect("a catalogue chip finds itself");
            let cl = rules_classify::classify(&Specs::of(&item), date);
            serde_json::json!({
                "id": c.id, "name": c.name, "vendor": c.vendor, "launch": c.launch,
                "market": c.market, "tpp": c.tpp(), "precision": c.precision_label(),
                "die_area_mm2": c.die_area_mm2, "die_area_status": c.die_area_status,
                "pd": cl.pd, "interconnect_gbps": c.interconnect_gbps, "memory_bw_gbps": c.memory_bw_gbps,
                "eccn": cl.eccn, "nac_eligible": cl.nac_eligible, "source": c.source,
            })
        })
        .chain(cat.systems.iter().map(|s| {
            let item = cat.get(&s.id).expect("a catalogue system finds itself");
            let cl = rules_classify::classify(&Specs::of(&item), date);
            serde_json::json!({
                "id": s.id, "name": s.name, "chip": s.chip, "count": s.count,
                "tpp": cl.tpp * f64::from(s.count), "eccn": cl.eccn, "source": s.source,
            })
        }))
        .collect();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
        "id",
        "vendor",
        "market",
        "TPP",
        "die mm²",
        "PD",
        "I/O GB/s",
        "mem GB/s",
        &format!("ECCN on {date}"),
    ]);
    for c in &cat.chips {
        let item = cat.get(&c.id).expect("a catalogue chip finds itself");
        let cl = rules_classify::classify(&Specs::of(&item), date);
        t.add_row(vec![
            c.id.clone(),
            c.vendor.clone(),
            match c.market {
                Market::Datacenter => "datacenter".into(),
                Market::Consumer => "consumer".into(),
            },
            thousands(c.tpp()),
            c.die_area_mm2
                .map(|a| {
                    format!(
                        "{a}{}",
                        if c.die_area_status == AreaStatus::Estimated {
                            " est."
                        } else {
                            ""
                        }
                    )
                })
                .unwrap_or_else(|| "n/p".into()),
            cl.pd
                .map(|p| format!("{p:.2}"))
                .unwrap_or_else(|| "-".into()),
            c.interconnect_gbps
                .map(thousands)
                .unwrap_or_else(|| "-".into()),
            c.memory_bw_gbps
                .map(thousands)
                .unwrap_or_else(|| "-".into()),
            format!("{}{}", cl.eccn, if cl.nac_eligible { " (NAC)" } else { "" }),
        ]);
    }
    for s in &cat.systems {
        let item = cat.get(&s.id).expect("a catalogue system finds itself");
        let cl = rules_classify::classify(&Specs::of(&item), date);
        t.add_row(vec![
            s.id.clone(),
            format!("{} × {}", s.count, s.chip),
            "system".into(),
            thousands(cl.tpp * f64::from(s.count)),
            "-".into(),
            "-".into(),
            "-".into(),
            "-".into(),
            cl.eccn.clone(),
        ]);
    }
    println!("{t}");
    println!(
        "TPP = dense TOPS × bit length (max over precisions). Sources: chipwatch chips --json."
    );
    Ok(ExitCode::SUCCESS)
}
