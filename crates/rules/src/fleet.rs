//! Fleet reconciliation: given a reported fleet of an end user, when could each item have
//! been exported to that end user without a licence, and what does the record imply?
//!
//! The timeline is cut at every date on which a rule version, overlay or country-group
//! membership changes, and at the item's launch; on each piece the licence determination is
//! run for the end user's destination and headquarters. Adjacent lawful pieces merge into
//! windows. Fleets come from `data/fleets.csv` (or a `fleets.csv` beside the other inputs).

use std::path::Path;

use chipwatch_model::finding::{Figure, Finding, Section, Severity};
use chipwatch_model::status::Status;
use chipwatch_model::units::thousands;
use chrono::NaiveDate;
use serde::Serialize;

use crate::RulesError;
use crate::catalogue::{Catalogue, Item};
use crate::classify::Specs;
use crate::groups::CountryGroups;
use crate::licence::{Mode, Shipment, determine};
use crate::versions::RuleBook;

/// One line of a reported fleet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FleetLine {
    pub fleet_id: String,
    pub end_user: String,
    pub hq_country: String,
    pub destination: String,
    pub item: String,
    pub quantity: u64,
    pub status: Status,
    pub source: String,
}

/// A period in which export to the end user needed no licence (both ends inclusive).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Window {
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

/// The reconciliation of one fleet line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reconciled {
    pub line: FleetLine,
    pub item_id: String,
    pub launch: NaiveDate,
    pub tpp_per_unit: f64,
    pub tpp_total: f64,
    pub lawful_windows: Vec<Window>,
    /// First date from which every export to the end user needed a licence.
    pub licence_from: Option<NaiveDate>,
}

/// Read a fleets CSV (`fleet_id, end_user, hq_country, destination, item, quantity, status, source`).
pub fn read_fleets(name: &str, text: &str) -> Result<Vec<FleetLine>, RulesError> {
    let mut out = Vec::new();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let countries = chipwatch_model::country::CountryRegistry::bundled();
    for (i, rec) in rdr.records().enumerate() {
        let line = i as u64 + 2;
        let err = |m: String| RulesError::Data {
            file: name.to_string(),
            line,
            message: m,
        };
        let rec = rec.map_err(|e| err(e.to_string()))?;
        let get = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
        let country = |i: usize, col: &str| -> Result<String, RulesError> {
            let t = get(i);
            countries
                .resolve(&t)
                .map(|c| c.alpha2.clone())
                .ok_or_else(|| err(format!("column `{col}`: `{t}` is not a known country")))
        };
        let item = get(4);
        Catalogue::bundled()
            .get(&item)
            .map_err(|e| err(format!("column `item`: {e}")))?;
        let quantity: u64 = get(5).parse().ok().filter(|q| *q > 0).ok_or_else(|| {
            err(format!(
                "column `quantity`: `{}` is not a positive whole number",
                get(5)
            ))
        })?;
        out.push(FleetLine {
            fleet_id: get(0),
            end_user: get(1),
            hq_country: country(2, "hq_country")?,
            destination: country(3, "destination")?,
            item,
            quantity,
            status: Status::parse(&get(6)).unwrap_or(Status::Unverified),
            source: get(7),
        });
    }
    Ok(out)
}

/// The fleets compiled into chipwatch (`data/fleets.csv`).
pub fn bundled_fleets() -> Vec<FleetLine> {
    read_fleets(
        "data/fleets.csv",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/fleets.csv"
        )),
    )
    .expect("bundled fleets.csv is valid: checked by the rules crate's tests")
}

/// Read `fleets.csv` from a folder, if it has one.
pub fn fleets_in_dir(dir: &Path) -> Result<Option<Vec<FleetLine>>, RulesError> {
    let p = dir.join("fleets.csv");
    if !p.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&p).map_err(|e| RulesError::Data {
        file: p.display().to_string(),
        line: 0,
        message: e.to_string(),
    })?;
    read_fleets(&p.display().to_string(), &text).map(Some)
}

