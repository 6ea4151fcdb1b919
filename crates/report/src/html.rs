//! The self-contained HTML report: one file, inline CSS and SVG, no scripts, no network.

use std::fmt::Write;

use chipwatch_model::finding::{Finding, Severity};
use chipwatch_model::status::Status;

use crate::{ReportDoc, svg};

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root { --ink:#1b1f24; --muted:#5b6470; --line:#e3e6ea; --bg:#fafbfc; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); margin: 0; line-height: 1.5; }
header { background: #10243e; color: #fff; padding: 28px 40px 22px; }
header h1 { margin: 0 0 6px; font-size: 26px; }
header p { margin: 2px 0; color: #c9d6e8; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 40px 60px; }
nav ol { padding-left: 20px; }
.summary { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0 8px; }
.pill { border-radius: 999px; padding: 4px 12px; font-weight: 600; font-size: 13px; }
.sev-critical { background: #5c0011; color: #fff; }
.sev-high { background: #c0392b; color: #fff; }
.sev-medium { background: #e67e22; color: #fff; }
.sev-low { background: #f1c40f; color: #222; }
.sev-info { background: #d5dbe1; color: #222; }
section { margin-top: 36px; }
section > h2 { border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
.intro { color: var(--muted); }
figure { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px; margin: 18px 0; }
figcaption { font-weight: 600; margin-bottom: 6px; }
figure .note { color: var(--muted); font-size: 13px; margin-top: 6px; }
svg.chart { width: 100%; height: auto; }
article { background: #fff; border: 1px solid var(--line); border-left: 6px solid #d5dbe1; border-radius: 8px; padding: 14px 18px; margin: 14px 0; }
article.high { border-left-color: #c0392b; } article.medium { border-left-color: #e67e22; }
article.low { border-left-color: #f1c40f; } article.critical { border-left-color: #5c0011; }
article h3 { margin: 6px 0; font-size: 17px; }
.meta { font-size: 12px; color: var(--muted); font-family: ui-monospace, monospace; }
table { border-collapse: collapse; margin: 8px 0; font-size: 14px; }
td, th { border-bottom: 1px solid var(--line); padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.status { font-size: 11px; border-radius: 4px; padding: 1px 6px; background: #eef1f4; white-space: nowrap; }
.status.unverified, .status.secondary_test_fixture { background: #fde2e1; color: #8a1c12; }
.status.derived { background: #e8f0fe; }
.caveat { color: #8a1c12; font-size: 13px; }
details summary { cursor: pointer; color: var(--muted); font-size: 13px; }
footer { color: var(--muted); font-size: 13px; margin-top: 40px; border-top: 1px solid var(--line); padding-top: 12px; }
"#;

fn severity_class(s: Severity) -> &'static str {
    s.as_str()
}

fn status_chip(s: Status) -> String {
    format!(r#"<span class="status {0}">{0}</span>"#, s.as_str())
}

fn finding_html(out: &mut String, f: &Finding) {
    let _ = write!(
        out,
        r#"<article class="{sev}" id="{id}"><div><span class="pill sev-{sev}">{sev}</span> <span class="meta">{kind} · {id}</span></div><h3>{title}</h3><p>{expl}</p>"#,
        sev = severity_class(f.severity),
        id = escape(&f.id),
        kind = escape(&f.kind),
        title = escape(&f.title),
        expl = escape(&f.explanation)
    );
    for c in &f.caveats {
        let _ = write!(out, r#"<p class="caveat">⚠ {}</p>"#, escape(c));
    }
    if !f.figures.is_empty() {
        out.push_str("<table><tr><th>figure</th><th>value</th></tr>");
        for fig in &f.figures {
            let _ = write!(
                out,
                r#"<tr><td>{}</td><td class="num">{}</td></tr>"#,
                escape(&fig.name.replace('_', " ")),
                escape(&fig.display)
            );
        }
        out.push_str("</table>");
    }
    if !f.evidence.is_empty() {
        out.push_str("<details open><summary>Evidence</summary><table><tr><th>fact</th><th>source</th><th>status</th></tr>");
        for e in &f.evidence {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&e.statement),
                escape(&e.source),
                status_chip(e.status)
            );
        }
        out.push_str("</table></details>");
    }
    if !f.parameters.is_empty() {
        out.push_str("<details><summary>Parameters and assumptions</summary><table>");
        for (k, v) in &f.parameters {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td></tr>",
                escape(&k.replace('_', " ")),
                escape(v)
            );
        }
        out.push_str("</table></details>");
    }
    out.push_str("</article>");
}

/// Render the whole report as one HTML document.
pub fn render(doc: &ReportDoc) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title><style>{CSS}</style></head><body><header><h1>{title}</h1><p>Generated {generated} by chipwatch {version} · data: {origin}</p></header><main>"#,
        title = escape(&doc.title),
        generated = escape(&doc.generated),
        version = escape(&doc.version),
        origin = escape(&doc.data_origin)
    );
    let all: Vec<&Finding> = doc.sections.iter().flat_map(|s| &s.findings).collect();
    out.push_str(r#"<div class="summary">"#);
    for sev in [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ] {
        let n = all.iter().filter(|f| f.severity == sev).count();
        if n > 0 {
            let _ = write!(
                out,
                r#"<span class="pill sev-{0}">{n} {0}</span>"#,
                sev.as_str()
            );
        }
    }
    out.push_str("</div>");
    let mut top: Vec<&Finding> = all
        .iter()
        .copied()
        .filter(|f| f.severity >= Severity::High)
        .collect();
    top.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.score.total_cmp(&a.score))
    });
    if !top.is_empty() {
        out.push_str("<h2>Most serious</h2><ol>");
        for f in top.iter().take(8) {
            let _ = write!(
                out,
                r##"<li><a href="#{}">{}</a></li>"##,
                escape(&f.id),
                escape(&f.title)
            );
        }
        out.push_str("</ol>");
    }
    for note in &doc.notes {
        let _ = write!(out, r#"<p class="caveat">{}</p>"#, escape(note));
    }
    out.push_str("<nav><h2>Contents</h2><ol>");
    for s in &doc.sections {
        let _ = write!(
            out,
            r##"<li><a href="#{}">{}</a> ({} findings)</li>"##,
            escape(&s.id),
            escape(&s.title),
            s.findings.len()
        );
    }
    out.push_str("</ol></nav>");
    for s in &doc.sections {
        let _ = write!(
            out,
            r#"<section id="{}"><h2>{}</h2><p class="intro">{}</p>"#,
            escape(&s.id),
            escape(&s.title),
            escape(&s.intro)
        );
        for c in &s.charts {
            let _ = write!(
                out,
                "<figure><figcaption>{}</figcaption>{}",
                escape(&c.title),
                svg::render(c)
            );
            if !c.note.is_empty() {
                let _ = write!(out, r#"<div class="note">{}</div>"#, escape(&c.note));
            }
            out.push_str("</figure>");
        }
        for m in &s.maps {
            let _ = write!(
                out,
                "<figure><figcaption>{}</figcaption>{}",
                escape(&m.title),
                svg::render_map(m)
            );
            if !m.note.is_empty() {
                let _ = write!(out, r#"<div class="note">{}</div>"#, escape(&m.note));
            }
            out.push_str("</figure>");
        }
        for g in &s.graphs {
            let _ = write!(
                out,
                "<figure><figcaption>{}</figcaption>{}",
                escape(&g.title),
                svg::render_graph(g)
            );
            if !g.note.is_empty() {
                let _ = write!(out, r#"<div class="note">{}</div>"#, escape(&g.note));
            }
            out.push_str("</figure>");
        }
        if s.findings.is_empty() {
            out.push_str("<p>No findings.</p>");
        }
        for f in &s.findings {
            finding_html(&mut out, f);
        }
        out.push_str("</section>");
    }
    let _ = write!(
        out,
        "<footer>Every figure carries its source and verification status: <em>verified_primary</em> (read in the filing or official statistics), \
         <em>verified_secondary</em> (quoted by a reputable secondary source), <em>derived</em> (arithmetic on such figures), \
         <em>secondary_test_fixture</em> and <em>unverified</em> (verify before relying on them). Findings flag; they do not prove. \
         Machine-readable findings: findings.json.</footer></main></body></html>"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
