//! Verdicts on a location claim that stay sound against a prover who can add delay but not
//! remove it.
//!
//! For each landmark, the minimum round trip bounds the prover's distance from it:
//! `R = c × (RTT − t_min) / 2`, with `c` the speed of light in vacuum and `t_min` a
//! *trusted* minimum processing time (zero unless the hardware guarantees more; never a
//! time the prover reports). Then:
//!
//! - **cannot be at the declared site**: some landmark answered faster than light allows
//!   from anywhere in the site (`RTT < 2·d(site, L)/c + t_min`). Added delay cannot cause it.
//! - **consistent with the declared region**: no such landmark; some landmark's disk lies
//!   wholly within the declared zone around the site; and some landmark's disk touches none
//!   of the restricted countries.
//! - **inconclusive** otherwise. A large RTT proves nothing: the prover controls delay.
//!
//! Never "proven at the site": Johor Bahru and Batam are 26-28 km from Singapore, 0.2 ms of
//! light.

use std::collections::HashSet;

use country_boundaries::{BOUNDARIES_ODBL_360X180, BoundingBox, CountryBoundaries};
use serde::Serialize;

use crate::geo::{
    LatLon, disk_bbox, distance_lower_km, distance_upper_km, geodesic_km, max_radius_km,
    rtt_floor_ms,
};

/// A landmark: a measuring server at a known, trusted position.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Landmark {
    pub id: String,
    pub name: String,
    pub operator: String,
    pub pos: LatLon,
    pub country: String,
}

/// A declared site: a point and the radius the claim covers (a campus, a city, a country).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub label: String,
    pub site: LatLon,
    pub radius_km: f64,
}

/// Parameters of a verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerifyParams {
    /// Trusted minimum processing time at the prover, ms (0 unless the hardware guarantees it).
    pub t_min_ms: f64,
    /// Radius around the site within which the prover must be shown to be for "consistent", km.
    pub zone_km: f64,
    /// Countries the prover must be shown not to be in (ISO alpha-2; subdivisions match by prefix).
    pub restricted: Vec<String>,
}

impl Default for VerifyParams {
    fn default() -> Self {
        VerifyParams {
            t_min_ms: 0.0,
            zone_km: 1500.0,
            restricted: vec!["CN".into(), "HK".into(), "MO".into()],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    CannotBe,
    Consistent,
    Inconclusive,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::CannotBe => "cannot be at the declared site",
            Verdict::Consistent => "consistent with the declared region",
            Verdict::Inconclusive => "inconclusive",
        }
    }
}

/// One landmark's measurement and what it proves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LandmarkEvidence {
    pub landmark: String,
    pub rtt_ms: f64,
    /// Distance from the landmark to the nearest point of the declared site (lower bound), km.
    pub site_distance_km: f64,
    /// The least RTT light allows from the site, ms.
    pub floor_ms: f64,
    /// The farthest the prover can be from this landmark, km.
    pub radius_km: f64,
    pub violates: bool,
}

/// The verdict with the landmarks and figures behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub verdict: Verdict,
    pub claim: Claim,
    /// The landmarks that decided the verdict, first.
    pub evidence: Vec<LandmarkEvidence>,
    /// Restricted countries the feasible region is shown to exclude.
    pub excludes: Vec<String>,
    pub explanation: String,
}

/// Country shapes (OpenStreetMap, ODbL) for the restricted-territory test.
pub fn boundaries() -> &'static CountryBoundaries {
    static B: std::sync::OnceLock<CountryBoundaries> = std::sync::OnceLock::new();
    B.get_or_init(|| {
        CountryBoundaries::from_reader(BOUNDARIES_ODBL_360X180)
            .expect("the country-boundaries crate ships valid data")
    })
}

fn wrap(lon: f64) -> f64 {
    if lon < -180.0 {
        lon + 360.0
    } else if lon > 180.0 {
        lon - 360.0
    } else {
        lon
    }
}

