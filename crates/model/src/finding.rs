//! Findings: the one language every engine speaks on its way out.
//!
//! A finding says what was found (`kind`, `subject`, `severity`), why, in words
//! (`explanation`), and which facts produced it (`figures`, `evidence`, `sources`), so a
//! reader can check every step. Renderers (`report`, the server) need to know no engine.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::status::Status;

/// How much a finding should worry its reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named number behind a finding, with its unit and how to show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub name: String,
    pub value: f64,
    pub unit: String,
    /// The value as a person should read it, e.g. `$23,684m` or `< 2%`.
    pub display: String,
}

impl Figure {
    pub fn new(
        name: impl Into<String>,
        value: f64,
        unit: impl Into<String>,
        display: impl Into<String>,
    ) -> Self {
        Figure {
            name: name.into(),
            value,
            unit: unit.into(),
            display: display.into(),
        }
    }
}

/// A fact that supports (or qualifies) a finding, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub statement: String,
    pub source: String,
    pub status: Status,
}

/// A finding produced by an engine.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable identifier, e.g. `billing_gap/NVIDIA/SG/FY2025`.
    pub id: String,
    pub kind: String,
    /// What the finding is about, e.g. `Singapore`.
    pub subject: String,
    /// ISO code of the subject where it is a country.
    pub subject_code: Option<String>,
    pub severity: Severity,
    /// Orders findings of equal severity: larger is more striking.
    pub score: f64,
    pub title: String,
    pub explanation: String,
    pub figures: Vec<Figure>,
    pub evidence: Vec<Evidence>,
    pub sources: Vec<String>,
    /// The parameters and assumptions the detector used.
    pub parameters: BTreeMap<String, String>,
    /// Warnings about the data the finding rests on (unverified figures, partial years).
    pub caveats: Vec<String>,
}

impl Finding {
    /// Start a finding; fill in the rest with the builder methods.
    pub fn new(
        kind: &str,
        id: impl Into<String>,
        subject: impl Into<String>,
        severity: Severity,
    ) -> Self {
        Finding {
            id: id.into(),
            kind: kind.to_string(),
            subject: subject.into(),
            subject_code: None,
            severity,
            score: 0.0,
            title: String::new(),
            explanation: String::new(),
            figures: Vec::new(),
            evidence: Vec::new(),
            sources: Vec::new(),
            parameters: BTreeMap::new(),
            caveats: Vec::new(),
        }
    }

    pub fn figure(&mut self, f: Figure) -> &mut Self {
        self.figures.push(f);
        self
    }

    pub fn evidence(
        &mut self,
        statement: impl Into<String>,
        source: impl Into<String>,
        status: Status,
    ) -> &mut Self {
        let source = source.into();
        if !self.sources.contains(&source) {
            self.sources.push(source.clone());
        }
        if status.needs_caveat() {
            let caveat = format!("rests on a figure marked {status}: verify before relying on it");
            if !self.caveats.contains(&caveat) {
                self.caveats.push(caveat);
            }
        }
        self.evidence.push(Evidence {
            statement: statement.into(),
            source,
            status,
        });
        self
    }

    pub fn parameter(&mut self, name: &str, value: impl Into<String>) -> &mut Self {
        self.parameters.insert(name.to_string(), value.into());
        self
    }

    /// The figure with this name, if any.
    pub fn get_figure(&self, name: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.name == name)
    }
}

/// Kinds of finding in the order a reader should meet them at equal severity: direct
/// evidence of a gap between billing and shipping first, then what capacity rules out,
/// then growth and claims, then trade statistics (which can flag but never prove).
pub const KIND_ORDER: &[&str] = &[
    "billing_gap",
    "fleet_reconciliation",
    "diversion_network",
    "absorption",
    "revenue_surge",
    "basis_reconciliation",
    "claim_check",
    "trade_surge",
    "location",
    "fleet_compute",
    "basis_change",
    "absorption_untested",
];

fn kind_rank(kind: &str) -> usize {
    KIND_ORDER
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(KIND_ORDER.len())
}

/// Sort findings most serious first; at equal severity by [`KIND_ORDER`], then by score
/// (scores compare only within one kind).
pub fn rank(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(kind_rank(&a.kind).cmp(&kind_rank(&b.kind)))
            .then(b.score.total_cmp(&a.score))
            .then(a.id.cmp(&b.id))
    });
}

/// A chart an engine wants shown beside its findings: categories on the x axis and one
/// or more named series. Renderers choose the drawing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    pub id: String,
    pub title: String,
    pub kind: ChartKind,
    pub x_labels: Vec<String>,
    pub series: Vec<Series>,
    pub y_unit: String,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    Line,
    Bar,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub name: String,
    /// One value per x label; `None` where the series has no figure.
    pub values: Vec<Option<f64>>,
    /// Points to mark (by x index), e.g. a surge.
    pub marks: Vec<usize>,
}

/// A map an engine wants shown: labelled points and circles at geographic positions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapFigure {
    pub id: String,
    pub title: String,
    pub points: Vec<MapPoint>,
    pub circles: Vec<MapCircle>,
    pub note: String,
}

/// A labelled position; `kind` chooses the symbol (`landmark`, `site`, or a verdict).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapPoint {
    pub label: String,
    pub lat: f64,
    pub lon: f64,
    pub kind: String,
}

/// A circle of `radius_km` around a position; `kind` chooses the style.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapCircle {
    pub lat: f64,
    pub lon: f64,
    pub radius_km: f64,
    pub kind: String,
}

/// One part of a report: an engine's findings, charts and maps under a heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub findings: Vec<Finding>,
    pub charts: Vec<Chart>,
    pub maps: Vec<MapFigure>,
    /// Networks drawn as node-link diagrams.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub graphs: Vec<GraphFigure>,
}

/// A network an engine wants drawn: parties (nodes) and how they are linked (edges).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct GraphFigure {
    pub id: String,
    pub title: String,
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    pub note: String,
}

/// A party in a network; `kind` chooses the symbol (`buyer`, `payer`, `forwarder`,
/// `end_user`, `ship_to`, `listed`).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct GraphNode {
    pub id: String,
    pub label: String,
    pub kind: String,
}

/// A link between two nodes (by id), labelled with what joins them.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct GraphEdge {
    pub from: String,
    pub to: String,
    pub label: String,
}