/// Reconcile one fleet line between `from` and `to`.
pub fn reconcile(line: &FleetLine, mode: Mode, to: NaiveDate) -> Result<Reconciled, RulesError> {
    let item: Item = Catalogue::bundled().get(&line.item)?;
    let specs = Specs::of(&item);
    let launch = item.chip().launch;
    let mut cuts: Vec<NaiveDate> = RuleBook::bundled().change_dates();
    cuts.extend(CountryGroups::bundled().change_dates());
    cuts.push(launch);
    cuts.retain(|d| *d >= launch && *d <= to);
    cuts.sort();
    cuts.dedup();
    let mut windows: Vec<Window> = Vec::new();
    let mut licence_from = None;
    for (i, start) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).and_then(|n| n.pred_opt()).unwrap_or(to);
        let det = determine(
            &specs,
            &Shipment {
                quantity: line.quantity,
                destination: line.destination.clone(),
                end_user_country: Some(line.destination.clone()),
                end_user_hq: Some(line.hq_country.clone()),
                parent_hq: None,
                exporting_country: "US".into(),
                date: *start,
                mode,
                end_use: None,
            },
        );
        if det.licence_required {
            licence_from.get_or_insert(*start);
        } else {
            licence_from = None;
            match windows.last_mut() {
                Some(w) if w.to.succ_opt() == Some(*start) => w.to = end,
                _ => windows.push(Window {
                    from: *start,
                    to: end,
                }),
            }
        }
    }
    let tpp_per_unit = specs.tpp * f64::from(specs.chips_per_unit);
    Ok(Reconciled {
        line: line.clone(),
        item_id: item.id().to_string(),
        launch,
        tpp_per_unit,
        tpp_total: tpp_per_unit * line.quantity as f64,
        lawful_windows: windows,
        licence_from,
    })
}

/// Lawful windows shorter than this many days make a fleet line "high".
pub const SHORT_WINDOW_DAYS: i64 = 90;