/// Whether the disk of `radius_km` around `center` may touch any restricted country.
/// Conservative: decided on 1°×0.5° raster cells covering the disk's bounding box.
pub fn disk_may_touch(center: LatLon, radius_km: f64, restricted: &[String]) -> bool {
    let (min_lat, min_lon, max_lat, max_lon) = disk_bbox(center, radius_km);
    let (lo, hi) = if max_lon - min_lon >= 360.0 {
        (-180.0, 180.0)
    } else {
        (wrap(min_lon), wrap(max_lon))
    };
    let Ok(bbox) = BoundingBox::new(min_lat, lo, max_lat, hi) else {
        return true;
    };
    let ids: HashSet<&str> = boundaries().intersecting_ids(bbox);
    ids.iter().any(|id| {
        restricted
            .iter()
            .any(|r| *id == r || id.starts_with(&format!("{r}-")))
    })
}

/// How many landmarks an assessment lists as evidence.
pub const EVIDENCE_SHOWN: usize = 5;

/// Verdicts for many provers against one landmark set: per landmark, the largest radius
/// whose disk touches none of the restricted countries is found once (by bisection on the
/// conservative raster test), so each verdict costs one pass over the landmarks.
pub struct Verifier<'a> {
    landmarks: &'a [Landmark],
    params: VerifyParams,
    /// Per landmark: disks up to this radius (km) reach no restricted country.
    clear_radius_km: Vec<f64>,
}

#[derive(Clone, Copy)]
struct Row {
    idx: usize,
    rtt: f64,
    site_km: f64,
    floor: f64,
    radius: f64,
}

