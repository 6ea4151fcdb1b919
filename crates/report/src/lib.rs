//! # chipwatch-report
//!
//! Renders findings for people and programs: a ranked terminal table, `findings.json`,
//! and a self-contained `index.html` with SVG charts. It knows no engine: anything that
//! produces [`Section`]s of [`Finding`]s can be rendered.
//!
//! ```
//! use chipwatch_model::finding::{Finding, Section, Severity};
//! use chipwatch_report::{ReportDoc, terminal_table};
//! let mut f = Finding::new("billing_gap", "billing_gap/X/SG/FY2025", "Singapore", Severity::High);
//! f.title = "Billed 18%, shipped under 2%".into();
//! let doc = ReportDoc::new("demo", vec![Section { id: "revenue".into(), title: "Revenue".into(),
//!     intro: String::new(), findings: vec![f], charts: vec![], maps: vec![], graphs: vec![] }]);
//! assert!(terminal_table(&doc.findings_ranked(), 100).contains("Singapore"));
//! ```

pub mod html;
pub mod svg;

use std::path::{Path, PathBuf};

use chipwatch_model::finding::{Finding, Section, rank};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

/// A report: sections of findings and charts, with where the data came from.
#[derive(Debug, Clone, Serialize)]
pub struct ReportDoc {
    pub title: String,
    pub version: String,
    /// UTC time of generation, RFC 3339.
    pub generated: String,
    pub data_origin: String,
    /// Notes about the inputs: missing files, quarantined rows.
    pub notes: Vec<String>,
    pub sections: Vec<Section>,
}

impl ReportDoc {
    pub fn new(data_origin: &str, sections: Vec<Section>) -> ReportDoc {
        ReportDoc {
            title: "chipwatch report: AI-chip diversion indicators".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            generated: String::new(),
            data_origin: data_origin.into(),
            notes: Vec::new(),
            sections,
        }
    }

    /// Every finding of every section, most serious first.
    pub fn findings_ranked(&self) -> Vec<Finding> {
        let mut v: Vec<Finding> = self
            .sections
            .iter()
            .flat_map(|s| s.findings.iter().cloned())
            .collect();
        rank(&mut v);
        v
    }

    /// The JSON document written to `findings.json`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "chipwatch_version": self.version,
            "generated": self.generated,
            "data": self.data_origin,
            "notes": self.notes,
            "findings": self.findings_ranked(),
            "sections": self.sections.iter().map(|s| serde_json::json!({
                "id": s.id,
                "title": s.title,
                "intro": s.intro,
                "finding_ids": s.findings.iter().map(|f| f.id.clone()).collect::<Vec<_>>(),
                "charts": s.charts,
            })).collect::<Vec<_>>(),
        })
    }

    /// Write `findings.json` and `index.html` into `dir` (created if missing).
    pub fn write(&self, dir: &Path) -> Result<Written, std::io::Error> {
        std::fs::create_dir_all(dir)?;
        let json = dir.join("findings.json");
        let html = dir.join("index.html");
        let text = serde_json::to_string_pretty(&self.to_json()).map_err(std::io::Error::other)?;
        std::fs::write(&json, text + "\n")?;
        std::fs::write(&html, html::render(self))?;
        Ok(Written { json, html })
    }
}

/// Paths of the files a report wrote.
#[derive(Debug, Clone)]
pub struct Written {
    pub json: PathBuf,
    pub html: PathBuf,
}

fn severity_color(s: chipwatch_model::Severity) -> Color {
    use chipwatch_model::Severity::*;
    match s {
        Critical | High => Color::Red,
        Medium => Color::Yellow,
        Low => Color::Cyan,
        Info => Color::Grey,
    }
}

/// A ranked summary table for the terminal, `width` columns wide.
pub fn terminal_table(findings: &[Finding], width: u16) -> String {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(vec!["#", "severity", "kind", "subject", "finding"]);
    for (i, f) in findings.iter().enumerate() {
        t.add_row(vec![
            Cell::new(i + 1),
            Cell::new(f.severity.as_str()).fg(severity_color(f.severity)),
            Cell::new(&f.kind),
            Cell::new(&f.subject),
            Cell::new(&f.title),
        ]);
    }
    t.to_string()
}
