//! SVG charts drawn from [`Chart`] specs: line charts for series over time, grouped bars
//! for side-by-side comparisons. Self-contained markup (no scripts, no external fonts), so
//! a report opens anywhere, including offline and in mail clients.

use std::fmt::Write;

use chipwatch_model::finding::{Chart, ChartKind};

use crate::html::escape;

/// Colours for series, chosen to stay distinct for common colour-vision deficiencies.
const PALETTE: [&str; 8] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
];

const W: f64 = 760.0;
const H: f64 = 340.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 60.0;

/// A "nice" axis maximum and tick step (1, 2, 2.5 or 5 × 10^k) covering `max`.
pub fn nice_axis(max: f64) -> (f64, f64) {
    if !max.is_finite() || max <= 0.0 {
        return (1.0, 0.25);
    }
    let raw_step = max / 5.0;
    let mag = 10f64.powf(raw_step.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw_step)
        .unwrap_or(10.0 * mag);
    ((max / step).ceil() * step, step)
}

fn tick_label(v: f64) -> String {
    if v >= 1000.0 {
        chipwatch_model::units::thousands(v)
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Render a chart as an `<svg>` element.
pub fn render(chart: &Chart) -> String {
    let n = chart.x_labels.len().max(1);
    let max = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .copied()
        .fold(0.0_f64, f64::max);
    let (ymax, step) = nice_axis(max);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let y = |v: f64| TOP + plot_h - v / ymax * plot_h;
    let slot = plot_w / n as f64;
    let x_center = |i: usize| LEFT + slot * (i as f64 + 0.5);
    let legend_rows = chart.series.len().div_ceil(3);
    let total_h = H + 22.0 * legend_rows as f64;

    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {total_h}" role="img" aria-labelledby="{id}-t" class="chart" font-family="system-ui, sans-serif" font-size="12"><title id="{id}-t">{title}</title>"#,
        id = escape(&chart.id),
        title = escape(&chart.title)
    );
    // Grid and y axis.
    let mut v = 0.0;
    while v <= ymax + step * 0.01 {
        let yy = y(v);
        let _ = write!(
            s,
            r##"<line x1="{LEFT}" x2="{x2}" y1="{yy:.1}" y2="{yy:.1}" stroke="#ddd"/><text x="{tx}" y="{ty:.1}" text-anchor="end" fill="#444">{label}</text>"##,
            x2 = W - RIGHT,
            tx = LEFT - 6.0,
            ty = yy + 4.0,
            label = tick_label(v)
        );
        v += step;
    }
    let _ = write!(
        s,
        r##"<text x="14" y="{cy}" transform="rotate(-90 14 {cy})" text-anchor="middle" fill="#444">{unit}</text>"##,
        cy = TOP + plot_h / 2.0,
        unit = escape(&chart.y_unit)
    );
    // X labels.
    for (i, label) in chart.x_labels.iter().enumerate() {
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" fill="#444">{label}</text>"##,
            x = x_center(i),
            y = TOP + plot_h + 18.0,
            label = escape(label)
        );
    }
    let _ = write!(
        s,
        r##"<line x1="{LEFT}" x2="{x2}" y1="{yb}" y2="{yb}" stroke="#888"/>"##,
        x2 = W - RIGHT,
        yb = TOP + plot_h
    );
    match chart.kind {
        ChartKind::Line => {
            for (k, series) in chart.series.iter().enumerate() {
                let color = PALETTE[k % PALETTE.len()];
                // Break the line where a value is missing.
                let mut path = String::new();
                let mut pen_down = false;
                for (i, val) in series.values.iter().enumerate() {
                    match val {
                        Some(v) => {
                            let _ = write!(
                                path,
                                "{}{:.1},{:.1} ",
                                if pen_down { "L" } else { "M" },
                                x_center(i),
                                y(*v)
                            );
                            pen_down = true;
                        }
                        None => pen_down = false,
                    }
                }
                let _ = write!(
                    s,
                    r#"<path d="{path}" fill="none" stroke="{color}" stroke-width="2.5"/>"#
                );
                for (i, val) in series.values.iter().enumerate() {
                    if let Some(v) = val {
                        let marked = series.marks.contains(&i);
                        let _ = write!(
                            s,
                            r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r}" fill="{fill}" stroke="{color}" stroke-width="2"><title>{name}, {x}: {val}</title></circle>"##,
                            cx = x_center(i),
                            cy = y(*v),
                            r = if marked { 7 } else { 3 },
                            fill = if marked { "#fff" } else { color },
                            name = escape(&series.name),
                            x = escape(&chart.x_labels[i]),
                            val = tick_label(*v)
                        );
                    }
                }
            }
        }
        ChartKind::Bar => {
            let groups = chart.series.len().max(1) as f64;
            let bar_w = (slot * 0.8) / groups;
            for (k, series) in chart.series.iter().enumerate() {
                let color = PALETTE[k % PALETTE.len()];
                for (i, val) in series.values.iter().enumerate() {
                    let Some(v) = val else { continue };
                    let x0 = LEFT + slot * i as f64 + slot * 0.1 + bar_w * k as f64;
                    let y0 = y(*v);
                    let marked = series.marks.contains(&i);
                    let _ = write!(
                        s,
                        r##"<rect x="{x0:.1}" y="{y0:.1}" width="{bw:.1}" height="{h:.1}" fill="{color}"{stroke}><title>{name}, {x}: {val}</title></rect>"##,
                        bw = (bar_w - 2.0).max(1.0),
                        h = (TOP + plot_h - y0).max(0.0),
                        stroke = if marked {
                            r##" stroke="#000" stroke-width="1.5""##
                        } else {
                            ""
                        },
                        name = escape(&series.name),
                        x = escape(&chart.x_labels[i]),
                        val = tick_label(*v)
                    );
                    if bar_w >= 26.0 {
                        let _ = write!(
                            s,
                            r##"<text x="{tx:.1}" y="{ty:.1}" text-anchor="middle" font-size="10" fill="#222">{val}</text>"##,
                            tx = x0 + bar_w / 2.0 - 1.0,
                            ty = y0 - 3.0,
                            val = tick_label(*v)
                        );
                    }
                }
            }
        }
    }
    // Legend.
    for (k, series) in chart.series.iter().enumerate() {
        let col = (k % 3) as f64;
        let row = (k / 3) as f64;
        let lx = LEFT + col * 230.0;
        let ly = H - 18.0 + row * 22.0;
        let _ = write!(
            s,
            r##"<rect x="{lx}" y="{ry}" width="14" height="14" fill="{color}"/><text x="{tx}" y="{ty}" fill="#222">{name}</text>"##,
            ry = ly - 11.0,
            color = PALETTE[k % PALETTE.len()],
            tx = lx + 20.0,
            ty = ly,
            name = escape(&series.name)
        );
    }
    s.push_str("</svg>");
    s
}

