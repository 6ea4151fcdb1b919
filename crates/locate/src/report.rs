//! Location verdicts for a fleet of chips as a report section: one finding per chip and a map
//! of the landmarks, the declared site and each chip's decisive bound.

use chipwatch_model::finding::{
    Figure, Finding, MapCircle, MapFigure, MapPoint, Section, Severity, rank,
};
use chipwatch_model::status::Status;

use crate::estimate::{Bestline, estimate};
use crate::files::ChipRtts;
use crate::verify::{Claim, Landmark, Verdict, Verifier, VerifyParams};

/// Chips whose allowed region is larger than this are not placed on the map.
pub const MAX_MARKED_AREA_KM2: f64 = 2.0e6;

/// Judge every chip's claim and build the report section.
pub fn section(
    landmarks: &[Landmark],
    chips: &ChipRtts,
    claim: &Claim,
    params: &VerifyParams,
    source: &str,
) -> Section {
    let verifier = Verifier::new(landmarks, params);
    let baselines = vec![Bestline::baseline(); landmarks.len()];
    let mut findings = Vec::new();
    let mut points: Vec<MapPoint> = landmarks
        .iter()
        .map(|l| MapPoint {
            label: l.name.clone(),
            lat: l.pos.lat,
            lon: l.pos.lon,
            kind: "landmark".into(),
        })
        .collect();
    points.push(MapPoint {
        label: claim.label.clone(),
        lat: claim.site.lat,
        lon: claim.site.lon,
        kind: "site".into(),
    });
    let mut circles = Vec::new();
    for (chip, rtts) in chips {
        let a = verifier.verify(rtts, claim);
        let severity = match a.verdict {
            Verdict::CannotBe => Severity::High,
            Verdict::Inconclusive => Severity::Medium,
            Verdict::Consistent => Severity::Info,
        };
        let mut f = Finding::new(
            "location",
            format!("location/{chip}"),
            chip.clone(),
            severity,
        );
        f.title = format!("{chip} claiming {}: {}", claim.label, a.verdict.as_str());
        f.explanation = a.explanation.clone();
        f.score = match a.verdict {
            Verdict::CannotBe => a.evidence.first().map_or(0.0, |e| e.floor_ms - e.rtt_ms),
            _ => 0.0,
        };
        for e in &a.evidence {
            let name = landmarks
                .iter()
                .find(|l| l.id == e.landmark)
                .map_or(e.landmark.clone(), |l| l.name.clone());
            f.figure(Figure::new(
                format!("rtt_ms/{}", e.landmark),
                e.rtt_ms,
                "ms",
                format!(
                    "{:.2} ms (light needs ≥ {:.2} ms from the site; within {:.0} km)",
                    e.rtt_ms, e.floor_ms, e.radius_km
                ),
            ));
            f.evidence(
                format!(
                    "{name}: minimum RTT {:.2} ms; the site is {:.0} km away{}",
                    e.rtt_ms,
                    e.site_distance_km,
                    if e.violates {
                        " (faster than light allows)"
                    } else {
                        ""
                    }
                ),
                source.to_string(),
                Status::VerifiedPrimary,
            );
        }
        f.parameter("speed", "c (vacuum)")
            .parameter("t_min_ms", params.t_min_ms.to_string())
            .parameter("zone_km", params.zone_km.to_string())
            .parameter("restricted", params.restricted.join(","));
        let kind = match a.verdict {
            Verdict::CannotBe => "cannot_be",
            Verdict::Consistent => "consistent",
            Verdict::Inconclusive => "inconclusive",
        };
        if let Some(e) = a.evidence.first()
            && let Some(l) = landmarks.iter().find(|l| l.id == e.landmark)
        {
            circles.push(MapCircle {
                lat: l.pos.lat,
                lon: l.pos.lon,
                radius_km: e.radius_km,
                kind: kind.into(),
            });
        }
        // A chip whose allowed region spans millions of km² has no meaningful centre.
        if let Some(est) =
            estimate(landmarks, &baselines, rtts).filter(|e| e.area_km2 < MAX_MARKED_AREA_KM2)
        {
            points.push(MapPoint {
                label: chip.clone(),
                lat: est.centroid.lat,
                lon: est.centroid.lon,
                kind: kind.into(),
            });
        }
        findings.push(f);
    }
    rank(&mut findings);
    Section {
        id: "location".into(),
        title: format!("Location: chips claiming {}", claim.label),
        intro: format!(
            "Each chip's host answered signed challenges from landmarks at known positions. A landmark that got an answer \
             faster than light allows from {} rules the claim out, whatever delay the host adds; otherwise the claim is \
             consistent (bounded near the site and away from {}) or inconclusive. Measurements: {source}.",
            claim.label,
            params.restricted.join(", ")
        ),
        findings,
        charts: Vec::new(),
        maps: vec![MapFigure {
            id: "location-map".into(),
            title: format!("Landmarks, the declared site ({}) and each chip's decisive bound", claim.label),
            points,
            circles,
            note: "Dashed circles: the bound from each chip's decisive landmark (light in vacuum). Chip markers sit at the \
                   centre of the region the bounds allow (an estimate, not a verdict); chips whose region spans more than 2 million km² \
                   are not placed."
                .into(),
        }],
        graphs: Vec::new(),
    }
}

/// The bundled demonstration: WonderProxy servers in Singapore, Shanghai, Hong Kong and
/// Shenzhen standing in for chips that all claim to be in Singapore.
pub fn demo_section() -> Section {
    let landmarks = crate::files::read_landmarks_text(
        "data/locate/demo_landmarks.csv",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/locate/demo_landmarks.csv"
        )),
    )
    .expect("bundled demo landmarks are valid (tested)");
    let chips = crate::files::read_measurements_text(
        "data/locate/demo_measurements.csv",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/locate/demo_measurements.csv"
        )),
        &landmarks,
    )
    .expect("bundled demo measurements are valid (tested)");
    let claim = crate::files::parse_claim("SG").expect("SG is a bundled claim region");
    section(
        &landmarks,
        &chips,
        &claim,
        &VerifyParams::default(),
        "demonstration: WonderProxy ping mesh 2020-07-19/20 (minimum RTTs), servers standing in for chips",
    )
}