impl<'a> Verifier<'a> {
    pub fn new(landmarks: &'a [Landmark], params: &VerifyParams) -> Verifier<'a> {
        let clear_radius_km = landmarks
            .iter()
            .map(|l| {
                if params.restricted.is_empty() {
                    return f64::INFINITY;
                }
                if disk_may_touch(l.pos, 0.0, &params.restricted) {
                    return 0.0;
                }
                let (mut lo, mut hi) = (0.0_f64, 20_050.0_f64);
                for _ in 0..16 {
                    let mid = (lo + hi) / 2.0;
                    if disk_may_touch(l.pos, mid, &params.restricted) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                lo
            })
            .collect();
        Verifier {
            landmarks,
            params: params.clone(),
            clear_radius_km,
        }
    }

    fn evidence(&self, r: &Row) -> LandmarkEvidence {
        LandmarkEvidence {
            landmark: self.landmarks[r.idx].id.clone(),
            rtt_ms: r.rtt,
            site_distance_km: r.site_km,
            floor_ms: r.floor,
            radius_km: r.radius,
            violates: r.rtt < r.floor,
        }
    }

    /// Judge `claim` from the minimum RTTs `rtts` (landmark index, ms).
    pub fn verify(&self, rtts: &[(usize, f64)], claim: &Claim) -> Assessment {
        let p = &self.params;
        let mut rows: Vec<Row> = rtts
            .iter()
            .filter(|(i, rtt)| *i < self.landmarks.len() && rtt.is_finite() && *rtt >= 0.0)
            .map(|&(idx, rtt)| {
                let site_km = (distance_lower_km(claim.site, self.landmarks[idx].pos)
                    - claim.radius_km)
                    .max(0.0);
                Row {
                    idx,
                    rtt,
                    site_km,
                    floor: rtt_floor_ms(site_km) + p.t_min_ms,
                    radius: max_radius_km(rtt, p.t_min_ms),
                }
            })
            .collect();
        let violations = rows.iter().filter(|r| r.rtt < r.floor).count();
        if violations > 0 {
            rows.sort_by(|a, b| (b.floor - b.rtt).total_cmp(&(a.floor - a.rtt)));
            let worst = rows[0];
            let l = &self.landmarks[worst.idx];
            return Assessment {
                verdict: Verdict::CannotBe,
                claim: claim.clone(),
                explanation: format!(
                    "{} answered in {:.2} ms, but light in vacuum needs at least {:.2} ms for the round trip between {} \
                     and the nearest point of {} ({:.0} km away): the prover cannot be there ({violations} landmark(s) \
                     violate the bound; t_min {} ms). Added delay can never produce this.",
                    l.name, worst.rtt, worst.floor, l.name, claim.label, worst.site_km, p.t_min_ms
                ),
                evidence: rows
                    .iter()
                    .take(violations.min(EVIDENCE_SHOWN))
                    .map(|r| self.evidence(r))
                    .collect(),
                excludes: Vec::new(),
            };
        }
        // Smallest disks first: they bound the region best.
        rows.sort_by(|a, b| a.radius.total_cmp(&b.radius));
        let within_zone = rows
            .iter()
            .find(|r| {
                distance_upper_km(claim.site, self.landmarks[r.idx].pos) + r.radius <= p.zone_km
            })
            .copied();
        let excluding = rows
            .iter()
            .find(|r| r.radius < self.clear_radius_km[r.idx])
            .copied();
        let excludes = if excluding.is_some() {
            p.restricted.clone()
        } else {
            Vec::new()
        };
        let evidence: Vec<LandmarkEvidence> = rows
            .iter()
            .take(EVIDENCE_SHOWN)
            .map(|r| self.evidence(r))
            .collect();
        let (verdict, explanation) = match (within_zone, excluding) {
            (Some(z), Some(x)) => {
                let lz = &self.landmarks[z.idx];
                let lx = &self.landmarks[x.idx];
                (
                    Verdict::Consistent,
                    format!(
                        "No landmark contradicts {}. {} ({:.2} ms) places the prover within {:.0} km of it, so within {:.0} km \
                         of the declared site ({:.0} km away); {} ({:.2} ms) bounds it to {:.0} km, which reaches none of {}. \
                         Consistent with the declared region, not proof of the exact site.",
                        claim.label,
                        lz.name,
                        z.rtt,
                        z.radius,
                        p.zone_km,
                        geodesic_km(claim.site, lz.pos),
                        lx.name,
                        x.rtt,
                        x.radius,
                        p.restricted.join(", ")
                    ),
                )
            }
            _ => {
                let nearest = rows.first().map(|r| {
                    let l = &self.landmarks[r.idx];
                    format!(
                        "the tightest bound is {} at {:.2} ms (within {:.0} km)",
                        l.name, r.rtt, r.radius
                    )
                });
                (
                    Verdict::Inconclusive,
                    format!(
                        "No landmark contradicts {}, but none bounds the prover {}: {}. A large RTT proves nothing, since \
                         the prover controls delay; a landmark closer to where the prover may be would decide it.",
                        claim.label,
                        if within_zone.is_none() {
                            format!("to within {:.0} km of the site", p.zone_km)
                        } else {
                            format!("away from {}", p.restricted.join(", "))
                        },
                        nearest.unwrap_or_else(|| "no measurements".into())
                    ),
                )
            }
        };
        Assessment {
            verdict,
            claim: claim.clone(),
            evidence,
            excludes,
            explanation,
        }
    }
}

/// Judge one claim (builds a [`Verifier`]; reuse one for many provers).
pub fn verify(
    landmarks: &[Landmark],
    rtts: &[(usize, f64)],
    claim: &Claim,
    p: &VerifyParams,
) -> Assessment {
    Verifier::new(landmarks, p).verify(rtts, claim)
}

/// Landmarks whose positions the landmark-to-landmark measurements contradict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mislocated {
    pub landmark: String,
    /// Partners it answered faster than light allows (partner, RTT ms, floor ms).
    pub violations: Vec<(String, f64, f64)>,
}

/// Self-calibration: a pair of landmarks that answered each other faster than a signal at
/// `speed_c` (a fraction of the speed of light) allows between their declared positions
/// cannot both be where they say. The landmark in the most such pairs is excluded, and so on
/// until no pair is left. At `speed_c = 1` only physically impossible pairs count; at 2/3
/// (light in fibre) landmark-to-landmark links, which run over ordinary networks, also expose
/// swapped or wrong coordinates. Excluding a landmark never makes a verdict unsound: it only
/// removes evidence.
pub fn self_calibrate(
    landmarks: &[Landmark],
    speed_c: f64,
    pair_rtt: impl Fn(usize, usize) -> Option<f64>,
) -> Vec<Mislocated> {
    let n = landmarks.len();
    let mut edges: Vec<(usize, usize, f64, f64)> = Vec::new();
    for a in 0..n {
        for b in (a + 1)..n {
            let rtt = match (pair_rtt(a, b), pair_rtt(b, a)) {
                (Some(x), Some(y)) => x.min(y),
                (Some(x), None) | (None, Some(x)) => x,
                (None, None) => continue,
            };
            let floor =
                rtt_floor_ms(distance_lower_km(landmarks[a].pos, landmarks[b].pos)) / speed_c;
            if rtt < floor {
                edges.push((a, b, rtt, floor));
            }
        }
    }
    let mut out = Vec::new();
    let mut removed = vec![false; n];
    loop {
        let mut count = vec![0usize; n];
        for &(a, b, _, _) in edges
            .iter()
            .filter(|(a, b, _, _)| !removed[*a] && !removed[*b])
        {
            count[a] += 1;
            count[b] += 1;
        }
        let Some((worst, &c)) = count.iter().enumerate().max_by_key(|(_, c)| **c) else {
            break;
        };
        if c == 0 {
            break;
        }
        removed[worst] = true;
        out.push(Mislocated {
            landmark: landmarks[worst].id.clone(),
            violations: edges
                .iter()
                .filter(|(a, b, _, _)| *a == worst || *b == worst)
                .map(|&(a, b, rtt, floor)| {
                    let other = if a == worst { b } else { a };
                    (landmarks[other].id.clone(), rtt, floor)
                })
                .collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lm(id: &str, lat: f64, lon: f64) -> Landmark {
        Landmark {
            id: id.into(),
            name: id.into(),
            operator: "test".into(),
            pos: LatLon::new(lat, lon).unwrap(),
            country: String::new(),
        }
    }

    fn sg() -> Claim {
        Claim {
            label: "Singapore".into(),
            site: LatLon::new(1.3521, 103.8198).unwrap(),
            radius_km: 30.0,
        }
    }

    #[test]
    fn a_landmark_next_to_the_prover_rules_out_a_distant_claim() {
        // A prover in Shanghai answers a Hangzhou landmark in 5 ms; Singapore is 3,700 km from Hangzhou.
        let lms = vec![lm("hangzhou", 30.25, 120.1667)];
        let a = verify(&lms, &[(0, 5.0)], &sg(), &VerifyParams::default());
        assert_eq!(a.verdict, Verdict::CannotBe);
    }

    #[test]
    fn added_delay_never_turns_a_false_claim_consistent() {
        let lms = vec![lm("hangzhou", 30.25, 120.1667), lm("kl", 3.1333, 101.6833)];
        for extra in [0.0, 1.0, 10.0, 100.0, 1000.0] {
            let a = verify(
                &lms,
                &[(0, 5.0 + extra), (1, 60.0 + extra)],
                &sg(),
                &VerifyParams::default(),
            );
            assert_ne!(a.verdict, Verdict::Consistent, "extra {extra} ms");
        }
    }

    #[test]
    fn a_truthful_singapore_prover_is_consistent_and_excludes_china() {
        let lms = vec![lm("kl", 3.1333, 101.6833), lm("jakarta", -6.1333, 106.75)];
        let a = verify(
            &lms,
            &[(0, 6.9), (1, 12.6)],
            &sg(),
            &VerifyParams::default(),
        );
        assert_eq!(a.verdict, Verdict::Consistent, "{}", a.explanation);
        assert_eq!(a.excludes, vec!["CN", "HK", "MO"]);
    }

    #[test]
    fn a_pair_faster_than_light_excludes_the_landmark_in_most_such_pairs() {
        // "bad" claims to be in Honduras but answers three US east-coast landmarks in 3.7 ms.
        let lms = vec![
            lm("ny", 40.7, -74.0),
            lm("dc", 38.9, -77.0),
            lm("miami", 25.8, -80.2),
            lm("bad", 15.77, -86.79),
        ];
        let rtt = |a: usize, b: usize| -> Option<f64> {
            if a == 3 || b == 3 {
                Some(3.7)
            } else {
                Some(40.0)
            }
        };
        let out = self_calibrate(&lms, 1.0, rtt);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].landmark, "bad");
    }
}
