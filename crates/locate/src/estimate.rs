//! Estimates, not verdicts: constraint-based geolocation (CBG, Gueye et al. 2006).
//!
//! Each landmark gets a *bestline* from landmark-to-landmark measurements: the line
//! `rtt = m·d + b` (b ≥ 0) that lies below every calibration point `(distance, rtt)` and
//! closest to them. A prover's RTT then bounds its distance from that landmark by
//! `(rtt − b)/m`, far tighter than the speed of light, and the intersection of those disks is
//! the feasible region; its centroid is the estimate. Bestlines describe ordinary networks, so
//! a prover that adds delay moves the estimate: estimates never feed a verdict.

use serde::Serialize;

use crate::geo::{C_KM_PER_MS, EARTH_RADIUS_KM, LatLon, haversine_km};
use crate::verify::Landmark;

/// A landmark's bestline: `rtt_ms = slope_ms_per_km × d_km + intercept_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Bestline {
    pub slope_ms_per_km: f64,
    pub intercept_ms: f64,
}

impl Bestline {
    /// The physical baseline: light in vacuum, no intercept.
    pub fn baseline() -> Bestline {
        Bestline {
            slope_ms_per_km: 2.0 / C_KM_PER_MS,
            intercept_ms: 0.0,
        }
    }
    /// Largest distance consistent with `rtt_ms`.
    pub fn max_distance_km(&self, rtt_ms: f64) -> f64 {
        ((rtt_ms - self.intercept_ms) / self.slope_ms_per_km).max(0.0)
    }
}

/// Fit a bestline to calibration points `(distance_km, rtt_ms)`: among lines below every point
/// with intercept ≥ 0 and slope no steeper-than-light (slope ≥ 2/c), the one minimising the
/// total gap to the points. The optimum lies on the lower convex hull.
pub fn fit_bestline(points: &[(f64, f64)]) -> Bestline {
    let mut pts: Vec<(f64, f64)> = points
        .iter()
        .copied()
        .filter(|(d, r)| d.is_finite() && r.is_finite() && *d >= 0.0 && *r >= 0.0)
        .collect();
    if pts.len() < 2 {
        return Bestline::baseline();
    }
    pts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    // Lower hull (monotone chain).
    let mut hull: Vec<(f64, f64)> = Vec::new();
    for p in pts.iter().copied() {
        while hull.len() >= 2 {
            let (a, b) = (hull[hull.len() - 2], hull[hull.len() - 1]);
            let cross = (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0);
            if cross <= 0.0 {
                hull.pop();
            } else {
                break;
            }
        }
        hull.push(p);
    }
    let n = pts.len() as f64;
    let sum_d: f64 = pts.iter().map(|p| p.0).sum();
    let min_slope = 2.0 / C_KM_PER_MS;
    let feasible = |m: f64, b: f64| {
        b >= 0.0 && m >= min_slope && pts.iter().all(|p| m * p.0 + b <= p.1 + 1e-9)
    };
    let mut best: Option<(f64, Bestline)> = None;
    let mut consider = |m: f64, b: f64| {
        if feasible(m, b) {
            let score = m * sum_d + n * b; // maximising this minimises the total gap
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((
                    score,
                    Bestline {
                        slope_ms_per_km: m,
                        intercept_ms: b,
                    },
                ));
            }
        }
    };
    for w in hull.windows(2) {
        let (a, b) = (w[0], w[1]);
        if b.0 > a.0 {
            let m = (b.1 - a.1) / (b.0 - a.0);
            consider(m, a.1 - m * a.0);
        }
    }
    // Lines through one hull point with b = 0, or at the minimum slope.
    for p in &hull {
        if p.0 > 0.0 {
            consider(p.1 / p.0, 0.0);
        }
        consider(min_slope, p.1 - min_slope * p.0);
    }
    best.map_or_else(Bestline::baseline, |(_, l)| l)
}

/// A location estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub centroid: LatLon,
    /// Approximate area of the feasible region, km².
    pub area_km2: f64,
    /// Grid points inside every disk (0: the disks do not meet; the centroid is then the
    /// lowest-RTT landmark, "shortest ping").
    pub points_inside: usize,
}

/// Estimate a prover's position from its RTTs and per-landmark bestlines.
pub fn estimate(
    landmarks: &[Landmark],
    bestlines: &[Bestline],
    rtts: &[(usize, f64)],
) -> Option<Estimate> {
    let disks: Vec<(LatLon, f64)> = rtts
        .iter()
        .map(|&(i, r)| (landmarks[i].pos, bestlines[i].max_distance_km(r)))
        .collect();
    let &(center, radius) = disks.iter().min_by(|a, b| a.1.total_cmp(&b.1))?;
    let steps = 48usize;
    let dlat = (radius / EARTH_RADIUS_KM).to_degrees();
    let dlon = dlat / center.lat.to_radians().cos().max(0.05);
    let mut sum = (0.0, 0.0, 0.0);
    let mut inside = 0usize;
    for i in 0..=steps {
        for j in 0..=steps {
            let lat = center.lat - dlat + 2.0 * dlat * i as f64 / steps as f64;
            let mut lon = center.lon - dlon + 2.0 * dlon * j as f64 / steps as f64;
            if lon > 180.0 {
                lon -= 360.0;
            } else if lon < -180.0 {
                lon += 360.0;
            }
            let Some(p) = LatLon::new(lat.clamp(-90.0, 90.0), lon) else {
                continue;
            };
            if disks.iter().all(|(c, r)| haversine_km(*c, p) <= *r) {
                inside += 1;
                let (la, lo) = (p.lat.to_radians(), p.lon.to_radians());
                sum.0 += la.cos() * lo.cos();
                sum.1 += la.cos() * lo.sin();
                sum.2 += la.sin();
            }
        }
    }
    let cell_km2 = (2.0 * radius / steps as f64).powi(2);
    if inside == 0 {
        let nearest = rtts.iter().min_by(|a, b| a.1.total_cmp(&b.1))?;
        return Some(Estimate {
            centroid: landmarks[nearest.0].pos,
            area_km2: 0.0,
            points_inside: 0,
        });
    }
    let (x, y, z) = sum;
    let centroid = LatLon::new(
        z.atan2((x * x + y * y).sqrt()).to_degrees(),
        y.atan2(x).to_degrees(),
    )?;
    Some(Estimate {
        centroid,
        area_km2: inside as f64 * cell_km2,
        points_inside: inside,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bestline_lies_below_every_point_and_touches_the_hull() {
        let pts = [
            (100.0, 5.0),
            (500.0, 9.0),
            (1000.0, 14.0),
            (2000.0, 30.0),
            (300.0, 20.0),
        ];
        let l = fit_bestline(&pts);
        for (d, r) in pts {
            assert!(l.slope_ms_per_km * d + l.intercept_ms <= r + 1e-9);
        }
        assert!(l.slope_ms_per_km >= 2.0 / C_KM_PER_MS);
        // Tighter than light: 10 ms bounds the distance to well under 1,499 km.
        assert!(l.max_distance_km(10.0) < 1000.0, "{l:?}");
    }

    #[test]
    fn with_no_calibration_the_bestline_is_the_speed_of_light() {
        assert_eq!(fit_bestline(&[(10.0, 1.0)]), Bestline::baseline());
    }
}