/// Render a map: an equirectangular projection around the points, with a graticule,
/// circles drawn as geodesic polygons, and one symbol per point kind.
pub fn render_map(map: &chipwatch_model::finding::MapFigure) -> String {
    const MW: f64 = 760.0;
    const MH: f64 = 460.0;
    let lats: Vec<f64> = map.points.iter().map(|p| p.lat).collect();
    let lons: Vec<f64> = map.points.iter().map(|p| p.lon).collect();
    if lats.is_empty() {
        return String::new();
    }
    let pad = 4.0;
    let (mut min_lat, mut max_lat) = (
        lats.iter().copied().fold(f64::MAX, f64::min) - pad,
        lats.iter().copied().fold(f64::MIN, f64::max) + pad,
    );
    let (min_lon, max_lon) = (
        lons.iter().copied().fold(f64::MAX, f64::min) - pad,
        lons.iter().copied().fold(f64::MIN, f64::max) + pad,
    );
    min_lat = min_lat.max(-85.0);
    max_lat = max_lat.min(85.0);
    let sx = (MW - 40.0) / (max_lon - min_lon).max(1e-6);
    let sy = (MH - 40.0) / (max_lat - min_lat).max(1e-6);
    let s_ = sx.min(sy);
    let x = |lon: f64| 20.0 + (lon - min_lon) * s_;
    let y = |lat: f64| 20.0 + (max_lat - lat) * s_;
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MW} {MH}" class="chart" role="img" font-family="system-ui, sans-serif" font-size="11"><title>{}</title><rect width="{MW}" height="{MH}" fill="#f4f8fb"/>"##,
        escape(&map.title)
    );
    // Graticule every 10 degrees.
    let mut g = (min_lat / 10.0).ceil() * 10.0;
    while g <= max_lat {
        let _ = write!(
            out,
            r##"<line x1="20" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="#d8e2ea"/><text x="22" y="{:.1}" fill="#8795a1">{g:.0}°</text>"##,
            x(max_lon),
            y(g),
            y(g),
            y(g) - 2.0
        );
        g += 10.0;
    }
    let mut g = (min_lon / 10.0).ceil() * 10.0;
    while g <= max_lon {
        let _ = write!(
            out,
            r##"<line y1="20" y2="{:.1}" x1="{:.1}" x2="{:.1}" stroke="#d8e2ea"/><text y="{:.1}" x="{:.1}" fill="#8795a1">{g:.0}°</text>"##,
            y(min_lat),
            x(g),
            x(g),
            y(min_lat) - 2.0,
            x(g) + 2.0
        );
        g += 10.0;
    }
    let clip_id = format!("{}-clip", escape(&map.id));
    let _ = write!(
        out,
        r#"<clipPath id="{clip_id}"><rect x="20" y="20" width="{:.1}" height="{:.1}"/></clipPath><g clip-path="url(#{clip_id})">"#,
        x(max_lon) - 20.0,
        y(min_lat) - 20.0
    );
    for c in &map.circles {
        let (stroke, fill) = match c.kind.as_str() {
            "cannot_be" => ("#c0392b", "none"),
            "consistent" => ("#1e8449", "#1e844922"),
            _ => ("#7f8c8d", "none"),
        };
        let mut path = String::new();
        for k in 0..=72 {
            let brg = (k as f64 * 5.0).to_radians();
            let d = c.radius_km / 6371.0088;
            let (la1, lo1) = (c.lat.to_radians(), c.lon.to_radians());
            let la2 = (la1.sin() * d.cos() + la1.cos() * d.sin() * brg.cos()).asin();
            let lo2 =
                lo1 + (brg.sin() * d.sin() * la1.cos()).atan2(d.cos() - la1.sin() * la2.sin());
            let _ = write!(
                path,
                "{}{:.1},{:.1} ",
                if k == 0 { "M" } else { "L" },
                x(lo2.to_degrees()),
                y(la2.to_degrees())
            );
        }
        let _ = write!(
            out,
            r#"<path d="{path}Z" fill="{fill}" stroke="{stroke}" stroke-width="1.5" stroke-dasharray="4 3"/>"#
        );
    }
    out.push_str("</g>");
    for p in &map.points {
        let (px, py) = (x(p.lon), y(p.lat));
        let symbol = match p.kind.as_str() {
            "landmark" => format!(
                r##"<path d="M{px:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z" fill="#2c3e50"/>"##,
                py - 6.0,
                px - 5.0,
                py + 4.0,
                px + 5.0,
                py + 4.0
            ),
            "site" => format!(
                r##"<path d="M{px:.1},{:.1} L{:.1},{py:.1} L{px:.1},{:.1} L{:.1},{py:.1} Z" fill="#8e44ad"/>"##,
                py - 7.0,
                px + 7.0,
                py + 7.0,
                px - 7.0
            ),
            "cannot_be" => format!(r##"<circle cx="{px:.1}" cy="{py:.1}" r="5" fill="#c0392b"/>"##),
            "consistent" => {
                format!(r##"<circle cx="{px:.1}" cy="{py:.1}" r="5" fill="#1e8449"/>"##)
            }
            _ => format!(r##"<circle cx="{px:.1}" cy="{py:.1}" r="5" fill="#f39c12"/>"##),
        };
        let _ = write!(
            out,
            r##"{symbol}<text x="{:.1}" y="{:.1}" fill="#222">{}</text>"##,
            px + 7.0,
            py + 4.0,
            escape(&p.label)
        );
    }
    let legend = [
        ("#2c3e50", "landmark"),
        ("#8e44ad", "declared site"),
        ("#c0392b", "cannot be there"),
        ("#1e8449", "consistent"),
        ("#f39c12", "inconclusive"),
    ];
    for (i, (c, t)) in legend.iter().enumerate() {
        let lx = 30.0 + i as f64 * 140.0;
        let _ = write!(
            out,
            r##"<rect x="{lx}" y="{:.1}" width="10" height="10" fill="{c}"/><text x="{:.1}" y="{:.1}" fill="#222">{t}</text>"##,
            MH - 16.0,
            lx + 14.0,
            MH - 7.0
        );
    }
    out.push_str("</svg>");
    out
}

/// Draw a network: nodes on a circle (the most linked at the top), edges as straight lines
/// with their labels, nodes coloured by kind, with a legend.
pub fn render_graph(g: &chipwatch_model::finding::GraphFigure) -> String {
    const W: f64 = 760.0;
    const H: f64 = 520.0;
    if g.nodes.is_empty() {
        return String::new();
    }
    let (cx, cy, r) = (
        W / 2.0,
        H / 2.0 + 10.0,
        (H / 2.0 - 70.0).min(W / 2.0 - 170.0),
    );
    let n = g.nodes.len();
    let mut degree: Vec<(usize, usize)> = (0..n)
        .map(|i| {
            let id = &g.nodes[i].id;
            (
                g.edges
                    .iter()
                    .filter(|e| &e.from == id || &e.to == id)
                    .count(),
                i,
            )
        })
        .collect();
    degree.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    // Buyers (and listed parties) on an inner ring, everyone else on the outer ring.
    let inner_kind = |i: usize| matches!(g.nodes[i].kind.as_str(), "buyer" | "listed");
    let inner: Vec<usize> = degree
        .iter()
        .map(|&(_, i)| i)
        .filter(|&i| inner_kind(i))
        .collect();
    let outer: Vec<usize> = degree
        .iter()
        .map(|&(_, i)| i)
        .filter(|&i| !inner_kind(i))
        .collect();
    let two_rings = !inner.is_empty() && !outer.is_empty() && n > 4;
    let mut pos = vec![(0.0, 0.0); n];
    let mut place = |ring: &[usize], radius: f64, offset: f64| {
        for (k, &i) in ring.iter().enumerate() {
            let a = -std::f64::consts::FRAC_PI_2
                + offset
                + 2.0 * std::f64::consts::PI * k as f64 / ring.len() as f64;
            pos[i] = if ring.len() == 1 && radius < r {
                (cx, cy)
            } else {
                (cx + radius * a.cos(), cy + radius * a.sin())
            };
        }
    };
    if two_rings {
        place(&inner, r * 0.45, 0.0);
        place(&outer, r, std::f64::consts::PI / outer.len() as f64);
    } else {
        let all: Vec<usize> = degree.iter().map(|&(_, i)| i).collect();
        if n == 1 {
            pos[all[0]] = (cx, cy);
        } else {
            place(&all, r, 0.0);
        }
    }
    let label_edges = g.edges.len() <= 16;
    let at = |id: &str| g.nodes.iter().position(|x| x.id == id).map(|i| pos[i]);
    let colour = |kind: &str| match kind {
        "listed" => "#b3261e",
        "payer" => "#e08a00",
        "forwarder" | "ship_to" => "#6b4fbb",
        "end_user" => "#2e7d32",
        _ => "#1f5fa8",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" class="chart" role="img" font-family="system-ui, sans-serif" font-size="11"><title>{}</title><rect width="{W}" height="{H}" fill="#fbfbfd"/>"##,
        escape(&g.title)
    );
    for e in &g.edges {
        if let (Some(a), Some(b)) = (at(&e.from), at(&e.to)) {
            let _ = write!(
                out,
                r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#9aa5b1" stroke-width="1.4"/>"##,
                a.0, a.1, b.0, b.1
            );
            if label_edges && !e.label.is_empty() {
                let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                let _ = write!(
                    out,
                    r##"<text x="{mx:.1}" y="{my:.1}" text-anchor="middle" fill="#555" font-size="9">{}</text>"##,
                    escape(&e.label)
                );
            }
        }
    }
    for (i, node) in g.nodes.iter().enumerate() {
        let (x, y) = pos[i];
        let anchor = if x < cx - 1.0 {
            "end"
        } else if x > cx + 1.0 {
            "start"
        } else {
            "middle"
        };
        let dx = match anchor {
            "end" => -12.0,
            "start" => 12.0,
            _ => 0.0,
        };
        let dy = if anchor == "middle" {
            if y < cy { -12.0 } else { 20.0 }
        } else {
            4.0
        };
        let _ = write!(
            out,
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="8" fill="{}"><title>{} ({})</title></circle><text x="{:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"##,
            colour(&node.kind),
            escape(&node.label),
            escape(&node.kind),
            x + dx,
            y + dy,
            escape(&node.label)
        );
    }
    let mut kinds: Vec<&str> = g.nodes.iter().map(|n| n.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    for (k, kind) in kinds.iter().enumerate() {
        let y = 18.0 + 16.0 * k as f64;
        let _ = write!(
            out,
            r##"<circle cx="16" cy="{y}" r="5" fill="{}"/><text x="26" y="{:.1}">{}</text>"##,
            colour(kind),
            y + 4.0,
            escape(&kind.replace('_', " "))
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chipwatch_model::finding::Series;

    #[test]
    fn axes_round_up_to_nice_steps() {
        assert_eq!(nice_axis(23684.0), (25000.0, 5000.0));
        assert_eq!(nice_axis(22.0), (25.0, 5.0));
        assert_eq!(nice_axis(1207.9), (1250.0, 250.0));
        assert_eq!(nice_axis(0.0), (1.0, 0.25));
    }

    #[test]
    fn a_line_chart_breaks_at_missing_values_and_marks_points() {
        let chart = Chart {
            id: "c".into(),
            title: "T <&>".into(),
            kind: ChartKind::Line,
            x_labels: vec!["2023".into(), "2024".into(), "2025".into()],
            series: vec![Series {
                name: "Singapore".into(),
                values: vec![Some(1.0), None, Some(3.0)],
                marks: vec![2],
            }],
            y_unit: "USD m".into(),
            note: String::new(),
        };
        let svg = render(&chart);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("T &lt;&amp;&gt;"));
        // Two separate pen-down moves: the gap is not bridged.
        let path = svg.split("<path d=\"").nth(1).unwrap();
        assert_eq!(path.split('"').next().unwrap().matches('M').count(), 2);
        assert!(svg.contains(r#"r="7""#), "the surge is marked");
    }
}