/// Findings for every fleet: one per line, one for the fleet's aggregate compute.
pub fn fleet_section(
    fleets: &[FleetLine],
    mode: Mode,
    as_of: NaiveDate,
) -> Result<Section, RulesError> {
    let h100_tpp = Catalogue::bundled().get("H100-SXM")?.chip().tpp();
    let diffusion = RuleBook::bundled().get("diffusion_2025");
    let mut findings = Vec::new();
    let mut ids: Vec<&str> = fleets.iter().map(|f| f.fleet_id.as_str()).collect();
    ids.dedup();
    for id in ids {
        let lines: Vec<&FleetLine> = fleets.iter().filter(|f| f.fleet_id == id).collect();
        let mut total_tpp = 0.0;
        for line in &lines {
            let rec = reconcile(line, mode, as_of)?;
            total_tpp += rec.tpp_total;
            let lawful_days: i64 = rec.lawful_windows.iter().map(Window::days).sum();
            let windows_text = if rec.lawful_windows.is_empty() {
                "no lawful window since its launch".to_string()
            } else {
                rec.lawful_windows
                    .iter()
                    .map(|w| format!("{} to {} ({} days)", w.from, w.to, w.days()))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let closed = rec.licence_from;
            let severity = if lawful_days < SHORT_WINDOW_DAYS {
                Severity::High
            } else if closed.is_some() {
                Severity::Medium
            } else {
                Severity::Info
            };
            let mut f = Finding::new(
                "fleet_reconciliation",
                format!("fleet/{}/{}", line.fleet_id, rec.item_id),
                line.end_user.clone(),
                severity,
            );
            f.subject_code = Some(line.hq_country.clone());
            f.score = rec.tpp_total;
            f.title = format!(
                "{} × {} for {} (headquartered in {}): lawful without a licence only {}{}",
                thousands(line.quantity as f64),
                rec.item_id,
                line.end_user,
                line.hq_country,
                windows_text,
                closed
                    .map(|c| format!("; a licence has been required since {c}"))
                    .unwrap_or_default()
            );
            f.explanation = format!(
                "{} launched {}. chipwatch ran the licence determination for export to {} for an end user headquartered in {} \
                 on every date a rule or country group changed up to {as_of} ({} view). {} The reported fleet is consistent \
                 with the rules only if the units were exported within those windows, or under a licence.",
                rec.item_id,
                rec.launch,
                line.destination,
                line.hq_country,
                match mode {
                    Mode::AsEnforced => "as enforced",
                    Mode::AsWritten => "as written",
                },
                if rec.lawful_windows.is_empty() {
                    "No window was lawful.".to_string()
                } else {
                    format!("Lawful windows: {windows_text}.")
                }
            );
            f.figure(Figure::new(
                "quantity",
                line.quantity as f64,
                "units",
                thousands(line.quantity as f64),
            ))
            .figure(Figure::new(
                "tpp_per_unit",
                rec.tpp_per_unit,
                "TPP",
                thousands(rec.tpp_per_unit),
            ))
            .figure(Figure::new(
                "tpp_total",
                rec.tpp_total,
                "TPP",
                thousands(rec.tpp_total),
            ))
            .figure(Figure::new(
                "lawful_days",
                lawful_days as f64,
                "days",
                lawful_days.to_string(),
            ));
            f.evidence(
                format!(
                    "Reported fleet: {} × {} ({})",
                    line.quantity, line.item, line.end_user
                ),
                line.source.clone(),
                line.status,
            );
            for v in RuleBook::bundled()
                .versions
                .iter()
                .filter(|v| v.kind == "classification")
            {
                f.evidence(
                    format!("{}: {}", v.id, v.title),
                    v.citation.clone(),
                    Status::VerifiedPrimary,
                );
            }
            f.parameter("mode", format!("{mode:?}"))
                .parameter(
                    "high_when",
                    format!("lawful windows total < {SHORT_WINDOW_DAYS} days"),
                )
                .parameter("exporting_country", "US");
            findings.push(f);
        }
        let end_user = lines
            .first()
            .map(|l| l.end_user.clone())
            .unwrap_or_default();
        let mut f = Finding::new(
            "fleet_compute",
            format!("fleet/{id}/aggregate"),
            end_user.clone(),
            Severity::Info,
        );
        f.score = total_tpp;
        f.title = format!(
            "{end_user}: reported fleet totals {} TPP ≈ {} H100-equivalents",
            thousands(total_tpp),
            thousands(total_tpp / h100_tpp)
        );
        f.explanation = format!(
            "Aggregate TPP of the reported fleet: {} TPP, {:.1}% of the AI Diffusion Tier-2 country cap ({} TPP for 2025-2027) \
             and {:.0}× the LPP allowance per consignee per year ({} TPP).",
            thousands(total_tpp),
            total_tpp / diffusion.num("tier2_country_cap_tpp") * 100.0,
            thousands(diffusion.num("tier2_country_cap_tpp")),
            total_tpp / diffusion.num("lpp_tpp_per_consignee_year"),
            thousands(diffusion.num("lpp_tpp_per_consignee_year"))
        );
        f.figure(Figure::new(
            "tpp_total",
            total_tpp,
            "TPP",
            thousands(total_tpp),
        ))
        .figure(Figure::new(
            "h100_equivalents",
            total_tpp / h100_tpp,
            "H100",
            thousands(total_tpp / h100_tpp),
        ));
        f.evidence(
            "AI Diffusion caps",
            diffusion.citation.clone(),
            Status::VerifiedPrimary,
        );
        findings.push(f);
    }
    chipwatch_model::finding::rank(&mut findings);
    Ok(Section {
        id: "fleets".into(),
        title: "Fleets: could the reported chips have been exported lawfully?".into(),
        intro: "For each reported fleet, the windows in which each item could have been exported to the end user \
                without a licence, under the rules in force on each date, and the fleet's aggregate compute."
            .into(),
        findings,
        charts: Vec::new(),
        maps: Vec::new(),
        graphs: Vec::new(),
    })
}
